package load

import (
	"reflect"
	"strings"
	"sync"

	"github.com/ducha/ducha/generator/model"
)

// field describes one key of a mapping in the file format.
type field struct {
	key      string
	index    int
	required bool
	scalar   bool // set from a plain scalar written instead of a mapping
	mapkey   bool // set from the key of a bykey mapping
	bykey    bool // a list written as a mapping from key to entry
	one      bool // a list, or a single value standing for a list of one
}

// structInfo describes how a model struct is written in a file.
type structInfo struct {
	fields []field
	src    int // index of the Src field, or -1
}

func (s *structInfo) lookup(key string) *field {
	for i := range s.fields {
		if s.fields[i].key == key && !s.fields[i].mapkey {
			return &s.fields[i]
		}
	}
	return nil
}

func (s *structInfo) find(pred func(*field) bool) *field {
	for i := range s.fields {
		if pred(&s.fields[i]) {
			return &s.fields[i]
		}
	}
	return nil
}

// keys returns the keys a mapping of this struct may have.
func (s *structInfo) keys() []string {
	var ks []string
	for _, f := range s.fields {
		if !f.mapkey {
			ks = append(ks, f.key)
		}
	}
	return ks
}

// schema caches structInfo per type. It is safe for concurrent use.
type schema struct {
	mu    sync.Mutex
	infos map[reflect.Type]*structInfo
}

var (
	textType   = reflect.TypeFor[model.Text]()
	dateType   = reflect.TypeFor[model.Date]()
	srcType    = reflect.TypeFor[model.Src]()
	choiceType = reflect.TypeFor[interface{ Choices() []string }]()
)

func (s *schema) info(t reflect.Type) *structInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.infos == nil {
		s.infos = map[reflect.Type]*structInfo{}
	}
	if info, ok := s.infos[t]; ok {
		return info
	}
	info := &structInfo{src: -1}
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Type == srcType {
			info.src = i
			continue
		}
		tag, ok := sf.Tag.Lookup("key")
		if !ok || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		f := field{key: name, index: i}
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "required":
				f.required = true
			case "scalar":
				f.scalar = true
			case "mapkey":
				f.mapkey = true
			case "bykey":
				f.bykey = true
			case "one":
				f.one = true
			}
		}
		info.fields = append(info.fields, f)
	}
	s.infos[t] = info
	return info
}

// Key is one key of the file format, for documentation and its test.
type Key struct {
	Type string // the model type that holds it, e.g. Finding
	Name string // the key as written, e.g. severity
}

// Keys lists every key the loader accepts, type by type, starting from the
// root of each kind of file.
func Keys() []Key {
	var s schema
	var out []Key
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t == textType || t == dateType || seen[t] {
			return
		}
		seen[t] = true
		info := s.info(t)
		for _, f := range info.fields {
			if !f.mapkey {
				out = append(out, Key{Type: t.Name(), Name: f.key})
			}
			walk(t.Field(f.index).Type)
		}
	}
	for _, root := range roots() {
		walk(reflect.TypeOf(root))
	}
	return out
}

// roots returns a value of each type a whole file decodes into.
func roots() []any {
	return []any{
		model.Config{}, []*model.Province{}, []*model.Unit{}, model.Campaign{},
		[]*model.Item{}, []*model.Group{}, []*model.SelfExam{}, model.Inspection{}, model.Page{},
	}
}
