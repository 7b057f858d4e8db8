// Package briefing typesets the briefing for leadership as a PDF: the
// printed counterpart of the site, read with a pen in hand. It is a
// document written on package typeset.
//
// # Layouts
//
// pdf.layout in ducha.yaml chooses the layout (model.Config.Layout):
//
//   - official (the default in Chinese): GB/T 9704, as package gongwen
//     sets it: A4 with a 156 × 225 mm type area, body text in 3号 (16 pt)
//     on 22 lines a page, headings numbered 一、→（一）→1.→（1）in their
//     faces (sections, headings within a section, sub-headings and key
//     items, headings of narrative pages), page numbers "— N —" on the
//     outer side and no running header; the first page is a red
//     masthead (the briefing's name, the issue number campaign.yaml's
//     issue, the issuing office and the date of printing) with the
//     campaign's title and particulars; the distribution record
//     (campaign.yaml's record: 版记) at the foot of the last page. The
//     body names what leadership must act on and the annexes hold the
//     full lists: the provinces that sent no self-examination report are
//     named in a sentence and the table of every province is an annex;
//     the indicators are one table of provinces against indicators with
//     a target, each cell saying in words whether it is met, and the
//     chart of every indicator's values is an annex. Annexes are
//     numbered 附件1, 附件2….
//   - compact (the default in English): 11 pt body text, 42 characters a
//     line, a running header (short title and marking) and "第 X 页 共 Y
//     页", everything in the body as listed below.
//
// The date of printing is never the day the briefing is made: it is the
// record's date, or the as-of date.
//
// Page breaks follow package typeset's rules in both layouts: a finding's
// title, facts and rectification stay on one page, a note on findings not
// listed stays with the last one listed, tables of particulars stay
// whole, and a table introduced by a heading repeats the heading with
// "（续）" above its header row on every page it runs onto. The tests run
// typeset.Audit on the sample and on generated campaigns.
//
// # Contents
//
// The briefing is A4 portrait, with a wider left margin for binding. In
// order:
//
//   - the cover: title, edition, policy basis, organiser, period, as-of
//     date, the marking (pdf.marking in ducha.yaml) framed at the top, and,
//     when the campaign is illustrative, the illustrative-data notice with
//     the campaign's note;
//   - the contents, with page numbers, each entry a link; the PDF's
//     bookmarks have the same entries, and one for the contents;
//   - the summary for leadership: content/<campaign>/summary.md, rendered
//     from Markdown, titled by its front matter's title (its top-level
//     headings are entries of the contents; in the official layout their
//     own numbers, 一、 and the like, are replaced by （一）…); an English
//     briefing titles it in English when the title has Chinese
//     characters; without the file, a paragraph of key figures;
//   - the scope: basis, organiser, period, as-of date, methods, member
//     units, the key items with their points, and the self-examination of
//     every province;
//   - key figures and the main charts (chart.Main), drawn as vectors from
//     the same descriptions the site draws;
//   - compared with the previous campaign, when there is one (package
//     compare, as the site's comparisons): the main figures of both side
//     by side with the change as a number, a percentage, ▲/▼ and words,
//     its verdict and the good direction; the problems found campaign by
//     campaign (a line chart of every campaign up to this one); each
//     province and key item; each indicator against each year's target;
//     and the problems found again (屡查屡犯), by province;
//   - indicators: one chart per indicator that any province reports
//     (chart.Indicator), two abreast, with the target as a dotted line;
//   - one section per group: lead unit, leader, members, provinces, dates,
//     visits and findings, then content/<campaign>/groups/<no>.md;
//   - one section per province visited, starting a new page unless more
//     than half of the page is left: group, dates, self-examination,
//     visits and findings in figures, content/<campaign>/provinces/<id>.md,
//     the visits, the indicator values against their targets, the most
//     serious problems (up to 5: by severity, overdue first) and up to 5
//     good practices, each with its detail and rectification;
//   - rectification: every problem not closed (report.Report.Unclosed:
//     not started, in progress or done), overdue first, with responsible
//     body, deadline, status, days overdue and progress notes; for a
//     campaign of more than AnnexAutoLimit findings, the overdue problems
//     only, with the number of the others and where the site lists them;
//   - rectification over time, when the dates of rectification or earlier
//     campaigns give something to show: the burn-down of open problems
//     against their deadlines (chart.Burndown), and the problems of
//     earlier campaigns not closed on the report's date, overdue first,
//     with their age;
//   - the annex: findings as a table, with their detail, evidence and
//     rectification (see below);
//   - with Options.Changes, a last annex: what changed since an earlier
//     state of the data (package changes).
//
// Drafts and other narrative pages (overview, items, pages/) are not
// printed. In the compact layout, every page but the cover has a header (the campaign's short
// title and the marking) and a footer ("第 X 页 共 Y 页" or "Page X of Y",
// and the illustrative-data notice when the campaign is illustrative; on
// the last page, Options.Stamp).
// In the header the marking takes at most half the line and the title at
// most two lines of the rest; on the cover the marking takes at most three
// lines: what is longer is cut short with an ellipsis. The cover's title
// wraps, onto more pages if it must.
//
// # The annex
//
// pdf.annex in ducha.yaml chooses the findings the annex lists:
//
//   - all: every finding, problems and good practices, province by
//     province in file order;
//   - problems: every problem, province by province in file order;
//   - open: every problem not closed (status not-started, in-progress or
//     done), in the order of the rectification section (overdue first);
//   - none: no annex;
//   - not set: all when the campaign has at most AnnexAutoLimit (2,000)
//     findings, none above that: a briefing of thousands of findings set
//     out one by one runs to well over a thousand pages, which no one
//     reads on paper; the site and its exports have every finding.
//
// The annex starts with a sentence that says which findings it lists and
// how many findings there are in all. A province's section says whether
// the findings it does not set out are in the annex.
//
// # Fonts
//
// The briefing's fonts have the roles of package gongwen (NewFonts,
// gongwen.NewFonts): regular (by default Noto Serif SC, the stand-in for
// 仿宋) sets running text and the cover's particulars; bold (Noto Sans SC
// Bold) the compact layout's headings, titles of findings, strong
// emphasis, table headers and key figures; sans (Noto Sans SC Regular;
// the regular fonts when a project configures its own) the compact
// layout's tables, charts, headers, footers, small print, emphasis and
// code; title (Noto Serif SC Bold, for 小标宋), heading1 (Noto Sans SC
// Bold, for 黑体), heading2 (Noto Serif SC Bold: no 楷体 is embedded) and
// table (Noto Serif SC) the official layout's titles, headings and tables.
// Each role is a list of fonts (pdf.font in ducha.yaml), and a character
// is drawn by the first of the role's list that has it, or else by the
// first of the other roles' fonts that does. A file given for several
// roles is embedded once, subset to the glyphs the briefing draws.
//
// # Typesetting
//
// The briefing is a document written on package typeset, which breaks
// lines (Chinese by its rules of punctuation, Latin at spaces), keeps
// headings with what follows and paragraphs without single lines at the
// foot or head of a page, repeats the header rows of tables that run onto
// more pages, and sets the narrative's Markdown; its charts are drawn by
// package pdfchart from the same descriptions the site draws. The whole
// briefing is laid out before a byte is written: the contents are set
// once the body's page numbers are known, and the footers once the number
// of pages is.
//
// Text is never lost. CheckText reports every character of the briefing's
// text that no font can draw, where it is written, and Write refuses to
// print one; nothing is cut short but the running header and the cover's
// marking, with an ellipsis.
//
// The output depends on nothing but the input: the creation date is
// Options.Created, nothing else varies between runs or machines, and no
// map is iterated in an order that reaches the output.
package briefing

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/ducha/ducha/generator/derive/changes"
	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/typeset"
)

