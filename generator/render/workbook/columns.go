package workbook

import (
	"strings"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// columns are the columns of the sheets of findings, the CSV export's.
func (w *writer) columns() []column {
	cols := []column{
		{"id", 10, textCell, func(w *writer, f *model.Finding) any { return f.ID }},
		{"province", 12, textCell, (*writer).province},
		{"group", 12, textCell, (*writer).group},
		{"item", 22, textCell, (*writer).item},
		{"kind", 10, textCell, func(w *writer, f *model.Finding) any { return i18n.Enum(w.lang, f.Kind) }},
		{"severity", 10, textCell, (*writer).severity},
		{"title", 36, wrapCell, func(w *writer, f *model.Finding) any { return f.Title.In(w.lang) }},
		{"site.detail", 48, wrapCell, func(w *writer, f *model.Finding) any { return strings.TrimRight(f.Detail.In(w.lang), "\n") }},
		{"site.found-on", 12, dateCell, func(w *writer, f *model.Finding) any { return f.Date }},
		{"evidence", 24, wrapCell, (*writer).evidence},
	}
	return append(append(cols, w.rectColumns()...), w.address()...)
}

// trackerColumns are the columns of the rectification tracker.
func (w *writer) trackerColumns() []column {
	all := w.columns()
	var cols []column
	for _, c := range all {
		switch c.key {
		case "kind", "site.detail", "site.found-on", "evidence":
			continue
		}
		cols = append(cols, c)
	}
	return cols
}

func (w *writer) rectColumns() []column {
	rect := func(get func(*model.Rectification) any) func(*writer, *model.Finding) any {
		return func(w *writer, f *model.Finding) any {
			if f.Rect == nil {
				return nil
			}
			return get(f.Rect)
		}
	}
	return []column{
		{"responsible", 22, wrapCell, rect(func(r *model.Rectification) any { return r.Responsible.In(w.lang) })},
		{"deadline", 12, dateCell, rect(func(r *model.Rectification) any { return r.Deadline })},
		{"status", 10, textCell, rect(func(r *model.Rectification) any { return i18n.Enum(w.lang, r.Status) })},
		{"days-overdue", 10, numberCell, func(w *writer, f *model.Finding) any {
			if !f.Overdue(w.r.AsOf) {
				return 0
			}
			return w.r.DaysOverdue(f)
		}},
		{"closed-on", 12, dateCell, rect(func(r *model.Rectification) any { return r.Closed })},
		{"notes", 40, wrapCell, rect(func(r *model.Rectification) any { return strings.TrimRight(r.Notes.In(w.lang), "\n") })},
	}
}

func (w *writer) address() []column {
	if w.opts.Address == nil {
		return nil
	}
	return []column{{"site.address", 24, textCell, func(w *writer, f *model.Finding) any { return w.opts.Address(f) }}}
}

func (w *writer) province(f *model.Finding) any {
	if f.Province == nil {
		return ""
	}
	return f.Province.Label(w.lang)
}

func (w *writer) group(f *model.Finding) any {
	if f.Group == nil {
		return ""
	}
	return i18n.GroupName(w.lang, f.Group.No)
}

func (w *writer) item(f *model.Finding) any {
	if f.Item == nil {
		return ""
	}
	sep := "、"
	if w.lang == model.EN {
		sep = ". "
	}
	return i18n.ItemNo(w.lang, f.Item.No) + sep + f.Item.Label(w.lang)
}

func (w *writer) severity(f *model.Finding) any {
	if f.Severity == "" {
		return ""
	}
	return i18n.Enum(w.lang, f.Severity)
}

func (w *writer) evidence(f *model.Finding) any {
	var places []string
	for _, v := range f.Visits {
		if v != nil {
			places = append(places, v.Place.In(w.lang))
		}
	}
	return i18n.List(w.lang, places)
}
