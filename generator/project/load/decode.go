package load

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/suggest"
)

// decoder turns a YAML node tree into model values. Unlike yaml.v3's own
// decoding it knows where every value came from, reports every problem with
// a line and column, and reads YAML 1.1 traps (yes/no booleans, octal
// numbers, dates) the way the file format documents.
type decoder struct {
	file   string
	diags  *diag.List
	schema *schema
	line   int // added to every line: the line of the front matter's start
	errs   int // errors reported so far
	// pieces, when not nil, is the list of findings of a large province
	// file, decoded in pieces (pieces.go): the value of its node.
	pieces *pieces
}

func (d *decoder) pos(n *yaml.Node) model.Pos {
	return model.Pos{File: d.file, Line: n.Line + d.line, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errs++
	d.diags.Errorf(d.pos(n), format, args...)
}

// describe names what a node holds, for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value lines)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return strconv.Quote(n.Value)
}

// isNull reports whether n is an empty value (key: with nothing after it, ~,
// or null).
func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// value decodes n into v. name is what the value is, for messages: the key it
// was written under, or a noun.
func (d *decoder) value(n *yaml.Node, v reflect.Value, name string) {
	if d.skip(n) {
		return
	}
	t := v.Type()
	switch {
	case t == textType:
		v.Set(reflect.ValueOf(d.text(n, name)))
		return
	case t == dateType:
		if date, ok := d.date(n, name); ok {
			v.Set(reflect.ValueOf(date))
		}
		return
	case t.Kind() == reflect.String && t.Implements(choiceType):
		d.choice(n, v, name)
		return
	}
	switch t.Kind() {
	case reflect.String:
		if s, ok := d.scalar(n, name); ok {
			v.SetString(s)
		}
	case reflect.Bool:
		d.boolean(n, v, name)
	case reflect.Int:
		d.integer(n, v, name)
	case reflect.Float64:
		if f, ok := d.number(n, name); ok {
			v.SetFloat(f)
		}
	case reflect.Pointer:
		elem := reflect.New(t.Elem())
		d.value(n, elem.Elem(), name)
		v.Set(elem)
	case reflect.Slice:
		d.list(n, v, name, false)
	case reflect.Struct:
		d.mapping(n, v, name)
	default:
		panic(fmt.Sprintf("load: no decoder for %s", t))
	}
}

// skip reports whether n was refused, and reported, when the file was
// parsed (see yamlCheck): then it holds no value, and the value it stands
// for counts as one that could not be read.
func (d *decoder) skip(n *yaml.Node) bool {
	if refused(n) {
		d.errs++
		return true
	}
	return false
}

// scalar returns the text of a scalar node.
func (d *decoder) scalar(n *yaml.Node, name string) (string, bool) {
	if d.skip(n) {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s must be a single value, not %s", name, describe(n))
		return "", false
	}
	return n.Value, true
}

// The shapes of numbers and dates the file format accepts, checked by hand
// rather than with regular expressions: the loader sees tens of thousands
// of them.

// isNumber reports whether s is a decimal number: an optional sign, digits
// without a leading zero, and with fraction an optional fraction.
func isNumber(s string, fraction bool) bool {
	s = strings.TrimLeft(s[:min(len(s), 1)], "+-") + s[min(len(s), 1):]
	whole, frac, dot := strings.Cut(s, ".")
	if !digits(whole) || len(whole) > 1 && whole[0] == '0' {
		return false
	}
	return !dot || fraction && digits(frac)
}

// leadingZero reports whether s starts with a zero followed by a digit,
// after an optional sign: "035", "-07".
func leadingZero(s string) bool {
	s = strings.TrimLeft(s[:min(len(s), 1)], "+-") + s[min(len(s), 1):]
	return len(s) > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9'
}

// digits reports whether s is one or more ASCII digits.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isDate reports whether s has the shape YYYY-MM-DD.
func isDate(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-' && digits(s[:4]) && digits(s[5:7]) && digits(s[8:])
}

