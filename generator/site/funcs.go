package site

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// funcs are the template functions of one rendering (see the package
// documentation).
type funcs struct {
	s     *site
	lang  model.Lang
	cache sync.Map // partialKey → template.HTML
}

// partialKey names one execution of a partial by cached or partial.
type partialKey struct {
	name, root, section string
	v                   any
}

func newFuncs(s *site) *funcs { return &funcs{s: s, lang: s.lang} }

func (f *funcs) funcMap() template.FuncMap {
	lang := f.lang
	return template.FuncMap{
		"tr":        func(key string) string { return i18n.Tr(lang, key) },
		"trf":       func(key string, args ...any) string { return i18n.Trf(lang, key, args...) },
		"text":      func(t model.Text) string { return t.In(lang) },
		"label":     f.label,
		"enum":      f.enum,
		"date":      func(d model.Date) string { return i18n.Date(lang, d) },
		"shortdate": i18n.ShortDate,
		"period":    func(p model.Period) string { return i18n.Period(lang, p) },
		"num":       i18n.Number,
		"int":       i18n.Int,
		"value":     func(x float64, m model.Measure) string { return i18n.Value(lang, x, m) },
		"group":     func(no int) string { return i18n.GroupName(lang, no) },
		"itemno":    func(no int) string { return i18n.ItemNo(lang, no) },
		"edition":   func(n int) string { return i18n.Edition(lang, n) },
		"list":      func(items []string) string { return i18n.List(lang, items) },
		"href":      href,
		"md":        f.md,
		"anchor":    visitAnchor,
		"itemshort": func(it *model.Item) string { return numbered(lang, it.No, it.Label(lang)) },
		"itemname":  func(it *model.Item) string { return numbered(lang, it.No, it.Name.In(lang)) },
		"unit":      func(m model.Measure) string { return i18n.Unit(lang, m) },
		"target":    func(ind *model.Indicator) string { return target(lang, ind) },
		"at":        func(p *Page, v any) At { return At{Page: p, V: v} },
		"paren":     func(s string) string { return paren(lang, s) },
		"cached":    f.cached,
		"partial":   f.partial,
	}
}

// label returns the short name of x in the site's language.
func (f *funcs) label(x interface{ Label(model.Lang) string }) string { return x.Label(f.lang) }

// enum returns the label of a value of one of the model's enumerations.
func (f *funcs) enum(v any) (string, error) {
	switch v := v.(type) {
	case model.Severity:
		return i18n.Enum(f.lang, v), nil
	case model.Status:
		return i18n.Enum(f.lang, v), nil
	case model.FindingKind:
		return i18n.Enum(f.lang, v), nil
	case model.SiteType:
		return i18n.Enum(f.lang, v), nil
	case model.Mode:
		if v == "" {
			v = model.Open
		}
		return i18n.Enum(f.lang, v), nil
	case model.Selection:
		if v == "" {
			v = model.KeySelection
		}
		return i18n.Enum(f.lang, v), nil
	case model.ProvinceKind:
		return i18n.Enum(f.lang, v), nil
	case model.Direction:
		if v == "" {
			v = model.HigherBetter
		}
		return i18n.Enum(f.lang, v), nil
	}
	return "", fmt.Errorf("enum: %T is not an enumeration", v)
}

// md renders Markdown, a string or a model.Text, as HTML.
func (f *funcs) md(src any) (template.HTML, error) {
	switch v := src.(type) {
	case string:
		return f.s.htmlOf(v)
	case model.Text:
		return f.s.htmlOf(v.In(f.lang))
	}
	return "", fmt.Errorf("md: cannot render a %T", src)
}

// href returns the address of target relative to the page p.
func href(p *Page, target any) (string, error) {
	var path string
	switch t := target.(type) {
	case string:
		path = t
	case Link:
		path = t.Path
	case *model.Province:
		path = provincePath(t)
	case *model.Group:
		path = groupPath(t)
	case *model.Item:
		path = itemPath(t)
	case *model.Indicator:
		path = indicatorPath(t)
	case *model.Finding:
		path = findingPath(t)
	case *Finding:
		path = findingPath(t.Finding)
	case *model.Visit:
		path = visitPath(t)
	case *model.Page:
		path = pagePath(t)
	default:
		return "", fmt.Errorf("href: no page for a %T", target)
	}
	return p.Root + path, nil
}

// At pairs a page with a value, for partials that need both: html/template
// passes a partial one argument.
type At struct {
	Page *Page
	V    any
}

// numbered puts a key item's number before its name: 一、就业创业, or
// 1. Employment.
func numbered(lang model.Lang, no int, name string) string {
	if lang == model.EN {
		return i18n.ItemNo(lang, no) + ". " + name
	}
	return i18n.ItemNo(lang, no) + "、" + name
}

// target formats an indicator's target in its unit, or "" when it has none.
func target(lang model.Lang, ind *model.Indicator) string {
	if ind.Target == nil {
		return ""
	}
	return i18n.Value(lang, *ind.Target, ind.Measure)
}

// cached executes the partial name with the page p once per address depth
// and section, and reuses the HTML on every other such page: the masthead
// and the footer are the same on thousands of finding pages.
func (f *funcs) cached(name string, p *Page) (template.HTML, error) {
	return f.execute(partialKey{name: name, root: p.Root, section: p.Section}, name, p)
}

// partial executes the partial name with (at p v) once per address depth
// and value v, a pointer, and reuses the HTML: a finding's row is on the
// findings list, its group's page and its item's page.
func (f *funcs) partial(name string, p *Page, v any) (template.HTML, error) {
	return f.execute(partialKey{name: name, root: p.Root, v: v}, name, At{Page: p, V: v})
}

func (f *funcs) execute(key partialKey, name string, data any) (template.HTML, error) {
	if h, ok := f.cache.Load(key); ok {
		return h.(template.HTML), nil
	}
	var b bytes.Buffer
	if err := f.s.tmpl.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	f.cache.Store(key, h)
	return h, nil
}

// paren puts s in brackets: （s）, or " (s)".
func paren(lang model.Lang, s string) string {
	if lang == model.EN {
		return " (" + s + ")"
	}
	return "（" + s + "）"
}