// AnnexAutoLimit is the number of findings up to which the annex lists all
// of them when pdf.annex is not set, and the rectification section every
// problem not closed; above it, there is no annex and the rectification
// section lists the overdue problems.
const AnnexAutoLimit = 2000

// Options configure Write.
type Options struct {
	Fonts    typeset.Fonts      // made by NewFonts
	Markdown *markdown.Renderer // nil: a renderer with default options
	// Figures are the figures the narrative cites ({{problems}}); nil
	// computes them from the report.
	Figures *figures.Table
	// Created is the creation date written into the PDF: fixed, so that the
	// same input gives the same bytes. The zero time writes no date.
	Created time.Time
	// Project is the project's folder, from which the images the
	// narrative shows are read (Campaign.Media); nil: images print their
	// descriptions.
	Project fs.FS
	// Changes, when set, adds a last annex: what changed since an earlier
	// state of the data, named by ChangesSince (a tag, a commit).
	Changes      *changes.Changes
	ChangesSince string
	// Stamp is printed at the foot of the last page: the commit the
	// briefing was built from, so that a printed copy can be traced; ""
	// for none.
	Stamp string
}

// Stats count what Write produced.
type Stats struct {
	Pages int // of the PDF, the cover included
}

// CheckText reports every character of the campaign's text that the fonts
// cannot draw, at the position of the text it is in: the text of the
// configured language that the briefing prints, the Markdown of the pages
// it includes (summary, groups, provinces; not drafts) and of findings'
// details and rectification notes. Characters that are never drawn
// (control and format characters such as the zero-width space) are not
// reported. A font that cannot be read, or that lacks characters of the
// briefing's own words, is reported at pdf.font in ducha.yaml. The error is
// for what is not the user's to fix: embedded fonts that cannot be read, or
// a bug.
func CheckText(p *model.Project, c *model.Campaign, fonts typeset.Fonts, diags *diag.List) (err error) {
	defer recoverTo(&err)
	ts, err := typeset.New(fonts)
	// The project's own fonts are parsed in full, so that a file gopdf
	// cannot read is reported here; the embedded ones are known to work.
	if err == nil && p.Config.PDF.Font.Own() {
		err = fonts.Verify()
	}
	if err != nil {
		return fontProblem(p, fonts, err, diags)
	}
	ck := &checker{ts: ts, diags: diags, source: fonts.Source, lang: p.Config.Lang(), md: markdown.New(markdown.Options{UnsafeHTML: p.Config.Markdown.UnsafeHTML})}
	ck.campaign(p, c)
	if p.Config.PDF.Font.Own() {
		ck.checkWords(p, diags)
	}
	return nil
}

