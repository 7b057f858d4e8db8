// Package gongwen is the layout of Chinese official documents (公文) after
// GB/T 9704-2012 党政机关公文格式, on package typeset: the page and its
// type area, the styles of each role (title, headings of four levels,
// body, tables, notes), the fonts by role, the page numbers, and the
// blocks an official document is made of (masthead, title, signature,
// distribution record). The briefing (package briefing) and the feedback
// letters are written on it, so that both look the same and take their
// fonts from the same configuration.
//
// # The standard's figures
//
//   - Paper A4 (210 × 297 mm). Top margin (天头) 37 mm, binding-side
//     margin (订口, left) 28 mm; the type area (版心) 156 × 225 mm, without
//     the page numbers (Frame).
//   - Body text (正文) in 3号 仿宋, 16 pt (BodySize); 22 lines a page
//     (LinePitch: 225 mm / 22 = 28.9 pt); paragraphs indented two
//     characters.
//   - The title (标题) in 2号 小标宋, 22 pt (TitleSize), centred.
//   - Headings numbered 一、 →（一）→ 1. →（1）(Number): level one in
//     黑体 3号, level two in 楷体 3号, levels three and four in 仿宋 3号,
//     indented two characters like the body.
//   - Page numbers (页码) "— 1 —" in 4号 (14 pt, FolioSize) half-width
//     digits, their dashes 7 mm below the type area; odd pages on the
//     right, even pages on the left, each one character from the edge of
//     the type area (Folio).
//   - The distribution record (版记) at the foot of the last page: 抄送
//     and the like, then the issuing office (印发机关) on the left and the
//     date of printing (印发日期, "2026年3月1日印发") on the right, in 4号
//     仿宋, one character in from either edge, between rules: the first and
//     the last 0.35 mm, those between 0.25 mm (Record).
//   - The signature (落款): the issuer centred above the date, the date
//     four characters from the right edge (Signature).
//
// # Where this package departs from the standard
//
//   - The grid. The standard asks for 28 characters a line at 3号 in a
//     156 mm line; but 28 × 16 pt = 448 pt is more than 156 mm (442.2 pt):
//     word processors meet it by drawing each character 15.8 pt apart
//     (negative tracking). Package typeset has no negative tracking, and
//     shrinking the type to 15.8 pt would no longer be 3号; so the type area
//     keeps its 156 mm and a full line holds 27 characters of 16 pt, the
//     remaining 10 pt spread between them by justification
//     (CharsPerLine). The 22 lines a page are kept.
//   - The fonts. The standard's faces (方正小标宋, 仿宋_GB2312, 黑体,
//     楷体_GB2312) are licensed, not free; the embedded stand-ins are Noto
//     Serif SC Bold for 小标宋, Noto Serif SC Regular for 仿宋 (a Song, not
//     a Fangsong face), Noto Sans SC Bold for 黑体 (a 黑体 at 3号 reads
//     darker than Noto Sans SC Regular), and no 楷体: no
//     freely licensed 楷体 exists as a single TrueType file, so level-two
//     headings are set in Noto Serif SC Bold in the embedded set. A project
//     that licenses the standard's fonts names them by role in ducha.yaml
//     (pdf.font: regular, title, heading1, heading2, table; FontFiles).
//   - Pages. Every page has the same type area (the standard binds on the
//     left for all pages); page numbers alternate sides as the standard
//     says, so a document printed on both sides has them on the outer side.
//   - Tables and notes are not in the standard; tables are set in 小四
//     (TableSize, 12 pt) so that a row of a province's figures fits the
//     line, notes in 五号 (NoteSize, 10.5 pt).
//
// # Using it
//
// A document lays its body out in a typeset.Flow of Frame(), with the
// fonts of NewFonts (the project's, by role, or Embedded()): Paragraph or
// Text for body text, Heading with a Numbering for headings, Title for the
// title, MastheadBoxes for a bulletin's first page, Signature for the
// signature of a letter, and RecordBox placed with AtFoot for the
// distribution record; then it draws the page numbers with Folio on every
// page (typeset.Furnish).
package gongwen
