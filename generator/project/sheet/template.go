package sheet

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// Format names the layout of the findings sheet, in the hidden sheet of a
// template: Read knows it.
const Format = "ducha-findings-1"

// BlankRows is how many empty rows, with their drop-downs, a template has
// below the findings, for new ones.
const BlankRows = 200

// Template is what a template is for.
type Template struct {
	Project  *model.Project
	Campaign *model.Campaign
	// Provinces are the provinces it covers, visited on site, in order.
	Provinces []*model.Inspection
	// For names who fills it in: 第一督查组, 浙江省.
	For string
	// Created is the date written into the workbook's properties.
	Created time.Time
}

// Write writes the template t as an .xlsx workbook to w. The same
// template gives the same bytes.
func Write(w io.Writer, t Template) error {
	f := excelize.NewFile()
	defer f.Close()
	lang := t.Project.Config.Lang()
	var provinces []*model.Province
	for _, in := range t.Provinces {
		if in.Province != nil {
			provinces = append(provinces, in.Province)
		}
	}
	b := &builder{f: f, t: t, lang: lang, lists: newLists(t.Campaign, provinces, lang)}
	steps := []func() error{b.guide, b.findings, b.listSheet, b.meta, b.props}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("sheet: %w", err)
		}
	}
	return f.Write(w)
}

// builder writes one template.
type builder struct {
	f     *excelize.File
	t     Template
	lang  model.Lang
	lists *lists
}

func (b *builder) tr(zh, en string) string {
	if b.lang == model.EN {
		return en
	}
	return zh
}

// guide is the sheet of instructions, first.
func (b *builder) guide() error {
	name := sheetName("guide", b.lang)
	if err := b.f.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	c := b.t.Campaign
	findings := sheetName("findings", b.lang)
	lines := []string{
		c.Title.In(b.lang),
		b.tr("问题和整改情况填报表："+b.t.For, "Findings and rectification: "+b.t.For),
		b.tr("截至 ", "As of ") + i18n.Date(b.lang, c.AsOf),
		"",
		b.tr("填写说明", "How to fill it in"),
		b.tr("1. 在“"+findings+"”表中，每行一条发现（问题或好做法）。已有的发现已经填好：直接修改整改状态、销号日期、整改进展等。",
			"1. On the sheet \""+findings+"\", one row per finding (a problem or a good practice). The findings the office has are filled in: change their status, closed date, progress and so on."),
		b.tr("2. 新发现写在下面的空行里，编号留空：导入时自动编号。", "2. Write new findings in the empty rows below, with no ID: the import numbers them."),
		b.tr("3. 省份、督查重点、类别、严重程度和整改状态从下拉列表中选择。", "3. Choose province, key item, kind, severity and status from the drop-down lists."),
		b.tr("4. 日期写成 2016-01-31 这样的格式。", "4. Write dates as 2016-01-31."),
		b.tr("5. 问题要填写严重程度、整改责任单位、整改时限和整改状态；好做法不填这些。", "5. A problem needs a severity, the body responsible, a deadline and a status; a good practice has none of them."),
		b.tr("6. 整改状态为“"+i18n.Enum(b.lang, model.Closed)+"”时，填写销号日期；其他状态不填。", "6. Give the closed date when the status is \""+i18n.Enum(b.lang, model.Closed)+"\", and only then."),
		b.tr("7. 编号列已锁定，请勿修改；删除一行不会删除已有的发现。", "7. The ID column is locked: do not change it. Deleting a row does not delete a finding."),
		b.tr("8. 填好后交回办公室，由办公室用 ducha import 导入并检查。", "8. Send it back to the office, which imports it with ducha import and checks it."),
	}
	for i, l := range lines {
		if err := b.f.SetCellStr(name, fmt.Sprintf("A%d", i+1), l); err != nil {
			return err
		}
	}
	title, err := b.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	wrap, err := b.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	if err := b.f.SetCellStyle(name, "A1", "A1", title); err != nil {
		return err
	}
	if err := b.f.SetCellStyle(name, "A2", fmt.Sprintf("A%d", len(lines)), wrap); err != nil {
		return err
	}
	return b.f.SetColWidth(name, "A", "A", 110)
}

