package site

import (
	"bytes"
	"encoding/json"
	"html"
	"html/template"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// The search, at the site's root: search.html, with its script
// (assets/search.js, from the templates) and its data
// (assets/search-data.js). The data holds every finding, visit and
// narrative page of every campaign as plain text; the page loads it, as a
// script, when the search box is first used, since a page opened from
// file:// may not fetch a file, and its Content Security Policy allows
// scripts of the site's own files only. A query matches where its text
// occurs as it is, after both are normalised (NFKC, lower case):
// Chinese has no spaces between words, so 返乡创业 finds 支持返乡创业 and
// 乡创 finds only text that has those two characters side by side.

// SearchDataName is the search data's path from the site's root.
const SearchDataName = "assets/search-data.js"

// SearchData is the data of search.html: the filters.
type SearchData struct {
	Filters []Filter
	// Data is the path of the search data from the site's root.
	Data string
}

// searchPages lists the search page, its script and its data.
func (s *site) searchPages() []job {
	return []job{
		{name: "search.html", tmpl: "search.html", page: s.searchPage},
		{name: "assets/search.js", data: func() ([]byte, error) { return s.static["search.js"], nil }},
		{name: SearchDataName, data: s.searchData},
	}
}

// searchKinds are the kinds of record, in the order of the data's kinds.
var searchKinds = []string{"problem", "practice", "visit", "page"}

func (s *site) searchPage() (*Page, error) {
	lang := s.lang
	campaign := Filter{Key: "campaign", Label: s.tr("site.campaign")}
	for _, x := range s.newestFirst() {
		campaign.Options = append(campaign.Options, Link{Key: x.c.ID, Label: campaignName(lang, x.c)})
	}
	province := Filter{Key: "province", Label: s.tr("province")}
	for _, pr := range s.p.Provinces {
		province.Options = append(province.Options, Link{Key: pr.ID, Label: pr.Label(lang)})
	}
	item := Filter{Key: "item", Label: s.tr("item")}
	for _, it := range s.searchItems() {
		item.Options = append(item.Options, Link{Key: it.ID, Label: it.Label(lang)})
	}
	kind := Filter{Key: "kind", Label: s.tr("site.search-kind")}
	for _, k := range searchKinds {
		kind.Options = append(kind.Options, Link{Key: k, Label: s.tr("site.search-kind." + k)})
	}
	status := Filter{Key: "status", Label: s.tr("status")}
	for _, v := range model.Statuses {
		status.Options = append(status.Options, Link{Key: string(v), Label: i18n.Enum(lang, v)})
	}
	data := &SearchData{Filters: []Filter{campaign, province, item, kind, status}, Data: SearchDataName}
	p := s.page("search.html", "search", s.tr("site.search"), data)
	p.Crumbs = []Link{s.crumb("overview")}
	return p, nil
}

// newestFirst returns every campaign's site, the newest first.
func (s *site) newestFirst() []*site {
	all := s.all
	if len(all) == 0 {
		all = []*site{s}
	}
	out := make([]*site, len(all))
	for i, x := range all {
		out[len(all)-1-i] = x
	}
	return out
}

// searchItems lists the key items of every campaign, matched by ID, the
// newest campaign's first.
func (s *site) searchItems() []*model.Item {
	var out []*model.Item
	seen := map[string]bool{}
	for _, x := range s.newestFirst() {
		for _, it := range x.c.Items {
			if !seen[it.ID] {
				seen[it.ID] = true
				out = append(out, it)
			}
		}
	}
	return out
}

// searchFile is the search data, written as the script
// window.duchaSearch = {...}; each record is an array:
//
//	[kind, campaign, province, item, status, path, id, title, text]
//
// kind, campaign, province, item and status are indexes into the lists
// of the same names (-1 for none); path is from the site's root; id is a
// finding's ID ("" for others); text is the rest of what the record says,
// as plain text.
type searchFile struct {
	Kinds     []string   `json:"kinds"`
	Campaigns [][]string `json:"campaigns"` // ID, name
	Provinces [][]string `json:"provinces"` // ID, short name
	Items     [][]string `json:"items"`     // ID, short name
	Statuses  [][]string `json:"statuses"`  // value, label
	Records   [][]any    `json:"records"`
}

// searchData writes the search data of every campaign, the newest first.
func (s *site) searchData() ([]byte, error) {
	lang := s.lang
	f := &searchFile{Kinds: searchKinds}
	campaigns := map[string]int{}
	for i, x := range s.newestFirst() {
		campaigns[x.c.ID] = i
		f.Campaigns = append(f.Campaigns, []string{x.c.ID, campaignName(lang, x.c)})
	}
	provinces := map[string]int{}
	for i, pr := range s.p.Provinces {
		provinces[pr.ID] = i
		f.Provinces = append(f.Provinces, []string{pr.ID, pr.Label(lang)})
	}
	items := map[string]int{}
	for i, it := range s.searchItems() {
		items[it.ID] = i
		f.Items = append(f.Items, []string{it.ID, it.Label(lang)})
	}
	for _, v := range model.Statuses {
		f.Statuses = append(f.Statuses, []string{string(v), i18n.Enum(lang, v)})
	}
	index := func(m map[string]int, key string) int {
		if i, ok := m[key]; ok {
			return i
		}
		return -1
	}
	for _, x := range s.newestFirst() {
		records, err := x.searchRecords(s.sectionOf(x.c), campaigns[x.c.ID], provinces, items, index)
		if err != nil {
			return nil, err
		}
		f.Records = append(f.Records, records...)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // no need in a script of its own
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	js := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	// A large object is parsed faster from a string by JSON.parse than
	// from a literal in the script. JSON escapes every line terminator, so
	// only backslashes and the quotes need escaping again.
	var b bytes.Buffer
	b.Grow(len(js) + len(js)/16 + 128)
	b.WriteString("/* ducha: the search data of every campaign (search.html). */\nwindow.duchaSearch = JSON.parse('")
	for _, c := range js {
		switch c {
		case '\\', '\'':
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteString("');\n")
	return b.Bytes(), nil
}

// searchRecords returns the records of this campaign's findings, visits
// and narrative pages; section is the path of its pages from the site's
// root.
func (x *site) searchRecords(section string, campaign int, provinces, items map[string]int, index func(map[string]int, string) int) ([][]any, error) {
	lang := x.lang
	var out [][]any
	statusIndex := func(st model.Status) int { return st.Stage() }
	for _, v := range x.findings {
		f := v.Finding
		kind, status := 1, -1
		var text []string
		text = append(text, plainText(v.Detail))
		if f.IsProblem() {
			kind = 0
			if f.Rect != nil {
				status = statusIndex(f.Rect.Status)
				text = append(text, f.Rect.Responsible.In(lang), plainText(v.Notes))
			}
		}
		pid := ""
		if f.Province != nil {
			pid = f.Province.ID
		}
		out = append(out, []any{kind, campaign, index(provinces, pid), index(items, f.ItemID), status,
			section + findingPath(f), f.ID, f.Title.In(lang), joinText(text)})
	}
	for _, v := range x.r.Visits {
		pid := ""
		if v.Province != nil {
			pid = v.Province.ID
		}
		text := []string{i18n.Date(lang, v.Date), i18n.Enum(lang, v.Site), v.Note.In(lang)}
		out = append(out, []any{2, campaign, index(provinces, pid), -1, -1, section + visitPath(v), "", v.Place.In(lang), joinText(text)})
	}
	for _, pg := range x.c.Pages {
		if pg.Draft {
			continue
		}
		path, title, pid, iid := x.pageOf(pg)
		if path == "" {
			continue
		}
		h, err := x.narrative(pg.Kind, pg.Key)
		if err != nil {
			return nil, err
		}
		out = append(out, []any{3, campaign, index(provinces, pid), index(items, iid), -1, section + path, "", title, plainText(h)})
	}
	return out, nil
}

// pageOf returns where a narrative page is shown, its title there, and
// the province or key item it is about.
func (x *site) pageOf(pg *model.Page) (path, title, province, item string) {
	title = pg.Title
	switch pg.Kind {
	case model.PageOverview:
		path, title = "index.html", or(title, x.tr("overview"))
	case model.PageSummary:
		path, title = "summary.html", or(title, x.tr("summary"))
	case model.PageExtra:
		path = pagePath(pg)
	case model.PageProvince:
		if pr := x.p.Province(pg.Key); pr != nil {
			path, title, province = provincePath(pr), or(title, pr.Name.In(x.lang)), pr.ID
		}
	case model.PageItem:
		if it := x.c.Item(pg.Key); it != nil {
			path, title, item = itemPath(it), or(title, it.Name.In(x.lang)), it.ID
		}
	case model.PageGroup:
		for _, g := range x.c.Groups {
			if pg.Key == strconv.Itoa(g.No) {
				path, title = groupPath(g), or(title, i18n.GroupName(x.lang, g.No))
			}
		}
	}
	return path, title, province, item
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// joinText joins pieces of text with spaces, leaving out empty ones.
func joinText(parts []string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// plainText returns the text of HTML: tags left out (a block's end as a
// space), entities decoded, runs of white space as one space, and no
// space between two Chinese characters, where a line break in the
// Markdown put one.
func plainText(h template.HTML) string {
	src := string(h)
	var b strings.Builder
	for i := 0; i < len(src); {
		if src[i] != '<' {
			j := strings.IndexByte(src[i:], '<')
			if j < 0 {
				j = len(src) - i
			}
			b.WriteString(src[i : i+j])
			i += j
			continue
		}
		j := strings.IndexByte(src[i:], '>')
		if j < 0 {
			break
		}
		if block(src[i+1 : i+j]) {
			b.WriteByte(' ')
		}
		i += j + 1
	}
	return squeeze(html.UnescapeString(b.String()))
}

// block reports whether the tag (what is between < and >) starts or
// ends a block of text, which a space then separates from the next:
// an inline element (a figure's <span>, <a>, <strong>) joins its text to
// the text around it.
func block(tag string) bool {
	name := strings.TrimPrefix(tag, "/")
	if i := strings.IndexAny(name, " \t\n/"); i >= 0 {
		name = name[:i]
	}
	switch strings.ToLower(name) {
	case "p", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "div", "blockquote", "pre", "dt", "dd", "hr", "section":
		return true
	}
	return false
}

// squeeze collapses white space to single spaces, and drops it between
// two characters of a script written without spaces (Chinese).
func squeeze(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 && !(wide(prev) && wide(r)) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// wide reports whether r is a character of Chinese text: a Han character
// or full-width punctuation.
func wide(r rune) bool {
	return r >= 0x3000 && r <= 0x9fff || r >= 0xff00 && r <= 0xffef || unicode.Is(unicode.Han, r) && r > utf8.RuneSelf
}
