package validate

import (
	"path/filepath"
	"unicode/utf8"

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
