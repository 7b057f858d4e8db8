package site

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/workbook"
)

// The exports: the findings and the rectification tracker as CSV, for
// spreadsheets, and as JSON, for programs. Text is in the site's language.

// bom starts every CSV file, so that Excel reads it as UTF-8.
const bom = "\uFEFF"

// csvCell makes a text cell safe to open in a spreadsheet: a cell starting
// with = + - @ or a tab would be read as a formula, so it gets a leading
// apostrophe, as spreadsheets themselves write it.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// csvFile is a CSV file being written, row by row.
type csvFile struct {
	b bytes.Buffer
	w *csv.Writer
}

// newCSV starts a CSV file with its header; size is a guess of its length
// in bytes.
func newCSV(header []string, size int) *csvFile {
	f := &csvFile{}
	f.b.Grow(size)
	f.b.WriteString(bom)
	f.w = csv.NewWriter(&f.b)
	f.w.UseCRLF = true
	f.w.Write(header)
	return f
}

// row writes a row, each cell made safe with csvCell.
func (f *csvFile) row(cells []string) {
	for i := range cells {
		cells[i] = csvCell(cells[i])
	}
	f.w.Write(cells)
}

// bytes returns the file.
func (f *csvFile) bytes() ([]byte, error) {
	f.w.Flush()
	return f.b.Bytes(), f.w.Error()
}

func (s *site) headers(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = s.tr(k)
	}
	return out
}

// labels returns the province, group and item of a finding in words.
func (s *site) labels(f *model.Finding) (province, group, item string) {
	if f.Province != nil {
		province = f.Province.Label(s.lang)
	}
	if f.Group != nil {
		group = i18n.GroupName(s.lang, f.Group.No)
	}
	if f.Item != nil {
		item = numbered(s.lang, f.Item.No, f.Item.Label(s.lang))
	}
	return
}

func (s *site) findingsCSV() ([]byte, error) {
	f := newCSV(s.headers("id", "province", "group", "item", "kind", "severity", "title", "site.detail", "site.found-on",
		"evidence", "responsible", "deadline", "status", "days-overdue", "closed-on", "notes", "site.address"), 1024*len(s.findings))
	row := make([]string, 0, 17)
	var places []string
	for _, v := range s.findings {
		province, group, item := s.labels(v.Finding)
		places = places[:0]
		for _, visit := range v.Visits {
			places = append(places, visit.Place.In(s.lang))
		}
		row = append(row[:0], v.ID, province, group, item, i18n.Enum(s.lang, v.Kind), severity(s.lang, v.Severity),
			v.Title.In(s.lang), v.Finding.Detail.In(s.lang), v.Date.String(), i18n.List(s.lang, places))
		row = s.appendRectCells(row, v)
		f.row(append(row, findingPath(v.Finding)))
	}
	return f.bytes()
}

// appendRectCells appends the rectification columns of a finding's row.
func (s *site) appendRectCells(row []string, f *Finding) []string {
	r := f.Rect
	if r == nil {
		return append(row, "", "", "", "", "", "")
	}
	days := ""
	if f.Overdue {
		days = strconv.Itoa(f.DaysOverdue)
	}
	return append(row, r.Responsible.In(s.lang), r.Deadline.String(), i18n.Enum(s.lang, r.Status), days, r.Closed.String(), r.Notes.In(s.lang))
}

// figuresJSON is every figure of the campaign, as narrative cites it.
func (s *site) figuresJSON() ([]byte, error) {
	var b bytes.Buffer
	err := s.figs.WriteJSON(&b)
	return b.Bytes(), err
}

func severity(lang model.Lang, v model.Severity) string {
	if v == "" {
		return ""
	}
	return i18n.Enum(lang, v)
}

func (s *site) rectificationCSV() ([]byte, error) {
	f := newCSV(s.headers("id", "province", "group", "item", "severity", "title",
		"responsible", "deadline", "status", "days-overdue", "closed-on", "notes", "site.address"), 512*len(s.r.Tracker))
	row := make([]string, 0, 13)
	for _, v := range s.views(s.r.Tracker) {
		province, group, item := s.labels(v.Finding)
		row = append(row[:0], v.ID, province, group, item, severity(s.lang, v.Severity), v.Title.In(s.lang))
		row = s.appendRectCells(row, v)
		f.row(append(row, findingPath(v.Finding)))
	}
	return f.bytes()
}