// integer decodes a whole number, written in decimal digits. Every whole
// number of the file format is read here.
func (d *decoder) integer(n *yaml.Node, v reflect.Value, name string) {
	s, ok := d.scalar(n, name)
	if !ok {
		return
	}
	switch {
	case leadingZero(s):
		d.errorf(n, "%s: %q has a leading zero, which YAML 1.1 reads as an octal number; write %s", name, s, strings.TrimLeft(s, "0+-"))
	case !isNumber(s, false):
		if hint := numberHint(s, true); hint != "" {
			d.errorf(n, "%s: %s", name, hint)
		} else {
			d.errorf(n, "%s must be a whole number, not %s", name, describe(n))
		}
	default:
		i, err := strconv.ParseInt(s, 10, 32)
		switch {
		case err != nil && s[0] == '-':
			d.errorf(n, "%s: %s is too small; a whole number here is at least %d", name, s, math.MinInt32)
		case err != nil:
			d.errorf(n, "%s: %s is too large; a whole number here is at most %d", name, s, math.MaxInt32)
		default:
			v.SetInt(i)
		}
	}
}

// maxNumber is the largest number, in absolute value, that the file
// format takes: every whole number up to it is exact as a float64.
const maxNumber = 1e15

// numberHint says what is wrong with s, a value that is not a decimal
// number (a whole one, with whole), when it looks like a number written
// another way: hexadecimal, with an exponent, a fraction, separators or
// full-width digits. It returns "" for anything else.
func numberHint(s string, whole bool) string {
	t := strings.TrimLeft(s[:min(len(s), 1)], "+-") + s[min(len(s), 1):]
	sign := s[:len(s)-len(t)]
	switch {
	case len(t) > 2 && t[0] == '0' && strings.ContainsRune("xXoObB", rune(t[1])):
		kind := map[byte]string{'x': "a hexadecimal", 'o': "an octal", 'b': "a binary"}[t[1]|0x20]
		if v, err := strconv.ParseInt(sign+t, 0, 64); err == nil {
			return fmt.Sprintf("%q is %s number; write it in decimal digits: %d", s, kind, v)
		}
		return fmt.Sprintf("%q is written as %s number; write it in decimal digits", s, kind)
	case strings.ContainsAny(t, "eE") && isFloat(s):
		f, err := strconv.ParseFloat(s, 64)
		if err == nil && math.Abs(f) <= maxNumber && (!whole || f == math.Trunc(f)) {
			return fmt.Sprintf("%q is written with an exponent; write it in decimal digits: %s", s, strconv.FormatFloat(f, 'f', -1, 64))
		}
		return fmt.Sprintf("%q is written with an exponent; write the number in decimal digits", s)
	case whole && isNumber(s, true):
		w, frac, _ := strings.Cut(s, ".")
		if strings.Trim(frac, "0") == "" {
			return fmt.Sprintf("%q has a decimal point; a whole number is written without one: %s", s, w)
		}
		return fmt.Sprintf("%s is not a whole number; write a number without a fraction", s)
	case strings.ContainsAny(t, ",_ ") && isNumber(strings.NewReplacer(",", "", "_", "", " ", "").Replace(s), !whole):
		return fmt.Sprintf("%q is written with separators; write the number without them: %s", s, strings.NewReplacer(",", "", "_", "", " ", "").Replace(s))
	case halfWidth(s) != s && isNumber(halfWidth(s), !whole):
		return fmt.Sprintf("%q is written in full-width characters; write it with the digits 0 to 9: %s", s, halfWidth(s))
	}
	return ""
}

// isFloat reports whether s is a number as strconv.ParseFloat reads it,
// however large.
func isFloat(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil || errors.Is(err, strconv.ErrRange)
}

// halfWidth returns s with full-width digits, signs and points (as an
// input method for Chinese types them) replaced by their ASCII forms,
// which are 0xFEE0 below them.
func halfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' || r == '．' || r == '－' || r == '＋' {
			return r - 0xFEE0
		}
		return r
	}, s)
}

