package site

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"testing"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/internal/synth"
)

// TestExportJSON checks that the JSON exports, written a finding at a
// time, are what json.MarshalIndent writes for the exportFile types.
func TestExportJSON(t *testing.T) {
	big, err := synth.FS(synth.Options{Findings: 300, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for name, fsys := range map[string]fs.FS{
		"sample":    os.DirFS("../../.."),
		"hostile":   os.DirFS("testdata/hostile"),
		"synth-300": big,
	} {
		t.Run(name, func(t *testing.T) {
			p := loadFS(t, fsys)
			s, err := newSite(p, report.New(p.Current(), p.Config.Lang()), Options{Markdown: markdown.New(markdown.Options{})})
			if err != nil {
				t.Fatal(err)
			}
			s.prepare(t.Context())
			for _, fs := range [][]*Finding{s.findings, s.views(s.r.Tracker), nil} {
				got, err := s.exportJSON(fs)
				if err != nil {
					t.Fatal(err)
				}
				want := marshalExport(t, s, fs)
				if !bytes.Equal(got, want) {
					t.Errorf("%d findings: the export differs from json.MarshalIndent's:\n%s", len(fs), firstDiff(want, got))
				}
			}
		})
	}
}

// marshalExport is the export as json.MarshalIndent writes it.
func marshalExport(t *testing.T, s *site, fs []*Finding) []byte {
	t.Helper()
	out := exportFile{Campaign: s.c.ID, Title: s.c.Title.In(s.lang), Lang: s.lang, AsOf: s.r.AsOf.String(), Findings: []*exportFinding{}}
	for _, f := range fs {
		out.Findings = append(out.Findings, s.exportFinding(f))
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// jsonStrings are strings that encoding/json writes in every way it has.
var jsonStrings = []string{"", "abc", "督查 发现", "a\"b", "a\\b", "<", ">", "&", "\x00", "\x1f", "\b\f\n\r\t", "\x7f", "\xff", "a\xffb\xfe", "\u2028", "\u2029", "\U0001F600", "é", "\xe2\x80", "x\u2028y"}

// TestJSONString checks appendJSONString against encoding/json.
func TestJSONString(t *testing.T) {
	for _, s := range jsonStrings {
		checkJSONString(t, s)
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range jsonStrings {
		f.Add(s)
	}
	f.Fuzz(checkJSONString)
}

func checkJSONString(t *testing.T, s string) {
	want, _ := json.Marshal(s)
	if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
		t.Errorf("appendJSONString(%q) = %s; encoding/json writes %s", s, got, want)
	}
}
