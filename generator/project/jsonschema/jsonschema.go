// Package jsonschema describes ducha's file format as JSON Schema (draft
// 07), one schema per kind of file, for editors: with the schemas wired
// in (VS Code's YAML extension reads .vscode/settings.json), typing a key
// completes it, hovering shows what it means in Chinese and English, and
// a wrong value is underlined before ducha check runs.
//
// The schemas are generated from the struct tags of package model through
// load.Fields and load.Files, the very description the loader decodes by,
// so that they accept what the loader accepts: keys, required keys, types,
// enumerations, dates and IDs, the shorthands (a member written as a unit
// ID) and the empty value (key: with nothing after it) of an optional
// key. Rules across files (an item that exists, a date within the period)
// are ducha check's alone.
package jsonschema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"path"
	"reflect"
	"strings"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/load"
)

// Schema is a JSON Schema, as much of one as the file format needs.
type Schema struct {
	Draft       string             `json:"$schema,omitempty"`
	ID          string             `json:"$id,omitempty"`
	Title       string             `json:"title,omitempty"`
	Description string             `json:"description,omitempty"`
	Ref         string             `json:"$ref,omitempty"`
	Type        any                `json:"type,omitempty"` // a type name, or a list of them
	Enum        []string           `json:"enum,omitempty"`
	EnumDesc    []string           `json:"enumDescriptions,omitempty"` // shown by editors; ignored by validators
	Pattern     string             `json:"pattern,omitempty"`
	Minimum     *float64           `json:"minimum,omitempty"`
	Maximum     *float64           `json:"maximum,omitempty"`
	MinItems    int                `json:"minItems,omitempty"`
	Items       *Schema            `json:"items,omitempty"`
	Properties  map[string]*Schema `json:"properties,omitempty"`
	Required    []string           `json:"required,omitempty"`
	Additional  any                `json:"additionalProperties,omitempty"` // false, or a *Schema
	PropNames   *Schema            `json:"propertyNames,omitempty"`
	AnyOf       []*Schema          `json:"anyOf,omitempty"`
	Definitions map[string]*Schema `json:"definitions,omitempty"`
}

// File is the schema of one kind of file.
type File struct {
	// Name is the schema's file name: campaign.schema.json.
	Name string
	// Pattern is where the files it describes are, from the project root,
	// as in load.Files: data/*/campaign.yaml.
	Pattern string
	Schema  *Schema
}

// IDPattern is the shape of an ID (docs/data-format.md, Values).
const IDPattern = `^[a-z0-9][a-z0-9-]{0,39}$`

