package sheet

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Problem is a problem with a cell of a workbook, or with the whole
// workbook when Sheet is empty.
type Problem struct {
	Sheet    string
	Row, Col int // from 1; Col 0: the whole row
	Msg      string
}

// Format formats p as file:Sheet!C12: message, for the workbook file.
func (p Problem) Format(file string) string {
	switch {
	case p.Sheet == "":
		return file + ": " + p.Msg
	case p.Col == 0:
		return fmt.Sprintf("%s:%s!%d: %s", file, p.Sheet, p.Row, p.Msg)
	}
	return fmt.Sprintf("%s:%s!%s: %s", file, p.Sheet, cellName(p.Col-1, p.Row), p.Msg)
}

// SortProblems orders problems by sheet, row and column.
func SortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Sheet, b.Sheet), cmp.Compare(a.Row, b.Row), cmp.Compare(a.Col, b.Col))
	})
}

// Book is the findings sheet of a workbook, as read.
type Book struct {
	// Sheet is the name of the sheet of findings.
	Sheet string
	// Campaign is the ID of the campaign a template was written for; ""
	// for a workbook that is not one.
	Campaign string
	// Date1904 is true for a workbook that counts dates from 1904.
	Date1904 bool
	Rows     []Row
}

// Row is a row of the sheet that is not empty.
type Row struct {
	N     int             // its number in the sheet, from 2
	Cells map[string]Cell // by column key: only the columns the sheet has
}

// Cell is a cell of a row.
type Cell struct {
	Col int    // from 1
	Raw string // as stored: text, or a number (a date's serial number)
}

// Blank reports whether the cell holds nothing but white space.
func (c Cell) Blank() bool { return trim(c.Raw) == "" }

// MaxRows is the most rows Read reads: more is not a sheet of findings.
const MaxRows = 100000

// Read reads the findings sheet of the .xlsx workbook data.
func Read(data []byte) (*Book, []Problem) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, []Problem{{Msg: "this is not an Excel workbook (.xlsx) that ducha can read (" + err.Error() + "); save it as Excel Workbook (.xlsx)"}}
	}
	defer f.Close()
	b := &Book{}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		b.Date1904 = *props.Date1904
	}
	b.Campaign = campaignOf(f)
	name, header, grid, probs := findSheet(f)
	if name == "" {
		return nil, probs
	}
	b.Sheet = name
	fillMerged(f, name, grid)
	for r := 1; r < len(grid); r++ {
		row := Row{N: r + 1, Cells: map[string]Cell{}}
		empty := true
		for key, col := range header {
			c := Cell{Col: col + 1}
			if col < len(grid[r]) {
				c.Raw = grid[r][col]
			}
			row.Cells[key] = c
			empty = empty && c.Blank()
		}
		if !empty {
			b.Rows = append(b.Rows, row)
		}
	}
	return b, nil
}

// campaignOf returns the campaign a template names in its hidden sheet.
func campaignOf(f *excelize.File) string {
	for _, lang := range sheetNames["meta"] {
		rows, err := f.GetRows(lang)
		if err != nil {
			continue
		}
		for _, r := range rows {
			if len(r) >= 2 && r[0] == "campaign" {
				return trim(r[1])
			}
		}
	}
	return ""
}

// findSheet finds the sheet of findings: the one a template names so, or
// else the first whose first row names the columns, and returns its name,
// its columns by key (0-based) and its cells.
func findSheet(f *excelize.File) (string, map[string]int, [][]string, []Problem) {
	list := f.GetSheetList()
	slices.SortStableFunc(list, func(a, b string) int {
		return cmp.Compare(rank(a), rank(b))
	})
	var probs []Problem
	for _, name := range list {
		if visible, err := f.GetSheetVisible(name); err == nil && !visible {
			continue
		}
		grid, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return "", nil, nil, []Problem{{Msg: "cannot read the sheet " + name + ": " + err.Error()}}
		}
		if len(grid) > MaxRows {
			return "", nil, nil, []Problem{{Sheet: name, Row: MaxRows + 1, Msg: fmt.Sprintf("the sheet has more than %d rows; a sheet of findings has fewer", MaxRows)}}
		}
		header, missing := headers(grid)
		if header == nil {
			continue
		}
		if len(missing) > 0 {
			for _, key := range missing {
				probs = append(probs, Problem{Sheet: name, Row: 1, Col: 0,
					Msg: fmt.Sprintf("no column %s; the first row names the columns: %s", headerNames(key), strings.Join(allHeaders(), ", "))})
			}
			return "", nil, nil, probs
		}
		return name, header, grid, nil
	}
	return "", nil, nil, []Problem{{Msg: fmt.Sprintf("no sheet of findings: none has a first row that names the columns (%s); fill in a template from ducha template", strings.Join(allHeaders(), ", "))}}
}

// rank puts the sheet that a template names first.
func rank(name string) int {
	if f := sheetNames["findings"]; slices.Contains(f[:], name) {
		return 0
	}
	return 1
}

// required are the columns a sheet of findings must have.
var required = []string{colID, colProvince, colItem, colKind, colTitle}

// headers maps the columns of the first row to their keys; nil when it
// names neither an ID nor a title column: not a sheet of findings. missing
// lists the required columns it lacks.
func headers(grid [][]string) (map[string]int, []string) {
	if len(grid) == 0 {
		return nil, nil
	}
	out := map[string]int{}
	for i, h := range grid[0] {
		for _, c := range columns {
			if f := fold(h); f != "" && (f == fold(c.zh) || f == fold(c.en) || f == c.key) {
				if _, dup := out[c.key]; !dup {
					out[c.key] = i
				}
			}
		}
	}
	_, id := out[colID]
	_, title := out[colTitle]
	if !id && !title {
		return nil, nil
	}
	var missing []string
	for _, key := range required {
		if _, ok := out[key]; !ok {
			missing = append(missing, key)
		}
	}
	return out, missing
}

func headerNames(key string) string {
	c := columns[columnIndex(key)]
	return fmt.Sprintf("%q (%s)", c.zh, c.en)
}

func allHeaders() []string {
	var out []string
	for _, c := range columns {
		out = append(out, c.zh)
	}
	return out
}

// fillMerged gives every cell of a merged range the value of its first
// cell: a province written once for the rows below it.
func fillMerged(f *excelize.File, sheet string, grid [][]string) {
	merged, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return
	}
	for _, m := range merged {
		c0, r0, err0 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err0 != nil || err1 != nil || r0 > len(grid) || r1 > MaxRows || c1 > len(columns)*4 {
			continue
		}
		v := ""
		if c0-1 < len(grid[r0-1]) {
			v = grid[r0-1][c0-1]
		}
		for r := r0; r <= r1 && r <= len(grid); r++ {
			for c := c0; c <= c1; c++ {
				for len(grid[r-1]) < c {
					grid[r-1] = append(grid[r-1], "")
				}
				grid[r-1][c-1] = v
			}
		}
	}
}
