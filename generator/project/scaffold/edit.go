package scaffold

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Doc is the text of a YAML file and its parse tree, for edits made at the
// places its values are written: a value set, a key added to a mapping.
// Every byte that no edit touches stays as it was, comments and layout
// included. Bytes applies the edits and checks, by parsing the result,
// that the file holds what it held with only the edits made.
type Doc struct {
	text   string // without a byte-order mark
	bom    string
	starts []int      // byte offset of each line's start, and len(text) last
	root   *yaml.Node // the document's content; nil for an empty file
	parent map[*yaml.Node]*yaml.Node
	flow   map[*yaml.Node]bool // nodes inside a flow collection, or one

	edits []textEdit
	set   map[*yaml.Node]expect   // value nodes replaced
	added map[*yaml.Node][]addKey // keys added to mappings, in order
}

// textEdit replaces text[start:end] with text.
type textEdit struct {
	start, end int
	text       string
}

// expect is what an edited value must read as once the edits are made.
type expect struct {
	value string
	null  bool
}

type addKey struct {
	key string
	expect
}

// Value is a value to write into a YAML file.
type Value struct {
	// S is the value as the model reads it: a date (2016-01-31), a number,
	// an ID, or text. Empty leaves the key with no value, which the
	// file format reads as a key not written.
	S string
	// Text is true for text, which is quoted as YAML needs and, when it
	// has several lines, written as a block (|); otherwise S is written
	// as it is.
	Text bool
}

// Raw returns a Value written as it is: a date, a number, an ID.
func Raw(s string) Value { return Value{S: s} }

// TextValue returns a Value that is text.
func TextValue(s string) Value { return Value{S: s, Text: true} }

// ParseDoc parses src, the text of a YAML file, for editing.
func ParseDoc(src []byte) (*Doc, error) {
	text := string(src)
	d := &Doc{parent: map[*yaml.Node]*yaml.Node{}, flow: map[*yaml.Node]bool{}, set: map[*yaml.Node]expect{}, added: map[*yaml.Node][]addKey{}}
	if t, ok := strings.CutPrefix(text, "\ufeff"); ok {
		d.bom, text = "\ufeff", t
	}
	if strings.ContainsAny(text, "\r\u0085\u2028\u2029") && strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\r") {
		return nil, errors.New("the file breaks lines with CR alone; save it with the usual line ends (LF or CRLF) to edit it")
	}
	if strings.ContainsAny(text, "\u0085\u2028\u2029") {
		return nil, errors.New("the file breaks lines with NEL, LS or PS; save it with the usual line ends (LF or CRLF) to edit it")
	}
	d.text = text
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		return nil, fmt.Errorf("the file is not valid YAML (%v); run ducha check and fix it first", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	d.starts = []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			d.starts = append(d.starts, i+1)
		}
	}
	if len(doc.Content) > 0 {
		d.root = doc.Content[0]
		d.index(d.root, false)
	}
	return d, nil
}

// index records each node's parent and whether it is in flow context.
func (d *Doc) index(n *yaml.Node, flow bool) {
	flow = flow || n.Style&yaml.FlowStyle != 0
	d.flow[n] = flow
	for _, c := range n.Content {
		d.parent[c] = n
		d.index(c, flow)
	}
}

// Root returns the document's content: a mapping or a list, or nil for an
// empty file.
func (d *Doc) Root() *yaml.Node { return d.root }

// Lookup returns the key and value nodes of key in the mapping m, or nils.
func Lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// Set sets the value of key in the mapping m: it replaces the value that
// is written, a scalar or nothing, or adds the key at the end of m.
func (d *Doc) Set(m *yaml.Node, key string, v Value) error {
	k, old := Lookup(m, key)
	if k == nil {
		return d.Add(m, key, v)
	}
	return d.replace(k, old, v)
}

// offset returns the byte offset of a 1-based line and column (columns
// count characters, as yaml.v3 counts them).
func (d *Doc) offset(line, col int) int {
	if line-1 >= len(d.starts) {
		return len(d.text)
	}
	start := d.starts[line-1]
	return start + byteCol(d.text[start:d.lineEnd(start)], col)
}

// lineEnd returns the offset of the end of the line holding at, before
// its line end.
func (d *Doc) lineEnd(at int) int {
	i := strings.IndexByte(d.text[at:], '\n')
	if i < 0 {
		return len(d.text)
	}
	end := at + i
	if end > 0 && d.text[end-1] == '\r' {
		end--
	}
	return end
}