func (d *decoder) number(n *yaml.Node, name string) (float64, bool) {
	s, ok := d.scalar(n, name)
	if !ok {
		return 0, false
	}
	switch {
	case strings.HasSuffix(s, "%") && isNumber(strings.TrimSuffix(s, "%"), true):
		d.errorf(n, "%s: write the number without the %% sign: %s", name, strings.TrimSuffix(s, "%"))
	case leadingZero(s):
		d.errorf(n, "%s: %q has a leading zero, which YAML 1.1 reads as an octal number; write it without", name, s)
	case !isNumber(s, true):
		if hint := numberHint(s, false); hint != "" {
			d.errorf(n, "%s: %s", name, hint)
		} else {
			d.errorf(n, "%s must be a number such as 12 or 88.5, not %s", name, describe(n))
		}
	default:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(f, 0) || math.Abs(f) > maxNumber {
			d.errorf(n, "%s: %s is too large; a number here is at most %d in size", name, s, int64(maxNumber))
			return 0, false
		}
		return f, true
	}
	return 0, false
}

func (d *decoder) boolean(n *yaml.Node, v reflect.Value, name string) {
	s, ok := d.scalar(n, name)
	if !ok {
		return
	}
	switch s {
	case "true", "True", "TRUE":
		v.SetBool(true)
	case "false", "False", "FALSE":
		v.SetBool(false)
	default:
		switch strings.ToLower(s) {
		case "yes", "no", "on", "off", "y", "n":
			d.errorf(n, "%s: %q means true or false only in old YAML (1.1); write true or false", name, s)
		default:
			d.errorf(n, "%s must be true or false, not %s", name, describe(n))
		}
	}
}

func (d *decoder) date(n *yaml.Node, name string) (model.Date, bool) {
	s, ok := d.scalar(n, name)
	if !ok {
		return model.Date{}, false
	}
	if !isDate(s) {
		d.errorf(n, "%s must be a date written YYYY-MM-DD, e.g. 2015-11-23, not %s", name, describe(n))
		return model.Date{}, false
	}
	date, err := model.ParseDate(s)
	if err != nil {
		d.errorf(n, "%s: %s is not a real date; check the month and the day", name, s)
		return model.Date{}, false
	}
	return date, true
}

func (d *decoder) choice(n *yaml.Node, v reflect.Value, name string) {
	s, ok := d.scalar(n, name)
	if !ok {
		return
	}
	choices := v.Interface().(interface{ Choices() []string }).Choices()
	for _, c := range choices {
		if s == c {
			v.SetString(s)
			return
		}
	}
	msg := fmt.Sprintf("%s: unknown value %q; use one of %s", name, s, strings.Join(choices, ", "))
	msg += suggest.DidYouMean(s, choices)
	d.errorf(n, "%s", msg)
}

// text decodes a Text: a plain string, or a mapping with zh and en.
func (d *decoder) text(n *yaml.Node, name string) model.Text {
	t := model.Text{Pos: d.pos(n)}
	switch n.Kind {
	case yaml.ScalarNode:
		t.ZH, t.EN = n.Value, n.Value
	case yaml.MappingNode:
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if !d.key(k, seen) {
				continue
			}
			s := ""
			if !isNull(val) {
				s, _ = d.scalar(val, name+"."+k.Value)
			}
			switch k.Value {
			case "zh":
				t.ZH = s
			case "en":
				t.EN = s
			default:
				d.errorf(k, "%s: unknown key %q; text has only zh (Chinese) and en (English)%s%s", name, k.Value, suggest.DidYouMean(k.Value, []string{"zh", "en"}), commaHint(n, val))
			}
		}
	default:
		d.errorf(n, "%s must be text, or a mapping with zh and en, not %s", name, describe(n))
	}
	return t
}

// key checks a mapping key: a plain scalar, not seen before in the mapping.
func (d *decoder) key(k *yaml.Node, seen map[string]*yaml.Node) bool {
	if refused(k) {
		return false
	}
	if k.Kind != yaml.ScalarNode || isNull(k) {
		d.errorf(k, "a key must be a plain name, not %s", describe(k))
		return false
	}
	if first, dup := seen[k.Value]; dup {
		d.errorf(k, "duplicate key %q (first written at line %d); remove one of them", k.Value, first.Line+d.line)
		return false
	}
	seen[k.Value] = k
	return true
}

