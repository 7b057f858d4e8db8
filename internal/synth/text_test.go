package synth

import (
	"bufio"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// allPhrases returns every template of the package, named for messages.
func allPhrases() map[string][]text {
	all := map[string][]text{
		"causes": causes, "requirements": requirements, "effects": effects,
		"recommendations": recommendations, "visitNotes": visitNotes,
		"selfExams": selfExams, "valueNotes": valueNotes,
		"intros": {problemListIntro, practiceListIntro}, "workReport": {workReport},
	}
	for _, it := range items {
		ph := it.phrases
		for kind, themes := range map[string][]theme{"problems": ph.problems, "practices": ph.practices} {
			var ts []text
			for _, th := range themes {
				ts = append(ts, th.fact)
				ts = append(ts, th.titles...)
			}
			all[it.id+"."+kind] = ts
		}
		all[it.id+".problemPoints"] = ph.problemPoints
		all[it.id+".practicePoints"] = ph.practicePoints
	}
	for status, ts := range notes {
		all["notes."+status] = ts
	}
	for s, ts := range places {
		all["places."+string(s)] = ts
	}
	return all
}

var slotPattern = regexp.MustCompile(`\{[a-z]+\}`)

// TestPhrases checks that every template renders, and that its Chinese and
// English sides use the same slots, so that they say the same thing.
func TestPhrases(t *testing.T) {
	s := slots{city: text{"杭州市", "Hangzhou"}, prov: text{"浙江", "Zhejiang"}, name: text{"浙江省", "Zhejiang Province"}, deadline: date(2016, 1, 31)}
	s.roll(rand.New(rand.NewPCG(1, 2)))
	for _, it := range items {
		for i, th := range slices.Concat(it.phrases.problems, it.phrases.practices) {
			if len(th.titles) == 0 {
				t.Errorf("%s: theme %d has no title", it.id, i)
			}
		}
	}
	for name, ts := range allPhrases() {
		if len(ts) == 0 {
			t.Errorf("%s: no phrases", name)
		}
		for i, x := range ts {
			if x.zh == "" || x.en == "" {
				t.Errorf("%s[%d]: a side is empty: %q", name, i, x)
				continue
			}
			zhSlots, enSlots := slotPattern.FindAllString(x.zh, -1), slotPattern.FindAllString(x.en, -1)
			slices.Sort(zhSlots)
			slices.Sort(enSlots)
			if !slices.Equal(slices.Compact(zhSlots), slices.Compact(enSlots)) {
				t.Errorf("%s[%d]: slots %v in Chinese, %v in English", name, i, zhSlots, enSlots)
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s[%d]: %v", name, i, r)
					}
				}()
				out := s.phrase(x)
				if strings.ContainsAny(out.zh+out.en, "{}") {
					t.Errorf("%s[%d]: rendered with braces: %q", name, i, out)
				}
			}()
		}
	}
}

// TestSlotsRoll checks the ranges the templates rely on: k is less than
// n and at least two, j less than m.
func TestSlotsRoll(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var s slots
	for range 10000 {
		s.roll(r)
		if s.k < 2 || s.k >= s.n || s.j < 2 || s.j >= s.m {
			t.Fatalf("bad roll: %+v", s)
		}
	}
}

func TestMoney(t *testing.T) {
	for _, tc := range []struct {
		wan  int
		want string
	}{{12, "120,000 yuan"}, {99, "990,000 yuan"}, {100, "1 million yuan"}, {345, "3.45 million yuan"}, {480, "4.8 million yuan"}, {307, "3.07 million yuan"}} {
		if got := money(tc.wan, en); got != tc.want {
			t.Errorf("money(%d) = %q, want %q", tc.wan, got, tc.want)
		}
	}
}

