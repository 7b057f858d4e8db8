package sheet

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/width"

	"github.com/ducha/ducha/generator/model"
)

// trim removes the white space that ends and starts a cell's text, the
// ideographic space (U+3000) and the no-break space among it, as well as
// the zero-width characters that pasting leaves.
func trim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u3000' || r == '\u200b' || r == '\ufeff'
	})
}

// normalize is trim, and full-width letters, digits and signs made
// half-width, for values that are not free text: IDs, names from a list,
// dates.
func normalize(s string) string { return trim(width.Narrow.String(trim(s))) }

// cellText is free text from a cell: its line ends made \n, the spaces
// that end each line removed, and the whole trimmed.
func cellText(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, func(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' })
	}
	return trim(strings.Join(lines, "\n"))
}

var (
	dateText    = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$`)
	dateCompact = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
)

// parseDate reads a date as sheets hold one: a serial number (days since
// 1899-12-30, or 1904-01-01 in a workbook that counts from 1904), or text
// such as 2016-01-31, 2016/1/31, 2016.1.31, 2016年1月31日 or 20160131, in
// full-width digits or not.
func parseDate(raw string, date1904 bool) (model.Date, error) {
	s := normalize(raw)
	if m := dateText.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3], raw)
	}
	if m := dateCompact.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3], raw)
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "eE") {
		if f < 1 || f >= 2958466 {
			return model.Date{}, fmt.Errorf("%s is not a date; write it as 2016-01-31", strconv.Quote(trim(raw)))
		}
		base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
		if date1904 {
			base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		t := base.AddDate(0, 0, int(math.Floor(f)))
		return model.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, nil
	}
	return model.Date{}, fmt.Errorf("%s is not a date; write it as 2016-01-31", strconv.Quote(trim(raw)))
}

func ymd(y, m, d, raw string) (model.Date, error) {
	s := fmt.Sprintf("%s-%02s-%02s", y, m, d)
	s = strings.ReplaceAll(s, " ", "0")
	date, err := model.ParseDate(s)
	if err != nil {
		return model.Date{}, fmt.Errorf("%s is not a real date; check the month and the day", strconv.Quote(trim(raw)))
	}
	return date, nil
}