// lineOf returns the 0-based line of the offset at.
func (d *Doc) lineOf(at int) int {
	i, found := slices.BinarySearch(d.starts, at)
	if !found {
		i--
	}
	return i
}

// replace replaces the value val of the key k.
func (d *Doc) replace(k, val *yaml.Node, v Value) error {
	if val.Kind != yaml.ScalarNode {
		return fmt.Errorf("%s at line %d is not a single value; change it by hand", k.Value, val.Line)
	}
	start, end, err := d.span(k, val)
	if err != nil {
		return err
	}
	flow := d.flow[val]
	indent := k.Column - 1 + 2
	text, exp, block := render(v, flow, indent)
	rest := d.text[end:d.lineEnd(end)]
	switch {
	case block:
		// A block runs to the end of the line: a comment after the old
		// value goes on its first line.
		if c := strings.TrimSpace(rest); c != "" {
			if !strings.HasPrefix(c, "#") {
				return fmt.Errorf("%s at line %d is followed by more text; change it by hand", k.Value, val.Line)
			}
			head, body, _ := strings.Cut(text, "\n")
			text = head + " " + c + "\n" + body
		}
		end = d.lineEnd(end)
		text = strings.ReplaceAll(text, "\n", d.eol())
	case text == "" && !flow:
		// key: with nothing after it, rather than a trailing space.
		for start > 0 && d.text[start-1] == ' ' {
			start--
		}
	}
	if start == end && text != "" && !strings.HasPrefix(text, " ") {
		text = " " + text
	}
	d.edits = append(d.edits, textEdit{start, end, text})
	d.set[val] = exp
	return nil
}

// span returns where the scalar val, the value of the key k, is written:
// [start, end) in d.text. A value not written (key:) is the empty span
// after the colon.
func (d *Doc) span(k, val *yaml.Node) (int, int, error) {
	if val.Tag == "!!null" && val.Value == "" {
		at, err := d.afterColon(k)
		return at, at, err
	}
	start := d.offset(val.Line, val.Column)
	if start >= len(d.text) {
		return 0, 0, fmt.Errorf("cannot find the value of %s at line %d; change it by hand", k.Value, val.Line)
	}
	switch val.Style {
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		return d.quotedSpan(start, val)
	case yaml.LiteralStyle, yaml.FoldedStyle:
		return start, d.blockEnd(start, k.Column-1), nil
	}
	end, err := d.plainEnd(start, val)
	if err != nil {
		return 0, 0, fmt.Errorf("%s at line %d: %v; change it by hand", k.Value, val.Line, err)
	}
	return start, end, nil
}

// afterColon returns the offset just after the colon that follows the
// plain key k.
func (d *Doc) afterColon(k *yaml.Node) (int, error) {
	at := d.offset(k.Line, k.Column)
	if k.Style != 0 || !strings.HasPrefix(d.text[at:], k.Value) {
		return 0, fmt.Errorf("cannot find the key %s at line %d; change it by hand", k.Value, k.Line)
	}
	at += len(k.Value)
	for at < len(d.text) && d.text[at] == ' ' {
		at++
	}
	if at >= len(d.text) || d.text[at] != ':' {
		return 0, fmt.Errorf("cannot find the colon after %s at line %d; change it by hand", k.Value, k.Line)
	}
	return at + 1, nil
}

// quotedSpan returns the span of a quoted scalar starting at start.
func (d *Doc) quotedSpan(start int, val *yaml.Node) (int, int, error) {
	q := d.text[start]
	for i := start + 1; i < len(d.text); i++ {
		switch c := d.text[i]; {
		case c == '\\' && q == '"':
			i++
		case c == q && q == '\'' && i+1 < len(d.text) && d.text[i+1] == '\'':
			i++
		case c == q:
			return start, i + 1, nil
		}
	}
	return 0, 0, fmt.Errorf("cannot find the end of the quoted value at line %d; change it by hand", val.Line)
}

// blockEnd returns the end of a block scalar (| or >) whose header is at
// start, for a key indented by indent spaces: the end of its last line
// that is not blank, or of the header.
func (d *Doc) blockEnd(start, indent int) int {
	end := d.lineEnd(start)
	for line := d.lineOf(start) + 1; line < len(d.starts); line++ {
		l := d.text[d.starts[line]:d.lineEnd(d.starts[line])]
		if strings.TrimSpace(l) == "" {
			continue
		}
		if len(l)-len(strings.TrimLeft(l, " ")) <= indent {
			break
		}
		end = d.lineEnd(d.starts[line])
	}
	return end
}

// plainEnd returns the end of the plain scalar val written at start,
// which may go on over more lines.
func (d *Doc) plainEnd(start int, val *yaml.Node) (int, error) {
	flow := d.flow[val]
	at, words := start, []string{}
	for range 100 {
		eol := d.lineEnd(at)
		seg := d.text[at:eol]
		if c := strings.Index(seg, " #"); c >= 0 {
			seg = seg[:c]
		}
		if flow {
			if c := strings.IndexAny(seg, ",]}"); c >= 0 {
				seg = seg[:c]
			}
		}
		seg = strings.TrimRight(seg, " \t")
		words = append(words, strings.TrimSpace(seg))
		if strings.Join(words, " ") == val.Value {
			return at + len(seg), nil
		}
		nl := strings.IndexByte(d.text[at:], '\n')
		if nl < 0 {
			break
		}
		at += nl + 1
	}
	return 0, errors.New("the value is written in a way ducha cannot follow")
}

// Add adds key with the value v at the end of the mapping m.
func (d *Doc) Add(m *yaml.Node, key string, v Value) error {
	if m == nil || m.Kind != yaml.MappingNode {
		return errors.New("cannot add a key to what is not a mapping; change it by hand")
	}
	if k, _ := Lookup(m, key); k != nil {
		return fmt.Errorf("%s is already at line %d", key, k.Line)
	}
	if len(m.Content) == 0 {
		return fmt.Errorf("cannot add %s to an empty mapping at line %d; add it by hand", key, m.Line)
	}
	end, err := d.end(m.Content[len(m.Content)-1])
	if err != nil {
		return err
	}
	first := m.Content[0]
	if m.Style&yaml.FlowStyle != 0 {
		text, exp, _ := render(v, true, 0)
		if text != "" {
			text = " " + text
		}
		d.edits = append(d.edits, textEdit{end, end, ", " + key + ":" + text})
		d.added[m] = append(d.added[m], addKey{key, exp})
		return nil
	}
	if d.flow[m] {
		return fmt.Errorf("cannot add %s at line %d; add it by hand", key, m.Line)
	}
	indent := strings.Repeat(" ", first.Column-1)
	text, exp, _ := render(v, false, first.Column-1+2)
	if text != "" {
		text = " " + strings.ReplaceAll(text, "\n", d.eol())
	}
	at := d.lineEnd(end)
	d.edits = append(d.edits, textEdit{at, at, d.eol() + indent + key + ":" + text})
	d.added[m] = append(d.added[m], addKey{key, exp})
	return nil
}

// eol is the line end the file uses: CRLF when its first line ends so.
func (d *Doc) eol() string {
	if i := strings.IndexByte(d.text, '\n'); i > 0 && d.text[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// end returns the offset where the node n ends.
func (d *Doc) end(n *yaml.Node) (int, error) {
	switch {
	case n.Kind == yaml.ScalarNode:
		p := d.parent[n]
		if p != nil && p.Kind == yaml.MappingNode {
			for i := 1; i < len(p.Content); i += 2 {
				if p.Content[i] == n {
					_, end, err := d.span(p.Content[i-1], n)
					return end, err
				}
			}
		}
		end, err := d.plainEnd(d.offset(n.Line, n.Column), n)
		if n.Style != 0 {
			_, end, err = d.quotedSpan(d.offset(n.Line, n.Column), n)
		}
		return end, err
	case n.Style&yaml.FlowStyle != 0:
		from := d.offset(n.Line, n.Column) + 1
		if len(n.Content) > 0 {
			e, err := d.end(n.Content[len(n.Content)-1])
			if err != nil {
				return 0, err
			}
			from = e
		}
		closer := byte(']')
		if n.Kind == yaml.MappingNode {
			closer = '}'
		}
		if i := strings.IndexByte(d.text[from:], closer); i >= 0 {
			return from + i + 1, nil
		}
		return 0, fmt.Errorf("cannot find the end of the list or mapping at line %d", n.Line)
	case len(n.Content) > 0:
		return d.end(n.Content[len(n.Content)-1])
	}
	return 0, fmt.Errorf("cannot find the end of the value at line %d", n.Line)
}

// render returns v as YAML text for a value in flow or block context,
// the value it then reads as, and whether it is a block (|) that must
// stand at the end of its line. Block lines are indented by indent spaces.
func render(v Value, flow bool, indent int) (text string, exp expect, block bool) {
	s := v.S
	if v.Text {
		s = strings.TrimRight(s, " \t\r\n")
	}
	if s == "" {
		return "", expect{null: true}, false
	}
	if !v.Text {
		return s, expect{value: s}, false
	}
	if strings.Contains(s, "\n") && !flow && !strings.HasPrefix(s, " ") && !strings.ContainsAny(s, "\r\t") && printable(s) {
		in := strings.Repeat(" ", indent)
		var b strings.Builder
		b.WriteString("|")
		for l := range strings.SplitSeq(s, "\n") {
			b.WriteString("\n")
			if l = strings.TrimRight(l, " "); l != "" {
				b.WriteString(in + l)
			}
		}
		return b.String(), expect{value: trimLines(s) + "\n"}, true
	}
	if plain(s, flow) {
		return s, expect{value: s}, false
	}
	if !strings.ContainsAny(s, "'\n") && printable(s) {
		return "'" + s + "'", expect{value: s}, false
	}
	return strconv.Quote(s), expect{value: s}, false
}

// trimLines removes the spaces that end each line of s, as a block
// written by render does not keep them.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// printable reports whether s has no control characters but line ends.
func printable(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\ufeff' {
			return false
		}
	}
	return true
}

