// Package scaffold writes new entries for office staff to fill in: a
// finding added to a province's file, a province's file, a narrative page,
// the next campaign. It only adds text: what is already in a file stays
// byte for byte as it was, comments and layout included. The values staff
// must supply are left empty, so that ducha check points at each of them.
//
// [Open] opens a project folder on one of its campaigns; its Add methods
// (AddFinding, AddProvince, AddPage, AddCampaign) are ducha new: each
// checks what it is asked for against the project, writes the entry, and
// returns an [Added] that says where to fill it in, or an error that says
// who must act (see [Project]). The functions below them make the text
// (AppendFinding, ProvinceFile, PageFile, NextCampaign) and edit it in
// place ([Doc]), for ducha new and ducha import alike.
package scaffold

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// Finding is a new finding.
type Finding struct {
	ID       string
	Item     string   // an item ID; empty leaves item: empty
	Problem  bool     // a problem, with a severity and a rectification; else a good practice
	Severity string   // for a problem; empty leaves severity: empty
	Visits   []string // the visits it rests on; none leaves date: empty
}

// NextFindingID returns the first ID of the form <province>-NN (two digits
// at least) above every such ID in the campaign.
func NextFindingID(c *model.Campaign, province string) string {
	prefix := province + "-"
	last := 0
	for _, f := range c.Findings() {
		if n, err := strconv.Atoi(strings.TrimPrefix(f.ID, prefix)); err == nil && strings.HasPrefix(f.ID, prefix) && n > last {
			last = n
		}
	}
	return fmt.Sprintf("%s%02d", prefix, last+1)
}

// lines is text to insert, one line per element, without line ends.
type lines []string

func (f Finding) lines() lines {
	l := lines{"- id: " + f.ID, field("  item:", f.Item)}
	if f.Problem {
		l = append(l, "  kind: problem", field("  severity:", f.Severity))
	} else {
		l = append(l, "  kind: practice")
	}
	l = append(l, "  title:", "  detail: |")
	if len(f.Visits) > 0 {
		l = append(l, "  visits: ["+strings.Join(f.Visits, ", ")+"]")
	} else {
		l = append(l, "  date:")
	}
	if f.Problem {
		l = append(l, "  rectification:", "    responsible:", "    deadline:", "    status: not-started")
	}
	return l
}

// field returns "key: value", or the key alone for no value.
func field(key, value string) string {
	if value == "" {
		return key
	}
	return key + " " + value
}

// AppendFinding returns src, the text of a province's file, with f added
// at the end of its findings, and the line (1-based) of the new finding's
// title. The list keeps its indentation; a file without findings gets a
// findings key at its end, and an empty findings: [] or findings: null
// is opened. A file that is not YAML, or whose findings are not a list
// that text can be added to, is an error saying what to do.
func AppendFinding(src []byte, f Finding) ([]byte, int, error) {
	add := f.lines()
	return appendEntry(src, f.ID, add, slices.Index(add, "  title:")+1)
}

// appendEntry adds the finding id, written as the lines add, at the end of
// the findings of src, and returns the line of its line at (1-based,
// within add).
func appendEntry(src []byte, id string, add lines, at int) ([]byte, int, error) {
	out, line, err := appendFinding(src, add, at)
	if err == nil && !onlyAdded(src, out, id) {
		err = errors.New("the file is laid out in a way ducha cannot add to; add the finding by hand")
	}
	return out, line, err
}

// onlyAdded reports whether out holds what src holds, and a finding id at
// the end of its findings: the check that an edit made as text did what
// was meant, whatever the file's layout.
func onlyAdded(src, out []byte, id string) bool {
	var before, after any
	if yaml.Unmarshal(src, &before) != nil || yaml.Unmarshal(out, &after) != nil {
		return false
	}
	m, ok := after.(map[string]any)
	if !ok {
		return false
	}
	list, ok := m["findings"].([]any)
	if !ok || len(list) == 0 {
		return false
	}
	if last, ok := list[len(list)-1].(map[string]any); !ok || last["id"] != id {
		return false
	}
	rest := list[:len(list)-1]
	bm, _ := before.(map[string]any)
	switch old, had := bm["findings"]; {
	case !had:
		delete(m, "findings")
	case old == nil && len(rest) == 0:
		m["findings"] = nil
	default:
		m["findings"] = rest
	}
	if before == nil {
		before = map[string]any{}
	}
	return reflect.DeepEqual(before, after)
}