// exportFile is the top level of the JSON exports.
type exportFile struct {
	Campaign string           `json:"campaign"` // the campaign's ID
	Title    string           `json:"title"`
	Lang     model.Lang       `json:"lang"`
	AsOf     string           `json:"as_of"` // YYYY-MM-DD
	Findings []*exportFinding `json:"findings"`
}

type exportFinding struct {
	ID            string      `json:"id"`
	Province      string      `json:"province"` // ID
	ProvinceName  string      `json:"province_name"`
	Group         int         `json:"group,omitempty"` // number
	Item          string      `json:"item"`            // ID
	ItemName      string      `json:"item_name"`
	Kind          string      `json:"kind"`
	Severity      string      `json:"severity,omitempty"`
	Title         string      `json:"title"`
	Detail        string      `json:"detail,omitempty"` // Markdown
	Date          string      `json:"date"`
	Visits        []string    `json:"visits"` // visit IDs in the province
	Rectification *exportRect `json:"rectification,omitempty"`
	Address       string      `json:"address"` // the finding's page, from the site root
}

type exportRect struct {
	Responsible string `json:"responsible"`
	Deadline    string `json:"deadline"`
	Status      string `json:"status"`
	Closed      string `json:"closed,omitempty"`
	Overdue     bool   `json:"overdue"`
	DaysOverdue int    `json:"days_overdue"`
	Notes       string `json:"notes,omitempty"` // Markdown
}

func (s *site) exportFinding(f *Finding) *exportFinding {
	e := &exportFinding{
		ID: f.ID, Item: f.ItemID, Kind: string(f.Kind), Severity: string(f.Severity),
		Title: f.Title.In(s.lang), Detail: f.Finding.Detail.In(s.lang), Date: f.Date.String(),
		Visits: append([]string{}, f.VisitIDs...), Address: findingPath(f.Finding),
	}
	if f.Province != nil {
		e.Province, e.ProvinceName = f.Province.ID, f.Province.Name.In(s.lang)
	}
	if f.Group != nil {
		e.Group = f.Group.No
	}
	if f.Item != nil {
		e.ItemName = f.Item.Name.In(s.lang)
	}
	if r := f.Rect; r != nil {
		e.Rectification = &exportRect{
			Responsible: r.Responsible.In(s.lang), Deadline: r.Deadline.String(), Status: string(r.Status),
			Closed: r.Closed.String(), Overdue: f.Overdue, DaysOverdue: f.DaysOverdue, Notes: r.Notes.In(s.lang),
		}
	}
	return e
}

// exportJSON writes the export of the findings fs: what
// json.MarshalIndent(file, "", "  ") writes for the exportFile file,
// followed by a newline, but a finding at a time and without reflection
// (TestExportJSON compares the two).
func (s *site) exportJSON(fs []*Finding) ([]byte, error) {
	w := jsonWriter{b: make([]byte, 0, 2048*(len(fs)+1))}
	w.b = append(w.b, "{\n"...)
	w.str(1, "campaign", s.c.ID, false)
	w.str(1, "title", s.c.Title.In(s.lang), false)
	w.str(1, "lang", string(s.lang), false)
	w.str(1, "as_of", s.r.AsOf.String(), false)
	w.key(1, "findings")
	if len(fs) == 0 {
		w.b = append(w.b, "[]\n}\n"...)
		return w.b, nil
	}
	w.b = append(w.b, "[\n"...)
	for i, f := range fs {
		if i > 0 {
			w.b = append(w.b, ",\n"...)
		}
		s.exportFinding(f).appendJSON(&w, 2)
	}
	w.b = append(w.b, "\n  ]\n}\n"...)
	return w.b, nil
}

