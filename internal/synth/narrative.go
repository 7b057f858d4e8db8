package synth

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// narrative writes the Markdown of content/<campaign>/ from the tallies of
// the province files, once they are written.
type narrative struct {
	p         *plan
	tallies   []*tally // by stop
	total     tally
	submitted int // self-examinations received
}

func newNarrative(p *plan, tallies []*tally, submitted int) *narrative {
	n := &narrative{p: p, tallies: tallies, submitted: submitted}
	for _, t := range tallies {
		n.total.add(t)
	}
	return n
}

// files lists the narrative's files, and what writes each.
func (n *narrative) files() []file {
	dir := "content/" + campaignID + "/"
	fs := []file{
		{dir + "overview.md", n.overview},
		{dir + "summary.md", n.summary},
		{dir + "pages/method.md", n.method},
		{dir + "pages/english.md", n.english},
	}
	for _, g := range n.p.groups[:min(2, len(n.p.groups))] {
		fs = append(fs, file{dir + "groups/" + itoa(g.no) + ".md", func(w *yamlWriter) { n.group(w, g) }})
	}
	for _, i := range n.busiest(3) {
		fs = append(fs, file{dir + "provinces/" + n.p.stops[i].prov.id + ".md", func(w *yamlWriter) { n.province(w, i) }})
	}
	for _, i := range n.topItems(3) {
		fs = append(fs, file{dir + "items/" + items[i].id + ".md", func(w *yamlWriter) { n.item(w, i) }})
	}
	return fs
}

// busiest returns the indexes of the k stops with the most findings.
func (n *narrative) busiest(k int) []int {
	return top(len(n.tallies), k, func(i int) int { return n.tallies[i].findings })
}

// topItems returns the indexes of the k items with the most problems.
func (n *narrative) topItems(k int) []int {
	return top(len(items), k, func(i int) int { return n.total.itemProblems[i] })
}

// top returns the indexes of the k largest of n values, largest first,
// ties in index order.
func top(n, k int, value func(int) int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(value(b), value(a)) })
	return idx[:min(k, n)]
}

func frontMatter(w *yamlWriter, title string, order int) {
	w.line(0, "---")
	w.line(0, "title: "+title)
	if order != 0 {
		w.line(0, "order: "+itoa(order))
	}
	w.line(0, "---")
}

func (n *narrative) overview(w *yamlWriter) {
	p := n.p
	frontMatter(w, "督查概况", 0)
	fmt.Fprintf(w, "为贯彻落实《国务院关于进一步做好为农民工服务工作的意见》（国发〔2014〕40号）精神，国务院农民工工作领导小组于%d年%s在全国范围内组织开展第八次农民工工作督查，领导小组办公室具体组织实施。\n\n",
		p.start.time().Year(), span(p.start, p.end, zh))
	fmt.Fprintf(w, "> 本站数据由 ducha synth 自动生成（%s），均为合成数据，仅用于测试和性能评估。\n\n", p.args())
	w.WriteString("## 督查安排\n\n")
	var leadNames []string
	for _, g := range p.groups {
		leadNames = append(leadNames, unitShort(g.lead.unit).zh)
	}
	fmt.Fprintf(w, "督查在各省（区、市）全面自查的基础上进行。领导小组组成%d个督查组，分别由%s负责同志带队，领导小组成员单位的办公室成员或联络员参加，对%d个省（区、市）进行实地督查。\n\n",
		len(p.groups), strings.Join(leadNames, "、"), len(p.stops))
	w.WriteString("| 督查组 | 牵头单位 | 督查省份 | 实地督查时间 |\n|---|---|---|---|\n")
	for _, g := range p.groups {
		var names []string
		for _, st := range g.stops {
			names = append(names, st.prov.short.zh)
		}
		fmt.Fprintf(w, "| 第%s督查组 | %s | %s | %s |\n", chineseNumber(g.no), unitShort(g.lead.unit).zh, strings.Join(names, "、"), span(g.start, g.end, zh))
	}
	w.WriteString("\n## 督查重点和方式\n\n督查围绕八个方面展开：")
	for i, it := range items {
		if i > 0 {
			w.WriteString("；")
		}
		w.WriteString(it.name.zh)
	}
	fmt.Fprintf(w, "。\n\n各督查组采取重点督查与随机抽查相结合、明查与暗访相结合的方式，深入社区、乡镇、企业等基层一线，共走访%d个点位，其中暗访%d个、随机抽查%d个，与农民工及其代表座谈交流%d人次。\n",
		n.total.visits, n.total.covert, n.total.random, n.total.met)
}

