package synth

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// tally counts what a province file holds, for the narrative.
type tally struct {
	findings, practices int
	problems            [3]int // by severity: high, medium, low
	status              [4]int // by status, in the order of statuses
	overdue             int
	itemProblems        []int // by item
	visits, covert      int
	random, met         int
	// serious and practiceTitles are the titles of the first three
	// high-severity problems and good practices, for the province's page.
	serious, practiceTitles []text
}

func (t *tally) add(u *tally) {
	t.findings += u.findings
	t.practices += u.practices
	for i := range t.problems {
		t.problems[i] += u.problems[i]
	}
	for i := range t.status {
		t.status[i] += u.status[i]
	}
	t.overdue += u.overdue
	if t.itemProblems == nil {
		t.itemProblems = make([]int, len(items))
	}
	for i, x := range u.itemProblems {
		t.itemProblems[i] += x
	}
	t.visits += u.visits
	t.covert += u.covert
	t.random += u.random
	t.met += u.met
}

func (t *tally) problemCount() int { return t.problems[0] + t.problems[1] + t.problems[2] }

var (
	severities = []string{"high", "medium", "low"}
	statuses   = []string{"not-started", "in-progress", "done", "closed"}
	// siteKinds and siteWeights draw the kind of site of a visit other
	// than the first, which is always the work report to the government.
	siteKinds   = []site{government, community, township, enterprise, construction, school, service}
	siteWeights = []int{4, 20, 10, 25, 17, 10, 14}
	// deadlineDays are the days given to fix a problem, by severity; the
	// deadline is the end of the month they reach.
	deadlineDays = [3][]int{{30, 45, 60}, {45, 60, 90, 120}, {60, 90, 120, 180}}
)

// visit is a visit, as far as findings need it.
type visit struct {
	date day
	site site
	city text
}

// provinceWriter writes one province's file: data/<campaign>/provinces/<id>.yaml.
type provinceWriter struct {
	w      *yamlWriter
	p      *plan
	st     *stop
	r      *rand.Rand
	visits []visit
	bySite map[site][]int // indexes into visits
	t      tally
	s      slots
}

func (p *plan) writeProvince(w *yamlWriter, st *stop) *tally {
	pw := &provinceWriter{
		w:      w,
		p:      p,
		st:     st,
		r:      rand.New(rand.NewPCG(p.opts.Seed, streamProvince+uint64(st.index))),
		bySite: map[site][]int{},
		t:      tally{itemProblems: make([]int, len(items))},
	}
	pw.s.prov, pw.s.name = st.prov.short, st.prov.name
	w.line(0, "# "+st.prov.name.zh+"，第"+chineseNumber(st.group.no)+"督查组。合成数据，均为示例。")
	w.line(0, "# "+st.prov.name.en+", group "+itoa(st.group.no)+". Synthetic data: every entry is illustrative.")
	pw.writeVisits()
	pw.writeIndicators()
	pw.writeFindings()
	return &pw.t
}

// writeVisits writes the visits, in date order: the first is the work
// report to the provincial government on the first day.
func (pw *provinceWriter) writeVisits() {
	r, st, w := pw.r, pw.st, pw.w
	length := int(st.end-st.start) + 1
	days := make([]day, st.visits)
	for i := 1; i < len(days); i++ {
		days[i] = st.start + day(r.IntN(length))
	}
	days[0] = st.start
	slices.Sort(days)
	w.line(0, "visits:")
	for i, d := range days {
		v, place := visit{date: d, site: government, city: st.prov.name}, workReport
		if i > 0 {
			v.site = siteKinds[weighted(r, siteWeights)]
			v.city = pick(r, st.prov.cities)
			place = pick(r, places[v.site])
		}
		pw.visits = append(pw.visits, v)
		pw.bySite[v.site] = append(pw.bySite[v.site], i)
		pw.s.city = v.city
		pw.writeVisit(i, v, upperFirst(pw.s.phrase(place)))
	}
}

