package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
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

func writeCSV(header []string, rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(bom)
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.Write(header); err != nil {
		return nil, err
	}
	for _, row := range rows {
		for i := range row {
			row[i] = csvCell(row[i])
		}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
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
	header := s.headers("id", "province", "group", "item", "kind", "severity", "title", "site.detail", "site.found-on",
		"evidence", "responsible", "deadline", "status", "days-overdue", "closed-on", "notes", "site.address")
	rows := make([][]string, 0, len(s.findings))
	for _, f := range s.findings {
		province, group, item := s.labels(f.Finding)
		var places []string
		for _, v := range f.Visits {
			places = append(places, v.Place.In(s.lang))
		}
		row := []string{f.ID, province, group, item, i18n.Enum(s.lang, f.Kind), severity(s.lang, f.Severity),
			f.Title.In(s.lang), f.Finding.Detail.In(s.lang), f.Date.String(), i18n.List(s.lang, places)}
		row = append(row, s.rectCells(f)...)
		rows = append(rows, append(row, findingPath(f.Finding)))
	}
	return writeCSV(header, rows)
}

// rectCells are the rectification columns of a finding's row.
func (s *site) rectCells(f *Finding) []string {
	r := f.Rect
	if r == nil {
		return []string{"", "", "", "", "", ""}
	}
	days := ""
	if f.Overdue {
		days = strconv.Itoa(f.DaysOverdue)
	}
	return []string{r.Responsible.In(s.lang), r.Deadline.String(), i18n.Enum(s.lang, r.Status), days, r.Closed.String(), r.Notes.In(s.lang)}
}

func severity(lang model.Lang, v model.Severity) string {
	if v == "" {
		return ""
	}
	return i18n.Enum(lang, v)
}

func (s *site) rectificationCSV() ([]byte, error) {
	header := s.headers("id", "province", "group", "item", "severity", "title",
		"responsible", "deadline", "status", "days-overdue", "closed-on", "notes", "site.address")
	rows := make([][]string, 0, len(s.r.Tracker))
	for _, f := range s.views(s.r.Tracker) {
		province, group, item := s.labels(f.Finding)
		row := []string{f.ID, province, group, item, severity(s.lang, f.Severity), f.Title.In(s.lang)}
		row = append(row, s.rectCells(f)...)
		rows = append(rows, append(row, findingPath(f.Finding)))
	}
	return writeCSV(header, rows)
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

func (s *site) exportJSON(fs []*Finding) ([]byte, error) {
	out := exportFile{Campaign: s.c.ID, Title: s.c.Title.In(s.lang), Lang: s.lang, AsOf: s.r.AsOf.String(), Findings: []*exportFinding{}}
	for _, f := range fs {
		out.Findings = append(out.Findings, s.exportFinding(f))
	}
	b, err := json.MarshalIndent(out, "", "  ")
	return append(b, '\n'), err
}

func (s *site) findingsJSON() ([]byte, error) { return s.exportJSON(s.findings) }

func (s *site) rectificationJSON() ([]byte, error) { return s.exportJSON(s.views(s.r.Tracker)) }