// datePattern is the shape of a date; ducha check says when the day does
// not exist.
const datePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`

// idKeys are the keys whose values are IDs, or lists of IDs: of the thing
// itself, or of what it refers to.
var idKeys = map[string]bool{
	"Config.campaign": true, "Province.id": true, "Unit.id": true, "Campaign.members": true,
	"Item.id": true, "Indicator.id": true, "Group.lead": true, "Group.provinces": true,
	"Member.unit": true, "Visit.id": true, "Finding.id": true, "Finding.item": true, "Finding.visits": true,
}

// Files returns the schema of every kind of file ducha reads, in the order
// of load.Files.
func Files() []File {
	var out []File
	for _, f := range load.Files() {
		g := &gen{defs: map[string]*Schema{}}
		s := g.root(f)
		w := files[f.Pattern]
		s.Draft = "http://json-schema.org/draft-07/schema#"
		s.ID = "https://ducha.invalid/schema/" + fileName(f.Pattern)
		s.Title = w.zh + " / " + w.en
		s.Description = w.text() + "\n(docs/data-format.md)"
		if len(g.defs) > 0 {
			s.Definitions = g.defs
		}
		out = append(out, File{Name: fileName(f.Pattern), Pattern: f.Pattern, Schema: s})
	}
	return out
}

// fileName names the schema of the files at pattern.
func fileName(pattern string) string {
	switch pattern {
	case "data/*/provinces/*.yaml":
		return "province.schema.json"
	case "content/*/**.md":
		return "front-matter.schema.json"
	}
	return strings.TrimSuffix(path.Base(pattern), ".yaml") + ".schema.json"
}

// JSON returns s as indented JSON, with a final newline. The output is the
// same for the same schema: object keys are sorted.
func (s *Schema) JSON() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		panic(fmt.Sprintf("jsonschema: %v", err)) // a Schema always encodes
	}
	return b.Bytes()
}

// gen generates one file's schema, with the types it uses more than once
// as definitions.
type gen struct {
	defs map[string]*Schema
}

func (g *gen) root(f load.File) *Schema {
	if f.Type.Kind() == reflect.Slice {
		return g.list(f.Type.Elem(), f.ByKey)
	}
	return g.object(f.Type)
}

// list is a list of elem, or with bykey a mapping from key to entry.
func (g *gen) list(elem reflect.Type, bykey bool) *Schema {
	if bykey {
		return &Schema{Type: "object", Additional: g.entry(elem), PropNames: &Schema{Pattern: IDPattern}}
	}
	return &Schema{Type: "array", Items: g.value(elem, "")}
}

// entry is an entry of a list written as a mapping: a reference to its
// definition.
func (g *gen) entry(t reflect.Type) *Schema { return g.value(t, "") }

// value is the schema of a value of type t, the key (Type.key) it is
// written under, if any.
func (g *gen) value(t reflect.Type, key string) *Schema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case load.IsText(t):
		return g.ref("text", textSchema)
	case load.IsDate(t):
		return &Schema{Type: "string", Pattern: datePattern}
	case load.IsChoice(t):
		choices := reflect.Zero(t).Interface().(interface{ Choices() []string }).Choices()
		s := &Schema{Type: "string", Enum: choices}
		for _, c := range choices {
			s.EnumDesc = append(s.EnumDesc, enumWords(t, c))
		}
		return s
	}
	switch t.Kind() {
	case reflect.String:
		if idKeys[key] {
			return &Schema{Type: []string{"string", "integer"}, Pattern: IDPattern}
		}
		return &Schema{Type: []string{"string", "number", "boolean"}}
	case reflect.Bool:
		return &Schema{Type: "boolean"}
	case reflect.Int:
		return &Schema{Type: "integer", Minimum: ptr(math.MinInt32), Maximum: ptr(math.MaxInt32)}
	case reflect.Float64:
		return &Schema{Type: "number", Minimum: ptr(-1e15), Maximum: ptr(1e15)}
	case reflect.Slice:
		items := g.value(t.Elem(), key)
		return &Schema{Type: "array", Items: items}
	case reflect.Struct:
		return g.ref(t.Name(), func() *Schema { return g.object(t) })
	}
	panic(fmt.Sprintf("jsonschema: no schema for %s", t))
}

func ptr(f float64) *float64 { return &f }

// ref returns a reference to the definition name, made by def the first
// time.
func (g *gen) ref(name string, def func() *Schema) *Schema {
	if _, ok := g.defs[name]; !ok {
		g.defs[name] = nil // a type that refers to itself stops here
		g.defs[name] = def()
	}
	return &Schema{Ref: "#/definitions/" + name}
}

// textSchema is text: a plain value, or zh and en.
func textSchema() *Schema {
	side := &Schema{Type: []string{"string", "number", "boolean", "null"}}
	return &Schema{
		Description: "文字，或 {zh: 中文, en: English}\nText, or {zh: 中文, en: English}",
		AnyOf: []*Schema{
			{Type: []string{"string", "number", "boolean"}},
			{Type: "object", Properties: map[string]*Schema{
				"zh": withDesc(side, words{"中文", "Chinese"}), "en": withDesc(side, words{"英文", "English"}),
			}, Additional: false},
		},
	}
}

// object is a mapping of the struct t, or the plain value that stands for
// one when t has a scalar field.
func (g *gen) object(t reflect.Type) *Schema {
	s := &Schema{Type: "object", Properties: map[string]*Schema{}, Additional: false}
	var short *Schema
	for _, f := range load.Fields(t) {
		if f.MapKey {
			continue
		}
		key := t.Name() + "." + f.Key
		v := g.field(f, key)
		if f.Required {
			s.Required = append(s.Required, f.Key)
		} else {
			v = nullable(v)
		}
		s.Properties[f.Key] = withDesc(v, keys[key])
		if f.Scalar {
			short = g.value(f.Type, key)
		}
	}
	if short != nil {
		return &Schema{AnyOf: []*Schema{short, s}}
	}
	return s
}

// field is the schema of the value of one key.
func (g *gen) field(f load.Field, key string) *Schema {
	switch {
	case f.ByKey:
		return g.list(f.Type.Elem(), true)
	case f.One:
		one := g.value(f.Type.Elem(), key)
		return &Schema{AnyOf: []*Schema{one, {Type: "array", Items: one, MinItems: 1}}}
	}
	return g.value(f.Type, key)
}

// nullable lets s also be empty (key: with nothing after it), which is the
// same as a key not written.
func nullable(s *Schema) *Schema {
	switch t := s.Type.(type) {
	case string:
		if s.Ref == "" && s.AnyOf == nil {
			c := *s
			c.Type = []string{t, "null"}
			return &c
		}
	case []string:
		c := *s
		c.Type = append(append([]string{}, t...), "null")
		return &c
	}
	return &Schema{AnyOf: []*Schema{s, {Type: "null"}}}
}

// withDesc returns s described by w: a copy, when s already has a
// description or is a reference (which would ignore one beside it).
func withDesc(s *Schema, w words) *Schema {
	if w.zh == "" && w.en == "" {
		return s
	}
	if s.Ref != "" {
		return &Schema{AnyOf: []*Schema{s}, Description: w.text()}
	}
	c := *s
	c.Description = w.text()
	return &c
}

// enumWords is how the site names a value of an enumeration, in both
// languages, when it has a name.
func enumWords(t reflect.Type, v string) string {
	key := t.Name() + "." + v
	zh, en := i18n.Tr(model.ZH, key), i18n.Tr(model.EN, key)
	if zh == key || zh == "" {
		return v
	}
	return zh + " / " + en
}

// Dir is where a project keeps the schemas, from its root: hidden, so
// that ducha reads nothing there.
const Dir = ".ducha/schema"

// VSCodeSettings returns a .vscode/settings.json that has VS Code's YAML
// extension (redhat.vscode-yaml) check each YAML file of the project
// against its schema in dir (a path from the project root), wherever the
// project sits in the folder VS Code opened.
func VSCodeSettings(dir string) []byte {
	schemas := map[string][]string{}
	for _, f := range Files() {
		if strings.HasSuffix(f.Pattern, ".md") {
			continue // the YAML extension does not read front matter
		}
		schemas["./"+path.Join(dir, f.Name)] = []string{f.Pattern, "**/" + f.Pattern}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(map[string]any{
		"yaml.schemas":                 schemas,
		"yaml.validate":                true,
		"yaml.completion":              true,
		"files.encoding":               "utf8",
		"[yaml]":                       map[string]any{"editor.insertSpaces": true, "editor.tabSize": 2, "editor.detectIndentation": false},
		"files.trimTrailingWhitespace": true,
	})
	return b.Bytes()
}

// VSCodeExtensions returns a .vscode/extensions.json that recommends the
// YAML extension.
func VSCodeExtensions() []byte {
	return []byte("{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n")
}