// appendJSON writes e as json.MarshalIndent writes it at the given depth,
// without a newline after it.
func (e *exportFinding) appendJSON(w *jsonWriter, depth int) {
	w.indent(depth)
	w.b = append(w.b, "{\n"...)
	d := depth + 1
	w.str(d, "id", e.ID, false)
	w.str(d, "province", e.Province, false)
	w.str(d, "province_name", e.ProvinceName, false)
	if e.Group != 0 {
		w.key(d, "group")
		w.b = strconv.AppendInt(w.b, int64(e.Group), 10)
		w.b = append(w.b, ",\n"...)
	}
	w.str(d, "item", e.Item, false)
	w.str(d, "item_name", e.ItemName, false)
	w.str(d, "kind", e.Kind, false)
	w.str(d, "severity", e.Severity, true)
	w.str(d, "title", e.Title, false)
	w.str(d, "detail", e.Detail, true)
	w.str(d, "date", e.Date, false)
	w.key(d, "visits")
	if len(e.Visits) == 0 {
		w.b = append(w.b, "[],\n"...)
	} else {
		w.b = append(w.b, "[\n"...)
		for i, v := range e.Visits {
			if i > 0 {
				w.b = append(w.b, ",\n"...)
			}
			w.indent(d + 1)
			w.string(v)
		}
		w.b = append(w.b, '\n')
		w.indent(d)
		w.b = append(w.b, "],\n"...)
	}
	if r := e.Rectification; r != nil {
		w.key(d, "rectification")
		w.b = append(w.b, "{\n"...)
		w.str(d+1, "responsible", r.Responsible, false)
		w.str(d+1, "deadline", r.Deadline, false)
		w.str(d+1, "status", r.Status, false)
		w.str(d+1, "closed", r.Closed, true)
		w.key(d+1, "overdue")
		w.b = strconv.AppendBool(w.b, r.Overdue)
		w.b = append(w.b, ",\n"...)
		w.key(d+1, "days_overdue")
		w.b = strconv.AppendInt(w.b, int64(r.DaysOverdue), 10)
		if r.Notes != "" {
			w.b = append(w.b, ",\n"...)
			w.key(d+1, "notes")
			w.string(r.Notes)
		}
		w.b = append(w.b, '\n')
		w.indent(d)
		w.b = append(w.b, "},\n"...)
	}
	w.key(d, "address")
	w.string(e.Address)
	w.b = append(w.b, '\n')
	w.indent(depth)
	w.b = append(w.b, '}')
}

// jsonWriter appends indented JSON to b.
type jsonWriter struct{ b []byte }

func (w *jsonWriter) indent(depth int) {
	const spaces = "            " // the depth of a finding's rectification's members
	if 2*depth <= len(spaces) {
		w.b = append(w.b, spaces[:2*depth]...)
		return
	}
	for range depth {
		w.b = append(w.b, "  "...)
	}
}

// key writes the key of a member of an object.
func (w *jsonWriter) key(depth int, k string) {
	w.indent(depth)
	w.string(k)
	w.b = append(w.b, ": "...)
}

// str writes a member whose value is a string, followed by a comma: all
// the members it writes have members after them. With omitEmpty, it writes
// nothing for "".
func (w *jsonWriter) str(depth int, k, v string, omitEmpty bool) {
	if omitEmpty && v == "" {
		return
	}
	w.key(depth, k)
	w.string(v)
	w.b = append(w.b, ",\n"...)
}

// string writes s as encoding/json writes a string.
func (w *jsonWriter) string(s string) { w.b = appendJSONString(w.b, s) }

// appendJSONString appends s in quotes as json.Marshal writes it: the
// appendString of encoding/json, with its escaping for HTML, ported
// (TestJSONString compares them).
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

func (s *site) findingsJSON() ([]byte, error) { return s.exportJSON(s.findings) }

// findingsXLSX is the findings, the tracker and a sheet per province as an
// Excel workbook, with real dates and numbers.
func (s *site) findingsXLSX() ([]byte, error) {
	var b bytes.Buffer
	err := workbook.Write(&b, s.r, workbook.Options{Created: s.opts.Created, Address: findingPath})
	return b.Bytes(), err
}

func (s *site) rectificationJSON() ([]byte, error) { return s.exportJSON(s.views(s.r.Tracker)) }
