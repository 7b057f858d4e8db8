package figures

import (
	"encoding/json"
	"io"
	"math"
)

// jsonFile is the export of every figure of a campaign.
type jsonFile struct {
	Campaign string `json:"campaign"` // the campaign's ID
	Lang     string `json:"lang"`
	AsOf     string `json:"as_of"` // YYYY-MM-DD
	// Previous is the ID of the campaign before, whose values each
	// figure's previous and change give; omitted for the first.
	Previous string       `json:"previous_campaign,omitempty"`
	Figures  []jsonFigure `json:"figures"`
}

type jsonFigure struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Kind  string `json:"kind"`           // count, percent, date, period, number or quantity
	Unit  string `json:"unit,omitempty"` // a quantity's unit: percent, people...
	Value any    `json:"value"`          // a number (null for none); a date as YYYY-MM-DD; a period as YYYY-MM-DD/YYYY-MM-DD
	Text  string `json:"text"`           // as the site and the briefing write it
	// Previous is the value in the previous campaign, as value is
	// written, and Change the value minus that; both are left out when
	// there is no previous campaign or it has no such figure, and change
	// for a date.
	Previous any `json:"previous,omitempty"`
	Change   any `json:"change,omitempty"`
	// PreviousText and ChangeText are those as the site and the briefing
	// write them: {{previous.NAME}} and {{change.NAME}}.
	PreviousText string `json:"previous_text,omitempty"`
	ChangeText   string `json:"change_text,omitempty"`
	// Better says which way the figure is good news: higher or lower;
	// omitted for neither.
	Better string `json:"better,omitempty"`
}

// WriteJSON writes every figure of the table as JSON to w: the campaign,
// its language and as-of date, and the figures in listing order, each
// with its name, label, kind, value and text.
func (t *Table) WriteJSON(w io.Writer) error {
	f := jsonFile{Campaign: t.r.Campaign.ID, Lang: string(t.r.Lang), AsOf: t.r.AsOf.String()}
	prev := t.Previous()
	if prev != nil {
		f.Previous = prev.r.Campaign.ID
	}
	for _, v := range t.All() {
		jf := jsonFigure{Name: v.Name, Label: v.Label, Kind: v.Kind.String(), Value: v.jsonValue(), Text: v.Text, Better: v.Better.String()}
		if v.Kind == Quantity {
			jf.Unit = string(v.Indicator.Measure)
		}
		if p := t.Get(string(Previous) + "." + v.Name); p != nil {
			jf.Previous, jf.PreviousText = p.jsonValue(), p.Text
		}
		if c := t.Get(string(ChangeFrom) + "." + v.Name); c != nil {
			jf.Change, jf.ChangeText = c.jsonValue(), c.Text
		}
		f.Figures = append(f.Figures, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

func (v *Value) jsonValue() any {
	switch v.Kind {
	case Date:
		return v.Date.String()
	case Period:
		return v.Period.Start.String() + "/" + v.Period.End.String()
	}
	if math.IsNaN(v.Number) {
		return nil // an indicator no province reports has no lowest value
	}
	return v.Number
}

// String returns the kind's name: count, percent, date, period, number,
// quantity, change or change-rate.
func (k Kind) String() string {
	return [...]string{"count", "percent", "date", "period", "number", "quantity", "change", "change-rate"}[k]
}
