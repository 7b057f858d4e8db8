// Package workbook writes a campaign's findings as an Excel workbook
// (.xlsx), the site's export/findings.xlsx: a sheet of every finding, the
// rectification tracker (overdue first), and a sheet per province visited
// on site. Dates are dates and counts are numbers, so that a spreadsheet
// sorts and filters them as such; each sheet has its header frozen and a
// filter on it.
//
// The workbook is written the same way every time: its properties carry
// the date given, never the clock (excelize writes no other time), and
// its parts are in name order (excelize writes streamed sheets in no
// fixed order, so Write sorts them).
package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// Options configure Write.
type Options struct {
	// Created is the date written into the workbook's properties; zero
	// means the report's as-of date.
	Created time.Time
	// Address returns a finding's page from the site root; nil for none.
	Address func(*model.Finding) string
}

// column is a column of a sheet: its header (an i18n key), width, and
// the cell of a finding.
type column struct {
	key   string
	width float64
	kind  int // text, date, number, wrapped text
	value func(w *writer, f *model.Finding) any
}

const (
	textCell = iota
	dateCell
	numberCell
	wrapCell
)

// Write writes the workbook of the report r to out.
//
// The rows are written by rows.go, straight into each sheet's compressed
// part, in the bytes excelize's StreamWriter writes; excelize writes the
// rest of the workbook, the sheets with their header rows included. A
// report with a value rows.go does not write as excelize would (see
// there) is written by excelize alone, as it was before.
func Write(out io.Writer, r *report.Report, opts Options) error {
	err := write(out, r, opts, true)
	if errors.Is(err, errUnusual) {
		err = write(out, r, opts, false)
	}
	return err
}

// write writes the workbook, its rows by rows.go when fast is set, else
// through excelize's StreamWriter.
func write(out io.Writer, r *report.Report, opts Options, fast bool) error {
	f := excelize.NewFile()
	defer f.Close()
	w := &writer{f: f, r: r, lang: r.Lang, opts: opts, fast: fast}
	if err := w.styles(); err != nil {
		return err
	}
	sheets := []struct {
		name     string
		findings []*model.Finding
	}{
		{i18n.Tr(w.lang, "findings"), r.Findings},
		{i18n.Tr(w.lang, "rectification"), r.Tracker},
	}
	used := map[string]bool{}
	for _, s := range sheets {
		used[s.name] = true
	}
	for _, ps := range r.Provinces {
		if ps.Province == nil {
			continue
		}
		name := sheetName(ps.Province.Label(w.lang), used)
		sheets = append(sheets, struct {
			name     string
			findings []*model.Finding
		}{name, findingsOf(r, ps.Province)})
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
	}
	// Before the rows: once streamed, a sheet would be read back whole
	// to mark it selected or not, and written out again.
	f.SetActiveSheet(0)
	ids := map[string]int{}
	for id, name := range f.GetSheetMap() {
		ids[name] = id
	}
	rows := map[string]sheetRows{} // by part name, with fast
	for i, s := range sheets {
		cols := w.columns()
		if i == 1 {
			cols = w.trackerColumns()
		}
		if err := w.sheet(s.name, cols, s.findings); err != nil {
			return fmt.Errorf("workbook: %s: %w", s.name, err)
		}
		if fast {
			rows["xl/worksheets/sheet"+strconv.Itoa(ids[s.name])+".xml"] = sheetRows{w: w, cols: cols, findings: s.findings}
		}
	}
	created := opts.Created
	if created.IsZero() {
		created = r.AsOf.Time()
	}
	at := created.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "ducha", LastModifiedBy: "ducha", Created: at, Modified: at,
		Title: r.Campaign.Title.In(w.lang)}); err != nil {
		return err
	}
	// excelize writes the streamed sheets first, in the order of a Go
	// map, which changes from run to run: the parts are put back in
	// name order, their compressed bytes copied as they are.
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return err
	}
	return inNameOrder(out, b.Bytes(), rows)
}

