package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/internal/fixture"
	"github.com/ducha/ducha/internal/synth"
)

func sample(t *testing.T) *report.Report {
	t.Helper()
	p, diags, err := load.Load(fixture.Sample(t))
	if err != nil || diags.HasErrors(false) {
		t.Fatalf("load: %v %v", err, diags.Items())
	}
	return report.New(p.Current(), model.ZH)
}

// TestWorkbook: every finding on the first sheet, the tracker and a sheet
// per province; dates are dates and counts are numbers; every header is
// frozen and filtered; the columns have their widths. On the sample and on
// a synthetic campaign of 31 provinces.
func TestWorkbook(t *testing.T) {
	t.Run("sample", func(t *testing.T) { checkWorkbook(t, sample(t)) })
	t.Run("synthetic", func(t *testing.T) {
		fsys, err := synth.FS(synth.Options{Findings: short(400), Provinces: 31, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		p, _, err := load.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		checkWorkbook(t, report.New(p.Current(), model.ZH))
	})
}

// short returns n findings for a synthetic campaign, or a fifth of them
// with -short: fewer rows, over the same 31 provinces.
func short(n int) int {
	if testing.Short() {
		return n / 5
	}
	return n
}

// checkWorkbook writes the workbook of r and reads it back.
func checkWorkbook(t *testing.T, r *report.Report) {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, r, Options{Address: func(f *model.Finding) string { return "findings/" + f.ID + ".html" }}); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	sheets := f.GetSheetList()
	var provinces int
	for _, ps := range r.Provinces {
		if ps.Province != nil {
			provinces++
		}
	}
	if len(sheets) != 2+provinces {
		t.Fatalf("sheets %v, want findings, tracker and %d provinces", sheets, provinces)
	}
	if i := f.GetActiveSheetIndex(); i != 0 {
		t.Errorf("sheet %d is the active one, want the first", i)
	}
	w := &writer{r: r, lang: r.Lang, opts: Options{Address: func(*model.Finding) string { return "" }}}
	filters := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filters[d.Scope] = d.RefersTo
		}
	}
	for i, name := range sheets {
		cols, want := w.columns(), r.Findings
		switch {
		case i == 1:
			cols, want = w.trackerColumns(), r.Tracker
		case i > 1:
			want = findingsOf(r, r.Provinces[i-2].Province)
		}
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(want)+1 {
			t.Errorf("%s: %d rows, want %d findings and a header", name, len(rows), len(want))
			continue
		}
		for j, c := range cols {
			if j >= len(rows[0]) || rows[0][j] != i18n.Tr(r.Lang, c.key) {
				t.Errorf("%s: header %v, want %s in column %d", name, rows[0], i18n.Tr(r.Lang, c.key), j+1)
				break
			}
		}
		for n, fd := range want {
			if rows[n+1][0] != fd.ID {
				t.Errorf("%s: row %d is %q, want %s", name, n+2, rows[n+1][0], fd.ID)
				break
			}
		}
		panes, err := f.GetPanes(name)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: the header is not frozen: %+v %v", name, panes, err)
		}
		last := colName(len(cols) - 1)
		ref := "$A$1:$" + last + "$" + strconv.Itoa(len(want)+1)
		if got := filters[name]; got != "'"+name+"'!"+ref {
			t.Errorf("%s: filter database %q, want %s", name, got, ref)
		}
		// excelize names the sheets' parts in the order they were made.
		xml := readZip(t, z, fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
		if !strings.Contains(xml, `<autoFilter ref="`+ref+`">`) {
			t.Errorf("%s: no filter on %s in the sheet", name, ref)
		}
		// Excel wants the columns' widths in column order.
		if m := regexp.MustCompile(`<cols>(.*?)</cols>`).FindStringSubmatch(xml); m == nil {
			t.Errorf("%s: no widths", name)
		} else {
			prev := 0
			for _, min := range regexp.MustCompile(`<col[^>]* min="(\d+)"`).FindAllStringSubmatch(m[1], -1) {
				if n, _ := strconv.Atoi(min[1]); n <= prev {
					t.Errorf("%s: widths out of column order: %s", name, m[1])
					break
				} else {
					prev = n
				}
			}
		}
		for j, c := range cols {
			if got, err := f.GetColWidth(name, colName(j)); err != nil || got != c.width {
				t.Errorf("%s: column %s is %g wide, want %g (%v)", name, colName(j), got, c.width, err)
			}
		}
		if id, _ := f.GetCellStyle(name, last+"1"); id == 0 {
			t.Errorf("%s: the header has no style", name)
		} else if st, _ := f.GetStyle(id); st == nil || st.Font == nil || !st.Font.Bold {
			t.Errorf("%s: the header is not bold: %+v", name, st)
		}
	}

	col := func(cols []column, key string) string {
		for j, c := range cols {
			if c.key == key {
				return colName(j)
			}
		}
		t.Fatalf("no column %s", key)
		return ""
	}
	// A date: a number, styled as a date, reading as the date.
	isDate := func(sheet, cell string, d model.Date) {
		t.Helper()
		shown, _ := f.GetCellValue(sheet, cell)
		raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		typ, _ := f.GetCellType(sheet, cell)
		id, _ := f.GetCellStyle(sheet, cell)
		st, _ := f.GetStyle(id)
		if _, err := strconv.ParseFloat(raw, 64); err != nil || shown != d.String() || typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString ||
			st == nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
			t.Errorf("%s!%s reads %q (stored %q, type %v, style %+v); want %s stored as a date", sheet, cell, shown, raw, typ, st, d)
		}
	}
	fd := r.Findings[0]
	isDate(sheets[0], col(w.columns(), "site.found-on")+"2", fd.Date)
	first := r.Tracker[0]
	tc := w.trackerColumns()
	isDate(sheets[1], col(tc, "deadline")+"2", first.Rect.Deadline)
	var overdue int
	for n, fd := range r.Tracker {
		cell := col(tc, "days-overdue") + strconv.Itoa(n+2)
		raw, _ := f.GetCellValue(sheets[1], cell, excelize.Options{RawCellValue: true})
		typ, _ := f.GetCellType(sheets[1], cell)
		if !fd.Overdue(r.AsOf) {
			if raw != "" {
				t.Errorf("%s, not overdue, has %q days overdue", fd.ID, raw)
			}
			continue
		}
		overdue++
		if raw != strconv.Itoa(r.DaysOverdue(fd)) || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
			t.Errorf("%s: %s days overdue of type %v, want the number %d", fd.ID, raw, typ, r.DaysOverdue(fd))
		}
	}
	if len(r.Tracker) > 100 && overdue == 0 {
		t.Error("no problem overdue to check the number of days on")
	}
}