// list decodes a sequence, or with bykey a mapping from key to entry, into
// the slice v.
func (d *decoder) list(n *yaml.Node, v reflect.Value, name string, bykey bool) {
	if p := d.pieces; p != nil && n == p.node {
		v.Set(p.value)
		d.errs += p.errs
		p.used = true
		return
	}
	elem := v.Type().Elem()
	if bykey {
		if n.Kind != yaml.MappingNode {
			d.errorf(n, "%s must be a mapping (one \"id: value\" line per entry), not %s", name, describe(n))
			return
		}
		seen := map[string]*yaml.Node{}
		out := reflect.MakeSlice(v.Type(), 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if !d.key(k, seen) {
				continue
			}
			e := reflect.New(elem).Elem()
			if refused(val) && elem.Kind() == reflect.Pointer {
				e.Set(reflect.New(elem.Elem())) // the entry, with only its key
			}
			d.value(val, e, k.Value)
			d.setMapKey(e, k)
			out = reflect.Append(out, e)
		}
		v.Set(out)
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be a list (one \"- \" line per entry, or [a, b]), not %s", name, describe(n))
		return
	}
	out := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	entry := name + " entry"
	if noun, ok := nouns[derefType(elem)]; ok {
		entry = noun
	}
	i := 0
	for _, c := range n.Content {
		if d.skip(c) {
			continue // no entry to keep; elementPositions skips it too
		}
		d.value(c, out.Index(i), entry)
		i++
	}
	if i < out.Len() {
		out = out.Slice(0, i)
	}
	v.Set(out)
}

// oneOrMore decodes a list that may be written as a single value, a list
// of one, into the slice v. An empty list is an error: the key stands for
// at least one value.
func (d *decoder) oneOrMore(n *yaml.Node, v reflect.Value, name string) {
	switch {
	case n.Kind == yaml.ScalarNode:
		n = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{n}, Line: n.Line, Column: n.Column}
	case n.Kind == yaml.SequenceNode && len(n.Content) == 0:
		d.errorf(n, "%s is an empty list; give one value, or a list of them", name)
		return
	}
	d.list(n, v, name, false)
}

// setMapKey stores the mapping key k in the mapkey field of the entry e.
func (d *decoder) setMapKey(e reflect.Value, k *yaml.Node) {
	for e.Kind() == reflect.Pointer {
		e = e.Elem()
	}
	info := d.schema.info(e.Type())
	if f := info.find(func(f *field) bool { return f.mapkey }); f != nil {
		e.Field(f.index).SetString(k.Value)
	}
	if info.src >= 0 {
		src := e.Field(info.src).Addr().Interface().(*model.Src)
		src.Pos = d.pos(k)
	}
}

// nouns name the entries of the file format in messages.
var nouns = map[reflect.Type]string{
	reflect.TypeFor[model.Config]():        "ducha.yaml",
	reflect.TypeFor[model.Campaign]():      "campaign.yaml",
	reflect.TypeFor[model.Province]():      "province",
	reflect.TypeFor[model.Unit]():          "unit",
	reflect.TypeFor[model.Item]():          "key item",
	reflect.TypeFor[model.Indicator]():     "indicator",
	reflect.TypeFor[model.Group]():         "group",
	reflect.TypeFor[model.Person]():        "person",
	reflect.TypeFor[model.Member]():        "member",
	reflect.TypeFor[model.SelfExam]():      "self-examination",
	reflect.TypeFor[model.Inspection]():    "province file",
	reflect.TypeFor[model.Visit]():         "visit",
	reflect.TypeFor[model.Value]():         "indicator value",
	reflect.TypeFor[model.Finding]():       "finding",
	reflect.TypeFor[model.Rectification](): "rectification",
	reflect.TypeFor[model.Period]():        "period",
	reflect.TypeFor[model.Page]():          "front matter",
}

func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// entryName names the entry v for messages: its kind, and its ID or key
// when it has one ("finding zj-03", "self-examination bj").
func (d *decoder) entryName(v reflect.Value, info *structInfo, name string) string {
	noun, ok := nouns[v.Type()]
	if !ok {
		return name
	}
	for _, f := range info.fields {
		if f.key == "id" || f.key == "no" || f.mapkey {
			if id := fmt.Sprint(v.Field(f.index).Interface()); id != "" && id != "0" {
				return noun + " " + id
			}
		}
	}
	return noun
}