func (pw *provinceWriter) writeVisit(i int, v visit, place text) {
	r, w := pw.r, pw.w
	mode, selection := "open", "key"
	if v.site != government {
		if chance(r, 30) {
			mode = "covert"
		}
		if chance(r, 55) {
			selection = "random"
		}
	}
	met := metRange(r, v.site)
	w.WriteString("  - {id: v")
	w.int(i + 1)
	w.WriteString(", date: ")
	w.WriteString(v.date.String())
	w.WriteString(", place: ")
	w.text(place)
	w.WriteString(", site: ")
	w.WriteString(string(v.site))
	if mode != "open" || chance(r, 50) {
		w.WriteString(", mode: " + mode)
	}
	if selection != "key" || chance(r, 50) {
		w.WriteString(", selection: " + selection)
	}
	w.WriteString(", met: ")
	w.int(met)
	if chance(r, 10) {
		w.WriteString(", note: ")
		w.text(pick(r, visitNotes))
	}
	w.WriteString("}\n")
	pw.t.visits++
	pw.t.met += met
	if mode == "covert" {
		pw.t.covert++
	}
	if selection == "random" {
		pw.t.random++
	}
}

// metRange draws how many people a visit met, by the kind of site.
func metRange(r *rand.Rand, s site) int {
	switch s {
	case government:
		return 8 + r.IntN(13)
	case school:
		return 5 + r.IntN(11)
	case enterprise, construction:
		return 15 + r.IntN(46)
	}
	return 8 + r.IntN(30)
}

// writeIndicators writes a value for every indicator of every item.
func (pw *provinceWriter) writeIndicators() {
	r, w := pw.r, pw.w
	w.WriteString("\nindicators:\n")
	for _, it := range items {
		for _, ind := range it.indicators {
			x := ind.lo + r.IntN(ind.hi-ind.lo+1)
			if ind.scaled {
				x *= pw.st.prov.weight
			}
			if ind.whole() {
				x = x / 10 * 10
			}
			w.WriteString("  ")
			w.WriteString(ind.id)
			w.WriteString(": ")
			if chance(r, 15) {
				w.WriteString("{value: ")
				w.tenths(x)
				w.WriteString(", note: ")
				w.text(pick(r, valueNotes))
				w.WriteString("}\n")
				continue
			}
			w.tenths(x)
			w.WriteByte('\n')
		}
	}
}

// writeFindings writes the province's findings. Each province leans to its
// own mix of items and of problems and practices.
func (pw *provinceWriter) writeFindings() {
	r, n := pw.r, pw.st.findings
	if n == 0 {
		return
	}
	itemWeights := make([]int, len(items))
	for i, it := range items {
		itemWeights[i] = it.weight * (60 + r.IntN(81))
	}
	problemShare := 62 + r.IntN(17)
	pw.w.WriteString("\nfindings:\n")
	for i := 1; i <= n; i++ {
		k := weighted(r, itemWeights)
		f := finding{id: findingID(pw.st.prov.id, i, n), itemIndex: k, item: &items[k], problem: chance(r, problemShare)}
		pw.draw(&f)
		pw.writeFinding(&f)
		pw.count(&f)
	}
}

// finding is one finding, drawn and not yet written.
type finding struct {
	id        string
	itemIndex int
	item      *item
	problem   bool
	severity  int // index into severities
	title     text
	detail    text
	visits    []int // indexes into the province's visits, ascending
	date      day   // the earliest visit's date, or the date written
	dated     bool  // the finding has no visits, and its date is written
	// rectification, for problems
	responsible text
	deadline    day
	status      int // index into statuses
	closed      day
	notes       text
}

// draw fills in f from f.item and f.problem.
func (pw *provinceWriter) draw(f *finding) {
	r, s := pw.r, &pw.s
	pw.evidence(f)
	s.roll(r)
	s.city = pick(r, pw.st.prov.cities)
	if len(f.visits) > 0 {
		s.city = pw.visits[f.visits[0]].city
	}
	ph := &f.item.phrases
	themes := ph.practices
	if f.problem {
		themes = ph.problems
	}
	th := r.IntN(len(themes))
	f.title = s.phrase(pick(r, themes[th].titles))
	if !f.problem {
		f.detail = pw.practiceDetail(ph, th)
		return
	}
	f.severity = weighted(r, f.item.severity[:])
	pw.rectify(f)
	s.deadline = f.deadline
	f.detail = pw.problemDetail(ph, th)
}