// plain reports whether s can be written as it is, a plain scalar that
// reads as the text s.
func plain(s string, flow bool) bool {
	if flow && strings.ContainsAny(s, ",[]{}") || strings.Contains(s, "\n") || !printable(s) {
		return false
	}
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.ScalarNode, Value: s})
	return err == nil && string(out) == s+"\n"
}

// Bytes returns the text with the edits made, after checking that it reads
// as the old text with only those edits.
func (d *Doc) Bytes() ([]byte, error) {
	edits := slices.Clone(d.edits)
	slices.SortStableFunc(edits, func(a, b textEdit) int { return a.start - b.start })
	var b strings.Builder
	b.WriteString(d.bom)
	at := 0
	for _, e := range edits {
		if e.start < at {
			return nil, errors.New("two changes to the same value; change it by hand")
		}
		b.WriteString(d.text[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.WriteString(d.text[at:])
	out := b.String()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(strings.TrimPrefix(out, d.bom)), &doc); err != nil {
		return nil, fmt.Errorf("the file is laid out in a way ducha cannot change (%v); change it by hand", err)
	}
	var root *yaml.Node
	if len(doc.Content) > 0 {
		root = doc.Content[0]
	}
	if d.root == nil && root == nil {
		return []byte(out), nil
	}
	if d.root == nil || root == nil {
		return nil, errors.New("the file is laid out in a way ducha cannot change; change it by hand")
	}
	if where := d.same(d.root, root); where != 0 {
		return nil, fmt.Errorf("the file is laid out in a way ducha cannot change (near line %d); change it by hand", where)
	}
	return []byte(out), nil
}

// same compares the old node o with the node n of the edited text, and
// returns 0 when n is o with the edits made, or else a line near where
// they differ.
func (d *Doc) same(o, n *yaml.Node) int {
	if exp, ok := d.set[o]; ok {
		if n.Kind != yaml.ScalarNode || exp.null != (n.Tag == "!!null") || !exp.null && n.Value != exp.value {
			return max(o.Line, 1)
		}
		return 0
	}
	if o.Kind != n.Kind || o.Kind == yaml.ScalarNode && (o.Value != n.Value || o.Tag != n.Tag) {
		return max(o.Line, 1)
	}
	added := d.added[o]
	if len(n.Content) != len(o.Content)+2*len(added) {
		return max(o.Line, 1)
	}
	for i, c := range o.Content {
		if w := d.same(c, n.Content[i]); w != 0 {
			return w
		}
	}
	for i, a := range added {
		k, v := n.Content[len(o.Content)+2*i], n.Content[len(o.Content)+2*i+1]
		if k.Value != a.key || a.null != (v.Tag == "!!null") || !a.null && (v.Kind != yaml.ScalarNode || v.Value != a.value) {
			return max(o.Line, 1)
		}
	}
	return 0
}
