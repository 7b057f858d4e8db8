package validate

import (
	"fmt"
	"unicode/utf8"

	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
)

// markdown warns of what the campaign's Markdown shows other than as its
// author meant (markdown.Issue): raw HTML, which is shown as text, and
// links to scripts, data: or file: addresses, which are shown as their
// text. Drafts are checked too. A page's raw HTML is reported once per
// line, a field's once: a pasted fragment has many tags.
func (v *validator) markdown(c *model.Campaign) {
	md := markdown.New(markdown.Options{UnsafeHTML: v.p.Config.Markdown.UnsafeHTML})
	for _, pg := range c.Pages {
		line := 0
		for _, is := range md.Issues(pg.Body) {
			pos := model.OffsetPos(pg.Path, pg.Body, is.Offset)
			if is.Kind == markdown.RawHTML && pos.Line == line {
				continue
			}
			if is.Kind == markdown.RawHTML {
				line = pos.Line
			}
			v.diags.Warnf(pos, "%s", issueMessage(is, ""))
		}
	}
	for _, f := range c.Findings() {
		v.markdownField(md, f.Detail, "the finding's detail")
		if f.Rect != nil {
			v.markdownField(md, f.Rect.Notes, "the rectification's notes")
		}
	}
}

// markdownField warns of the issues of a Markdown field written in YAML,
// in each language it is written in, at the field's value.
func (v *validator) markdownField(md *markdown.Renderer, t model.Text, what string) {
	langs := []string{t.ZH, t.EN}
	if t.EN == t.ZH {
		langs = langs[:1]
	}
	for _, s := range langs {
		html := false
		for _, is := range md.Issues([]byte(s)) {
			if is.Kind == markdown.RawHTML && html {
				continue
			}
			html = html || is.Kind == markdown.RawHTML
			at := fmt.Sprintf("in %s (character %d of the text) ", what, utf8.RuneCountInString(s[:is.Offset])+1)
			v.diags.Warnf(t.Pos, "%s", issueMessage(is, at))
		}
	}
}

// issueMessage says what is shown instead of what was written, and what to
// write; at says where, for a field.
func issueMessage(is markdown.Issue, at string) string {
	const elsewhere = "the site does not link to scripts (javascript:, vbscript:), data: or file: addresses; link to a web address (https://…) or a page of the site instead"
	switch is.Kind {
	case markdown.UnsafeLink:
		return fmt.Sprintf("the link to %q %sis shown as its text only: %s", is.Source, at, elsewhere)
	case markdown.UnsafeImage:
		return fmt.Sprintf("the image %q %sis shown as its description only: %s; an image is kept beside its page, e.g. images/photo.jpg", is.Source, at, elsewhere)
	}
	return fmt.Sprintf("raw HTML %s %sis shown as text, as written; write Markdown instead (**bold**, *emphasis*, a blank line between paragraphs, a backslash at the end of a line to break it), or, if every author is trusted, let HTML through with markdown: {unsafe_html: true} in ducha.yaml", is.Source, at)
}
