package typeset

// Colors are the colours a document's tables and Markdown are drawn in,
// besides those of the text's styles. Every field is used: there are no
// defaults.
type Colors struct {
	Muted  Color // secondary text: image descriptions, quotes, footnotes, link addresses
	Link   Color // the text of links
	Code   Color // inline code
	Rule   Color // the outer rules of tables and the rule under their header; horizontal rules
	Light  Color // the rules between a table's rows and columns; the bar beside block quotes
	Head   Color // the background of table headers and of the first column of Table.Labels
	Stripe Color // the background of every other row of a table
	Shade  Color // the background of code blocks
}
