package model

import "testing"

// TestPosString: a position prints its path as it is, or quoted when the
// path holds what would break the line or hide characters.
func TestPosString(t *testing.T) {
	for _, tc := range []struct {
		pos  Pos
		want string
	}{
		{Pos{File: "data/2015/provinces/zj.yaml", Line: 3, Col: 5}, "data/2015/provinces/zj.yaml:3:5"},
		{Pos{File: "content/2015/pages/督查 方法.md", Line: 1}, "content/2015/pages/督查 方法.md:1"},
		{Pos{File: "content/2015/报告\u3000终稿.md"}, "content/2015/报告\u3000终稿.md"},
		{Pos{File: "data/a\nb.yaml", Line: 1, Col: 1}, `"data/a\nb.yaml":1:1`},
		{Pos{File: "data/\xff.yaml"}, `"data/\xff.yaml"`},
		{Pos{File: "content/a\u202egpj.md", Line: 2}, `"content/a\u202egpj.md":2`},
	} {
		if got := tc.pos.String(); got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.pos.File, got, tc.want)
		}
	}
}
