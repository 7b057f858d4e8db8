// Package letter typesets the feedback letter (督查反馈意见) that each
// province visited on site receives after a campaign, as a PDF: what the
// group checked, what it found, the good practices, and each problem with
// the body responsible, the deadline and where its rectification stands,
// then what the province is to report back and by when. It is a document
// written on package typeset, in the layout of official documents that
// the briefing's official layout shares (package gongwen, GB/T 9704-2012;
// layout.go holds what the letters take from it).
//
// # Contents
//
// Everything comes from the data; nothing is written by hand per province.
// In order:
//
//   - the title, 关于对<province>开展<campaign title>情况的反馈意见, in 2号
//     小标宋, centred, and the addressee, <province name>人民政府：;
//   - the opening: the policy basis (basis) and the organiser (organiser,
//     without a closing note in parentheses: 国务院农民工工作领导小组), the
//     group and its lead unit, the days of the province's visits (or the
//     group's dates, or the campaign's period), the campaign's methods, the
//     number of sites (covert and chosen at random) and people met, and the
//     places visited;
//   - 一、总体情况: the problems by severity and the good practices, then
//     （一）好经验好做法, each good practice numbered 1., 2., … with its
//     detail;
//   - 二、存在的主要问题: where rectification stands as of the report's date
//     (the four statuses, which add up to the problems, and the overdue
//     among them), then the problems by key item, （一）, （二）, … in the
//     order of items.yaml, and under each the problems, most serious first,
//     1., 2., …, each with its detail, the body responsible, the deadline,
//     the status (with the days overdue) and whether it repeats a finding
//     of an earlier campaign; a problem's block is kept on one page unless
//     it is longer than a page, or moving it whole would leave the page
//     before less than a third full (typeset.Together), and its
//     rectification line always stays with the text before it;
//   - 三、整改要求: the problems not closed to rectify, the overdue to
//     hurry, the done that will be verified, and the date by which to
//     report back (see below); a province with no problem left open is
//     asked to keep up its good practices;
//   - the signature, the organiser's name and the group's, over the date of
//     the letter: the campaign's as_of date (or --as-of), never the clock;
//   - the 版记 at the foot of the last page: 抄送 the group's lead unit and
//     member units, and the issuing office with the date of the letter
//     (印发). The issuing office, to which the province also reports
//     back, is the issuer of the campaign's record (record.issuer, the
//     office that issues the briefing), or else the organiser. The
//     record's lines and date are the briefing's, not the letters'.
//
// Every count is the figure the site and the briefing show for the
// province (package figures: province.<id>.problems and the like).
//
// # The report-back date
//
// The data has no key for it: the letter derives it. It is the latest
// deadline of the province's problems not closed, when that falls after
// the letter's date; otherwise (every deadline past, or nothing open but
// done problems) the province is asked to report within ReportDays days
// of receiving the letter. A province with every problem closed, or none,
// is asked to report nothing.
//
// # Which provinces
//
// One letter for each province visited on site (report.Report.Provinces),
// named FileName; provinces not visited get none. A language: en project
// gets its letters in English.
//
// The output depends on nothing but the input, as the briefing's.
package letter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/typeset"
)

// ReportDays is the number of days after receiving the letter within which
// a province reports back when no deadline of its open problems is still
// ahead.
const ReportDays = 30

// Options configure Write.
type Options struct {
	Fonts    typeset.Fonts      // the briefing's (briefing.NewFonts)
	Markdown *markdown.Renderer // nil: a renderer with default options
	// Figures are the campaign's figures; nil computes them from the
	// report.
	Figures *figures.Table
	// Created is the creation date written into the PDF; the zero time
	// writes none. Never the clock.
	Created time.Time
}

// Stats count what Write produced.
type Stats struct {
	Pages int
}

// FileName is the file name of the letter to the province with the ID.
func FileName(id string) string { return id + ".pdf" }

// Visited returns the provinces that get a letter: those visited on site,
// in province order.
func Visited(r *report.Report) []*report.ProvinceStats { return r.Provinces }

// Write typesets the letter to the province of ps, one of the provinces
// of the report r, to w.
func Write(ctx context.Context, w io.Writer, p *model.Project, r *report.Report, ps *report.ProvinceStats, opts Options) (_ Stats, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("letter %s: internal error: %v", ps.Province.ID, x)
		}
	}()
	ts, err := typeset.New(opts.Fonts)
	if err != nil {
		return Stats{}, fmt.Errorf("letter: %w", err)
	}
	l := newLetter(ts, p, r, ps, opts)
	pages := l.build()
	if err := ctx.Err(); err != nil {
		return Stats{}, err
	}
	doc := &typeset.Document{Width: pageW, Height: pageH, Pages: pages, Info: typeset.Info{
		Title:    l.title(),
		Subject:  i18n.Tr(l.lang, "letter.subject"),
		Creator:  "ducha",
		Producer: "ducha (gopdf)",
		Created:  opts.Created,
	}}
	if err := ts.Write(ctx, w, doc); err != nil {
		if ge, ok := errors.AsType[*typeset.GlyphError](err); ok {
			return Stats{}, fmt.Errorf("letter %s: the fonts (%s) cannot draw %U; run ducha check for where it is used", ps.Province.ID, opts.Fonts.Source, ge.Rune)
		}
		return Stats{}, fmt.Errorf("letter %s: %w", ps.Province.ID, err)
	}
	return Stats{Pages: len(pages)}, nil
}

// Pages lays out the letter to the province of ps without writing it:
// for tests and tools that check the layout.
func Pages(p *model.Project, r *report.Report, ps *report.ProvinceStats, opts Options) (*typeset.Typesetter, []*typeset.Page, error) {
	ts, err := typeset.New(opts.Fonts)
	if err != nil {
		return nil, nil, err
	}
	return ts, newLetter(ts, p, r, ps, opts).build(), nil
}
