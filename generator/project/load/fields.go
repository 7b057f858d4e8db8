package load

import (
	"reflect"

	"github.com/ducha/ducha/generator/model"
)

// Field is one key of a mapping of the file format, as the loader reads
// it from the struct tags of package model: what tools that describe the
// format (package jsonschema) build on, so that they cannot drift from
// the loader.
type Field struct {
	Key  string
	Type reflect.Type // the model field's type
	// Required: the key must be given a value.
	Required bool
	// Scalar: the mapping may be written as a plain value, which is this
	// field's.
	Scalar bool
	// MapKey: the field is the key under which the entry is written in a
	// list written as a mapping (ByKey), not a key of its own.
	MapKey bool
	// ByKey: the list is written as a mapping from each entry's MapKey to
	// the entry.
	ByKey bool
	// One: the list may be written as a single value, a list of one.
	One bool
}

// Fields lists the keys of the model struct t, in the order of its fields.
func Fields(t reflect.Type) []Field {
	var s schema
	info := s.info(t)
	out := make([]Field, len(info.fields))
	for i, f := range info.fields {
		out[i] = Field{Key: f.key, Type: t.Field(f.index).Type, Required: f.required,
			Scalar: f.scalar, MapKey: f.mapkey, ByKey: f.bykey, One: f.one}
	}
	return out
}

// File is a kind of file the loader reads.
type File struct {
	// Pattern is where such files are, from the project root, with * for
	// a campaign or a province: data/*/provinces/*.yaml.
	Pattern string
	// Type is what the file decodes into: a model struct, or a slice of
	// pointers to one (a list).
	Type reflect.Type
	// ByKey: the list is written as a mapping from key to entry.
	ByKey bool
	// FrontMatter: the YAML is the front matter of Markdown files.
	FrontMatter bool
}

// Files lists every kind of file the loader reads, in the order of
// docs/data-format.md.
func Files() []File {
	f := func(pattern string, v any) File {
		t := reflect.TypeOf(v)
		return File{Pattern: pattern, Type: t, ByKey: t.Kind() == reflect.Slice && bykeyRoot(t)}
	}
	files := []File{
		f("ducha.yaml", model.Config{}),
		f("data/provinces.yaml", []*model.Province{}),
		f("data/units.yaml", []*model.Unit{}),
		f("data/*/campaign.yaml", model.Campaign{}),
		f("data/*/items.yaml", []*model.Item{}),
		f("data/*/groups.yaml", []*model.Group{}),
		f("data/*/self-exam.yaml", []*model.SelfExam{}),
		f("data/*/provinces/*.yaml", model.Inspection{}),
		f("content/*/**.md", model.Page{}),
	}
	files[len(files)-1].FrontMatter = true
	return files
}

// IsText, IsDate and IsChoice report the types of values that the loader
// reads its own way: text (a string, or zh and en), a date written
// YYYY-MM-DD, and a value of an enumeration, whose Choices it lists.
func IsText(t reflect.Type) bool   { return t == textType }
func IsDate(t reflect.Type) bool   { return t == dateType }
func IsChoice(t reflect.Type) bool { return t.Kind() == reflect.String && t.Implements(choiceType) }