func (n *narrative) summary(w *yamlWriter) {
	p, t := n.p, &n.total
	frontMatter(w, "督查情况综合报告", 0)
	w.WriteString("## 一、督查总体情况\n\n")
	if n.submitted == len(provinces) {
		fmt.Fprintf(w, "%d个省（区、市）均按时报送了自查报告。", n.submitted)
	} else {
		fmt.Fprintf(w, "%d个省（区、市）中，%d个按时报送了自查报告，%d个未报送。", len(provinces), n.submitted, len(provinces)-n.submitted)
	}
	fmt.Fprintf(w, "%d个督查组对%d个省（区、市）进行了实地督查，共走访社区、乡镇、企业、建设工地、学校和服务机构等%d个点位，其中暗访%d个、随机抽查%d个，与农民工及其代表座谈交流%d人次。",
		len(p.groups), len(p.stops), t.visits, t.covert, t.random, t.met)
	fmt.Fprintf(w, "督查共发现问题%d个（严重%d个、较重%d个、一般%d个），总结可推广的经验做法%d项。\n\n",
		t.problemCount(), t.problems[0], t.problems[1], t.problems[2], t.practices)
	w.WriteString("## 二、问题分布\n\n| 督查重点 | 问题数 | 占比 |\n|---|---:|---:|\n")
	for i, it := range items {
		fmt.Fprintf(w, "| %s | %d | %s |\n", it.short.zh, t.itemProblems[i], percent(t.itemProblems[i], t.problemCount()))
	}
	busiest := n.busiest(3)
	var names []string
	for _, i := range busiest {
		names = append(names, fmt.Sprintf("%s（%d个）", n.p.stops[i].prov.short.zh, n.tallies[i].findings))
	}
	fmt.Fprintf(w, "\n发现问题和经验做法较多的省份是%s。\n\n", strings.Join(names, "、"))
	w.WriteString("## 三、整改进展\n\n")
	fmt.Fprintf(w, "截至%s，%d个问题中已销号%d个、已完成待核验%d个、整改中%d个、未启动%d个；逾期未完成整改的%d个，须重点督办。\n\n",
		p.asOf.words(zh), t.problemCount(), t.status[3], t.status[2], t.status[1], t.status[0], t.overdue)
	w.WriteString("## 四、下一步工作建议\n\n")
	for _, s := range advice {
		w.WriteString("- " + s + "\n")
	}
	w.WriteString("\n（本报告所列数据和问题均为合成数据。）\n")
}

var advice = []string{
	"建立问题整改台账，对逾期问题实行挂牌督办，逐项明确责任单位和完成时限。",
	"全面推行工资专用账户、实名制管理和工资保证金制度，确保农民工工资按时足额支付。",
	"推进高风险行业按项目参加工伤保险，简化社会保险关系转移接续手续。",
	"加大基层公共服务和农民工工作经费投入，总结推广各地好经验、好做法。",
}

func (n *narrative) method(w *yamlWriter) {
	frontMatter(w, "督查方法与数据说明", 1)
	w.WriteString("## 督查方法\n\n本次督查在各省（区、市）全面自查的基础上进行，主要采取以下方式：\n\n")
	for i, m := range methods {
		w.WriteString("- " + m.zh + listEnd(zh, i == len(methods)-1))
	}
	w.WriteString("\n## 数据说明\n\n")
	fmt.Fprintf(w, "本项目由 `ducha synth` 按固定的随机种子生成（`go run ./cmd/synth %s`），相同的参数总是生成完全相同的文件。", n.p.args())
	w.WriteString("督查组、人员姓名、走访点位、各项指标数值、发现的问题和整改情况均为合成数据，不代表真实情况。\n")
}

func (n *narrative) english(w *yamlWriter) {
	p, t := n.p, &n.total
	frontMatter(w, "Summary in English", 2)
	fmt.Fprintf(w, "The eighth national supervision of migrant workers' work ran from %s %d. Of the 31 provincial-level units, %d sent in a self-examination report. The office sent %d groups on site to %d provinces; they visited %d sites (%d of them unannounced and %d picked at random) and talked with %d migrant workers and their representatives.\n\n",
		span(p.start, p.end, en), p.end.time().Year(), n.submitted, len(p.groups), len(p.stops), t.visits, t.covert, t.random, t.met)
	w.WriteString("## Findings\n\n")
	fmt.Fprintf(w, "The groups found %d problems (%d serious, %d moderate and %d minor) and %d good practices worth spreading.\n\n",
		t.problemCount(), t.problems[0], t.problems[1], t.problems[2], t.practices)
	w.WriteString("| Key item | Problems | Share |\n|---|---:|---:|\n")
	for i, it := range items {
		fmt.Fprintf(w, "| %s | %d | %s |\n", it.short.en, t.itemProblems[i], percent(t.itemProblems[i], t.problemCount()))
	}
	w.WriteString("\n## Rectification\n\n")
	fmt.Fprintf(w, "By %s, %d problems had been verified and closed, %d were reported done and awaited verification, %d were in progress and %d had not started. **%d were overdue**, and the office follows them up first.\n\n",
		p.asOf.words(en), t.status[3], t.status[2], t.status[1], t.status[0], t.overdue)
	fmt.Fprintf(w, "*Every figure in this project is synthetic: it was written by `go run ./cmd/synth %s`.*\n", p.args())
}

