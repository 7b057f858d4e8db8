package synth

import (
	"math/rand/v2"
	"slices"
	"strconv"
)

// The campaign every synthetic project holds: the eighth supervision, in
// the dates of the sample project.
const campaignID = "2015"

// Streams of random numbers: each part of the project draws from its own
// stream of the seed, so that parts can be written in any order, or at the
// same time, and still come out the same.
const (
	streamPlan     = 1
	streamSelfExam = 2
	streamProvince = 1000 // + the province's index
)

// plan is the shape of a synthetic campaign, decided before any file is
// written: its dates, its groups, the provinces they visit and how many
// visits and findings each province gets.
type plan struct {
	opts             Options
	start, end, asOf day
	groups           []*group
	stops            []*stop // the provinces visited, in GB/T 2260 order
}

// group is a supervision group.
type group struct {
	no         int
	lead       lead
	leader     text
	members    []member
	stops      []*stop // in the order the group went to them
	start, end day
}

// member is a member of a group: a unit, and a person when named.
type member struct {
	unit       string
	name, role text // zero when the person is not named
}

// stop is a province a group went to.
type stop struct {
	prov       *province
	index      int // in provinces
	group      *group
	start, end day // on site
	visits     int
	findings   int
}

// newPlan draws the plan of a campaign with opts.Findings findings.
func newPlan(opts Options) *plan {
	r := rand.New(rand.NewPCG(opts.Seed, streamPlan))
	p := &plan{
		opts:  opts,
		start: date(2015, 11, 15),
		end:   date(2015, 12, 15),
		asOf:  date(2016, 3, 31),
	}
	visited := visitedCount(opts.Findings)
	if opts.Provinces > 0 {
		visited = opts.Provinces
	}
	p.chooseProvinces(r, visited)
	p.formGroups(r)
	p.allocate(r)
	return p
}

// visitedCount is how many provinces a campaign of n findings visits: 3
// for the smallest, 6 (as in the notice) at about 100 findings, and all 31
// from about 500.
func visitedCount(n int) int { return min(len(provinces), max(3, n/16)) }

// chooseProvinces picks n provinces, the ones with more migrant workers
// more likely, and lists them in GB/T 2260 order.
func (p *plan) chooseProvinces(r *rand.Rand, n int) {
	left := make([]int, len(provinces))
	for i := range left {
		left[i] = i
	}
	var chosen []int
	for range n {
		weights := make([]int, len(left))
		for i, x := range left {
			weights[i] = provinces[x].weight
		}
		i := weighted(r, weights)
		chosen = append(chosen, left[i])
		left = slices.Delete(left, i, i+1)
	}
	slices.Sort(chosen)
	for _, i := range chosen {
		p.stops = append(p.stops, &stop{prov: &provinces[i], index: i})
	}
}

// groupCount is how many groups visit n provinces: one each up to six, as
// in the notice, then about three provinces a group.
func groupCount(n int) int {
	if n <= 6 {
		return n
	}
	return max(6, (n+2)/3)
}

// formGroups deals the provinces out to groups, and gives each group its
// lead, members and dates.
func (p *plan) formGroups(r *rand.Rand) {
	order := slices.Clone(p.stops)
	r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	n := len(order)
	g := groupCount(n)
	for i := range g {
		size := n / g
		if i < n%g {
			size++
		}
		gr := &group{no: i + 1, lead: leads[i], stops: order[:size]}
		order = order[size:]
		for _, st := range gr.stops {
			st.group = gr
		}
		p.staff(r, gr)
		p.schedule(r, gr)
		p.groups = append(p.groups, gr)
	}
}

// staff names the leader and draws the members of a group: a liaison
// officer from the lead unit, then three to six other units.
func (p *plan) staff(r *rand.Rand, g *group) {
	s := pick(r, surnames)
	g.leader = text{s.zh + "某某", s.en + " Moumou"}
	person := func() text {
		s := pick(r, surnames)
		return text{s.zh + "某", s.en + " Mou"}
	}
	g.members = append(g.members, member{unit: g.lead.unit, name: person(), role: text{"联络员", "Liaison officer"}})
	others := slices.DeleteFunc(slices.Clone(members), func(u string) bool { return u == g.lead.unit })
	r.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
	for _, u := range others[:3+r.IntN(4)] {
		m := member{unit: u}
		if chance(r, 70) {
			m.name, m.role = person(), text{"成员", "Member"}
		}
		g.members = append(g.members, m)
	}
}

// schedule places a group's provinces one after another within the
// campaign's period, with a day of travel between two.
func (p *plan) schedule(r *rand.Rand, g *group) {
	days := int(p.end-p.start) + 1
	k := len(g.stops)
	length := min(7, (days-(k-1))/k)
	span := k*length + k - 1
	at := p.start + day(r.IntN(days-span+1))
	for _, st := range g.stops {
		st.start, st.end = at, at+day(length-1)
		at += day(length + 1)
	}
	g.start, g.end = g.stops[0].start, g.stops[k-1].end
}

// allocate shares the findings out among the provinces visited, skewed by
// their weights and a random factor, at least one each while there are
// enough; each province gets a visit for about eight findings, at least
// four.
func (p *plan) allocate(r *rand.Rand) {
	weights := make([]int, len(p.stops))
	for i, st := range p.stops {
		weights[i] = st.prov.weight * (60 + r.IntN(81))
	}
	n := p.opts.Findings
	floor := 0
	if n >= len(p.stops) {
		floor = 1
	}
	counts := shares(n-floor*len(p.stops), weights)
	for i, st := range p.stops {
		st.findings = floor + counts[i]
		st.visits = max(4, (st.findings+4)/8)
	}
}

// shares divides total in proportion to weights by the largest remainder,
// so that the parts add up to total exactly.
func shares(total int, weights []int) []int {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	out := make([]int, len(weights))
	rem := make([]int, len(weights))
	given := 0
	for i, w := range weights {
		x := int64(total) * int64(w)
		out[i] = int(x / int64(sum))
		rem[i] = int(x % int64(sum))
		given += out[i]
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rem[b] - rem[a] })
	for _, i := range order[:total-given] {
		out[i]++
	}
	return out
}

// findingID is the ID of the i-th finding (from 1) of a province with n
// findings: zj-07, gd-0412.
func findingID(prov string, i, n int) string {
	width := max(2, len(strconv.Itoa(n)))
	s := strconv.Itoa(i)
	for len(s) < width {
		s = "0" + s
	}
	return prov + "-" + s
}