// fontProblem reports a font that cannot be read, at its path in
// pdf.font.
func fontProblem(p *model.Project, fonts typeset.Fonts, err error, diags *diag.List) error {
	var fe *typeset.FontError
	fc := p.Config.PDF.Font
	if !errors.As(err, &fe) || !fc.Own() {
		return fmt.Errorf("pdf: %s: %w", fonts.Source, err)
	}
	key, files := "regular", fc.Regular
	for _, role := range fc.Roles() {
		if role.Key == fe.Role && len(role.Files) > 0 {
			key, files = role.Key, role.Files
		}
	}
	i := min(fe.Index, len(files)-1)
	diags.Errorf(fc.Src.AtIndex(key, i), "font %q cannot be used: %v", files[i], fe.Err)
	return nil
}

// Write typesets the briefing of the campaign r describes to w.
func Write(ctx context.Context, w io.Writer, p *model.Project, r *report.Report, opts Options) (_ Stats, err error) {
	defer recoverTo(&err)
	ts, err := typeset.New(opts.Fonts)
	if err != nil {
		return Stats{}, fmt.Errorf("pdf: %w", err)
	}
	md := opts.Markdown
	if md == nil {
		md = markdown.New(markdown.Options{UnsafeHTML: p.Config.Markdown.UnsafeHTML})
	}
	b := newBriefing(ts, p, r, md)
	b.project = opts.Project
	b.stamp = opts.Stamp
	b.changes, b.changesSince = opts.Changes, opts.ChangesSince
	if opts.Figures != nil {
		b.figs = opts.Figures
	}
	pages, err := b.build(ctx)
	if err != nil {
		return Stats{}, err
	}
	doc := &typeset.Document{Width: pageW, Height: pageH, Pages: pages, Info: typeset.Info{
		Title:    r.Campaign.Title.In(r.Lang),
		Subject:  b.word("briefing"),
		Creator:  "ducha",
		Producer: "ducha (gopdf)",
		Created:  opts.Created,
	}}
	if err := ts.Write(ctx, w, doc); err != nil {
		if ge, ok := errors.AsType[*typeset.GlyphError](err); ok {
			return Stats{}, fmt.Errorf("pdf: the fonts (%s) cannot draw %s; run ducha check for where it is used", opts.Fonts.Source, describeRune(ge.Rune))
		}
		return Stats{}, fmt.Errorf("pdf: %w", err)
	}
	return Stats{Pages: len(pages)}, nil
}

// recoverTo turns a panic (a bug, or gopdf failing on a font) into an
// error, so that it does not bring down the program that called.
func recoverTo(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("pdf: internal error: %v", r)
	}
}