func appendFinding(src []byte, add lines, title int) ([]byte, int, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, 0, fmt.Errorf("the file is not valid YAML (%v); run ducha check and fix it first", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	text := splitLines(src)
	// YAML also breaks lines at a lone CR, NEL, LS and PS; with none of
	// them, the parser's line numbers are the indexes of text.lines.
	if slices.ContainsFunc(text.lines, func(l string) bool { return strings.ContainsAny(l, "\r\u0085\u2028\u2029") }) {
		return nil, 0, errors.New("the file breaks lines with CR alone, NEL, LS or PS; save it with the usual line ends (LF or CRLF) to add to it")
	}
	var root *yaml.Node
	if len(doc.Content) > 0 {
		root = doc.Content[0]
	}
	if root != nil && root.Kind != yaml.MappingNode {
		return nil, 0, errors.New("the file is not a mapping of visits, indicators and findings; run ducha check and fix it first")
	}
	var key, list, next *yaml.Node
	if root != nil {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == "findings" {
				key, list = root.Content[i], root.Content[i+1]
				if i+2 < len(root.Content) {
					next = root.Content[i+2]
				}
			}
		}
	}
	if key == nil {
		// No findings yet: a findings key at the end of the file, in
		// line with the other keys.
		at := len(text.lines)
		in := ""
		if root != nil && len(root.Content) > 0 {
			in = strings.Repeat(" ", root.Content[0].Column-1)
		}
		var block lines
		if at > 0 && strings.TrimSpace(text.lines[at-1]) != "" {
			block = append(block, "")
		}
		block = append(block, in+"findings:")
		return text.insert(at, append(block, indent(add, in+"  ")...)), at + len(block) + title, nil
	}
	// The entry goes after the list: before the next key and the blank
	// lines and comments above it, or at the end of the file.
	end := text.endBefore(len(text.lines)+1, key.Column)
	if next != nil {
		end = text.endBefore(next.Line, key.Column)
	}
	items := strings.Repeat(" ", key.Column-1+2)
	switch {
	case list.Kind == yaml.ScalarNode && list.Tag == "!!null":
		// findings: with nothing after it but comments, or findings: null.
		if list.Value != "" && !text.cut(list, list.Value) {
			return nil, 0, fmt.Errorf("findings at line %d is null; write findings: and the list below it", list.Line)
		}
	case list.Kind != yaml.SequenceNode:
		return nil, 0, fmt.Errorf("findings at line %d is not a list; run ducha check and fix it first", list.Line)
	case list.Style&yaml.FlowStyle != 0:
		if len(list.Content) > 0 || !text.cut(list, "[]") {
			return nil, 0, fmt.Errorf("the findings at line %d are written as a flow list ([...]); write them as a block list, one \"- id: ...\" entry per finding, to add to them", list.Line)
		}
	default:
		first := list.Content[0]
		l := text.lines[first.Line-1]
		dash := strings.LastIndexByte(l[:byteCol(l, first.Column)], '-')
		if dash < 0 {
			return nil, 0, fmt.Errorf("cannot find the dash of the first finding at line %d", first.Line)
		}
		items = strings.Repeat(" ", dash)
	}
	return text.insert(end, indent(add, items)), end + title, nil
}

// textLines is a file's text as lines, each with its own line end. A
// byte-order mark is kept apart: yaml.v3 does not count it in columns.
type textLines struct {
	bom   string
	lines []string
	ends  []string // "\n", "\r\n", or "" for a last line without one
}

func splitLines(src []byte) *textLines {
	s := &textLines{}
	text := string(src)
	if t, ok := strings.CutPrefix(text, "\ufeff"); ok {
		s.bom, text = "\ufeff", t
	}
	for text != "" {
		line, rest, found := strings.Cut(text, "\n")
		end := ""
		if found {
			end = "\n"
			if l, ok := strings.CutSuffix(line, "\r"); ok {
				line, end = l, "\r\n"
			}
		}
		s.lines = append(s.lines, line)
		s.ends = append(s.ends, end)
		text = rest
	}
	return s
}

