package i18n

// siteWords holds words only the site uses.
var siteWords = map[string]entry{}
