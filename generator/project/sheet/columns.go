// Package sheet is the spreadsheets that provinces and groups fill in: a
// template (.xlsx) of a campaign's findings and their rectification, for a
// group or a province, and the reading of a filled-in one back into the
// project's YAML.
//
// # The template
//
// Template writes a workbook of three sheets: instructions, the findings
// (one row each, the ones the project has filled in, and empty rows below
// for new ones), and the lists the drop-downs offer, hidden. The ID
// column is locked (the sheet is protected, without a password: it
// guards against slips, not people); province, key item, kind, severity
// and status are drop-down lists of the names the site shows; dates are
// real dates. A hidden sheet names the campaign.
//
// # Reading it back
//
// Read takes what real sheets hold: dates as serial numbers or as text
// (2016-01-31, 2016/1/31, 2016年1月31日), merged cells (a province written
// once for several rows), full-width digits, and spaces before and after a
// value; a name or an ID for a province, an item or a status. Every
// problem is reported at its cell, FILE.xlsx:Sheet!C12: message. Plan
// turns the rows into edits of the province files: a row with an ID
// updates that finding where its values differ, a row without one adds a
// finding with the next free ID; everything else in the files stays as
// it was (package scaffold).
package sheet

import (
	"strconv"
	"strings"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// column is a column of the findings sheet.
type column struct {
	key    string // the model's key, and a header the reader knows
	zh, en string // headers
	width  float64
	date   bool // a date
	text   bool // free text, wrapped
}

// Column keys.
const (
	colID          = "id"
	colProvince    = "province"
	colItem        = "item"
	colKind        = "kind"
	colSeverity    = "severity"
	colTitle       = "title"
	colDetail      = "detail"
	colDate        = "date"
	colResponsible = "responsible"
	colDeadline    = "deadline"
	colStatus      = "status"
	colClosed      = "closed"
	colNotes       = "notes"
)

// columns are the columns of the findings sheet, in order.
var columns = []column{
	{key: colID, zh: "编号", en: "ID", width: 10},
	{key: colProvince, zh: "省份", en: "Province", width: 12},
	{key: colItem, zh: "督查重点", en: "Key item", width: 22},
	{key: colKind, zh: "类别", en: "Kind", width: 10},
	{key: colSeverity, zh: "严重程度", en: "Severity", width: 10},
	{key: colTitle, zh: "标题", en: "Title", width: 36, text: true},
	{key: colDetail, zh: "具体情况", en: "Detail", width: 48, text: true},
	{key: colDate, zh: "发现日期", en: "Found on", width: 12, date: true},
	{key: colResponsible, zh: "整改责任单位", en: "Responsible", width: 22, text: true},
	{key: colDeadline, zh: "整改时限", en: "Deadline", width: 12, date: true},
	{key: colStatus, zh: "整改状态", en: "Status", width: 10},
	{key: colClosed, zh: "销号日期", en: "Closed on", width: 12, date: true},
	{key: colNotes, zh: "整改进展", en: "Progress", width: 40, text: true},
}

// header returns the column's header in lang.
func (c column) header(lang model.Lang) string {
	if lang == model.EN {
		return c.en
	}
	return c.zh
}

// Sheet names, by language.
var sheetNames = map[string][2]string{
	"guide":    {"填写说明", "Instructions"},
	"findings": {"问题和整改", "Findings"},
	"lists":    {"选项", "Lists"},
	"meta":     {"ducha", "ducha"},
}

func sheetName(key string, lang model.Lang) string {
	if lang == model.EN {
		return sheetNames[key][1]
	}
	return sheetNames[key][0]
}

// choices are the values a drop-down column offers, and what the reader
// takes for each: the value as the template writes it, and other ways to
// write the same.
type choices struct {
	shown []string          // as the drop-down lists them
	value []string          // the model's value of each
	alias map[string]string // any accepted spelling, folded, to the value
	name  string            // what they are, for messages
}

func newChoices(name string) *choices {
	return &choices{name: name, alias: map[string]string{}}
}

// add adds a choice shown as shown, with value, also written as any of
// also.
func (c *choices) add(shown, value string, also ...string) {
	c.shown = append(c.shown, shown)
	c.value = append(c.value, value)
	for _, a := range append([]string{shown, value}, also...) {
		if a = fold(a); a != "" {
			if _, dup := c.alias[a]; !dup {
				c.alias[a] = value
			}
		}
	}
}

// lookup returns the value of s, written any way add allows.
func (c *choices) lookup(s string) (string, bool) {
	v, ok := c.alias[fold(s)]
	return v, ok
}

// shownOf returns how the drop-down shows value.
func (c *choices) shownOf(value string) string {
	for i, v := range c.value {
		if v == value {
			return c.shown[i]
		}
	}
	return value
}

// fold makes two spellings of a name compare equal: case, full-width
// forms and spaces do not count.
func fold(s string) string {
	s = strings.ToLower(normalize(s))
	return strings.NewReplacer(" ", "", "、", "", ".", "", "．", "").Replace(s)
}

// enumChoices lists the values of an enumeration, shown in lang.
func enumChoices[T ~string](lang model.Lang, name string, values []string) *choices {
	c := newChoices(name)
	for _, v := range values {
		c.add(i18n.Enum(lang, T(v)), v, i18n.Enum(model.ZH, T(v)), i18n.Enum(model.EN, T(v)))
	}
	return c
}

// lists are the choices of a campaign's template, by column.
type lists struct {
	province, item, kind, severity, status *choices
}

// newLists returns the choices of the campaign c for the provinces given
// (the template's); all provinces visited on site when nil.
func newLists(c *model.Campaign, provinces []*model.Province, lang model.Lang) *lists {
	l := &lists{
		province: newChoices("province"),
		item:     newChoices("key item"),
		kind:     enumChoices[model.FindingKind](lang, "kind", model.FindingKind("").Choices()),
		severity: enumChoices[model.Severity](lang, "severity", model.Severity("").Choices()),
		status:   enumChoices[model.Status](lang, "status", model.Status("").Choices()),
	}
	for _, p := range provinces {
		l.province.add(p.Label(lang), p.ID, p.Name.ZH, p.Name.EN, p.Short.ZH, p.Short.EN)
	}
	for _, it := range c.Items {
		no := strconv.Itoa(it.No)
		l.item.add(numbered(lang, it.No, it.Label(lang)), it.ID, no, i18n.ChineseNumber(it.No),
			it.Name.ZH, it.Name.EN, it.Short.ZH, it.Short.EN,
			numbered(model.ZH, it.No, it.Label(model.ZH)), numbered(model.EN, it.No, it.Label(model.EN)))
	}
	return l
}

// numbered puts a key item's number before its name, as the site does:
// 一、就业创业, or 1. Employment.
func numbered(lang model.Lang, no int, name string) string {
	if lang == model.EN {
		return i18n.ItemNo(lang, no) + ". " + name
	}
	return i18n.ItemNo(lang, no) + "、" + name
}