// evidence picks the visits a finding rests on, mostly at the kind of site
// its item is found at; one finding in twenty rests on documents alone and
// carries its own date.
func (pw *provinceWriter) evidence(f *finding) {
	r := pw.r
	if chance(r, 5) {
		f.dated = true
		f.date = pw.st.start + day(r.IntN(int(pw.st.end-pw.st.start)+1))
		return
	}
	want := 1 + weighted(r, []int{60, 30, 10})
	var pool []int
	for _, s := range f.item.sites {
		pool = append(pool, pw.bySite[s]...)
	}
	for range want {
		var v int
		if len(pool) > 0 && chance(r, 80) {
			v = pick(r, pool)
		} else {
			v = r.IntN(len(pw.visits))
		}
		if !slices.Contains(f.visits, v) {
			f.visits = append(f.visits, v)
		}
	}
	slices.Sort(f.visits)
	f.date = pw.visits[f.visits[0]].date
}

// rectify draws the rectification of a problem: a deadline by severity,
// and a status that is more often done or closed when the deadline has
// passed by the as-of date.
func (pw *provinceWriter) rectify(f *finding) {
	r := pw.r
	f.responsible = pick(r, f.item.depts).of(pw.st.prov)
	f.deadline = (f.date + day(pick(r, deadlineDays[f.severity]))).monthEnd()
	weights := []int{25, 50, 15, 10}
	if f.deadline < pw.p.asOf {
		weights = []int{12, 28, 30, 30}
	}
	f.status = weighted(r, weights)
	status := statuses[f.status]
	if status == "closed" {
		lo, hi := f.date+20, min(pw.p.asOf, f.deadline+30)
		f.closed = lo + day(r.IntN(int(hi-lo)+1))
	}
	if chance(r, 55) {
		f.notes = pw.s.phrase(pick(r, notes[status]))
	}
}

// problemDetail writes what a problem of theme th is: its fact, sometimes
// the fact of another theme, sometimes a list, a cause and what the group
// asked for.
func (pw *provinceWriter) problemDetail(ph *phrases, th int) text {
	r := pw.r
	facts := []text{ph.problems[th].fact}
	if n := len(ph.problems); n > 1 && chance(r, 40) {
		facts = append(facts, ph.problems[(th+1+r.IntN(n-1))%n].fact)
	}
	var list []text
	if chance(r, 35) {
		list = pickN(r, ph.problemPoints, 2+r.IntN(2))
	}
	var closing []text
	if chance(r, 70) {
		closing = append(closing, pick(r, causes))
	}
	closing = append(closing, pick(r, requirements))
	return pw.compose(facts, problemListIntro, list, closing)
}

// practiceDetail writes what a good practice of theme th is: its fact, its
// effect, sometimes a list, and a recommendation.
func (pw *provinceWriter) practiceDetail(ph *phrases, th int) text {
	r := pw.r
	facts := []text{ph.practices[th].fact}
	if chance(r, 70) {
		facts = append(facts, pick(r, effects))
	}
	var list []text
	if chance(r, 25) {
		list = pickN(r, ph.practicePoints, 2)
	}
	var closing []text
	if chance(r, 60) {
		closing = append(closing, pick(r, recommendations))
	}
	return pw.compose(facts, practiceListIntro, list, closing)
}