func readZip(t *testing.T, z *zip.Reader, name string) string {
	t.Helper()
	rc, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDeterministic: the same report gives the same bytes, whatever the
// clock says, and whatever order excelize keeps its streamed sheets in (a
// Go map's: several writes, so that one order repeating by chance cannot
// hide it).
func TestDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	r := sample(t)
	var a bytes.Buffer
	if err := Write(&a, r, Options{}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond)
	for i := range 4 {
		var b bytes.Buffer
		if err := Write(&b, r, Options{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("write %d of the same report differs from the first", i+2)
		}
	}
}

// BenchmarkWrite writes the workbook of synthetic campaigns of 1,000 and
// 10,000 findings.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("findings=%d", n), func(b *testing.B) {
			fsys, err := synth.FS(synth.Options{Findings: n, Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			p, _, err := load.Load(fsys)
			if err != nil {
				b.Fatal(err)
			}
			r := report.New(p.Current(), model.ZH)
			b.ResetTimer()
			for b.Loop() {
				if err := Write(io.Discard, r, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestRowsAsExcelize: the rows written by rows.go are the bytes
// excelize's StreamWriter writes, the whole workbook byte for byte: on the
// sample in both languages, on a synthetic campaign, and with text that
// must be escaped, marked or cut; a value rows.go leaves to excelize
// (errUnusual) makes Write write the workbook through excelize.
func TestRowsAsExcelize(t *testing.T) {
	addr := Options{Address: func(f *model.Finding) string { return "findings/" + f.ID + ".html" }}
	same := func(t *testing.T, r *report.Report, opts Options, unusual bool) {
		t.Helper()
		var fast, slow, public bytes.Buffer
		err := write(&fast, r, opts, true)
		if unusual {
			if !errors.Is(err, errUnusual) {
				t.Fatalf("fast write: %v, want errUnusual", err)
			}
		} else if err != nil {
			t.Fatal(err)
		}
		if err := write(&slow, r, opts, false); err != nil {
			t.Fatal(err)
		}
		if err := Write(&public, r, opts); err != nil {
			t.Fatal(err)
		}
		if !unusual && !bytes.Equal(fast.Bytes(), slow.Bytes()) {
			t.Errorf("rows.go's workbook (%d bytes) differs from excelize's (%d bytes)", fast.Len(), slow.Len())
		}
		if !bytes.Equal(public.Bytes(), slow.Bytes()) {
			t.Errorf("Write's workbook (%d bytes) differs from excelize's (%d bytes)", public.Len(), slow.Len())
		}
	}
	t.Run("sample", func(t *testing.T) { same(t, sample(t), addr, false) })
	t.Run("sample-en", func(t *testing.T) {
		p, _, err := load.Load(fixture.Sample(t))
		if err != nil {
			t.Fatal(err)
		}
		same(t, report.New(p.Current(), model.EN), Options{}, false)
	})
	t.Run("synthetic", func(t *testing.T) {
		fsys, err := synth.FS(synth.Options{Findings: short(500), Provinces: 31, Seed: 5})
		if err != nil {
			t.Fatal(err)
		}
		p, _, err := load.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		same(t, report.New(p.Current(), model.ZH), addr, false)
	})
	texts := []string{
		" leading space", "trailing tab\t", "\nnewline first", "last\r", "a & b < c > d \"e\" 'f'",
		"line\nbreak\r\nand\ttab", "ctrl \x01\x1f\x7f", "\uFFFE\uFFFF non-characters", "\uFFFD replacement",
		"emoji 😀 and 汉字", "&#xA; literal", "x_y_z", strings.Repeat("长", 20000),
	}
	t.Run("escaped", func(t *testing.T) {
		r := sample(t)
		for i, f := range r.Findings {
			f.Title.ZH = texts[i%len(texts)]
			f.Detail.ZH = texts[(i+1)%len(texts)]
		}
		same(t, r, addr, false)
	})
	for _, odd := range []string{"_x0041_ looks like a code", strings.Repeat("长", 40000), "bad \xff UTF-8"} {
		t.Run("unusual", func(t *testing.T) {
			r := sample(t)
			r.Findings[len(r.Findings)-1].Title.ZH = odd
			same(t, r, addr, true)
		})
	}
	t.Run("old-date", func(t *testing.T) {
		r := sample(t)
		r.Findings[0].Date = model.Date{Year: 1900, Month: time.February, Day: 28}
		same(t, r, addr, true)
	})
}

// FuzzEscaped: appendEscaped escapes as excelize does, through
// encoding/xml with newlines put back.
func FuzzEscaped(f *testing.F) {
	for _, s := range []string{"a&b", "<\"'>", "\t\n\r", "\x00\x01", "\xff", "\uFFFD", "\uFFFE", "😀汉", "&#xA;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Skip()
		}
		w := strings.ReplaceAll(want.String(), "&#xA;", "\n")
		if got := string(appendEscaped(nil, s)); got != w {
			t.Fatalf("appendEscaped(%q) = %q, want %q", s, got, w)
		}
	})
}
