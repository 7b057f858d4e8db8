// Package i18n holds the words of ducha's interface in Chinese and English,
// and formats dates, numbers and the names of enumerations for a language.
// The site and the briefing both take their words from here, so they say
// the same thing the same way.
package i18n

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/ducha/ducha/generator/model"
)

// Tr returns the interface text for key in lang. An unknown key is returned
// as it is, so a missing translation shows rather than vanishes.
func Tr(lang model.Lang, key string) string {
	for _, c := range catalogs() {
		if e, ok := c[key]; ok {
			if lang == model.EN {
				return e.en
			}
			return e.zh
		}
	}
	return key
}

// Words returns the interface texts in lang of every key that starts with
// prefix, in the order of their keys: what a document prints of its own,
// for a check of a project's fonts against them.
func Words(lang model.Lang, prefix string) []string {
	var keys []string
	for _, c := range catalogs() {
		for k := range c {
			if strings.HasPrefix(k, prefix) {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = Tr(lang, k)
	}
	return out
}

// entry is one piece of interface text.
type entry struct{ zh, en string }

// Trf formats the interface text for key in lang with args. Every verb of
// the interface text is %s: an int argument is written by Int, with
// thousands separators, as every count is.
func Trf(lang model.Lang, key string, args ...any) string {
	cloned := false
	for i, a := range args {
		if n, ok := a.(int); ok {
			if !cloned {
				args, cloned = slices.Clone(args), true
			}
			args[i] = Int(n)
		}
	}
	return fmt.Sprintf(Tr(lang, key), args...)
}

// Date formats d for lang: 2015年11月23日, or 23 November 2015.
func Date(lang model.Lang, d model.Date) string {
	if d.IsZero() {
		return ""
	}
	if lang == model.EN {
		return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
}

// Period formats p for lang: 2015年11月15日至12月15日, 2015年11月16日至22日.
func Period(lang model.Lang, p model.Period) string {
	if p.IsZero() {
		return ""
	}
	if lang == model.EN {
		return Date(lang, p.Start) + " – " + Date(lang, p.End)
	}
	end := Date(lang, p.End)
	switch {
	case p.End.Year == p.Start.Year && p.End.Month == p.Start.Month:
		end = fmt.Sprintf("%d日", p.End.Day)
	case p.End.Year == p.Start.Year:
		end = fmt.Sprintf("%d月%d日", int(p.End.Month), p.End.Day)
	}
	return Date(lang, p.Start) + "至" + end
}

// Number formats x with thousands separators and at most two decimals,
// dropping trailing zeros: 1,234.5. Every number the site, the charts and
// the briefing show goes through it (or Int, Percent), so that they look
// alike everywhere.
func Number(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Int formats n with thousands separators.
func Int(n int) string { return Number(float64(n)) }

// Value formats x in the unit m for lang: 86.5%, 312 件, 1,200 万元.
func Value(lang model.Lang, x float64, m model.Measure) string {
	if m == model.Percent {
		return Number(x) + "%"
	}
	return Number(x) + " " + Unit(lang, m)
}

// Unit returns the short label of a unit of measure.
func Unit(lang model.Lang, m model.Measure) string { return Tr(lang, "unit."+string(m)) }

// Enum returns the label of a value of an enumeration: Enum(lang,
// model.High) is 严重 or High.
func Enum[T ~string](lang model.Lang, v T) string {
	return Tr(lang, reflect.TypeFor[T]().Name()+"."+string(v))
}

var chineseDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// ChineseNumber writes n (0 to 99) in Chinese numerals: 8 is 八, 12 十二.
func ChineseNumber(n int) string {
	switch {
	case n < 0 || n > 99:
		return strconv.Itoa(n)
	case n <= 10:
		return chineseDigits[n]
	case n < 20:
		return "十" + digit(n%10)
	}
	return chineseDigits[n/10] + "十" + digit(n%10)
}

func digit(n int) string {
	if n == 0 {
		return ""
	}
	return chineseDigits[n]
}

// GroupName names a group: 第一督查组, or Group 1.
func GroupName(lang model.Lang, no int) string {
	if lang == model.EN {
		return fmt.Sprintf("Group %d", no)
	}
	return "第" + ChineseNumber(no) + "督查组"
}

// ItemNo numbers a key item: 一, or 1.
func ItemNo(lang model.Lang, no int) string {
	if lang == model.EN {
		return strconv.Itoa(no)
	}
	return ChineseNumber(no)
}

// Edition names an edition: 第八次, or 8th.
func Edition(lang model.Lang, n int) string {
	if lang == model.EN {
		suffix := "th"
		switch {
		case n%100 >= 11 && n%100 <= 13:
		case n%10 == 1:
			suffix = "st"
		case n%10 == 2:
			suffix = "nd"
		case n%10 == 3:
			suffix = "rd"
		}
		return strconv.Itoa(n) + suffix
	}
	return "第" + ChineseNumber(n) + "次"
}

// List joins items with the list separator of lang: 、 or ", ".
func List(lang model.Lang, items []string) string {
	if lang == model.EN {
		return strings.Join(items, ", ")
	}
	return strings.Join(items, "、")
}

// Percent formats a share from 0 to 100 with one decimal, the one
// precision of every percentage ducha prints: 11.4%.
func Percent(x float64) string {
	return Number(math.Round(x*10)/10) + "%"
}
