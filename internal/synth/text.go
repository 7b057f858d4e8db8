package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// text is a text in Chinese and English.
type text struct{ zh, en string }

// lang selects one side of a text.
type lang int

const (
	zh lang = iota
	en
)

func (t text) in(l lang) string {
	if l == en {
		return t.en
	}
	return t.zh
}

// day is a date, as days since 1970-01-01.
type day int

func date(y int, m time.Month, d int) day {
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func (d day) time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// String returns the date as YYYY-MM-DD.
func (d day) String() string { return d.time().Format(time.DateOnly) }

// monthEnd returns the last day of d's month.
func (d day) monthEnd() day {
	y, m, _ := d.time().Date()
	return date(y, m+1, 0)
}

// words writes d in running text: 2016年1月31日, 31 January 2016.
func (d day) words(l lang) string {
	y, m, dd := d.time().Date()
	if l == en {
		return strconv.Itoa(dd) + " " + m.String() + " " + strconv.Itoa(y)
	}
	return strconv.Itoa(y) + "年" + strconv.Itoa(int(m)) + "月" + strconv.Itoa(dd) + "日"
}

// span writes a stretch of days in running text: 11月16日至22日,
// 16 to 22 November.
func span(a, b day, l lang) string {
	_, ma, da := a.time().Date()
	_, mb, db := b.time().Date()
	if l == en {
		if ma == mb {
			return strconv.Itoa(da) + " to " + strconv.Itoa(db) + " " + mb.String()
		}
		return strconv.Itoa(da) + " " + ma.String() + " to " + strconv.Itoa(db) + " " + mb.String()
	}
	s := strconv.Itoa(int(ma)) + "月" + strconv.Itoa(da) + "日至"
	if ma != mb {
		s += strconv.Itoa(int(mb)) + "月"
	}
	return s + strconv.Itoa(db) + "日"
}

// slots are the values a phrase template refers to as {name}. The same
// slots render the Chinese and the English phrase, so that both say the
// same thing.
type slots struct {
	city     text // a city or district of the province: 杭州市, Hangzhou
	prov     text // the province's short name: 浙江, Zhejiang
	name     text // the province's full name: 浙江省, Zhejiang Province
	a, b     text // free text: topics of a self-examination
	n, k     int  // things checked (4 to 12), and of them the ones at fault (2 to n-1)
	m, j     int  // people met (12 to 60), and of them the ones who said so (2 to m/2)
	pct, hi  int  // a share in percent, 20 to 75; a high share, 70 to 98
	amt      int  // an amount in 10,000 yuan (万元), 12 to 480
	mo       int  // months, 2 to 8
	deadline day
}

// roll draws the numbers of s.
func (s *slots) roll(r *rand.Rand) {
	s.n = 4 + r.IntN(9)
	s.k = 2 + r.IntN(s.n-2)
	s.m = 12 + r.IntN(49)
	s.j = 2 + r.IntN(s.m/2-1)
	s.pct = 20 + r.IntN(56)
	s.hi = 70 + r.IntN(29)
	s.amt = 12 + r.IntN(469)
	s.mo = 2 + r.IntN(7)
}

// render fills the template t of language l from s. A template names a
// slot in braces: {city}. Text outside braces is copied.
func (s *slots) render(b *strings.Builder, t string, l lang) {
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return
		}
		b.WriteString(t[:i])
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			panic("synth: unterminated slot in phrase " + strconv.Quote(t))
		}
		s.slot(b, t[i+1:i+j], l)
		t = t[i+j+1:]
	}
}

func (s *slots) slot(b *strings.Builder, name string, l lang) {
	switch name {
	case "city":
		b.WriteString(s.city.in(l))
	case "prov":
		b.WriteString(s.prov.in(l))
	case "name":
		b.WriteString(s.name.in(l))
	case "a":
		b.WriteString(s.a.in(l))
	case "b":
		b.WriteString(s.b.in(l))
	case "n":
		b.WriteString(strconv.Itoa(s.n))
	case "k":
		b.WriteString(strconv.Itoa(s.k))
	case "m":
		b.WriteString(strconv.Itoa(s.m))
	case "j":
		b.WriteString(strconv.Itoa(s.j))
	case "pct":
		b.WriteString(strconv.Itoa(s.pct))
	case "hi":
		b.WriteString(strconv.Itoa(s.hi))
	case "mo":
		b.WriteString(strconv.Itoa(s.mo))
	case "amt":
		b.WriteString(money(s.amt, l))
	case "deadline":
		b.WriteString(s.deadline.words(l))
	default:
		panic("synth: unknown slot {" + name + "}")
	}
}

// money writes an amount given in 10,000 yuan: 345万元, 3.45 million yuan.
func money(wan int, l lang) string {
	if l == zh {
		return strconv.Itoa(wan) + "万元"
	}
	if wan < 100 {
		return strconv.Itoa(wan) + "0,000 yuan"
	}
	s := strconv.Itoa(wan / 100)
	if frac := wan % 100; frac != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%02d", frac), "0")
	}
	return s + " million yuan"
}

// phrase renders the template pair t from s.
func (s *slots) phrase(t text) text {
	var b strings.Builder
	s.render(&b, t.zh, zh)
	z := b.String()
	b.Reset()
	s.render(&b, t.en, en)
	return text{z, b.String()}
}

// pick returns one of xs at random.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// weighted returns an index into weights, drawn with the given integer
// weights.
func weighted(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := r.IntN(total)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// chance reports true with the given probability in percent.
func chance(r *rand.Rand, percent int) bool { return r.IntN(100) < percent }

func itoa(i int) string { return strconv.Itoa(i) }
