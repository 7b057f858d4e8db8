package pipeline

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/internal/fixture"
)

// TestCheckWithoutBriefing: a character no font has (an emoji, a rare
// character of CJK Extension B) is an error when a briefing is to be
// made, and nothing at all when none is: the site is built.
func TestCheckWithoutBriefing(t *testing.T) {
	fsys := fixture.Minimal(t)
	campaign := string(fsys["data/2015/campaign.yaml"].Data)
	campaign = strings.Replace(campaign, "title: {zh: 第八次全国农民工工作督查", "title: {zh: 第八次督查🙂王𠀀", 1)
	fsys["data/2015/campaign.yaml"] = &fstest.MapFile{Data: []byte(campaign)}

	ch, err := Check(fsys, CheckOptions{Briefing: true})
	if err != nil {
		t.Fatal(err)
	}
	if errs, _ := ch.Diags.Count(); errs != 2 {
		t.Errorf("for a briefing: %d errors, want the emoji and the rare character:\n%v", errs, ch.Diags.Err())
	}

	ch, err = Check(fsys, CheckOptions{})
	if err != nil || ch.Diags.HasErrors(true) {
		t.Fatalf("without a briefing: %v %v", err, ch.Diags.Err())
	}
	var out output.Memory
	if _, err := render(context.Background(), fsys, ch, &out, Options{Site: true}); err != nil {
		t.Fatal(err)
	}
	if page, _ := out.File("index.html"); !bytes.Contains(page, []byte("第八次督查🙂王𠀀")) {
		t.Error("the site does not show the title")
	}
	if _, err := render(context.Background(), fsys, ch, &out, Options{Briefing: true}); err == nil {
		t.Error("a briefing was made from a check for none")
	}
}
