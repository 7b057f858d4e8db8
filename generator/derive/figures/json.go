package figures

import (
	"encoding/json"
	"io"
	"math"
)

// jsonFile is the export of every figure of a campaign.
type jsonFile struct {
	Campaign string       `json:"campaign"` // the campaign's ID
	Lang     string       `json:"lang"`
	AsOf     string       `json:"as_of"` // YYYY-MM-DD
	Figures  []jsonFigure `json:"figures"`
}

type jsonFigure struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Kind  string `json:"kind"`           // count, percent, date, period, number or quantity
	Unit  string `json:"unit,omitempty"` // a quantity's unit: percent, people...
	Value any    `json:"value"`          // a number (null for none); a date as YYYY-MM-DD; a period as YYYY-MM-DD/YYYY-MM-DD
	Text  string `json:"text"`           // as the site and the briefing write it
}

// WriteJSON writes every figure of the table as JSON to w: the campaign,
// its language and as-of date, and the figures in listing order, each
// with its name, label, kind, value and text.
func (t *Table) WriteJSON(w io.Writer) error {
	f := jsonFile{Campaign: t.r.Campaign.ID, Lang: string(t.r.Lang), AsOf: t.r.AsOf.String()}
	for _, v := range t.All() {
		jf := jsonFigure{Name: v.Name, Label: v.Label, Kind: v.Kind.String(), Value: v.jsonValue(), Text: v.Text}
		if v.Kind == Quantity {
			jf.Unit = string(v.Indicator.Measure)
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

// String returns the kind's name: count, percent, date, period, number or
// quantity.
func (k Kind) String() string {
	return [...]string{"count", "percent", "date", "period", "number", "quantity"}[k]
}
