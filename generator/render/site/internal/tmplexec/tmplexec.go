// Package tmplexec executes the templates of an html/template set with the
// same output as html/template, several times faster.
//
// html/template makes a template safe on its first execution: it rewrites
// the template's parse tree, and those of the templates it calls, so that
// the value of every action passes through the escapers its context needs
// (_html_template_htmlescaper, _html_template_attrescaper, ...), and then
// lets text/template execute the tree. text/template calls every function
// and every escaper through reflect.Value.Call and looks up every field by
// name, on every execution: several microseconds an action, which is most
// of the time of a site of 10,000 pages.
//
// An [Executor] has html/template escape a copy of the set (see [New]),
// and then walks the rewritten trees itself, with the semantics of
// text/template for the part of the language it supports:
// fields and methods looked up once per node and type, the template
// functions called through typed wrappers ([Func]), and html/template's
// escapers ported to this package (escape.go) and called directly. It
// never prints a value that has not passed through the escapers that
// html/template put in the tree, so the escaping is html/template's own.
//
// Anything else is left to html/template:
//
//   - a template whose tree holds a construct or an escaper this package
//     does not support (break, continue, range over a map, printf, the
//     JavaScript and CSS escapers...) is always executed by html/template;
//   - an execution that meets a case this package does not handle (a nil
//     pointer, a missing value, a function that fails, a value of HTML
//     content in an attribute) is thrown away and done again by
//     html/template, which then writes the output or returns the error.
//
// So the output is that of html/template in every case, and so are the
// errors.
package tmplexec

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"sync"
	"sync/atomic"
)

// An Executor executes the templates of one html/template set. It is safe
// for concurrent use.
type Executor struct {
	t     *template.Template // executes what the executor leaves
	esc   *template.Template // a copy of t, escaped; nil when t could not be copied
	funcs map[string]Func

	mu    sync.Mutex          // held while compiling
	progs map[string]*program // compiled templates, by name, under mu
	ready sync.Map            // name → *program, or nil when left to html/template

	// states holds states for reuse by executions: a channel, not a
	// sync.Pool, which would keep the Executor until two collections
	// after its last use.
	states chan *state

	fast, slow atomic.Int64 // executions by the executor and by html/template

	// bugs counts the executions that panicked for another reason than a
	// case left to html/template: a bug of this package, which
	// html/template then hides by doing the work. firstBug is the first
	// such panic's value.
	bugs     atomic.Int64
	firstBug atomic.Value // string
}

// New returns an Executor for the set t, which must not have been executed
// yet and whose functions are funcs (the set must have been given
// FuncMap(funcs)).
//
// html/template escapes a template on its first execution. So that the
// executor has the escaped trees before any page is written, New copies the
// set, gives the copy functions that do nothing and return zero values (the
// escaping depends only on the trees), and executes every template of the
// copy once with no data, which escapes them all. The copy is then only
// read. An Executor for a set that was already executed leaves everything
// to html/template.
func New(t *template.Template, funcs map[string]Func) *Executor {
	e := &Executor{t: t, funcs: funcs, progs: map[string]*program{}, states: make(chan *state, 16)}
	e.esc = escaped(t, funcs)
	return e
}

// NewShared is New, but the escaped copy of the set is made once per
// process for each key and shared by every Executor made with that key:
// escaping is most of the cost of New (about 9 ms for the site's
// templates), paid again by every build of a process that builds again
// and again (the preview server), for the same trees. The key must stand
// for the templates' text and the names and types of the functions: two
// sets with one key must escape alike. The copy is only read, so
// Executors in several goroutines may share it.
func NewShared(key string, t *template.Template, funcs map[string]Func) *Executor {
	e := &Executor{t: t, funcs: funcs, progs: map[string]*program{}, states: make(chan *state, 16)}
	if esc, ok := shared.Load(key); ok {
		e.esc = esc.(*template.Template)
		return e
	}
	e.esc = escaped(t, funcs)
	if e.esc != nil {
		shared.Store(key, e.esc)
	}
	return e
}

// shared holds the escaped copies of NewShared, by key.
var shared sync.Map

// escaped returns a copy of the set t escaped (see New), or nil when t
// cannot be copied.
func escaped(t *template.Template, funcs map[string]Func) *template.Template {
	esc, err := t.Clone()
	if err != nil {
		return nil
	}
	stubs := make(template.FuncMap, len(funcs))
	for name, f := range funcs {
		stubs[name] = stub(f.fn.Type())
	}
	esc.Funcs(stubs)
	for _, x := range esc.Templates() {
		// Execution errors are expected with no data; a template that
		// cannot be escaped is left with no tree, and to html/template.
		esc.ExecuteTemplate(io.Discard, x.Name(), nil)
	}
	return esc
}

