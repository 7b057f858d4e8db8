package jsonschema

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	validator "github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/ducha/ducha/generator/project/load"
)

// TestDescribed: every key the loader accepts has words in both languages,
// and there are no words for keys it does not accept.
func TestDescribed(t *testing.T) {
	accepted := map[string]bool{}
	for _, k := range load.Keys() {
		name := k.Type + "." + k.Name
		accepted[name] = true
		if w := keys[name]; w.zh == "" || w.en == "" {
			t.Errorf("key %s has no description in both languages; add it to keys in describe.go", name)
		}
	}
	for name := range keys {
		if !accepted[name] {
			t.Errorf("describe.go describes %s, which the loader does not accept", name)
		}
	}
	for _, f := range load.Files() {
		if w := files[f.Pattern]; w.zh == "" || w.en == "" {
			t.Errorf("file %s has no description; add it to files in describe.go", f.Pattern)
		}
	}
}

// TestKeysMatchLoader: the schemas list exactly the keys the loader
// accepts, each under its own type.
func TestKeysMatchLoader(t *testing.T) {
	inSchema := map[string]bool{}
	for i, f := range Files() {
		root := load.Files()[i].Type
		if root.Kind() == reflect.Slice {
			root = root.Elem().Elem()
		}
		collect(root.Name(), f.Schema, inSchema)
		for name, def := range f.Schema.Definitions {
			collect(name, def, inSchema)
		}
	}
	for _, k := range load.Keys() {
		if !inSchema[k.Type+"."+k.Name] {
			t.Errorf("the loader accepts %s.%s, which no schema lists", k.Type, k.Name)
		}
	}
}

func collect(name string, s *Schema, out map[string]bool) {
	if s == nil {
		return
	}
	for k := range s.Properties {
		out[name+"."+k] = true
	}
	for _, a := range s.AnyOf {
		collect(name, a, out)
	}
}

// compile compiles every schema with an independent validator.
func compile(t *testing.T) map[string]*validator.Schema {
	t.Helper()
	c := validator.NewCompiler()
	out := map[string]*validator.Schema{}
	for _, f := range Files() {
		doc, err := validator.UnmarshalJSON(bytes.NewReader(f.Schema.JSON()))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(f.Schema.ID, doc); err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile(f.Schema.ID)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[f.Pattern] = s
	}
	return out
}

// jsonOf reads YAML as an editor's YAML 1.2 language server does: numbers,
// booleans and null by their tags, anything else as a string.
func jsonOf(t *testing.T, src []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Content) == 0 {
		return nil
	}
	return value(t, doc.Content[0])
}

func value(t *testing.T, n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = value(t, n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, value(t, c))
		}
		return l
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true"
	case "!!int", "!!float":
		if _, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return json.Number(n.Value)
		}
	}
	return n.Value
}

// frontMatter returns the YAML between the --- lines that start a page.
func frontMatter(src []byte) ([]byte, bool) {
	s := string(src)
	if !strings.HasPrefix(s, "---\n") {
		return nil, false
	}
	end := strings.Index(s[4:], "\n---")
	if end < 0 {
		return nil, false
	}
	return []byte(s[4 : 4+end+1]), true
}

// TestSampleValid: the sample project is valid against the schemas, file by
// file, as an independent validator judges it.
func TestSampleValid(t *testing.T) {
	schemas := compile(t)
	root := filepath.Join("..", "..", "..")
	n := 0
	for _, f := range load.Files() {
		s := schemas[f.Pattern]
		pattern := strings.Replace(f.Pattern, "**.md", "*.md", 1)
		names, err := fs.Glob(os.DirFS(root), pattern)
		if err != nil {
			t.Fatal(err)
		}
		if f.FrontMatter {
			more, _ := fs.Glob(os.DirFS(root), "content/*/*/*.md")
			names = append(names, more...)
		}
		for _, name := range names {
			src, err := os.ReadFile(filepath.Join(root, name))
			if err != nil {
				t.Fatal(err)
			}
			if f.FrontMatter {
				if src, _ = frontMatter(src); src == nil {
					continue
				}
			}
			n++
			if err := s.Validate(jsonOf(t, src)); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
	if n < 15 {
		t.Errorf("validated only %d files of the sample", n)
	}
}

// TestBrokenInvalid: what ducha check reports about a single value, the
// schema rejects too, and it accepts what ducha accepts.
func TestBrokenInvalid(t *testing.T) {
	schemas := compile(t)
	for _, tc := range []struct {
		pattern, src string
		ok           bool
	}{
		{"data/*/provinces/*.yaml", "findings:\n  - id: zj-01\n    item: wages\n    kind: problem\n    severity: high\n    title: x\n    date: 2015-11-20\n    rectification: {responsible: x, deadline: 2016-01-31, status: in-progress, notes: }\n", true},
		{"data/*/provinces/*.yaml", "findings:\n  - id: zj-01\n    item: wages\n    kind: problem\n    severity: huge\n    title: x\n", false},
		{"data/*/provinces/*.yaml", "findings:\n  - id: zj-01\n    item: wages\n    kind: problem\n    titel: x\n", false},
		{"data/*/provinces/*.yaml", "findings:\n  - id: zj-01\n    item: wages\n    kind: problem\n    title:\n", false},
		{"data/*/provinces/*.yaml", "findings:\n  - id: ZJ 01\n    item: wages\n    kind: practice\n    title: x\n", false},
		{"data/*/provinces/*.yaml", "indicators:\n  contract-rate: 86.5\n  arrears-cases: {value: 312, note: 截至11月底}\n", true},
		{"data/*/provinces/*.yaml", "indicators:\n  contract-rate: 86.5%\n", false},
		{"data/*/provinces/*.yaml", "visits:\n  - {id: v1, date: 2015-11-24, place: x, site: construction, met: many}\n", false},
		{"data/*/groups.yaml", "- no: 1\n  lead: ndrc\n  members: [mof, {unit: moe, name: 王某}]\n  provinces: [zj]\n", true},
		{"data/*/groups.yaml", "- no: one\n  lead: ndrc\n  provinces: [zj]\n", false},
		{"data/*/self-exam.yaml", "bj: {submitted: true}\ntj: {submitted: no}\n", false},
		{"data/*/self-exam.yaml", "bj: {submitted: true}\ntj: {submitted: false}\n", true},
		{"data/*/campaign.yaml", "title: x\nedition: 8\nbasis: x\norganiser: x\nperiod: {start: 2015-11-15, end: 2015-12-15}\nas_of: 31/03/2016\nmembers: []\n", false},
		{"ducha.yaml", "language: fr\n", false},
		{"ducha.yaml", "pdf:\n  font: {regular: a.ttf}\n", true},
		{"content/*/**.md", "title: 方法\norder: 2\n", true},
		{"content/*/**.md", "draft: maybe\n", false},
	} {
		err := schemas[tc.pattern].Validate(jsonOf(t, []byte(tc.src)))
		if (err == nil) != tc.ok {
			t.Errorf("%s:\n%s\nvalid: %v, want %v (%v)", tc.pattern, tc.src, err == nil, tc.ok, err)
		}
	}
}

// TestJSONStable: the same schemas give the same bytes.
func TestJSONStable(t *testing.T) {
	a, b := Files(), Files()
	for i := range a {
		if !bytes.Equal(a[i].Schema.JSON(), b[i].Schema.JSON()) {
			t.Errorf("%s differs between two runs", a[i].Name)
		}
		if path.Ext(a[i].Name) != ".json" {
			t.Errorf("name %s", a[i].Name)
		}
	}
}