// findings is the sheet of findings, one row each, and blank rows.
func (b *builder) findings() error {
	name := sheetName("findings", b.lang)
	idx, err := b.f.NewSheet(name)
	if err != nil {
		return err
	}
	b.f.SetActiveSheet(idx)
	st, err := b.styles()
	if err != nil {
		return err
	}
	for i, col := range columns {
		cell := cellName(i, 1)
		if err := b.f.SetCellStr(name, cell, col.header(b.lang)); err != nil {
			return err
		}
		letter := colName(i)
		if err := b.f.SetColWidth(name, letter, letter, col.width); err != nil {
			return err
		}
	}
	last := len(columns) - 1
	if err := b.f.SetCellStyle(name, "A1", cellName(last, 1), st.header); err != nil {
		return err
	}
	row := 2
	for _, in := range b.t.Provinces {
		for _, fd := range in.Findings {
			if err := b.findingRow(name, row, fd); err != nil {
				return err
			}
			row++
		}
	}
	end := row + BlankRows - 1
	if err := b.styleRows(name, st, end); err != nil {
		return err
	}
	if err := b.validations(name, end); err != nil {
		return err
	}
	if err := b.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "B2", ActiveCell: "B2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	if err := b.f.AutoFilter(name, "A1:"+cellName(last, end), nil); err != nil {
		return err
	}
	return b.f.ProtectSheet(name, &excelize.SheetProtectionOptions{
		AutoFilter: true, FormatCells: true, FormatColumns: true, FormatRows: true, InsertRows: true,
		SelectLockedCells: true, SelectUnlockedCells: true, Sort: true,
	})
}

// styles are the cell styles of the findings sheet.
type styles struct {
	header, id, plain, text, date int
}

