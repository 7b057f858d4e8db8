package briefing

import (
	"os"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
)

// TestOverTime checks the briefing's sections about time on the sample:
// compared with the previous campaign, its figures side by side with the
// change in words; the burn-down; the problems carried over, each by its
// ID; and the repeats. The first campaign's briefing has no comparison.
func TestOverTime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	p, r := loadProject(t, os.DirFS("../../.."))
	data, n := write(t, p, r)
	all := strings.Join(pages(t, data, n), "")
	for _, want := range []string{
		i18n.Tr(r.Lang, "brief.section-compare"),
		// Problems: 15 then 44, and the change in words with its verdict;
		// the share closed, which fell; a province not visited this time.
		// (Text extraction may read a table's cells in another order, so
		// each is looked for on its own.)
		"问题1544▲增加29（+193.3%），变差越少越好",
		"▼下降15.3个百分点，变差", "26.7%", "越高越好",
		"▲增加3（+75%），变差", "未督查",
		"劳动合同签订率（越高越好）目标85%，0/4个省份达到目标90%，0/6个省份达到",
		i18n.Tr(r.Lang, "brief.compare-repeats"),
		"湖南hn-10农村土地承包经营权确权登记进度不一第七次hn-04",
		i18n.Tr(r.Lang, "brief.section-progress"),
		i18n.Tr(r.Lang, "chart.burndown"),
		i18n.Tr(r.Lang, "brief.carried-title"),
	} {
		if !strings.Contains(all, squeeze(want)) {
			t.Errorf("the briefing lacks %q", want)
		}
	}
	if len(r.Carried) != 6 {
		t.Fatalf("the sample carries %d problems over, want 6", len(r.Carried))
	}
	i := strings.Index(all, squeeze(i18n.Tr(r.Lang, "brief.carried-title")))
	if i < 0 {
		t.Fatal("no problems carried over in the briefing")
	}
	carried := all[i:]
	for _, x := range r.Carried {
		if !strings.Contains(carried, x.Finding.ID) {
			t.Errorf("the briefing does not list the carried-over problem %s/%s", x.Campaign.ID, x.Finding.ID)
		}
	}

	first := report.New(p.Campaign("2014"), r.Lang)
	data, n = write(t, p, first)
	earlier := strings.Join(pages(t, data, n), "")
	if strings.Contains(earlier, i18n.Tr(r.Lang, "brief.section-compare")) || strings.Contains(earlier, i18n.Tr(r.Lang, "brief.carried-title")) {
		t.Error("the first campaign's briefing compares it with a campaign before, or carries problems over")
	}
	if !strings.Contains(earlier, i18n.Tr(r.Lang, "chart.burndown")) {
		t.Error("the first campaign's briefing has no burn-down")
	}
}
