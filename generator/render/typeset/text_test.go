package typeset

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// unitWidths measures every character as 1 point wide at any size, and a
// space as half a point.
type unitWidths struct{}

func (unitWidths) advance(st *Style, r rune) float64 {
	if r == ' ' {
		return 0.5
	}
	return 1
}

// breakString breaks s at width and returns the lines.
func breakString(s string, width, indent float64) []string {
	t := NewText(s, Style{Size: 1})
	var out []string
	for _, l := range breakLines(t, unitWidths{}, width, indent) {
		out = append(out, string(t.runes[l.start:l.trimEnd(t.runes)]))
	}
	return out
}

func TestBreakLines(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    string
		width float64
		want  []string
	}{
		{"latin at spaces", "aaa bbb ccc ddd", 7.5, []string{"aaa bbb", "ccc ddd"}},
		{"long word breaks inside", "a abcdefghij b", 4, []string{"a", "abcd", "efgh", "ij b"}},
		{"cjk between characters", "一二三四五六七八", 3, []string{"一二三", "四五六", "七八"}},
		{"no closing punctuation at line start", "一二三，四五六。", 3, []string{"一二", "三，四", "五六。"}},
		{"no opening punctuation at line end", "一二（三四）五", 3, []string{"一二", "（三", "四）五"}},
		{"closing quote and full stop stay with the word", "他说“好”。然后", 4, []string{"他说", "“好”。", "然后"}},
		{"dashes are not split", "一二——三四", 3, []string{"一二", "——", "三四"}},
		{"ellipsis is not split nor starts a line", "一二三……", 3, []string{"一二", "三……"}},
		{"latin comma after cjk stays", "一二三,四", 3, []string{"一二", "三,四"}},
		{"mixed", "完成率 87.2% 低于目标", 6, []string{"完成率", "87.2%", "低于目标"}},
		{"a number stays with its measure word", "未启动12个问题", 5, []string{"未启动", "12个问题"}},
		{"no break at a no-break space", "值为52,630\u00a0万元", 9, []string{"值为", "52,630\u00a0万元"}},
		{"hard break", "一二\u2028三", 10, []string{"一二", "三"}},
		{"no lone character on the last line", "一二三四", 3, []string{"一二", "三四"}},
		{"nor a lone character and its full stop", "一二三四。", 3, []string{"一二", "三四。"}},
		{"a lone latin word may end a paragraph", "aa bb cc", 5.5, []string{"aa bb", "cc"}},
		{"empty", "", 3, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := breakString(tc.in, tc.width, 0)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("breakLines(%q, %v) = %q, want %q", tc.in, tc.width, got, tc.want)
			}
		})
	}
}

func TestBreakLinesIndent(t *testing.T) {
	got := breakString("一二三四五六七", 4, 2)
	want := []string{"一二", "三四五", "六七"} // no lone character on the last line
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSoftBreaks(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"中文", "换行", "中文换行"},
		{"English", "text", "English text"},
		{"中文", "text", "中文 text"},
	} {
		txt := NewText(tc.a, Style{})
		txt.softBreak()
		txt.Add(tc.b, Style{})
		txt.resolveSoftBreaks()
		if got := txt.String(); got != tc.want {
			t.Errorf("%q + soft break + %q = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

// checkLines checks the rules every broken paragraph keeps: no character
// lost or added, no line wider than the width unless it holds a single
// unbreakable character, and no line that starts with closing or ends
// with opening punctuation, unless a line could not be broken otherwise.
func checkLines(t *testing.T, s string, width float64) {
	t.Helper()
	txt := NewText(s, Style{Size: 1})
	lines := breakLines(txt, unitWidths{}, width, 0)
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(string(txt.runes[l.start:l.trimEnd(txt.runes)]))
		if l.width > width+1e-9 && l.trimEnd(txt.runes)-l.start > 1 {
			t.Errorf("%q: line %q is %v wide, more than %v", s, string(txt.runes[l.start:l.end]), l.width, width)
		}
	}
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == lineSep {
				return -1
			}
			return r
		}, s)
	}
	if got, want := strip(b.String()), strip(txt.String()); got != want {
		t.Errorf("%q at %v: lines hold %q, want %q", s, width, got, want)
	}
}

func TestBreakLinesKeepsEverything(t *testing.T) {
	for _, s := range []string{
		"截至2016年3月31日，44个问题中已销号5个、已完成待核验7个、整改中20个。",
		"Opinions of the State Council on Further Doing a Good Job (Guo Fa [2014] No. 40)",
		"https://example.org/a/very/long/address/that/does/not/fit/on/any/line",
		"“互联网+职业培训”——《意见》……（国发〔2014〕40号）",
	} {
		for _, w := range []float64{1, 2, 3, 5, 8, 13, 40} {
			checkLines(t, s, w)
		}
	}
}

func FuzzBreakLines(f *testing.F) {
	f.Add("一二三，四五六。", 3.0)
	f.Add("aaa bbb ccc", 2.5)
	f.Add("“好”。（三）——……", 1.0)
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if !utf8.ValidString(s) || width < 1 || width > 1000 {
			return
		}
		checkLines(t, s, width)
	})
}

// TestCharacterSets: the sets looked up while breaking lines hold exactly
// the characters of their lists, and isMark exactly the nonspacing marks.
func TestCharacterSets(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := isClosing(r), r >= 0 && strings.ContainsRune(closing, r); got != want {
			t.Errorf("isClosing(%U) = %v, want %v", r, got, want)
		}
		if got, want := isOpening(r), r >= 0 && strings.ContainsRune(opening, r); got != want {
			t.Errorf("isOpening(%U) = %v, want %v", r, got, want)
		}
		if got, want := isMark(r), unicode.Is(unicode.Mn, r); got != want {
			t.Errorf("isMark(%U) = %v, want %v", r, got, want)
		}
	}
}
