package synth

import (
	"math/rand/v2"
	"strconv"
)

func (p *plan) writeConfig(w *yamlWriter) {
	w.line(0, "# A synthetic ducha project, written by: go run ./cmd/synth "+p.args())
	w.line(0, "# Every name, figure and finding in it is made up.")
	w.line(0, "language: zh")
	w.line(0, `campaign: "`+campaignID+`"`)
	w.line(0, "pdf:")
	w.keyText(2, "marking", text{"内部资料 合成数据", "Internal: synthetic data"})
}

// args are the command-line arguments of cmd/synth that write the project.
func (p *plan) args() string {
	return "-findings " + itoa(p.opts.Findings) + " -seed " + strconv.FormatUint(p.opts.Seed, 10)
}

func writeProvinces(w *yamlWriter) {
	w.line(0, "# 31 provincial-level units of mainland China, in GB/T 2260 order.")
	for _, pr := range provinces {
		w.line(0, "- id: "+pr.id)
		w.line(2, `code: "`+pr.code+`"`)
		w.keyText(2, "name", pr.name)
		w.keyText(2, "short", pr.short)
		w.line(2, "kind: "+pr.kind)
	}
}

func writeUnits(w *yamlWriter) {
	w.line(0, "# Member units of the State Council Leading Group for Migrant Workers.")
	for _, u := range units {
		w.line(0, "- id: "+u.id)
		w.keyText(2, "name", u.name)
		w.keyText(2, "short", u.short)
	}
}

func (p *plan) writeCampaign(w *yamlWriter) {
	w.line(0, "# The eighth national supervision, with synthetic groups, visits and findings.")
	w.keyText(0, "title", text{"第八次全国农民工工作督查", "The Eighth National Supervision of Migrant Workers' Work"})
	w.keyText(0, "short_title", text{"第八次农民工工作督查（合成数据）", "8th Migrant Workers Supervision (synthetic)"})
	w.line(0, "edition: 8")
	w.keyText(0, "basis", text{"《国务院关于进一步做好为农民工服务工作的意见》（国发〔2014〕40号）", "Opinions of the State Council on Further Doing a Good Job in Serving Migrant Workers (Guo Fa [2014] No. 40)"})
	w.keyText(0, "organiser", text{"国务院农民工工作领导小组", "Leading Group for Migrant Workers of the State Council"})
	w.line(0, "period: {start: "+p.start.String()+", end: "+p.end.String()+"}")
	w.line(0, "as_of: "+p.asOf.String())
	w.line(0, "illustrative: true")
	w.keyText(0, "note", text{
		"本项目的全部数据和文字均由 ducha synth 自动生成（" + p.args() + "），是用于测试和性能评估的合成数据：督查组、走访、各项数据、发现的问题和整改情况都不代表真实情况。",
		"Every figure and word of this project was written by ducha synth (" + p.args() + ") to test ducha and measure its speed: the groups, visits, figures, findings and rectification are synthetic and describe no real events.",
	})
	w.line(0, "methods:")
	for _, m := range methods {
		w.spaces(2)
		w.WriteString("- ")
		w.text(m)
		w.WriteByte('\n')
	}
	w.line(0, "members:")
	for _, m := range members {
		w.line(2, "- "+m)
	}
}

var methods = []text{
	{"重点督查与随机抽查相结合", "Key inspection combined with random inspection"},
	{"明查与暗访相结合", "Open inspection combined with covert (unannounced) visits"},
	{"深入社区、乡镇、企业等基层一线", "Going to the front line: communities, townships and enterprises"},
	{"听取工作汇报，与基层农民工和农民工代表交流座谈", "Hearing work reports; discussions with migrant workers and their representatives"},
}

func writeItems(w *yamlWriter) {
	w.line(0, "# The eight key items of the notice; the indicators and targets are illustrative.")
	for _, it := range items {
		w.line(0, "- id: "+it.id)
		w.keyText(2, "name", it.name)
		w.keyText(2, "short", it.short)
		w.line(2, "points:")
		for _, pt := range it.points {
			w.spaces(4)
			w.WriteString("- ")
			w.text(pt)
			w.WriteByte('\n')
		}
		w.line(2, "indicators:")
		for _, ind := range it.indicators {
			w.line(4, "- id: "+ind.id)
			w.keyText(6, "name", ind.name)
			w.line(6, "unit: "+ind.unit)
			if ind.target != 0 {
				w.spaces(6)
				w.WriteString("target: ")
				w.tenths(ind.target)
				w.WriteByte('\n')
			}
			if ind.lower {
				w.line(6, "better: lower")
			}
		}
	}
}

func (p *plan) writeGroups(w *yamlWriter) {
	w.line(0, "# Synthetic supervision groups: people, provinces and dates are made up.")
	for _, g := range p.groups {
		w.line(0, "- no: "+itoa(g.no))
		w.line(2, "lead: "+g.lead.unit)
		w.spaces(2)
		w.WriteString("leader: {name: ")
		w.text(g.leader)
		w.WriteString(", title: ")
		w.text(g.lead.title)
		w.WriteString("}\n")
		w.line(2, "members:")
		for _, m := range g.members {
			if m.name == (text{}) {
				w.line(4, "- "+m.unit)
				continue
			}
			w.spaces(4)
			w.WriteString("- {unit: " + m.unit + ", name: ")
			w.text(m.name)
			w.WriteString(", role: ")
			w.text(m.role)
			w.WriteString("}\n")
		}
		w.spaces(2)
		w.WriteString("provinces: [")
		for i, st := range g.stops {
			if i > 0 {
				w.WriteString(", ")
			}
			w.WriteString(st.prov.id)
		}
		w.WriteString("]\n")
		w.line(2, "dates: {start: "+g.start.String()+", end: "+g.end.String()+"}")
	}
}

// writeSelfExams writes the self-examination of every province: most came
// in during the fortnight before the campaign; a few never did. It returns
// how many came in.
func (p *plan) writeSelfExams(w *yamlWriter) int {
	r := rand.New(rand.NewPCG(p.opts.Seed, streamSelfExam))
	visited := map[string]bool{}
	for _, st := range p.stops {
		visited[st.prov.id] = true
	}
	w.line(0, "# Self-examination reports of all 31 provincial-level units (synthetic).")
	var s slots
	submitted := 0
	for i := range provinces {
		pr := &provinces[i]
		if !visited[pr.id] && chance(r, 8) {
			w.line(0, pr.id+":")
			w.line(2, "submitted: false")
			continue
		}
		topics := pickN(r, items, 2)
		if chance(r, 50) {
			topics[0], topics[1] = topics[1], topics[0]
		}
		s.name, s.a, s.b = pr.name, topics[0].topic, topics[1].topic
		w.line(0, pr.id+":")
		w.line(2, "submitted: true")
		w.line(2, "date: "+(p.start-day(1+r.IntN(14))).String())
		w.keyText(2, "summary", s.phrase(pick(r, selfExams)))
		submitted++
	}
	return submitted
}
