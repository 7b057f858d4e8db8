package site

import (
	"fmt"
	"html/template"
	"strings"
	"sync"
	"unicode"

	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/site/internal/tmplexec"
)

// funcs are the template functions of one rendering (see the package
// documentation).
type funcs struct {
	s     *site
	lang  model.Lang
	cache sync.Map // partialKey → template.HTML

	// dates remembers formatted dates: the same dates
	// come again on page after page.
	dates formatted[model.Date]
}

// formatted remembers the strings a function returned for values of K.
type formatted[K comparable] struct{ m sync.Map }

// get returns format(k), calling format only for a k it has not seen.
func (c *formatted[K]) get(k K, format func(K) string) string {
	if s, ok := c.m.Load(k); ok {
		return s.(string)
	}
	s := format(k)
	c.m.Store(k, s)
	return s
}

// partialKey names one execution of a partial by cached, partial or memo.
type partialKey struct {
	by   byte   // 'c' for cached, 'p' for partial, 'm' for memo
	name string // the partial
	at   string // cached: the page's Page.layout; partial: its Root
	v    any    // partial and memo: the value
}

func newFuncs(s *site) *funcs { return &funcs{s: s, lang: s.lang} }

// table returns the template functions, each with the typed wrapper
// through which the executor calls it (package tmplexec).
func (f *funcs) table() map[string]tmplexec.Func {
	lang := f.lang
	return map[string]tmplexec.Func{
		"tr":        tmplexec.F1(func(key string) string { return i18n.Tr(lang, key) }),
		"trf":       tmplexec.FV(func(key string, args ...any) string { return i18n.Trf(lang, key, args...) }),
		"text":      tmplexec.F1(func(t model.Text) string { return t.In(lang) }),
		"label":     tmplexec.F1(f.label),
		"enum":      tmplexec.F1E(f.enum),
		"date":      tmplexec.F1(func(d model.Date) string { return f.dates.get(d, f.longDate) }),
		"shortdate": tmplexec.F1(func(d model.Date) string { return f.dates.get(d, f.longDate) }),
		"period":    tmplexec.F1(func(p model.Period) string { return i18n.Period(lang, p) }),
		"num":       tmplexec.F1(i18n.Number),
		"int":       tmplexec.F1(i18n.Int),
		"value":     tmplexec.F2(func(x float64, m model.Measure) string { return i18n.Value(lang, x, m) }),
		"group":     tmplexec.F1(func(no int) string { return i18n.GroupName(lang, no) }),
		"itemno":    tmplexec.F1(func(no int) string { return i18n.ItemNo(lang, no) }),
		"edition":   tmplexec.F1(func(n int) string { return i18n.Edition(lang, n) }),
		"list":      tmplexec.F1(func(items []string) string { return i18n.List(lang, items) }),
		"href":      tmplexec.F2E(href),
		"md":        tmplexec.F1E(f.md),
		"anchor":    tmplexec.F1(visitAnchor),
		"itemshort": tmplexec.F1(func(it *model.Item) string { return numbered(lang, it.No, it.Label(lang)) }),
		"itemname":  tmplexec.F1(func(it *model.Item) string { return numbered(lang, it.No, it.Name.In(lang)) }),
		"unit":      tmplexec.F1(func(m model.Measure) string { return i18n.Unit(lang, m) }),
		"target":    tmplexec.F1(func(ind *model.Indicator) string { return target(lang, ind) }),
		"at":        tmplexec.F2(func(p *Page, v any) At { return At{Page: p, V: v} }),
		"paren":     tmplexec.F1(func(s string) string { return paren(lang, s) }),
		"langof":    tmplexec.F1(func(v any) string { return langOf(lang, v) }),
		"cached":    tmplexec.F2E(f.cached),
		"partial":   tmplexec.F3E(f.partial),
		"memo":      tmplexec.F2E(f.memo),
		"rows":      tmplexec.F3E(f.rows),
		"join":      tmplexec.F4E(f.joinFunc),
		"campaign":  tmplexec.F1(func(c *model.Campaign) string { return campaignName(lang, c) }),
		"better":    tmplexec.F1(func(d figures.Direction) string { return figures.BetterWords(lang, d) }),
	}
}