func (b *builder) styles() (styles, error) {
	var st styles
	border := []excelize.Border{{Type: "bottom", Color: "D9D9D9", Style: 1}}
	for _, s := range []struct {
		to    *int
		style excelize.Style
	}{
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&st.id, excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Border: border,
			Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&st.plain, excelize.Style{Protection: &excelize.Protection{Locked: false}, Border: border, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&st.text, excelize.Style{Protection: &excelize.Protection{Locked: false}, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.date, excelize.Style{Protection: &excelize.Protection{Locked: false}, Border: border, Alignment: &excelize.Alignment{Vertical: "top"},
			CustomNumFmt: ptr("yyyy-mm-dd")}},
	} {
		id, err := b.f.NewStyle(&s.style)
		if err != nil {
			return st, err
		}
		*s.to = id
	}
	return st, nil
}

func ptr[T any](v T) *T { return &v }

// styleRows styles the rows from 2 to end: the ID locked, the rest open.
func (b *builder) styleRows(name string, st styles, end int) error {
	for i, col := range columns {
		style := st.plain
		switch {
		case col.key == colID:
			style = st.id
		case col.date:
			style = st.date
		case col.text:
			style = st.text
		}
		if err := b.f.SetCellStyle(name, cellName(i, 2), cellName(i, end), style); err != nil {
			return err
		}
	}
	return nil
}

// findingRow writes a finding in row.
func (b *builder) findingRow(name string, row int, fd *model.Finding) error {
	l := b.lists
	vals := map[string]any{
		colID:     fd.ID,
		colKind:   l.kind.shownOf(string(fd.Kind)),
		colTitle:  fd.Title.In(b.lang),
		colDetail: strings.TrimRight(fd.Detail.In(b.lang), "\n"),
	}
	if fd.Province != nil {
		vals[colProvince] = l.province.shownOf(fd.Province.ID)
	}
	if fd.Item != nil {
		vals[colItem] = l.item.shownOf(fd.ItemID)
	}
	if fd.Severity != "" {
		vals[colSeverity] = l.severity.shownOf(string(fd.Severity))
	}
	if !fd.Date.IsZero() {
		vals[colDate] = fd.Date.Time()
	}
	if r := fd.Rect; r != nil {
		vals[colResponsible] = r.Responsible.In(b.lang)
		vals[colStatus] = l.status.shownOf(string(r.Status))
		vals[colNotes] = strings.TrimRight(r.Notes.In(b.lang), "\n")
		if !r.Deadline.IsZero() {
			vals[colDeadline] = r.Deadline.Time()
		}
		if !r.Closed.IsZero() {
			vals[colClosed] = r.Closed.Time()
		}
	}
	for i, col := range columns {
		v, ok := vals[col.key]
		if !ok || v == "" {
			continue
		}
		if err := b.f.SetCellValue(name, cellName(i, row), v); err != nil {
			return err
		}
	}
	return nil
}

// validations adds the drop-down lists of the columns that have them, for
// rows 2 to end.
func (b *builder) validations(name string, end int) error {
	l := b.lists
	for _, v := range []struct {
		col  string
		list *choices
		def  string
	}{
		{colProvince, l.province, "provinces"},
		{colItem, l.item, "items"},
		{colKind, l.kind, "kinds"},
		{colSeverity, l.severity, "severities"},
		{colStatus, l.status, "statuses"},
	} {
		i := columnIndex(v.col)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(cellName(i, 2) + ":" + cellName(i, end))
		dv.SetSqrefDropList(v.def)
		dv.SetError(excelize.DataValidationErrorStyleStop, b.tr("请从列表中选择", "Choose from the list"),
			b.tr("请从下拉列表中选择一项。", "Choose one of the values of the drop-down list."))
		if err := b.f.AddDataValidation(name, dv); err != nil {
			return err
		}
	}
	return nil
}

// listSheet is the hidden sheet of the drop-downs' values, each list a
// column, named by a defined name.
func (b *builder) listSheet() error {
	name := sheetName("lists", b.lang)
	if _, err := b.f.NewSheet(name); err != nil {
		return err
	}
	l := b.lists
	for i, v := range []struct {
		def  string
		list *choices
	}{{"provinces", l.province}, {"items", l.item}, {"kinds", l.kind}, {"severities", l.severity}, {"statuses", l.status}} {
		for j, s := range v.list.shown {
			if err := b.f.SetCellStr(name, cellName(i, j+1), s); err != nil {
				return err
			}
		}
		n := max(len(v.list.shown), 1)
		ref := fmt.Sprintf("'%s'!$%s$1:$%s$%d", name, colName(i), colName(i), n)
		if err := b.f.SetDefinedName(&excelize.DefinedName{Name: v.def, RefersTo: ref}); err != nil {
			return err
		}
	}
	return b.f.SetSheetVisible(name, false)
}

// meta is the very hidden sheet that names the campaign and the format.
func (b *builder) meta() error {
	name := sheetName("meta", b.lang)
	if _, err := b.f.NewSheet(name); err != nil {
		return err
	}
	for i, kv := range [][2]string{{"format", Format}, {"campaign", b.t.Campaign.ID}} {
		if err := b.f.SetSheetRow(name, fmt.Sprintf("A%d", i+1), &[]any{kv[0], kv[1]}); err != nil {
			return err
		}
	}
	return b.f.SetSheetVisible(name, false, true)
}

// props sets the document's properties, with fixed dates: a workbook
// written twice is the same.
func (b *builder) props() error {
	at := b.t.Created.UTC().Format(time.RFC3339)
	return b.f.SetDocProps(&excelize.DocProperties{
		Creator: "ducha", LastModifiedBy: "ducha", Created: at, Modified: at,
		Title: b.t.Campaign.Title.In(b.lang) + " — " + b.t.For, Language: map[model.Lang]string{model.ZH: "zh-CN", model.EN: "en"}[b.lang],
	})
}

// cellName names the cell of the 0-based column i in row.
func cellName(i, row int) string { return fmt.Sprintf("%s%d", colName(i), row) }

// colName names the 0-based column i: A, B, ..., Z, AA.
func colName(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}

// columnIndex returns the index of the column key.
func columnIndex(key string) int {
	for i, c := range columns {
		if c.key == key {
			return i
		}
	}
	panic("sheet: no column " + key)
}
