package validate

import (
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
)

// images checks the images that Markdown shows from beside it: on a page
// of content/<campaign>/, an image must be one of the campaign's media
// files, which the site publishes at the same place; Markdown in data/
// (a finding's detail, a rectification's notes) has no place beside it,
// so it can show no image of its own.
func (v *validator) images(c *model.Campaign) {
	md := markdown.New(markdown.Options{})
	media := make(map[string]bool, len(c.Media))
	for _, m := range c.Media {
		media[m] = true
	}
	for _, pg := range c.Pages {
		rel := c.PageDir(pg)
		for _, img := range md.LocalImages(pg.Body) {
			pos := model.OffsetPos(pg.Path, pg.Body, img.Offset)
			name, inside := c.MediaPath(pg, img.Path)
			switch {
			case img.Path == "":
				v.errorf(pos, "image %q names no file; give the image's path from the page, e.g. images/photo.jpg", img.Dest)
			case !inside:
				v.errorf(pos, "image %q is outside content/%s/; put the image there and give its path from the page, e.g. images/photo.jpg", img.Dest, c.ID)
			case !model.IsMedia(name):
				v.errorf(pos, "image %q is not a PNG, JPEG, GIF or WebP file", img.Dest)
			case !media[name]:
				v.errorf(pos, "no image content/%s/%s; images are given by their path from the page%s", c.ID, name, v.suggest(img.Path, fromPage(rel, c.Media)))
			}
		}
	}
	for _, f := range c.Findings() {
		v.noImages(md, f.Detail, "the finding's detail")
		if f.Rect != nil {
			v.noImages(md, f.Rect.Notes, "the rectification's notes")
		}
	}
	v.sameNames(c)
}

// sameNames warns of image files whose paths differ only in upper and
// lower case (which Windows and macOS take for one file), or in how an
// accented letter is encoded (Unicode NFC and NFD, which look the same,
// and which macOS takes for one file): the site publishes both, and one
// replaces the other when the project or the site is copied there. The
// warning is at the later of the two in Campaign.Media's order.
func (v *validator) sameNames(c *model.Campaign) {
	first := make(map[string]string, len(c.Media))
	for _, m := range c.Media {
		key := foldName(m)
		prev, ok := first[key]
		if !ok {
			first[key] = m
			continue
		}
		how, where := "only in upper and lower case", "Windows and macOS take"
		if norm.NFC.String(prev) == norm.NFC.String(m) {
			how, where = "only in how an accented letter is encoded (Unicode NFC and NFD), so they look the same", "macOS takes"
		}
		v.diags.Warnf(model.Pos{File: path.Join("content", c.ID, m)}, "the image's name differs from %q %s; %s the two for one file, and one replaces the other when the project or the site is copied there; rename one of them, and change the pages that show it",
			path.Join("content", c.ID, prev), how, where)
	}
}

// foldName returns the form of a path that Windows and macOS compare:
// composed (NFC), and without case.
func foldName(p string) string {
	return strings.ToLower(strings.ToUpper(norm.NFC.String(p)))
}

// noImages reports an image of its own in Markdown kept in data/.
func (v *validator) noImages(md *markdown.Renderer, t model.Text, what string) {
	langs := []string{t.ZH, t.EN}
	if t.EN == t.ZH {
		langs = langs[:1]
	}
	for _, s := range langs {
		for _, img := range md.LocalImages([]byte(s)) {
			v.errorf(t.Pos, "%s shows the image %q (character %d of the text); images can be shown only on the pages of content/, beside which they are kept", what, img.Dest, utf8.RuneCountInString(s[:img.Offset])+1)
		}
	}
}

// fromPage returns the paths of the media files as a page in the folder
// dir (relative to the campaign's content) would write them.
func fromPage(dir string, media []string) []string {
	out := make([]string, 0, len(media))
	for _, m := range media {
		if r, err := filepath.Rel(filepath.FromSlash("/"+dir), filepath.FromSlash("/"+m)); err == nil {
			out = append(out, filepath.ToSlash(r))
		}
	}
	return out
}
