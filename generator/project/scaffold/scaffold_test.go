package scaffold

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

var practice = Finding{ID: "zj-03", Item: "training", Visits: []string{"v1"}}

const practiceBlock = `  - id: zj-03
    item: training
    kind: practice
    title:
    detail: |
    visits: [v1]
`

func TestAppendFinding(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		f               Finding
	}{
		{
			name: "at the end of the file",
			src:  "visits:\n  - {id: v1}\nfindings:\n  - id: zj-01\n    title: a\n  - id: zj-02\n    detail: |\n      b\n\n",
			want: "visits:\n  - {id: v1}\nfindings:\n  - id: zj-01\n    title: a\n  - id: zj-02\n    detail: |\n      b\n" + practiceBlock + "\n",
		},
		{
			name: "before the next key and the comment above it",
			src:  "findings:\n  - id: zj-01\n    title: a\n    # the last one\n\n# values\nindicators:\n  x: 1\n",
			want: "findings:\n  - id: zj-01\n    title: a\n    # the last one\n" + practiceBlock + "\n# values\nindicators:\n  x: 1\n",
		},
		{
			name: "keeping the list's indentation",
			src:  "findings:\n- id: zj-01\n  title: a\n",
			want: "findings:\n- id: zj-01\n  title: a\n" + dedent(practiceBlock, 2),
		},
		{
			name: "into an empty flow list",
			src:  "visits: []\nfindings: []  # none yet\nindicators: {}\n",
			want: "visits: []\nfindings: # none yet\n" + practiceBlock + "indicators: {}\n",
		},
		{
			name: "under an empty key, after its comments",
			src:  "findings:\n  # ducha new finding adds one here.\n",
			want: "findings:\n  # ducha new finding adds one here.\n" + practiceBlock,
		},
		{
			name: "a new key, in a file without a final line end",
			src:  "visits:\n  - {id: v1}",
			want: "visits:\n  - {id: v1}\n\nfindings:\n" + practiceBlock,
		},
		{
			name: "an empty file",
			src:  "",
			want: "findings:\n" + practiceBlock,
		},
		{
			name: "CRLF line ends",
			src:  "findings:\r\n  - id: zj-01\r\n    title: a\r\n",
			want: strings.ReplaceAll("findings:\n  - id: zj-01\n    title: a\n"+practiceBlock, "\n", "\r\n"),
		},
		{
			name: "mixed line ends stay as they are",
			src:  "findings:\r\n  - id: zj-01\n    title: a\r\n",
			want: "findings:\r\n  - id: zj-01\n    title: a\r\n" + strings.ReplaceAll(practiceBlock, "\n", "\r\n"),
		},
		{
			name: "a byte-order mark",
			src:  "\ufefffindings: []\n",
			want: "\ufefffindings:\n" + practiceBlock,
		},
		{
			name: "findings: null",
			src:  "findings: ~ # later\nvisits: []\n",
			want: "findings: # later\n" + practiceBlock + "visits: []\n",
		},
		{
			name: "before the comments at the end of the file",
			src:  "findings:\n  - id: zj-01\n    title: a\n\n# the end\n",
			want: "findings:\n  - id: zj-01\n    title: a\n" + practiceBlock + "\n# the end\n",
		},
		{
			name: "empty values are left without trailing spaces",
			f:    Finding{ID: "zj-02", Problem: true},
			src:  "findings:\n",
			want: "findings:\n  - id: zj-02\n    item:\n    kind: problem\n    severity:\n    title:\n    detail: |\n    date:\n" +
				"    rectification:\n      responsible:\n      deadline:\n      status: not-started\n",
		},
		{
			name: "a problem, with no visits",
			f:    Finding{ID: "zj-02", Item: "wages", Problem: true, Severity: "high"},
			src:  "findings:\n  - id: zj-01\n",
			want: "findings:\n  - id: zj-01\n  - id: zj-02\n    item: wages\n    kind: problem\n    severity: high\n    title:\n    detail: |\n    date:\n" +
				"    rectification:\n      responsible:\n      deadline:\n      status: not-started\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.f
			if f.ID == "" {
				f = practice
			}
			got, line, err := AppendFinding([]byte(tc.src), f)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Fatalf("got\n%s\nwant\n%s", got, tc.want)
			}
			lines := strings.Split(strings.ReplaceAll(string(got), "\r\n", "\n"), "\n")
			if line < 1 || line > len(lines) || strings.TrimSpace(lines[line-1]) != "title:" {
				t.Errorf("title at line %d, which is %q", line, lines[min(max(line, 1), len(lines))-1])
			}
			checkAdded(t, got, f.ID)
		})
	}
}

// checkAdded checks that out is YAML whose last finding is id.
func checkAdded(t *testing.T, out []byte, id string) {
	t.Helper()
	var doc struct {
		Findings []any `yaml:"findings"`
	}
	if err := yaml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("the result is not YAML: %v\n%s", err, out)
	}
	n := len(doc.Findings)
	if n == 0 {
		t.Fatalf("no findings:\n%s", out)
	}
	if last, ok := doc.Findings[n-1].(map[string]any); !ok || last["id"] != id {
		t.Fatalf("the last finding is not %s: %v\n%s", id, doc.Findings[n-1], out)
	}
}

func dedent(s string, n int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = l[min(n, len(l)-len(strings.TrimLeft(l, " "))):]
	}
	return strings.Join(lines, "\n")
}

func TestAppendFindingRefuses(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"findings: [\n", "not valid YAML"},
		{"- a\n- b\n", "not a mapping"},
		{"findings: {a: 1}\n", "line 1 is not a list"},
		{"findings: [{id: zj-01}]\n", "flow list"},
	} {
		_, _, err := AppendFinding([]byte(tc.src), practice)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.src, err, tc.want)
		}
	}
}

// FuzzAppendFinding: whatever the file, the result is an error, or the
// file with lines added (and an empty flow list opened) whose last
// finding is the new one.
func FuzzAppendFinding(f *testing.F) {
	for _, s := range []string{
		"findings:\n  - id: zj-01\n", "findings: []\n", "visits: []\n", "",
		"findings:\n  - id: a\n    detail: |\n      x\n\n      y\nindicators: {}\n",
		"findings:\n  - id: a\n  # c\n# d\nvisits:\n",
		"findings:\r\n- id: a\r\n",
		"findings:\n  - id: a\u2028b\n", "\"finding\\u0073\": []\n", "findings:\n  - 中: x\n  - 文: y\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, _, err := AppendFinding([]byte(src), practice)
		if err != nil {
			return
		}
		checkAdded(t, out, practice.ID)
		// Every line of src is still there, in order, with its line end
		// (but the last, which may gain one); an empty value ([], null, ~)
		// after findings: may have gone.
		norm := func(l string) string {
			for _, token := range []string{"[]", "~", "null", "Null", "NULL", " "} {
				l = strings.ReplaceAll(l, token, "")
			}
			return l
		}
		have := strings.SplitAfter(strings.TrimPrefix(string(out), "\ufeff"), "\n")
		i := 0
		for _, l := range strings.SplitAfter(strings.TrimPrefix(src, "\ufeff"), "\n") {
			for i < len(have) && norm(have[i]) != norm(l) && !(!strings.HasSuffix(l, "\n") && norm(strings.TrimRight(have[i], "\r\n")) == norm(l)) {
				i++
			}
			if i == len(have) {
				t.Fatalf("line %q of the file is lost:\n%q", l, out)
			}
			i++
		}
	})
}