func TestDates(t *testing.T) {
	d := date(2015, 11, 16)
	if got := d.String(); got != "2015-11-16" {
		t.Errorf("String = %q", got)
	}
	if got := (d + 90).monthEnd().String(); got != "2016-02-29" {
		t.Errorf("monthEnd = %q, want 2016-02-29", got)
	}
	if got := span(d, date(2015, 12, 1), zh); got != "11月16日至12月1日" {
		t.Errorf("span = %q", got)
	}
	if got := span(d, date(2015, 11, 22), en); got != "16 to 22 November" {
		t.Errorf("span = %q", got)
	}
}

// decode writes s under key v at the given indent, as the writer would in
// a finding, and reads it back with yaml.v3.
func decode(t *testing.T, s string, block bool) string {
	t.Helper()
	var b strings.Builder
	bw := bufio.NewWriter(&b)
	w := &yamlWriter{Writer: bw}
	w.line(0, "list:")
	w.line(2, "- id: x")
	if block {
		w.scalarKey(4, "v", s)
	} else {
		w.spaces(4)
		w.WriteString("v: {zh: ")
		w.quoted(s)
		w.WriteString(", en: x}\n")
	}
	w.line(4, "after: y")
	bw.Flush()
	var doc struct {
		List []struct {
			V     any
			After string
		}
	}
	if err := yaml.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatalf("%q: %v\n%s", s, err, b.String())
	}
	if len(doc.List) != 1 || doc.List[0].After != "y" {
		t.Fatalf("%q: the value broke the document:\n%s", s, b.String())
	}
	switch v := doc.List[0].V.(type) {
	case string:
		return v
	case map[string]any:
		return v["zh"].(string)
	}
	t.Fatalf("%q: read back as %T", s, doc.List[0].V)
	return ""
}

var tricky = []string{
	"", " ", "plain", "a: b", "a, b", "#not a comment", "a #b", "- item", "[x]", "{x}", "*x", "&x", "!x", "|", ">",
	"%x", "@x", "`x`", "'x'", `"x"`, `a\b`, "yes", "no", "null", "~", "035", "1e3", "2015-11-16", "---", "...",
	"tab\there", "line\nbreak", "trail\n", "two\n\n", "\nlead", " lead", "trail ", "cr\r\nlf", "\x00\x01\x7f",
	"\u0085\u2028\u2029\ufeff\ufffe", "督查组：要求", "“引号”", "emoji 😀", "  indented\nthen", "a\n  b\n", "a\n \nb",
	"first\n\n- list；\n- 二。\n", "invalid \xff utf8",
}

func TestQuotedRoundTrip(t *testing.T) {
	for _, s := range tricky {
		want := valid(s)
		if got := decode(t, s, false); got != want {
			t.Errorf("quoted %q read back as %q", s, got)
		}
		if got := decode(t, s, true); got != want {
			t.Errorf("scalarKey %q read back as %q", s, got)
		}
	}
}

func TestBlockable(t *testing.T) {
	for s, want := range map[string]bool{
		"one line":                false,
		"one line\n":              false,
		"two\nlines\n":            true,
		"para\n\n- a\n- b\n":      true,
		" lead\nx\n":              false,
		"x\n \ny\n":               false,
		"tab\t\nx\n":              false,
		"x\n  more indented\n":    true,
		"cr\r\nlf\n":              false,
		"nel\u0085\nx\n":          false,
		"lines\n\n\n":             false,
		"lines\nand trailing\n\n": true,
	} {
		if got := blockable(s); got != want {
			t.Errorf("blockable(%q) = %v, want %v", s, got, want)
		}
	}
}

// valid returns s with each byte that is not UTF-8 replaced by U+FFFD, as
// the writer writes it.
func valid(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r)
		i += size
	}
	return b.String()
}

func FuzzQuoted(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := valid(s)
		if got := decode(t, s, false); got != want {
			t.Errorf("quoted %q read back as %q", s, got)
		}
		if got := decode(t, s, true); got != want {
			t.Errorf("scalarKey %q read back as %q", s, got)
		}
	})
}