// stub returns a function of type typ that returns zero values.
func stub(typ reflect.Type) any {
	out := make([]reflect.Value, typ.NumOut())
	for i := range out {
		out[i] = reflect.Zero(typ.Out(i))
	}
	return reflect.MakeFunc(typ, func([]reflect.Value) []reflect.Value { return out }).Interface()
}

// Execute executes the template name of the set with data, appending the
// output to b, as t.ExecuteTemplate(b, name, data) would. On an error, b
// may hold part of the output.
func (e *Executor) Execute(b *bytes.Buffer, name string, data any) error {
	if p := e.program(name); p != nil {
		start := b.Len()
		if e.run(p, b, data) {
			e.fast.Add(1)
			return nil
		}
		b.Truncate(start)
	}
	e.slow.Add(1)
	return e.t.ExecuteTemplate(b, name, data)
}

// Stats returns how many executions the executor did itself and how many
// it left to html/template.
func (e *Executor) Stats() (fast, slow int64) { return e.fast.Load(), e.slow.Load() }

// Bugs returns how many executions failed on a bug of this package (a
// panic other than a case left to html/template) and the first panic's
// value. The output is still right, since html/template did the work
// again; tests require none.
func (e *Executor) Bugs() (n int64, first string) {
	first, _ = e.firstBug.Load().(string)
	return e.bugs.Load(), first
}

// program returns the program of the template name, or nil when it is
// left to html/template.
func (e *Executor) program(name string) *program {
	if p, ok := e.ready.Load(name); ok {
		return p.(*program)
	}
	if e.esc == nil {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	c := compiler{e: e}
	p, err := c.template(name)
	if err != nil {
		p = nil
	}
	e.ready.Store(name, p)
	return p
}

// A program is a compiled template.
type program struct {
	name string
	root node
}

// maxDepth bounds the nesting of template calls; deeper calls are left to
// html/template, which reports its own limit.
const maxDepth = 10000

// run executes p with data into b and reports whether it could; when it
// could not, b holds part of the output.
func (e *Executor) run(p *program, b *bytes.Buffer, data any) (ok bool) {
	dot, isValue := data.(reflect.Value)
	if !isValue {
		dot = reflect.ValueOf(data)
	}
	var s *state
	select {
	case s = <-e.states:
	default:
		s = new(state)
	}
	defer func() {
		if r := recover(); r != nil {
			ok = false
			if _, left := r.(leftToHTMLTemplate); !left {
				e.bugs.Add(1)
				e.firstBug.CompareAndSwap(nil, fmt.Sprintf("%s: %v", p.name, r))
			}
			return // s may be in any state: leave it to the collector
		}
		s.reset()
		select {
		case e.states <- s:
		default:
		}
	}()
	s.b = b
	s.push("$", dot)
	p.root(s, dot)
	return true
}

// state is the state of one execution.
type state struct {
	b     *bytes.Buffer
	vars  []variable      // the variables in scope from vars[base]
	base  int             // where the variables of the template being executed start
	args  []reflect.Value // a stack of the arguments of the calls being made
	depth int             // of template calls
}

type variable struct {
	name  string
	value reflect.Value
}

// reset empties s for another execution, and drops what it refers to.
func (s *state) reset() {
	clear(s.vars[:cap(s.vars)])
	clear(s.args[:cap(s.args)])
	*s = state{vars: s.vars[:0], args: s.args[:0]}
}

// fallback ends an execution that is left to html/template: the executor
// panics, as text/template does on its errors, and Executor.run recovers.
func fallback() { panic(leftToHTMLTemplate{}) }

// leftToHTMLTemplate is the value of the panic of fallback.
type leftToHTMLTemplate struct{}

func (s *state) push(name string, v reflect.Value) { s.vars = append(s.vars, variable{name, v}) }

func (s *state) mark() int { return len(s.vars) }

func (s *state) pop(mark int) { s.vars = s.vars[:mark] }

func (s *state) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	fallback()
}

func (s *state) setTopVar(n int, v reflect.Value) { s.vars[len(s.vars)-n].value = v }

// pushArgs reserves n arguments on the stack of arguments and returns
// where they start; popArgs(mark) releases them.
func (s *state) pushArgs(n int) (mark int) {
	mark = len(s.args)
	s.args = append(s.args, make([]reflect.Value, n)...)
	return mark
}

func (s *state) popArgs(mark int) {
	clear(s.args[mark:])
	s.args = s.args[:mark]
}

func (s *state) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	fallback()
	return reflect.Value{}
}

// unsupported is the error of a template the executor leaves to
// html/template.
func unsupported(format string, args ...any) error {
	return fmt.Errorf("tmplexec: "+format, args...)
}
