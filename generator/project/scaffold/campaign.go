package scaffold

import (
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// The files of a campaign, under data/<campaign>/, that NextCampaign and
// BlankCampaign write.
const (
	CampaignFile = "campaign.yaml"
	ItemsFile    = "items.yaml"
	GroupsFile   = "groups.yaml"
	SelfExamFile = "self-exam.yaml"
)

// NextCampaign returns the files of the campaign after from, whose ID
// (its folder's name) is id, by their paths under data/<id>/: the same
// key items and indicators (items.yaml as it is), the same groups and
// provinces (groups.yaml, each group's dates a year or more later), the
// scope with the next edition and its dates moved on, every province's
// self-examination not yet received, and a file for each province a group
// goes to, with no visits and no findings. It reads from's files, by the
// same names under data/<from>/, from the project fsys; a file it cannot
// change is a *FileError. The years move by the difference between the
// two IDs when both are years, else by one. The notes say what else to
// look at.
func NextCampaign(fsys fs.FS, p *model.Project, from *model.Campaign, id string) (files map[string][]byte, notes []string, err error) {
	years := 1
	if a, errA := strconv.Atoi(from.ID); errA == nil {
		if b, errB := strconv.Atoi(id); errB == nil && b > a {
			years = b - a
		}
	}
	dir := path.Join("data", from.ID)
	read := func(name string) ([]byte, error) { return fs.ReadFile(fsys, path.Join(dir, name)) }
	files = map[string][]byte{}
	src, err := read(CampaignFile)
	if err != nil {
		return nil, nil, err
	}
	if files[CampaignFile], err = nextScope(src, from, id, years); err != nil {
		return nil, nil, &FileError{Name: path.Join(dir, CampaignFile), Err: err}
	}
	if files[ItemsFile], err = read(ItemsFile); err != nil {
		return nil, nil, err
	}
	if src, err = read(GroupsFile); err != nil {
		return nil, nil, err
	}
	if files[GroupsFile], err = nextGroups(src, years); err != nil {
		return nil, nil, &FileError{Name: path.Join(dir, GroupsFile), Err: err}
	}
	files[SelfExamFile] = SelfExams(p.Provinces)
	next := *from
	next.ID = id
	next.Period = model.Period{Start: addYears(from.Period.Start, years), End: addYears(from.Period.End, years)}
	lang := p.Config.Lang()
	for _, g := range from.Groups {
		for _, pr := range g.Provinces {
			if pr != nil {
				files["provinces/"+pr.ID+".yaml"] = ProvinceFile(&next, pr, lang)
			}
		}
	}
	if !strings.Contains(string(files[CampaignFile]), i18n.Edition(model.ZH, from.Edition+1)) {
		notes = append(notes, "the title still names the old edition; change it in "+CampaignFile)
	}
	if from.Illustrative {
		notes = append(notes, "illustrative: true and the note were kept; remove them once the data is real")
	}
	return files, notes, nil
}

// nextScope returns campaign.yaml for the next edition, id: the edition
// one up (in the title too, where it says 第八次 or Eighth or 8th, and the
// year there, when the IDs are years), the period, as_of and the
// record's date of printing moved on by years.
func nextScope(src []byte, from *model.Campaign, id string, years int) ([]byte, error) {
	d, err := ParseDoc(src)
	if err != nil {
		return nil, err
	}
	root := d.Root()
	if _, v := Lookup(root, "edition"); v != nil && v.Kind == yaml.ScalarNode && from.Edition > 0 {
		if err := d.Set(root, "edition", Raw(strconv.Itoa(from.Edition+1))); err != nil {
			return nil, err
		}
	}
	swaps := [][2]string{
		{i18n.Edition(model.ZH, from.Edition), i18n.Edition(model.ZH, from.Edition+1)},
		{i18n.Edition(model.EN, from.Edition), i18n.Edition(model.EN, from.Edition+1)},
		{ordinal(from.Edition), ordinal(from.Edition + 1)},
		{strings.ToLower(ordinal(from.Edition)), strings.ToLower(ordinal(from.Edition + 1))},
	}
	if from.Edition < 1 {
		swaps = nil
	}
	if _, err := strconv.Atoi(from.ID); err == nil && len(from.ID) == 4 {
		swaps = append(swaps, [2]string{from.ID, id})
	}
	for _, key := range []string{"title", "short_title"} {
		if err := nextTitle(d, root, key, swaps); err != nil {
			return nil, err
		}
	}
	if _, period := Lookup(root, "period"); period != nil && period.Kind == yaml.MappingNode {
		for _, k := range []string{"start", "end"} {
			if err := moveDate(d, period, k, years); err != nil {
				return nil, err
			}
		}
	}
	if err := moveDate(d, root, "as_of", years); err != nil {
		return nil, err
	}
	if _, record := Lookup(root, "record"); record != nil && record.Kind == yaml.MappingNode {
		if err := moveDate(d, record, "date", years); err != nil {
			return nil, err
		}
	}
	return d.Bytes()
}

// nextTitle makes the first of each pair of swaps that a title holds the
// second, in each language.
func nextTitle(d *Doc, m *yaml.Node, key string, swaps [][2]string) error {
	_, v := Lookup(m, key)
	switch {
	case v == nil:
		return nil
	case v.Kind == yaml.MappingNode:
		for _, lang := range []string{"zh", "en"} {
			if err := nextTitle(d, v, lang, swaps); err != nil {
				return err
			}
		}
		return nil
	case v.Kind != yaml.ScalarNode:
		return nil
	}
	s := v.Value
	for _, pair := range swaps {
		if pair[0] != "" && pair[1] != "" {
			s = strings.Replace(s, pair[0], pair[1], 1)
		}
	}
	if s == v.Value {
		return nil
	}
	return d.Set(m, key, TextValue(s))
}

var ordinals = []string{"", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
	"Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth", "Twentieth"}

// ordinal writes n (1 to 20) as an English ordinal word; "" beyond.
func ordinal(n int) string {
	if n < 1 || n >= len(ordinals) {
		return ""
	}
	return ordinals[n]
}

// moveDate moves the date under key in the mapping m on by years, when it
// is a date.
func moveDate(d *Doc, m *yaml.Node, key string, years int) error {
	_, v := Lookup(m, key)
	if v == nil || v.Kind != yaml.ScalarNode {
		return nil
	}
	date, err := model.ParseDate(v.Value)
	if err != nil {
		return nil // ducha check reports it, in both campaigns
	}
	return d.Set(m, key, Raw(addYears(date, years).String()))
}

// addYears returns d moved on by years; 29 February becomes 28 February
// in a year that has none.
func addYears(d model.Date, years int) model.Date {
	if d.IsZero() {
		return d
	}
	t := time.Date(d.Year+years, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	if t.Month() != d.Month {
		t = time.Date(d.Year+years, d.Month+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return model.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// nextGroups returns groups.yaml with each group's dates moved on.
func nextGroups(src []byte, years int) ([]byte, error) {
	d, err := ParseDoc(src)
	if err != nil {
		return nil, err
	}
	if root := d.Root(); root != nil && root.Kind == yaml.SequenceNode {
		for _, g := range root.Content {
			if _, dates := Lookup(g, "dates"); dates != nil && dates.Kind == yaml.MappingNode {
				for _, k := range []string{"start", "end"} {
					if err := moveDate(d, dates, k, years); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	return d.Bytes()
}

// SelfExams returns a self-exam.yaml in which no province's report has
// come yet.
func SelfExams(provinces []*model.Province) []byte {
	var b strings.Builder
	b.WriteString("# The self-examination of every province (docs/data-format.md, self-exam.yaml).\n")
	b.WriteString("# When a report comes: bj: {submitted: true, date: YYYY-MM-DD, summary: ...};\n")
	b.WriteString("# leave out date: when the day is not known.\n")
	for _, p := range provinces {
		fmt.Fprintf(&b, "%s: {submitted: false}\n", p.ID)
	}
	return []byte(b.String())
}

// BlankCampaign returns the files of a first campaign in year, under
// data/<year>/, by their paths there: a scope to fill in that ducha check
// already accepts, no key items and no groups yet, and every province's
// self-examination not yet received.
func BlankCampaign(year int, provinces []*model.Province) map[string][]byte {
	scope := fmt.Sprintf(`# The scope of the campaign (docs/data-format.md, campaign.yaml).
# The values marked （待填写） stand in for the campaign's own: replace them,
# and the title, the edition and the dates.
title: %[1]d年督查
edition: 1
basis: （待填写）督查依据的文件
organiser: （待填写）组织督查的单位
period: {start: %[1]d-01-01, end: %[1]d-12-31}
as_of: %[1]d-12-31
# The member units taking part, by their IDs in data/units.yaml: [ndrc, moe]
members: []
`, year)
	return map[string][]byte{
		CampaignFile: []byte(scope),
		ItemsFile: []byte(`# The key items, in the order they are numbered (docs/data-format.md, items.yaml).
# - id: wages
#   name: 维护农民工劳动保障权益
#   points: [劳动合同签订情况]
#   indicators:
#     - {id: contract-rate, name: 劳动合同签订率, unit: percent, target: 90}
[]
`),
		GroupsFile: []byte(`# The supervision groups (docs/data-format.md, groups.yaml).
# - no: 1
#   lead: ndrc
#   provinces: [zj]
#   dates: {start: YYYY-MM-DD, end: YYYY-MM-DD}
[]
`),
		SelfExamFile: SelfExams(provinces),
	}
}
