package compare

import "github.com/ducha/ducha/generator/model"

// ProvinceRepeats are the problems of one province that repeat a problem
// of an earlier campaign (屡查屡犯), in the current campaign.
type ProvinceRepeats struct {
	Province *model.Province
	Findings []*model.Finding // each with Repeated set, in file order
}

// Repeats returns the provinces where the current campaign found a
// problem again, in the order of data/provinces.yaml.
func (s *Set) Repeats() []*ProvinceRepeats {
	cur := s.Reports[len(s.Reports)-1]
	by := map[*model.Province]*ProvinceRepeats{}
	var out []*ProvinceRepeats
	for _, pr := range s.project().Provinces {
		x := &ProvinceRepeats{Province: pr}
		by[pr] = x
		out = append(out, x)
	}
	for _, f := range cur.Problems {
		if f.Repeated != nil && by[f.Province] != nil {
			by[f.Province].Findings = append(by[f.Province].Findings, f)
		}
	}
	kept := out[:0]
	for _, x := range out {
		if len(x.Findings) > 0 {
			kept = append(kept, x)
		}
	}
	return kept
}
