package site_test

import (
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/render/site"
)

// TestLetterLinks: a province's page links to its feedback letter when
// the build writes one, and only then; earlier campaigns' provinces never.
func TestLetterLinks(t *testing.T) {
	p := loadProject(t, sample)
	m, _ := render(t, p, site.Options{Letters: map[string]string{"zj": "letters/zj.pdf"}})
	if page := string(file(t, m, "provinces/zj.html")); !strings.Contains(page, `href="../letters/zj.pdf"`) {
		t.Error("provinces/zj.html does not link to letters/zj.pdf")
	}
	for _, name := range []string{"provinces/bj.html", "provinces/ah.html", "campaigns/2014/provinces/zj.html"} {
		if page := string(file(t, m, name)); strings.Contains(page, "letters/") {
			t.Errorf("%s links to a letter that is not written", name)
		}
	}
	m, _ = render(t, p, site.Options{})
	if page := string(file(t, m, "provinces/zj.html")); strings.Contains(page, "letters/") {
		t.Error("provinces/zj.html links to a letter without letters")
	}
}