func (n *narrative) group(w *yamlWriter, g *group) {
	var t tally
	var provs []string
	for _, st := range g.stops {
		t.add(n.tallies[n.stopIndex(st)])
		provs = append(provs, st.prov.name.zh)
	}
	var units []string
	for _, m := range g.members[1:] {
		units = append(units, unitShort(m.unit).zh)
	}
	fmt.Fprintf(w, "第%s督查组由%s负责同志带队，%s等单位有关同志参加，于%s赴%s开展实地督查。\n\n",
		chineseNumber(g.no), unitShort(g.lead.unit).zh, strings.Join(units, "、"), span(g.start, g.end, zh), strings.Join(provs, "、"))
	fmt.Fprintf(w, "督查组共走访%d个点位，其中暗访%d个、随机抽查%d个，与农民工及其代表座谈交流%d人次，发现问题%d个、经验做法%d项。\n\n",
		t.visits, t.covert, t.random, t.met, t.problemCount(), t.practices)
	w.WriteString("> 本页所述督查组人员、行程和发现均为合成数据。\n")
}

func (n *narrative) stopIndex(st *stop) int { return slices.Index(n.p.stops, st) }

func (n *narrative) province(w *yamlWriter, i int) {
	st, t := n.p.stops[i], n.tallies[i]
	fmt.Fprintf(w, "第%s督查组于%s对%s进行了实地督查，走访%d个点位，其中暗访%d个，与农民工及其代表座谈交流%d人次。\n\n",
		chineseNumber(st.group.no), span(st.start, st.end, zh), st.prov.name.zh, t.visits, t.covert, t.met)
	if len(t.practiceTitles) > 0 {
		w.WriteString("## 主要做法\n\n")
		for j, x := range t.practiceTitles {
			w.WriteString("- " + x.zh + listEnd(zh, j == len(t.practiceTitles)-1))
		}
		w.WriteString("\n")
	}
	w.WriteString("## 需要改进的方面\n\n")
	fmt.Fprintf(w, "督查发现问题%d个，其中严重%d个、较重%d个、一般%d个。", t.problemCount(), t.problems[0], t.problems[1], t.problems[2])
	if len(t.serious) > 0 {
		w.WriteString("严重问题包括：\n\n")
		for j, x := range t.serious {
			w.WriteString("- " + x.zh + listEnd(zh, j == len(t.serious)-1))
		}
		w.WriteString("\n")
	} else {
		w.WriteString("\n\n")
	}
	fmt.Fprintf(w, "截至%s，%d个问题中有%d个逾期未完成整改。\n\n> 本页内容为合成数据。\n", n.p.asOf.words(zh), t.problemCount(), t.overdue)
}

func (n *narrative) item(w *yamlWriter, i int) {
	it, t := &items[i], &n.total
	fmt.Fprintf(w, "“%s”是本次督查的八个重点之一。督查共发现该方面问题%d个，占问题总数的%s。\n\n主要问题包括：\n\n",
		it.name.zh, t.itemProblems[i], percent(t.itemProblems[i], t.problemCount()))
	for j, x := range it.phrases.problemPoints {
		w.WriteString("- " + x.zh + listEnd(zh, j == len(it.phrases.problemPoints)-1))
	}
	w.WriteString("\n建议各地对照问题清单逐项整改，举一反三，建立长效机制。\n\n> 本页内容为合成数据。\n")
}

func unitShort(id string) text {
	i := slices.IndexFunc(units, func(u unit) bool { return u.id == id })
	return units[i].short
}

// percent writes part/whole as a percentage with one decimal: 12.5%.
func percent(part, whole int) string {
	if whole == 0 {
		return "0%"
	}
	x := (part*1000 + whole/2) / whole
	return fmt.Sprintf("%d.%d%%", x/10, x%10)
}

// chineseNumber writes 1 to 99 in Chinese numerals: 一, 十, 十一, 二十三.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}
