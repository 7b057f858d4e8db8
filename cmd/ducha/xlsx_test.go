package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// cmdXLSX fills in a workbook as a person would in a spreadsheet program,
// and saves it under another name:
//
//	xlsx in.xlsx out.xlsx edits
//
// Each line of the file edits says what to do, on the sheet named by the
// last "sheet NAME" line (the first visible sheet with findings, 问题和整改,
// by default):
//
//	C12 text        the cell holds the text (\n for a line break)
//	C12 #42401      the cell holds a number: a date as a serial number
//	C12 ""          the cell is emptied
//	merge B5:B7     the cells are merged (the value of B5 shows)
//	sheet NAME      the following lines edit the sheet NAME
//	# ...           a comment
func cmdXLSX(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: xlsx in.xlsx out.xlsx edits")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	sheet := "问题和整改"
	for _, line := range strings.Split(ts.ReadFile(args[2]), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cmd, rest, _ := strings.Cut(line, " ")
		switch {
		case cmd == "sheet":
			sheet = rest
		case cmd == "merge":
			from, to, _ := strings.Cut(rest, ":")
			ts.Check(f.MergeCell(sheet, from, to))
		case rest == `""`:
			ts.Check(f.SetCellValue(sheet, cmd, nil))
		case strings.HasPrefix(rest, "#"):
			n, err := strconv.ParseFloat(rest[1:], 64)
			ts.Check(err)
			ts.Check(f.SetCellValue(sheet, cmd, n))
		default:
			ts.Check(f.SetCellStr(sheet, cmd, strings.ReplaceAll(rest, `\n`, "\n")))
		}
	}
	ts.Check(f.SaveAs(ts.MkAbs(args[1])))
}

// cmdHook installs the example pre-commit hook of docs/examples into the
// script's git repository, with ducha the program under test.
//
//	hook
func cmdHook(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: hook")
	}
	src, err := os.ReadFile(filepath.Join("..", "..", "docs", "examples", "pre-commit"))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(".git/hooks/pre-commit"), src, 0o755))
}