// compose renders a detail in Markdown: the facts as a paragraph, then the
// list under its introduction, then the closing sentences. Without a list,
// the closing sentences may join the facts in one paragraph.
func (pw *provinceWriter) compose(facts []text, intro text, list, closing []text) text {
	var out text
	for _, l := range []lang{zh, en} {
		var b strings.Builder
		sentences(&b, &pw.s, facts, l)
		if len(list) > 0 {
			b.WriteString("\n\n")
			b.WriteString(intro.in(l))
			b.WriteString("\n\n")
			for i, x := range list {
				b.WriteString("- ")
				b.WriteString(x.in(l))
				b.WriteString(listEnd(l, i == len(list)-1))
			}
		}
		if len(closing) > 0 {
			switch {
			case len(list) > 0:
				b.WriteString("\n") // after the list's last line
			case len(facts) > 1:
				b.WriteString("\n\n")
			case l == en:
				b.WriteByte(' ')
			}
			sentences(&b, &pw.s, closing, l)
		}
		x := b.String()
		if strings.Contains(x, "\n") {
			x = strings.TrimRight(x, "\n") + "\n"
		}
		if l == zh {
			out.zh = x
		} else {
			out.en = x
		}
	}
	return out
}

// sentences renders templates as running text: joined without spaces in
// Chinese, with one in English.
func sentences(b *strings.Builder, s *slots, ts []text, l lang) {
	for i, t := range ts {
		if i > 0 && l == en {
			b.WriteByte(' ')
		}
		s.render(b, t.in(l), l)
	}
}

// listEnd closes an entry of a list: 。 or . after the last, else ； or ;.
func listEnd(l lang, last bool) string {
	switch {
	case l == zh && last:
		return "。\n"
	case l == zh:
		return "；\n"
	case last:
		return ".\n"
	}
	return ";\n"
}

// pickN returns n different elements of xs (all of them if it has fewer),
// in the order of xs.
func pickN[T any](r *rand.Rand, xs []T, n int) []T {
	idx := r.Perm(len(xs))[:min(n, len(xs))]
	slices.Sort(idx)
	out := make([]T, len(idx))
	for i, x := range idx {
		out[i] = xs[x]
	}
	return out
}

func (pw *provinceWriter) writeFinding(f *finding) {
	w := pw.w
	w.line(2, "- id: "+f.id)
	w.line(4, "item: "+f.item.id)
	if !f.problem {
		w.line(4, "kind: practice")
	} else {
		w.line(4, "kind: problem")
		w.line(4, "severity: "+severities[f.severity])
	}
	w.keyText(4, "title", f.title)
	w.markdown(4, "detail", f.detail)
	if f.dated {
		w.line(4, "date: "+f.date.String())
	} else {
		w.spaces(4)
		w.WriteString("visits: [")
		for i, v := range f.visits {
			if i > 0 {
				w.WriteString(", ")
			}
			w.WriteByte('v')
			w.int(v + 1)
		}
		w.WriteString("]\n")
	}
	if !f.problem {
		return
	}
	w.line(4, "rectification:")
	w.keyText(6, "responsible", f.responsible)
	w.line(6, "deadline: "+f.deadline.String())
	w.line(6, "status: "+statuses[f.status])
	if f.closed != 0 {
		w.line(6, "closed: "+f.closed.String())
	}
	if f.notes != (text{}) {
		w.markdown(6, "notes", f.notes)
	}
}

// count adds f to the province's tally.
func (pw *provinceWriter) count(f *finding) {
	t := &pw.t
	t.findings++
	if !f.problem {
		t.practices++
		if len(t.practiceTitles) < 3 {
			t.practiceTitles = append(t.practiceTitles, f.title)
		}
		return
	}
	t.problems[f.severity]++
	t.status[f.status]++
	t.itemProblems[f.itemIndex]++
	if open := f.status < 2; open && f.deadline < pw.p.asOf { // not started or in progress
		t.overdue++
	}
	if f.severity == 0 && len(t.serious) < 3 {
		t.serious = append(t.serious, f.title)
	}
}

// upperFirst capitalises the first letter of the English side of t.
func upperFirst(t text) text {
	if t.en != "" && t.en[0] >= 'a' && t.en[0] <= 'z' {
		t.en = string(t.en[0]-'a'+'A') + t.en[1:]
	}
	return t
}
