package tmplexec

import (
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	"text/template/parse"
)

// chain is a chain of field or method names: .Data.Finding.ID.
type chain []*field

func newChain(names []string) chain {
	c := make(chain, len(names))
	for i, n := range names {
		c[i] = &field{name: n}
	}
	return c
}

func (c chain) eval(v reflect.Value) reflect.Value {
	for _, f := range c {
		v = f.eval(v)
	}
	return v
}

// field is one name of a chain, with what it named in the type it was last
// looked up in: templates see the same types again and again.
type field struct {
	name   string
	lookup atomic.Pointer[lookup]
}

// lookup says what a name is in a type: a method or a field.
type lookup struct {
	typ    reflect.Type // the receiver: a pointer when it has an address
	method int          // index of the method in typ, or -1
	index  []int        // index of the field, for a struct
	isMap  bool
}

// eval returns the field or the result of the method name of receiver, as
// text/template's state.evalField does without arguments.
func (f *field) eval(receiver reflect.Value) reflect.Value {
	receiver, isNil := indirect(receiver)
	if !receiver.IsValid() || isNil {
		fallback()
	}
	// Reach the methods of both T and *T, as text/template does.
	ptr := receiver
	if ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	l := f.lookup.Load()
	if l == nil || l.typ != ptr.Type() {
		l = f.resolve(ptr.Type())
		f.lookup.Store(l)
	}
	switch {
	case l.method >= 0:
		return callMethod(ptr.Method(l.method))
	case l.index != nil:
		v, err := receiver.FieldByIndexErr(l.index)
		if err != nil {
			fallback()
		}
		return v
	case l.isMap:
		key := reflect.ValueOf(f.name)
		if !key.Type().AssignableTo(receiver.Type().Key()) {
			fallback()
		}
		return receiver.MapIndex(key)
	}
	fallback()
	return reflect.Value{}
}

func (f *field) resolve(typ reflect.Type) *lookup {
	l := &lookup{typ: typ, method: -1}
	if m, ok := typ.MethodByName(f.name); ok {
		l.method = m.Index
		return l
	}
	st := typ
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	switch st.Kind() {
	case reflect.Struct:
		if sf, ok := st.FieldByName(f.name); ok && sf.IsExported() {
			l.index = sf.Index
		}
	case reflect.Map:
		l.isMap = true
	}
	return l
}

// callMethod calls a method that takes no arguments and returns a value,
// or a value and an error.
func callMethod(m reflect.Value) reflect.Value {
	t := m.Type()
	if t.NumIn() != 0 || !goodResults(t) {
		fallback()
	}
	out := m.Call(nil)
	if len(out) == 2 && !out[1].IsNil() {
		fallback()
	}
	return out[0]
}

// goodResults reports whether a function returns one value, or a value
// and an error.
func goodResults(t reflect.Type) bool {
	switch t.NumOut() {
	case 1:
		return true
	case 2:
		return t.Out(1) == reflect.TypeFor[error]()
	}
	return false
}

// indirect follows pointers and interfaces, as text/template's indirect.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// indirectInterface returns the value inside an interface.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// truth says whether v is true in an if, with, and, or or not, as
// text/template's isTrue.
func truth(v reflect.Value) bool {
	v = indirectInterface(v)
	if !v.IsValid() {
		return false
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0
	case reflect.Bool:
		return v.Bool()
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0
	case reflect.Struct:
		return true
	}
	fallback()
	return false
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	}
	return false
}

// validateType converts v for an argument of type typ, as text/template's
// state.validateType.
func validateType(v reflect.Value, typ reflect.Type) reflect.Value {
	if !v.IsValid() {
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		fallback()
	}
	if v.Type().AssignableTo(typ) {
		return v
	}
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
		if v.Type().AssignableTo(typ) {
			return v
		}
	}
	switch {
	case v.Kind() == reflect.Pointer && v.Type().Elem().AssignableTo(typ):
		if v.IsNil() {
			fallback()
		}
		return v.Elem()
	case reflect.PointerTo(v.Type()).AssignableTo(typ) && v.CanAddr():
		return v.Addr()
	}
	fallback()
	return v
}

// call compiles a call of the function name with args.
func (c *compiler) call(name string, args []parse.Node) (command, error) {
	if isEscaper(name) || name == "_eval_args_" {
		return nil, unsupported("escaper %s in a pipeline", name)
	}
	if f, ok := c.e.funcs[name]; ok {
		return c.funcCall(name, f, args)
	}
	return c.builtin(name, args)
}

