package markdown

import (
	"strings"
	"testing"
)

// TestRemoteImage: an image on another host is a link, never an <img>
// the browser would fetch, however its address is written.
func TestRemoteImage(t *testing.T) {
	r := New(Options{})
	for _, src := range []string{
		"![远](http://example.org/a.png)",
		"![远](&#104;ttp://example.org/a.png)",
		"![远](&#47;&#47;example.org/a.png)",
		"![远](HTTPS://example.org/a.png)",
	} {
		html := r.HTML([]byte(src), nil)
		if strings.Contains(html, "<img") || !strings.Contains(html, `class="remote-image"`) {
			t.Errorf("%s: %s", src, html)
		}
		if imgs := r.LocalImages([]byte(src)); len(imgs) != 0 {
			t.Errorf("%s: taken for a local image: %+v", src, imgs)
		}
	}
}

// TestImagePath: the file a browser asks for, from the <img src> the site
// writes.
func TestImagePath(t *testing.T) {
	for dest, want := range map[string]string{
		"images/a.png":        "images/a.png",
		"./a.png":             "./a.png",
		"my%20photo.png":      "my photo.png",
		"a.png?v=1":           "a.png",
		"a.png#top":           "a.png",
		"&#120;.png":          "x.png",
		`a\_b.png`:            "a_b.png",
		"%E5%B7%A5.png":       "工.png",
		"工.png":               "工.png",
		"..%2Fimages%2Fa.png": "",
		"a%5Cb.png":           "",
		"images/a.png/":       "",
		"images/a.png/.":      "",
		"images/..":           "",
		"#top":                "",
		"%zz.png":             "%zz.png", // the site writes %25zz
		"%2e%2e/outside.png":  "../outside.png",
	} {
		if got := ImagePath([]byte(dest)); got != want {
			t.Errorf("ImagePath(%q) = %q, want %q", dest, got, want)
		}
	}
}
