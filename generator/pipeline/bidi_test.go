package pipeline

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/internal/fixture"
)

// TestBidiControls: bidirectional controls in a finding's title (YAML)
// and in a page (Markdown) are warned about and left out of both outputs,
// so that the site shows the text the briefing prints. The site used to
// show "账户专用资工" reversed, while the briefing dropped the control.
func TestBidiControls(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	fsys := fixture.Minimal(t)
	zj := fsys["data/2015/provinces/zj.yaml"].Data
	fsys["data/2015/provinces/zj.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(zj),
		"title: 部分在建项目未设立农民工工资专用账户", "title: 部分在建项目未设立农民工\u202e工资专用账户\u202c", 1))}
	fsys["content/2015/summary.md"] = &fstest.MapFile{Data: []byte("督查组\u2067走访了 1 2 3\u2069 个地方。\n")}
	ch, err := Check(fsys, CheckOptions{Briefing: true})
	if err != nil || ch.Diags.HasErrors(false) {
		t.Fatal(err, ch.Diags.Items())
	}
	if _, warnings := ch.Diags.Count(); warnings != 4 {
		t.Errorf("%d warnings, want one per control: %v", warnings, ch.Diags.Items())
	}
	var out output.Memory
	if _, err := render(context.Background(), fsys, ch, &out, Options{Site: true, Briefing: true}); err != nil {
		t.Fatal(err)
	}
	for _, name := range out.Names() {
		data, _ := out.File(name)
		if strings.ContainsAny(string(data), "\u202e\u202c\u2067\u2069") || strings.Contains(strings.ToLower(string(data)), "&#x202e;") {
			t.Errorf("%s holds a bidirectional control", name)
		}
	}
	page, _ := out.File("findings/zj-01.html")
	pdf, _ := out.File(BriefingName)
	text := strings.Join(strings.Fields(pdfText(t, pdf)), "")
	for _, want := range []string{"部分在建项目未设立农民工工资专用账户", "督查组走访了123个地方。"} {
		if !strings.Contains(text, want) {
			t.Errorf("the briefing does not print %q", want)
		}
	}
	if !strings.Contains(string(page), "部分在建项目未设立农民工工资专用账户") {
		t.Error("the site does not show the title as the briefing prints it")
	}
}
