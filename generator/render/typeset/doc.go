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
// # Keeping together
//
// A document says what belongs together; the flow decides where pages
// break, by these rules:
//
//   - Keep (headings, a paragraph's first line and its second-to-last): a
//     box stays on the page of the box after it. A group so kept goes to
//     the next page whole, unless it is taller than a page.
//   - KeepPrev (a caption or note under a table or figure, a closing line
//     of one line): a box stays on the page of the box before it. When it
//     does not fit there, the unit it follows (that box, with what it is
//     kept with, or its whole block) moves to the next page with it, so
//     that it never starts a page alone. Typesetter.Markdown marks the
//     last block of a document so when it is a paragraph or quote of one
//     line.
//   - Together (a block: the title, facts and rectification of a finding;
//     make one with the function Together): the boxes stay on one page.
//     A block that does not fit in the rest of the page starts the next,
//     unless it is taller than a page or moving it would leave this page
//     less than a third full: then it breaks, but only where Keep and
//     KeepPrev allow, so never after a heading or before a note.
//   - Tables: a table of at most Table.Whole (default WholeRows, 8) body
//     rows is a block, set whole on one page when it fits on one. One
//     that is not, or that is taller than a page, or that would leave a
//     page under a third full, breaks between rows (or inside a tall
//     row), never after its first row nor before its last, and every page
//     it runs onto starts with its header row and, when it has one
//     (Table.Caption), its caption, which the document sets with its mark
//     of continuation ("（续）", "(continued)").
//   - Flow.PageBreak ends a section: the page it ends may be short.
//
// Audit checks laid-out pages against these rules and lists what breaks
// them (Violation, with its page and the start of the text concerned): a
// block split although it fitted on a page that was a third full; a box
// kept with the next that ends a page, or one kept with the one before
// that starts a page; a continued table without its header; and a page
// less than a third full that neither ends a section (PageBreak) nor is
// the last page of its flow. What cannot be helped (a group kept together
// taller than a page) is not reported. A document's tests call it on
// their pages:
//
//	for _, v := range typeset.Audit(pages) {
//		t.Error(v) // "page 12: alone at the head of the page, …: “本页内容为示例。”"
//	}
//
// # Display lists
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
