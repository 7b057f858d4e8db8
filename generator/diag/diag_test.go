package diag

import (
	"bytes"
	"testing"

	"github.com/ducha/ducha/generator/model"
)

func sample() *List {
	var l List
	l.Errorf(model.Pos{File: "b.yaml", Line: 2, Col: 3}, "second")
	l.Warnf(model.Pos{File: "a.yaml"}, "whole file")
	l.Errorf(model.Pos{File: "a.yaml", Line: 10}, "line only: 50%% done,\nnext line")
	l.Errorf(model.Pos{File: "a.yaml", Line: 9, Col: 1}, "first")
	l.Errorf(model.Pos{File: "a.yaml", Line: 9, Col: 1}, "first") // duplicate
	return &l
}

func TestTextSortedAndDeduplicated(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, Text, sample().Items()); err != nil {
		t.Fatal(err)
	}
	want := "a.yaml: warning: whole file\n" +
		"a.yaml:9:1: first\n" +
		"a.yaml:10: line only: 50% done,\nnext line\n" +
		"b.yaml:2:3: second\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestGitHubEscapes(t *testing.T) {
	var b bytes.Buffer
	var l List
	l.Errorf(model.Pos{File: "a,b:c.yaml", Line: 10}, "50%% done,\nnext")
	Write(&b, GitHub, l.Items())
	want := "::error file=a%2Cb%3Ac.yaml,line=10::50%25 done,%0Anext\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	var l List
	l.Warnf(model.Pos{File: "x.md", Line: 1, Col: 2}, `say "hi" <b>`)
	Write(&b, JSON, l.Items())
	want := `[
  {
    "file": "x.md",
    "line": 1,
    "column": 2,
    "severity": "warning",
    "message": "say \"hi\" \u003cb\u003e"
  }
]
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestCountsAndStrict(t *testing.T) {
	l := sample()
	if e, w := l.Count(); e != 3 || w != 1 {
		t.Errorf("count = %d, %d", e, w)
	}
	var onlyWarn List
	onlyWarn.Warnf(model.Pos{File: "x"}, "w")
	if onlyWarn.HasErrors(false) || !onlyWarn.HasErrors(true) {
		t.Error("a warning is an error only when strict")
	}
	if onlyWarn.Err() != nil || l.Err() == nil {
		t.Error("Err")
	}
}
