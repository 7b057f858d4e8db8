package figures

import (
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// Tone says what a key figure is about, for its colour.
type Tone string

// The tones of the key figures.
const (
	ToneValue    Tone = ""         // a plain figure
	ToneProblem  Tone = "problem"  // problems found
	TonePractice Tone = "practice" // good practices
	ToneClosed   Tone = "closed"   // rectification closed
	ToneOverdue  Tone = "overdue"  // overdue: needs action
)

// Tile is one key figure, as the site's overview and the briefing show it
// first: a figure, its label, and a line of detail made of other figures.
type Tile struct {
	Name   string // the figure shown, such as problems
	Label  string
	Value  string // the figure's text
	Detail string
	Tone   Tone
	Alert  bool // the figure needs action: overdue problems
}

// Tiles returns the key figures of the campaign, in the order both outputs
// show them.
func (t *Table) Tiles() []Tile {
	lang := t.r.Lang
	tx := t.Text
	trf := func(key string, args ...any) string { return i18n.Trf(lang, "fig.tile."+key, args...) }
	tile := func(name string, tone Tone, detail string) Tile {
		v := t.Get(name)
		return Tile{Name: name, Label: v.Label, Value: v.Text, Detail: detail, Tone: tone}
	}
	overdue := tile("overdue", ToneOverdue, trf("overdue", tx("as-of")))
	overdue.Alert = t.Get("overdue").Number > 0
	return []Tile{
		tile("groups", ToneValue, trf("groups", tx("member-units"))),
		tile("provinces-visited", ToneValue, trf("provinces", tx("self-exam.submitted"), tx("self-exam.total"))),
		tile("visits", ToneValue, trf("visits", tx("visits."+string(model.Covert)), tx("visits."+string(model.RandomSelection)))),
		tile("people-met", ToneValue, trf("people")),
		tile("problems", ToneProblem, trf("problems", tx("problems.high"), tx("problems.medium"), tx("problems.low"))),
		tile("practices", TonePractice, trf("practices")),
		tile("closed-rate", ToneClosed, trf("closed", tx("problems.closed"), tx("problems"))),
		overdue,
	}
}