// mapping decodes a mapping into the struct v.
func (d *decoder) mapping(n *yaml.Node, v reflect.Value, name string) {
	info := d.schema.info(v.Type())
	var src *model.Src
	if info.src >= 0 {
		src = v.Field(info.src).Addr().Interface().(*model.Src)
		src.Pos = d.pos(n)
	}
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		if f := info.find(func(f *field) bool { return f.scalar }); f != nil {
			d.value(n, v.Field(f.index), name)
			if src != nil {
				src.Keys = append(src.Keys, model.KeyPos{Key: f.key, Line: n.Line + d.line, Col: n.Column})
			}
			return
		}
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping (key: value lines), not %s", name, describe(n))
		return
	}
	seen := map[string]*yaml.Node{}
	var unknown []*yaml.Node
	values := map[*yaml.Node]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if !d.key(k, seen) {
			continue
		}
		f := info.lookup(k.Value)
		if f == nil {
			unknown = append(unknown, k)
			values[k] = val
			continue
		}
		errs := d.errs
		if isNull(val) && f.required {
			d.errorf(val, "%s is empty; give it a value", f.key)
		} else if !isNull(val) && f.bykey {
			d.list(val, v.Field(f.index), f.key, true)
		} else if !isNull(val) && f.one {
			d.oneOrMore(val, v.Field(f.index), f.key)
		} else if !isNull(val) {
			d.value(val, v.Field(f.index), f.key)
		}
		if src != nil {
			src.Keys = append(src.Keys, model.KeyPos{Key: f.key, Line: val.Line + d.line, Col: val.Column, Bad: d.errs > errs})
			d.elementPositions(src, f.key, val)
		}
	}
	entry := d.entryName(v, info, name)
	for _, k := range unknown {
		d.errorf(k, "unknown key %q in %s%s%s", k.Value, entry, suggest.DidYouMean(k.Value, info.keys()), commaHint(n, values[k]))
		// A misspelt key stands for the key it resembles: it was written,
		// but cannot be read. No need to also say the key is missing.
		if near := suggest.Nearest(k.Value, info.keys()); near != "" && seen[near] == nil {
			seen[near] = k
			if src != nil {
				src.Keys = append(src.Keys, model.KeyPos{Key: near, Line: k.Line + d.line, Col: k.Column, Bad: true})
			}
		}
	}
	var missing []string
	for _, f := range info.fields {
		if f.required && !f.mapkey && seen[f.key] == nil {
			missing = append(missing, f.key)
		}
	}
	if len(missing) > 0 {
		d.errorf(n, "%s is missing %s; add %s", entry, quoteList(missing), plural(len(missing), "it", "them"))
	}
}

// commaHint explains the usual cause of an unknown key without a value in
// a {…} mapping: a comma in unquoted text, which YAML reads as the start of
// a new key.
func commaHint(mapping, val *yaml.Node) string {
	if mapping.Style&yaml.FlowStyle == 0 || !isNull(val) {
		return ""
	}
	return `; inside {…} a comma starts a new key: put quotes around text that contains a comma, e.g. en: "Hangzhou, Zhejiang"`
}

// elementPositions records where each scalar of a list of scalars was
// written, as the keys "key.0", "key.1", ..., so that a problem with one ID
// in a list can point at it. Like list, it counts no refused entry.
func (d *decoder) elementPositions(src *model.Src, key string, val *yaml.Node) {
	if p := d.pieces; p != nil && val == p.node {
		src.Keys = append(src.Keys, p.keys...)
		return
	}
	if val.Kind != yaml.SequenceNode {
		return
	}
	i := 0
	for _, e := range val.Content {
		if refused(e) {
			continue
		}
		if e.Kind == yaml.ScalarNode {
			src.Keys = append(src.Keys, model.KeyPos{Key: key + "." + strconv.Itoa(i), Line: e.Line + d.line, Col: e.Column})
		}
		i++
	}
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
