// Package site renders the static HTML site of a campaign.
package site

import (
	"context"
	"io/fs"

	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/report"
)

// Options configure Render.
type Options struct {
	// Templates holds the project's own templates (its templates/ folder),
	// which replace the embedded ones of the same name; nil for none.
	Templates fs.FS
	// Markdown renders narrative and finding details.
	Markdown *markdown.Renderer
	// Briefing is the file name of the PDF briefing to link to, or "" when
	// no briefing is built.
	Briefing string
}

// Stats count what Render wrote.
type Stats struct {
	Pages int // HTML pages
	Files int // every file, pages included
}

// Render writes the site of the campaign r describes to w.
func Render(ctx context.Context, w output.Writer, p *model.Project, r *report.Report, opts Options) (Stats, error) {
	err := output.WriteFile(w, "index.html", []byte("<!doctype html><title>ducha</title>\n"))
	return Stats{Pages: 1, Files: 1}, err
}