// inNameOrder writes the zip archive data to out with its files in name
// order; the rows of a part in rows are written into it (rows.go).
func inNameOrder(out io.Writer, data []byte, rows map[string]sheetRows) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	// Every part with rows is made before anything is written, so that a
	// cell left to excelize (errUnusual) leaves out as it was.
	// They are compressed on every core.
	parts := make([]compressed, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	found := 0
	for i, zf := range files {
		if sr, ok := rows[zf.Name]; ok {
			found++
			wg.Go(func() {
				sem <- struct{}{}
				defer func() { <-sem }()
				parts[i], errs[i] = sr.part(zf)
			})
		}
	}
	wg.Wait()
	if found != len(rows) {
		// A sheet is not in the part Write expects it in (a later
		// excelize naming parts otherwise): excelize writes the rows.
		return errUnusual
	}
	if err := errors.Join(errs...); err != nil {
		if errors.Is(err, errUnusual) {
			return errUnusual
		}
		return err
	}
	zw := zip.NewWriter(out)
	for i, zf := range files {
		r, err := zf.OpenRaw()
		if err != nil {
			return err
		}
		h := zf.FileHeader
		var raw io.Reader = r
		if part := parts[i]; part.data != nil {
			h.CRC32, h.CompressedSize64, h.UncompressedSize64 = part.crc, uint64(len(part.data)), part.size
			raw = bytes.NewReader(part.data)
		}
		w, err := zw.CreateRaw(&h)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// findingsOf returns the findings of the province p, in report order.
func findingsOf(r *report.Report, p *model.Province) []*model.Finding {
	var out []*model.Finding
	for _, f := range r.Findings {
		if f.Province == p {
			out = append(out, f)
		}
	}
	return out
}

// sheetName returns a sheet's name for label: at most 31 characters,
// none that a sheet's name cannot have, and unlike the names used.
func sheetName(label string, used map[string]bool) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, label)
	if r := []rune(name); len(r) > 28 {
		name = string(r[:28])
	}
	base := name
	for n := 2; used[name] || name == ""; n++ {
		name = fmt.Sprintf("%s %d", base, n)
	}
	used[name] = true
	return name
}

// writer writes one workbook.
type writer struct {
	f    *excelize.File
	r    *report.Report
	lang model.Lang
	opts Options
	fast bool // rows written by rows.go

	header, text, wrap, date, number int // style IDs
}

func (w *writer) styles() error {
	top := &excelize.Alignment{Vertical: "top"}
	for _, s := range []struct {
		to    *int
		style excelize.Style
	}{
		{&w.header, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&w.text, excelize.Style{Alignment: top}},
		{&w.wrap, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&w.date, excelize.Style{Alignment: top, CustomNumFmt: ptr("yyyy-mm-dd")}},
		{&w.number, excelize.Style{Alignment: top, NumFmt: 1}},
	} {
		id, err := w.f.NewStyle(&s.style)
		if err != nil {
			return err
		}
		*s.to = id
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// sheet writes the findings fs into the sheet name, a row each, under a
// frozen, filtered header. The rows are streamed: a stream writes the
// sheet's settings in the order of its XML, so the filter (which also
// marks the sheet's properties, written first) is set before the stream
// begins, the widths and panes before the first row, and every cell
// carries its own style, an empty one too, as SetCellStyle gave it.
func (w *writer) sheet(name string, cols []column, fs []*model.Finding) error {
	last := colName(len(cols) - 1)
	if err := w.f.AutoFilter(name, "A1:"+last+strconv.Itoa(len(fs)+1), nil); err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	// Each width goes before the ones set before it: set from the last
	// column, the sheet's columns are in order, as the format wants.
	for i := len(cols) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, cols[i].width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	cells := make([]excelize.Cell, len(cols))
	row := make([]any, len(cols))
	for i, c := range cols {
		cells[i] = excelize.Cell{StyleID: w.header, Value: i18n.Tr(w.lang, c.key)}
		row[i] = &cells[i]
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	if w.fast {
		return sw.Flush() // rows.go writes the rows into the part
	}
	for n, f := range fs {
		for i, c := range cols {
			cells[i] = excelize.Cell{StyleID: w.style(c), Value: cellValue(c, c.value(w, f))}
		}
		if err := sw.SetRow("A"+strconv.Itoa(n+2), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cellValue is what a cell of column c holds for the value v: nothing
// for an empty value, a time for a date.
func cellValue(c column, v any) any {
	switch v := v.(type) {
	case model.Date:
		if v.IsZero() {
			return nil
		}
		return v.Time()
	case int:
		if v == 0 && c.kind == numberCell {
			return nil
		}
	case string:
		if v == "" {
			return nil
		}
	}
	return v
}

// colName names the 0-based column i: A, B, ..., AA.
func colName(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}

// style is the style of the cells of column c.
func (w *writer) style(c column) int {
	switch c.kind {
	case dateCell:
		return w.date
	case numberCell:
		return w.number
	case wrapCell:
		return w.wrap
	}
	return w.text
}