// funcCall compiles a call of a template function, as text/template's
// state.evalCall.
func (c *compiler) funcCall(name string, f Func, args []parse.Node) (command, error) {
	call, err := c.callSite(name, f, args)
	if err != nil {
		return nil, err
	}
	return func(s *state, dot, final reflect.Value, hasFinal bool) reflect.Value {
		mark, n := call.push(s, dot, final, hasFinal)
		v, err := f.invoke(s.args[mark : mark+n])
		s.popArgs(mark)
		if err != nil {
			fallback()
		}
		return v
	}, nil
}

// callSite is a compiled call of a function: its arguments.
type callSite struct {
	ops       []operand
	finalType reflect.Type // of the final argument, or nil when there can be none
	// okBare and okFinal say whether the call has the right number of
	// arguments without and with a final argument.
	okBare, okFinal bool
}

func (c *compiler) callSite(name string, f Func, args []parse.Node) (*callSite, error) {
	typ := f.fn.Type()
	if !goodResults(typ) {
		return nil, unsupported("function %s returns %s", name, typ)
	}
	// paramType is the type of the i'th argument, or nil when there is no
	// such argument.
	paramType := func(i int) reflect.Type {
		switch {
		case i < typ.NumIn()-1 || i == typ.NumIn()-1 && !typ.IsVariadic():
			return typ.In(i)
		case typ.IsVariadic():
			return typ.In(typ.NumIn() - 1).Elem()
		}
		return nil
	}
	numFixed := typ.NumIn()
	if typ.IsVariadic() {
		numFixed--
	}
	cs := &callSite{ops: make([]operand, len(args)), finalType: paramType(len(args))}
	for i, a := range args {
		t := paramType(i)
		if t == nil {
			return nil, unsupported("too many arguments for %s", name)
		}
		var err error
		if cs.ops[i], err = c.typedOperand(a, t); err != nil {
			return nil, err
		}
	}
	countOK := func(n int) bool { return n == typ.NumIn() || typ.IsVariadic() && n >= numFixed }
	cs.okBare, cs.okFinal = countOK(len(args)), cs.finalType != nil && countOK(len(args)+1)
	if !cs.okBare && !cs.okFinal {
		return nil, unsupported("wrong number of arguments for %s", name)
	}
	return cs, nil
}

// push evaluates the arguments onto the stack of arguments of s, and
// returns where they start and how many there are.
func (cs *callSite) push(s *state, dot, final reflect.Value, hasFinal bool) (mark, n int) {
	if hasFinal && !cs.okFinal || !hasFinal && !cs.okBare {
		fallback()
	}
	n = len(cs.ops)
	if hasFinal {
		n++
	}
	// The arguments may make calls of their own, which push theirs above
	// these and may move the stack.
	mark = s.pushArgs(n)
	for i, op := range cs.ops {
		v := op(s, dot)
		s.args[mark+i] = v
	}
	if hasFinal {
		s.args[mark+n-1] = validateType(final, cs.finalType)
	}
	return mark, n
}

// builtin compiles a call of one of text/template's functions: and, or,
// not, len, index, eq, ne and print. The others are left to html/template.
func (c *compiler) builtin(name string, args []parse.Node) (command, error) {
	ops := make([]operand, len(args))
	for i, a := range args {
		var err error
		if ops[i], err = c.operand(a); err != nil {
			return nil, err
		}
	}
	var do func(vals []reflect.Value) reflect.Value
	switch name {
	case "and", "or":
		return andOr(name == "or", ops)
	case "not":
		do = func(v []reflect.Value) reflect.Value {
			if len(v) != 1 {
				fallback()
			}
			return reflect.ValueOf(!truth(v[0]))
		}
	case "len":
		do = func(v []reflect.Value) reflect.Value {
			if len(v) != 1 {
				fallback()
			}
			return reflect.ValueOf(length(v[0]))
		}
	case "index":
		do = func(v []reflect.Value) reflect.Value {
			if len(v) == 0 {
				fallback()
			}
			return index(v[0], v[1:])
		}
	case "eq":
		do = func(v []reflect.Value) reflect.Value {
			if len(v) < 2 {
				fallback()
			}
			return reflect.ValueOf(eq(v[0], v[1:]))
		}
	case "ne":
		do = func(v []reflect.Value) reflect.Value {
			if len(v) != 2 {
				fallback()
			}
			return reflect.ValueOf(!eq(v[0], v[1:]))
		}
	case "print":
		do = func(v []reflect.Value) reflect.Value { return reflect.ValueOf(sprint(v)) }
	default:
		return nil, unsupported("function %s", name)
	}
	return func(s *state, dot, final reflect.Value, hasFinal bool) reflect.Value {
		n := len(ops)
		if hasFinal {
			n++
		}
		mark := s.pushArgs(n)
		for i, op := range ops {
			v := op(s, dot)
			s.args[mark+i] = v
		}
		if hasFinal {
			s.args[mark+n-1] = final
		}
		v := do(s.args[mark : mark+n])
		s.popArgs(mark)
		return v
	}, nil
}