// longDate formats a date in the site's language.
func (f *funcs) longDate(d model.Date) string { return i18n.Date(f.lang, d) }

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
		return f.s.htmlOf(v, nil)
	case model.Text:
		return f.s.htmlOf(v.In(f.lang), nil)
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
		if path = t.path; path == "" {
			path = findingPath(t.Finding)
		}
	case *model.Visit:
		path = visitPath(t)
	case *model.Page:
		path = pagePath(t)
	case *Ref:
		path = t.Path
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

// cached executes the partial name with the page p once per address
// depth, section and breadcrumb trail, and reuses the HTML on every other
// such page: the top and foot of thousands of finding pages are the same.
func (f *funcs) cached(name string, p *Page) (template.HTML, error) {
	return f.execute(partialKey{by: 'c', name: name, at: p.layout()}, name, p)
}

// partial executes the partial name with (at p v) once per address depth
// and value v, a pointer, and reuses the HTML: a finding's row is on the
// findings list, its group's page and its item's page.
func (f *funcs) partial(name string, p *Page, v any) (template.HTML, error) {
	return f.execute(partialKey{by: 'p', name: name, at: p.Root, v: v}, name, At{Page: p, V: v})
}

// memo executes the partial name with the value v, a pointer, once, and
// reuses the HTML wherever v is shown: a finding's badges.
func (f *funcs) memo(name string, v any) (template.HTML, error) {
	return f.execute(partialKey{by: 'm', name: name, v: v}, name, v)
}

// rows returns the partial name executed with (at p f), as by partial, for
// each finding f of fs, each on a line of its own: the rows of a table.
func (f *funcs) rows(name string, p *Page, fs []*Finding) (template.HTML, error) {
	return f.join(name, p, fs, "\n", true)
}

// joinFunc returns the partial name executed with (at p f), as by partial,
// for each finding f of fs, with sep between them.
func (f *funcs) joinFunc(name string, p *Page, fs []*Finding, sep string) (template.HTML, error) {
	return f.join(name, p, fs, sep, false)
}

// join executes the partial name for each of fs and joins the HTML with
// sep, also before the first when lead is set.
func (f *funcs) join(name string, p *Page, fs []*Finding, sep string, lead bool) (template.HTML, error) {
	parts := make([]template.HTML, len(fs))
	size := 0
	for i, v := range fs {
		h, err := f.partial(name, p, v)
		if err != nil {
			return "", err
		}
		parts[i] = h
		size += len(sep) + len(h)
	}
	var b strings.Builder
	b.Grow(size)
	for i, h := range parts {
		if i > 0 || lead {
			b.WriteString(sep)
		}
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// execute returns the HTML of the partial name executed with data, from
// the cache when a page has already executed it under key. Two pages may
// execute the same partial at once; both get the same bytes.
func (f *funcs) execute(key partialKey, name string, data any) (template.HTML, error) {
	if h, ok := f.cache.Load(key); ok {
		return h.(template.HTML), nil
	}
	b := f.s.buffers.get()
	defer f.s.putBuffer(b)
	if err := f.s.execute(b, name, data); err != nil {
		return "", err
	}
	h, _ := f.cache.LoadOrStore(key, template.HTML(b.String()))
	return h.(template.HTML), nil
}

// langOf returns the language of the text v (a string, template.HTML or
// model.Text) where it differs from the page's, for a lang attribute, or
// "": Chinese text on an English page; on a Chinese page, a text with
// only an English version, or one with Latin letters and no Chinese.
func langOf(lang model.Lang, v any) string {
	var s string
	switch v := v.(type) {
	case model.Text:
		if lang == model.ZH && v.ZH == "" && v.EN != "" {
			return "en"
		}
		s = v.In(lang)
	case template.HTML:
		s = string(v)
	case string:
		s = v
	}
	switch {
	case lang == model.EN && hasHan(s):
		return "zh-CN"
	case lang == model.ZH && !hasHan(s) && hasLetter(s):
		return "en"
	}
	return ""
}

// hasLetter reports whether s holds a Latin letter outside an HTML tag.
func hasLetter(s string) bool {
	tag := false
	for _, r := range s {
		switch {
		case r == '<':
			tag = true
		case r == '>':
			tag = false
		case !tag && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
			return true
		}
	}
	return false
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// paren puts s in brackets: （s）, or " (s)".
func paren(lang model.Lang, s string) string {
	if lang == model.EN {
		return " (" + s + ")"
	}
	return "（" + s + "）"
}
