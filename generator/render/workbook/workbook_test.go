package workbook

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ducha/ducha/generator/derive/report"
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
// per province; dates are dates and counts are numbers; the header is
// frozen and filtered.
func TestWorkbook(t *testing.T) {
	r := sample(t)
	var b bytes.Buffer
	if err := Write(&b, r, Options{Address: func(f *model.Finding) string { return "findings/" + f.ID + ".html" }}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	sheets := f.GetSheetList()
	if len(sheets) != 2+len(r.Provinces) {
		t.Fatalf("sheets %v, want findings, tracker and %d provinces", sheets, len(r.Provinces))
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(r.Findings)+1 {
		t.Errorf("%d rows on %s, want %d findings and a header", len(rows), sheets[0], len(r.Findings))
	}
	raw, _ := f.GetRows(sheets[1], excelize.Options{RawCellValue: true})
	if len(raw) != len(r.Tracker)+1 {
		t.Errorf("%d rows on the tracker, want %d", len(raw), len(r.Tracker)+1)
	}
	first := r.Tracker[0]
	deadline, _ := f.GetCellValue(sheets[1], "H2")
	serial, _ := f.GetCellValue(sheets[1], "H2", excelize.Options{RawCellValue: true})
	if deadline != first.Rect.Deadline.String() || serial == deadline {
		t.Errorf("the deadline of %s reads %q (stored %q); want the date %s stored as a date", first.ID, deadline, serial, first.Rect.Deadline)
	}
	if typ, _ := f.GetCellType(sheets[1], "J2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("days overdue is of type %v, want a number", typ)
	}
	panes, err := f.GetPanes(sheets[0])
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("the header is not frozen: %+v %v", panes, err)
	}
}

// TestDeterministic: the same report gives the same bytes, whatever the
// clock says.
func TestDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	r := sample(t)
	var a, b bytes.Buffer
	if err := Write(&a, r, Options{}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond)
	if err := Write(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two workbooks of the same report differ")
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