// sprint is fmt.Sprint of the values: their concatenation when they are
// all strings that print as themselves (fmt puts no space between two
// strings), and fmt.Sprint's own result otherwise.
func sprint(v []reflect.Value) string {
	n := 0
	for _, x := range v {
		if !isPlainString(x) {
			a := make([]any, len(v))
			for i, x := range v {
				if x.IsValid() {
					a[i] = x.Interface()
				}
			}
			return fmt.Sprint(a...)
		}
		n += x.Len()
	}
	var b strings.Builder
	b.Grow(n)
	for _, x := range v {
		b.WriteString(x.String())
	}
	return b.String()
}

// isPlainString reports whether fmt prints v as the string it holds: a
// value of kind string whose type has no Format, String or Error method.
func isPlainString(v reflect.Value) bool {
	if v.Kind() != reflect.String {
		return false
	}
	t := v.Type()
	return t == reflect.TypeFor[string]() ||
		!t.Implements(reflect.TypeFor[fmt.Formatter]()) && !t.Implements(reflect.TypeFor[fmt.Stringer]()) && !t.Implements(reflect.TypeFor[error]())
}

// andOr compiles and or or, which evaluate their arguments only until the
// result is known.
func andOr(or bool, ops []operand) (command, error) {
	if len(ops) == 0 {
		return nil, unsupported("and or or without arguments")
	}
	return func(s *state, dot, final reflect.Value, hasFinal bool) reflect.Value {
		var v reflect.Value
		for _, op := range ops {
			if v = op(s, dot); truth(v) == or {
				return v
			}
		}
		if hasFinal {
			v = final
		}
		return v
	}, nil
}

// length is text/template's len.
func length(v reflect.Value) int {
	v, isNil := indirect(v)
	if isNil {
		fallback()
	}
	switch v.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		return v.Len()
	}
	fallback()
	return 0
}

// index is text/template's index.
func index(item reflect.Value, indexes []reflect.Value) reflect.Value {
	item = indirectInterface(item)
	if !item.IsValid() {
		fallback()
	}
	for _, i := range indexes {
		i = indirectInterface(i)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			fallback()
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			var x int64
			switch i.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				x = i.Int()
			default:
				fallback()
			}
			if x < 0 || int(x) < 0 || int(x) >= item.Len() {
				fallback()
			}
			item = item.Index(int(x))
		case reflect.Map:
			key := i
			if !key.IsValid() || !key.Type().AssignableTo(item.Type().Key()) {
				fallback()
			}
			if x := item.MapIndex(key); x.IsValid() {
				item = x
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			fallback()
		}
	}
	return item
}

// eq is text/template's eq for values of the same basic kind; other
// comparisons are left to html/template.
func eq(a reflect.Value, bs []reflect.Value) bool {
	a = indirectInterface(a)
	for _, b := range bs {
		b = indirectInterface(b)
		if !a.IsValid() || !b.IsValid() || kindClass(a.Kind()) == 0 || kindClass(a.Kind()) != kindClass(b.Kind()) {
			fallback()
		}
		var equal bool
		switch kindClass(a.Kind()) {
		case 'b':
			equal = a.Bool() == b.Bool()
		case 'i':
			equal = a.Int() == b.Int()
		case 'u':
			equal = a.Uint() == b.Uint()
		case 'f':
			equal = a.Float() == b.Float()
		case 's':
			equal = a.String() == b.String()
		}
		if equal {
			return true
		}
	}
	return false
}

// kindClass groups the kinds eq compares: b(ool), i(nt), u(int), f(loat),
// s(tring), or 0.
func kindClass(k reflect.Kind) byte {
	switch k {
	case reflect.Bool:
		return 'b'
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return 'i'
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return 'u'
	case reflect.Float32, reflect.Float64:
		return 'f'
	case reflect.String:
		return 's'
	}
	return 0
}

// isEscaper reports whether name is one of html/template's escapers.
func isEscaper(name string) bool { return strings.HasPrefix(name, "_html_template_") }
