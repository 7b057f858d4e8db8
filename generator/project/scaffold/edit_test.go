package scaffold

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// finding returns the mapping of the first finding of a province file.
func finding(t *testing.T, d *Doc) *yaml.Node {
	t.Helper()
	_, list := Lookup(d.Root(), "findings")
	if list == nil || len(list.Content) == 0 {
		t.Fatal("no findings")
	}
	return list.Content[0]
}

func rect(t *testing.T, d *Doc) *yaml.Node {
	t.Helper()
	_, r := Lookup(finding(t, d), "rectification")
	return r
}

func TestDocEdits(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		edit            func(t *testing.T, d *Doc) error
	}{
		{
			name: "a plain value, keeping its comment",
			src:  "findings:\n  - id: zj-01\n    rectification:\n      status: in-progress  # since May\n      deadline: 2016-01-31\n",
			want: "findings:\n  - id: zj-01\n    rectification:\n      status: closed  # since May\n      deadline: 2016-01-31\n      closed: 2016-03-01\n",
			edit: func(t *testing.T, d *Doc) error {
				if err := d.Set(rect(t, d), "status", Raw("closed")); err != nil {
					return err
				}
				return d.Set(rect(t, d), "closed", Raw("2016-03-01"))
			},
		},
		{
			name: "in a flow mapping",
			src:  "findings:\n  - id: zj-01\n    rectification: {responsible: 厅, deadline: 2016-01-31, status: in-progress}\n",
			want: "findings:\n  - id: zj-01\n    rectification: {responsible: 厅, deadline: 2016-02-28, status: done, notes: 已整改，待验收}\n",
			edit: func(t *testing.T, d *Doc) error {
				if err := d.Set(rect(t, d), "deadline", Raw("2016-02-28")); err != nil {
					return err
				}
				if err := d.Set(rect(t, d), "status", Raw("done")); err != nil {
					return err
				}
				return d.Set(rect(t, d), "notes", TextValue("已整改，待验收"))
			},
		},
		{
			name: "an empty value, and text as a block",
			src:  "findings:\n  - id: zj-01\n    title:\n    detail: |\n      old\n      lines\n\n    date: 2015-11-25\n",
			want: "findings:\n  - id: zj-01\n    title: 工资专户\n    detail: |\n      new\n\n      para: two\n\n    date: 2015-11-25\n",
			edit: func(t *testing.T, d *Doc) error {
				if err := d.Set(finding(t, d), "title", TextValue("工资专户")); err != nil {
					return err
				}
				return d.Set(finding(t, d), "detail", TextValue("new\n\npara: two\n"))
			},
		},
		{
			name: "text that must be quoted, and a value cleared",
			src:  "findings:\n- id: zj-01\n  title: \"a\"\n  date: 2015-11-25 # found\n",
			want: "findings:\n- id: zj-01\n  title: '\">重点\"工程'\n  date: # found\n",
			edit: func(t *testing.T, d *Doc) error {
				if err := d.Set(finding(t, d), "title", TextValue(`">重点"工程`)); err != nil {
					return err
				}
				return d.Set(finding(t, d), "date", Raw(""))
			},
		},
		{
			name: "a block after a plain value with a comment, in a file with CRLF",
			src:  "findings:\r\n  - id: zj-01\r\n    notes: x # keep\r\n    status: done\r\n",
			want: "findings:\r\n  - id: zj-01\r\n    notes: | # keep\r\n      a\r\n      b\r\n    status: done\r\n",
			edit: func(t *testing.T, d *Doc) error {
				return d.Set(finding(t, d), "notes", TextValue("a\nb"))
			},
		},
		{
			name: "a key added after a block",
			src:  "findings:\n  - id: zj-01\n    rectification:\n      notes: |\n        line\n\n  - id: zj-02\n",
			want: "findings:\n  - id: zj-01\n    rectification:\n      notes: |\n        line\n      closed: 2016-01-01\n\n  - id: zj-02\n",
			edit: func(t *testing.T, d *Doc) error {
				return d.Set(rect(t, d), "closed", Raw("2016-01-01"))
			},
		},
		{
			name: "bilingual text: one side",
			src:  "findings:\n  - id: zj-01\n    title: {zh: 旧, en: Old}\n",
			want: "findings:\n  - id: zj-01\n    title: {zh: 新, en: Old}\n",
			edit: func(t *testing.T, d *Doc) error {
				_, title := Lookup(finding(t, d), "title")
				return d.Set(title, "zh", TextValue("新"))
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseDoc([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if err := tc.edit(t, d); err != nil {
				t.Fatal(err)
			}
			got, err := d.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestDocRefuses: what cannot be edited as text is an error, and the
// edit is never made.
func TestDocRefuses(t *testing.T) {
	d, err := ParseDoc([]byte("findings:\n  - id: zj-01\n    visits: [v1]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Set(finding(t, d), "visits", Raw("v2")); err == nil || !strings.Contains(err.Error(), "by hand") {
		t.Errorf("replacing a list: %v", err)
	}
	if _, err := ParseDoc([]byte("a: [\n")); err == nil {
		t.Error("a file that is not YAML parsed")
	}
}
