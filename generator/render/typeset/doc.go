// Package typeset sets documents in Chinese and Latin text and writes them
// as PDF: the briefing for leadership is a document written on it, and so
// can letters or official documents in another layout be. It lays out;
// what a document says, and how it looks, is the document's.
//
// # Units and the page
//
// Lengths are in points (1/72 inch; MM is a millimetre), and positions on
// a page are measured from its top left corner, y downwards. Every page of
// a Document has the same size (A4Width by A4Height for A4 portrait).
//
// # Fonts
//
// A document names its fonts by role (Fonts, FontRole): body text,
// headings, tables, as it chooses. Each role is a list of TrueType files;
// a character is drawn by the first file of the role's list that has it,
// or else by the first file of the roles it falls back on (FontRole.Fallback)
// that does. A file given for several roles is read and embedded once.
// Text is measured with the fonts' own widths, exactly as gopdf measures
// and draws them (package fontsubset), and each font is embedded as a
// TrueType font of only the glyphs the document draws, made once the
// document is laid out; a font that cannot be made smaller this way is
// handed to gopdf whole, which embeds it more slowly.
//
// # Text and line breaking
//
// A Text is a run of characters, each with a Style (role, size, colour,
// underline, strike-through, link). Typesetter.Lines breaks it into lines
// and draws each on its own; gopdf's MultiCell, which drops what does not
// fit and breaks English inside words, is never used. The rules:
//
//   - Latin text breaks at spaces, and inside a word only when the word is
//     longer than the line; a no-break space (U+00A0) never breaks.
//   - Chinese, Japanese and Korean text may break between any two
//     characters, except that a line never starts with closing
//     punctuation (，。、；：？！）》」… and their Latin forms) nor ends with
//     opening punctuation (（《「“ …), a pair of dashes (——) or ellipses
//     (……) is not split, and a number stays with the measure word after
//     it (12个, 2016年).
//   - The last line of a paragraph is never a single CJK character (with
//     its punctuation) when a character can move down from the line
//     before; a forced line break (Text.HardBreak) is kept.
//   - Para.Justify stretches CJK lines, but the last, to the width, by at
//     most 12% of the size between characters.
//
// # Boxes, flows and pages
//
// A document is laid out in full before a byte is written. Text and
// everything else become boxes (Box): a height, and a function that draws
// the box at a position on a Page, a display list. A Flow fills boxes
// into pages of one Frame (the text area): a box marked Keep stays on the
// page of the box after it, so a heading is kept with what follows it; a
// paragraph's first two and last two lines stay together, so no page
// starts or ends with a single line of it; vertical space (VSpace) is
// dropped at the top of a page; and a tall box that can split (a table
// row) is cut at the foot of a page. A Table sizes its columns by their
// text (Table.AutoWidths), rows grow to fit it, a tall row is cut between
// lines of its cells, and the header row repeats on every page the table
// runs onto. Typesetter.Markdown sets a parsed Markdown document as
// boxes, with callbacks for headings and images.
//
// Because pages are display lists, a document can set its table of
// contents after its body (Page.Anchors gives the page of each heading)
// and draw its running headers and footers once the number of pages is
// known (Furnish). Links go to web addresses (Page.Link, Style.URL) or to
// anchors (Page.LinkTo, Style.Anchor); Page.Outline makes the PDF's
// bookmarks.
//
// # What is guaranteed
//
// Text is never silently dropped. Nothing is cut to fit a box but by
// Typesetter.Fit and Typesetter.WrapAtMost, which end what they shorten
// with an ellipsis. A character that no font has is noted
// (Typesetter.Missing), and Write refuses to write the document rather
// than let gopdf print a space for it; a document checks its text
// beforehand with Typesetter.Has and PrintedRunes, and reports where such
// a character is.
//
// The output depends on nothing but the input: Info.Created is the only
// date written, nothing varies between runs or machines, and no map is
// iterated in an order that reaches the output. A Typesetter is safe for
// concurrent use, and the rows of a long table are set in parallel with
// the same result.
package typeset
