package i18n

// pdfWords holds words only the briefing uses.
var pdfWords = map[string]entry{}
