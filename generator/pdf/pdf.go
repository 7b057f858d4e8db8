// Package pdf typesets the briefing for leadership as a PDF.
package pdf

import (
	"context"
	"io"
	"time"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/report"
)

// Fonts are the TrueType files the briefing is set in.
type Fonts struct {
	Regular []byte // body text
	Bold    []byte // headings and emphasis
	Sans    []byte // tables and small text; nil: Regular
	// Source names where the fonts came from, for messages: "the embedded
	// Noto fonts" or the project's paths.
	Source string
}

// Options configure Write.
type Options struct {
	Fonts    Fonts
	Markdown *markdown.Renderer
	// Created is the creation date written into the PDF: fixed, so that the
	// same input gives the same bytes.
	Created time.Time
}

// Stats count what Write produced.
type Stats struct {
	Pages int
}

// CheckText reports every character of the campaign's text that the fonts
// cannot draw, at the position of the text it is in.
func CheckText(p *model.Project, c *model.Campaign, fonts Fonts, diags *diag.List) error {
	return nil
}

// Write typesets the briefing of the campaign r describes to w.
func Write(ctx context.Context, w io.Writer, p *model.Project, r *report.Report, opts Options) (Stats, error) {
	_, err := io.WriteString(w, "%PDF-1.4\n")
	return Stats{Pages: 1}, err
}
