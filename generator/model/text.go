package model

import (
	"fmt"
	"time"
)

// Lang is an interface and content language.
type Lang string

// The languages ducha writes.
const (
	ZH Lang = "zh" // Chinese (simplified), the default
	EN Lang = "en" // English
)

// Choices lists the values a Lang may take in a file.
func (Lang) Choices() []string { return []string{string(ZH), string(EN)} }

// Text is a piece of text in Chinese, English or both. In a file it is written
// either as a plain string (the same text in every language) or as a mapping
// with the keys zh and en, either of which may be left out.
type Text struct {
	ZH  string
	EN  string
	Pos Pos // where the text starts, for errors about its characters
}

// In returns the text in lang, falling back to the other language.
func (t Text) In(lang Lang) string {
	if lang == EN {
		if t.EN != "" {
			return t.EN
		}
		return t.ZH
	}
	if t.ZH != "" {
		return t.ZH
	}
	return t.EN
}

// IsZero reports whether t has no text in any language.
func (t Text) IsZero() bool { return t.ZH == "" && t.EN == "" }

// Or returns t, or def when t is empty.
func (t Text) Or(def Text) Text {
	if t.IsZero() {
		return def
	}
	return t
}

// Date is a calendar date without a time of day or zone, written
// YYYY-MM-DD. The zero Date means "not given".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate parses s as YYYY-MM-DD and checks that the day exists.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != len("2006-01-02") {
		return Date{}, fmt.Errorf("%q is not a date; write it as YYYY-MM-DD, e.g. 2015-11-23", s)
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	a, b := d.key(), e.key()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.key() < e.key() }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.key() > e.key() }

// DaysUntil returns the number of days from d to e (negative when e is
// earlier).
func (d Date) DaysUntil(e Date) int { return int(e.Time().Sub(d.Time()).Hours() / 24) }

func (d Date) key() int { return d.Year*10000 + int(d.Month)*100 + d.Day }

// String formats d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() || d.Year < 0 || d.Year > 9999 {
		if d.IsZero() {
			return ""
		}
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	b := []byte("0000-00-00")
	y, m := d.Year, int(d.Month)
	b[0], b[1], b[2], b[3] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	b[5], b[6] = byte('0'+m/10), byte('0'+m%10)
	b[8], b[9] = byte('0'+d.Day/10), byte('0'+d.Day%10)
	return string(b)
}

// Period is a span of calendar days, both ends included.
type Period struct {
	Start Date `key:"start,required"`
	End   Date `key:"end,required"`
	Src   Src
}

// Contains reports whether d falls within p.
func (p Period) Contains(d Date) bool { return !d.Before(p.Start) && !d.After(p.End) }

// IsZero reports whether p was not given.
func (p Period) IsZero() bool { return p.Start.IsZero() && p.End.IsZero() }

// DateOf returns the calendar day of t, in t's location.
func DateOf(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }
