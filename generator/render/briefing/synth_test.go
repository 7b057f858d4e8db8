package briefing

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// synth describes a generated campaign: the sample's provinces and units,
// three key items, six groups, and findings province by province.
type synth struct {
	provinces int // visited on site, from the first in data/provinces.yaml (at most 31)
	findings  int // per province; every third is a good practice
	// detail returns the detail of finding i (0-based, across provinces);
	// nil: a sentence.
	detail  func(i int) string
	summary string // content/2016/summary.md; empty: none
	config  string // ducha.yaml
}

var synthItems = []string{"wages", "training", "insurance"}

// project returns the generated project as a file system.
func (s synth) project(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{"data/provinces.yaml", "data/units.yaml"} {
		data, err := os.ReadFile("../../../" + name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	ids := provinceIDs(string(fsys["data/provinces.yaml"].Data))
	put := func(name, data string) { fsys[name] = &fstest.MapFile{Data: []byte(data)} }
	if s.config != "" {
		put("ducha.yaml", s.config)
	}
	put("data/2016/campaign.yaml", `title: {zh: 第九次全国农民工工作督查（合成数据）, en: Synthetic supervision}
short_title: 合成督查
edition: 9
basis: 《测试依据》
organiser: 测试组织单位
period: {start: 2016-11-01, end: 2016-12-31}
as_of: 2017-03-31
illustrative: true
note: 合成数据，仅供测试。
members: [ndrc, moe, mohrss, nhfpc, sawsa, acftu]
`)
	put("data/2016/items.yaml", `- id: wages
  name: 维护农民工劳动保障权益
  short: 劳动权益
  indicators:
    - {id: contract-rate, name: 劳动合同签订率, unit: percent, target: 90}
- id: training
  name: 加强农民工职业技能培训
  short: 技能培训
- id: insurance
  name: 扩大农民工参加社会保险覆盖面
  short: 社会保险
`)
	var groups, self strings.Builder
	leads := []string{"ndrc", "moe", "mohrss", "nhfpc", "sawsa", "acftu"}
	for g, lead := range leads {
		var provs []string
		for i := g; i < s.provinces; i += len(leads) {
			provs = append(provs, ids[i])
		}
		if len(provs) == 0 {
			continue
		}
		fmt.Fprintf(&groups, "- {no: %d, lead: %s, leader: 某某%d, provinces: [%s]}\n", g+1, lead, g+1, strings.Join(provs, ", "))
	}
	put("data/2016/groups.yaml", groups.String())
	for _, id := range ids {
		fmt.Fprintf(&self, "%s: {submitted: true, date: 2016-10-20, summary: %s自查报告。}\n", id, id)
	}
	put("data/2016/self-exam.yaml", self.String())
	n := 0
	for p := range s.provinces {
		var b strings.Builder
		fmt.Fprintf(&b, "visits:\n  - {id: v1, date: 2016-11-10, place: 某工地%d, site: construction, mode: covert, met: 12}\n", p)
		fmt.Fprintf(&b, "indicators:\n  contract-rate: %d\nfindings:\n", 80+p%15)
		for k := range s.findings {
			s.finding(&b, ids[p], k, n)
			n++
		}
		put("data/2016/provinces/"+ids[p]+".yaml", b.String())
	}
	if s.summary != "" {
		put("content/2016/summary.md", s.summary)
	}
	return fsys
}

// finding writes finding k of province id, number n in the campaign.
func (s synth) finding(b *strings.Builder, id string, k, n int) {
	detail := fmt.Sprintf("第%d项发现的事实：抽查项目%d个，涉及农民工%d人。", n, k+3, 10+n)
	if s.detail != nil {
		detail = s.detail(n)
	}
	fmt.Fprintf(b, "  - id: %s-%03d\n    item: %s\n", id, k, synthItems[k%len(synthItems)])
	fmt.Fprintf(b, "    title: %s\n    detail: %s\n    visits: [v1]\n", strconv.Quote(fmt.Sprintf("合成发现%s-%03d的标题", id, k)), strconv.Quote(detail))
	if k%3 == 2 {
		b.WriteString("    kind: practice\n")
		return
	}
	sev := []string{"high", "medium", "low"}[n%3]
	status := []string{"not-started", "in-progress", "done", "closed"}[n%4]
	fmt.Fprintf(b, "    kind: problem\n    severity: %s\n    rectification:\n      responsible: %s省某厅\n      deadline: 2017-0%d-15\n      status: %s\n",
		sev, id, 1+n%5, status)
	if status == "closed" {
		b.WriteString("      closed: 2017-03-01\n")
	}
}

// provinceIDs returns the IDs of data/provinces.yaml, in order.
func provinceIDs(yaml string) []string {
	var ids []string
	for _, line := range strings.Split(yaml, "\n") {
		if _, rest, ok := strings.Cut(line, "- id: "); ok {
			ids = append(ids, strings.TrimSpace(rest))
		} else if _, rest, ok := strings.Cut(line, "- {id: "); ok {
			id, _, _ := strings.Cut(rest, ",")
			ids = append(ids, strings.TrimSpace(id))
		}
	}
	return ids
}