// eol is the line end of new lines: the file's last, or LF.
func (s *textLines) eol() string {
	for i := len(s.ends) - 1; i >= 0; i-- {
		if s.ends[i] != "" {
			return s.ends[i]
		}
	}
	return "\n"
}

// insert returns the text with block inserted after the first at lines.
func (s *textLines) insert(at int, block lines) []byte {
	eol := s.eol()
	var b strings.Builder
	b.WriteString(s.bom)
	for i := range s.lines[:at] {
		end := s.ends[i]
		if end == "" {
			end = eol // the last line, now followed by the block
		}
		b.WriteString(s.lines[i] + end)
	}
	for _, l := range block {
		b.WriteString(l + eol)
	}
	for i := at; i < len(s.lines); i++ {
		b.WriteString(s.lines[i] + s.ends[i])
	}
	return []byte(b.String())
}

// endBefore returns how many lines precede the blank lines and the
// comments indented no deeper than col that stand right before line,
// 1-based: where an entry added at the end of a list goes when the next
// key starts at line.
func (s *textLines) endBefore(line, col int) int {
	at := line - 1
	for at > 0 {
		l := s.lines[at-1]
		t := strings.TrimSpace(l)
		if t != "" && !(strings.HasPrefix(t, "#") && len(l)-len(strings.TrimLeft(l, " ")) < col) {
			break
		}
		at--
	}
	return at
}

// cut removes the value token, written at n's position, from its line,
// keeping a comment after it; it reports false when the token is not
// there or is followed by anything else.
func (s *textLines) cut(n *yaml.Node, token string) bool {
	l := s.lines[n.Line-1]
	at := byteCol(l, n.Column)
	after, ok := strings.CutPrefix(l[at:], token)
	after = strings.TrimSpace(after)
	if !ok || after != "" && !strings.HasPrefix(after, "#") {
		return false
	}
	s.lines[n.Line-1] = field(strings.TrimRight(l[:at], " "), after)
	return true
}

// byteCol returns the byte offset in l of the 1-based column col, which
// yaml.v3 counts in characters; the length of l if it is shorter.
func byteCol(l string, col int) int {
	for i := range l {
		if col <= 1 {
			return i
		}
		col--
	}
	return len(l)
}

// indent prefixes each line but an empty one with in.
func indent(l lines, in string) lines {
	out := make(lines, len(l))
	for i, s := range l {
		if s != "" {
			out[i] = in + s
		}
	}
	return out
}

// ProvinceFile returns the text of a new data/<campaign>/provinces/<id>.yaml
// for the province p of campaign c, in language lang: empty visits,
// indicators and findings, with comments that show how to fill them in,
// the campaign's indicators among them.
func ProvinceFile(c *model.Campaign, p *model.Province, lang model.Lang) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: what the group found on site (docs/data-format.md, provinces/<id>.yaml).\n", p.Name.In(lang))
	b.WriteString("visits:\n")
	fmt.Fprintf(&b, "  # - {id: v1, date: %s, place: ..., site: community, mode: open, selection: key, met: 0}\n", c.Period.Start)
	b.WriteString("\nindicators:\n")
	for _, it := range c.Items {
		for _, ind := range it.Indicators {
			fmt.Fprintf(&b, "  # %s:   # %s, %s\n", ind.ID, ind.Name.In(lang), i18n.Unit(lang, ind.Measure))
		}
	}
	fmt.Fprintf(&b, "\nfindings:\n  # ducha new finding --province %s adds one here.\n", p.ID)
	return []byte(b.String())
}

// PageFile returns the text of a new narrative page with the given title.
// Without one, the front matter has an empty title when the page needs
// one (pages/<slug>), and otherwise says where the default comes from.
func PageFile(title string, required bool) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	switch {
	case title != "":
		v, _ := yaml.Marshal(title)
		b.WriteString("title: " + string(v))
	case required:
		b.WriteString("title:\n")
	default:
		b.WriteString("# title: the page's usual title, unless given here\n")
	}
	b.WriteString("---\n\n")
	return []byte(b.String())
}
