package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"runtime"
	"strings"
	"testing"
)

type sev string

type stringer struct{ s string }

// label is a string type that prints otherwise than as its string.
type label string

func (l label) String() string { return "L<" + string(l) + ">" }

func (s stringer) String() string { return s.s }

type item struct {
	Name  string
	N     int
	F     float64
	B     bool
	Sev   sev
	Lab   label
	P     *item
	Items []*item
	Tags  []string
	M     map[string]string
	PM    map[*item]string
	H     template.HTML
	U     template.URL
	J     template.JS
	Any   any
	Str   fmt.Stringer
	SP    *string
	Err   error
	hide  string
}

func (i *item) Upper() string          { return strings.ToUpper(i.Name) }
func (i item) Value() string           { return "v:" + i.Name }
func (i *item) Fail() (string, error)  { return "", errors.New("boom") }
func (i *item) Pair() (string, error)  { return "pair", nil }
func (i *item) With(s string) string   { return s + i.Name }
func (i *item) Hidden() (string, bool) { return "", false }

const hostile = "<script>alert(\"x\")</script> & 'q' + \x00 é \xff\xfe \u2028 javascript:alert(1)"

func testFuncs() map[string]Func {
	return map[string]Func{
		"up":     F1(strings.ToUpper),
		"join":   F2(strings.Join),
		"twice":  F1(func(n int) int { return 2 * n }),
		"half":   F1(func(x float64) float64 { return x / 2 }),
		"show":   F1(func(v any) string { return fmt.Sprintf("%T:%v", v, v) }),
		"name":   F1(func(i *item) string { return i.Name }),
		"value":  F1(func(i item) string { return i.Name }),
		"fail":   F1E(func(s string) (string, error) { return "", errors.New("fail: " + s) }),
		"maybe":  F1E(func(s string) (string, error) { return "ok " + s, nil }),
		"cat":    FV(func(s string, more ...any) string { return s + fmt.Sprint(more...) }),
		"html3":  F1(func(s string) template.HTML { return template.HTML("<b>" + s + "</b>") }),
		"url":    F1(func(s string) template.URL { return template.URL(s) }),
		"sevs":   F1(func(s sev) string { return string(s) + "!" }),
		"refl":   Reflect(func(a, b string) string { return a + "|" + b }),
		"nilany": F1(func(s string) any { return nil }),
		"triple": F3E(func(a, b, c string) (string, error) { return a + b + c, nil }),
		"quad":   F4E(func(a, b, c, d string) (string, error) { return a + b + c + d, nil }),
		"pair":   F2E(func(a string, n int) (string, error) { return strings.Repeat(a, n), nil }),
	}
}

func testData() *item {
	s := "pointed <b>"
	child := &item{Name: "child<>", N: 2}
	return &item{
		Name: hostile, N: 42, F: 2.5, B: true, Sev: "high&", Lab: "lab&", P: child,
		Items: []*item{child, {Name: "second", N: 0}},
		Tags:  []string{"a<", "b\"", "c'"},
		M:     map[string]string{"k": "v<>", "empty": ""},
		PM:    map[*item]string{child: "for child"},
		H:     "<em>trusted</em> <!-- c -->", U: "javascript:trusted()", J: `{"a":1}`,
		Any: 3, Str: stringer{"stringer<>"}, SP: &s, hide: "h",
	}
}

// cases are templates with what the executor must do with them: run them
// itself (fast) or leave them, or their data, to html/template.
var cases = []struct {
	name, src string
	fast      bool
}{
	{"text", `<p>{{.Name}}</p>`, true},
	{"attr", `<a title="{{.Name}}" class='{{.Name}}'>x</a>`, true},
	{"href", `<a href="{{.Name}}">x</a><a href="/a b?c={{.Name}}&d={{.N}}#{{.Tags}}">y</a>`, true},
	{"href values", `{{range .Tags}}<a href="{{.}}">{{.}}</a>{{end}}<a href="{{.U}}">u</a><a href="/{{.U}}">u</a>`, true},
	{"href safe", `<a href="{{"http://example.com/a b/é?x=%41%zz"}}">x</a><a href="{{"mailto:a@b"}}">m</a><a href="{{"HTTPS://x"}}">h</a><a href="{{"../x/y.html#z"}}">r</a>`, true},
	{"title", `<title>{{.Name}} · {{.H}}</title>`, true},
	{"html text", `<div>{{.H}}</div>{{html3 .Name}}`, true},
	{"html attr", `<a title="{{.H}}">x</a>`, false},
	{"json script", `<script type="application/json">{{.J}}</script>`, true},
	{"json script value", `<script type="application/json">{{.Name}}</script>`, false},
	{"css value", `<div style="height: {{.N}}px; color: {{.Sev}}; x: {{"a--b"}}; y: {{"expression(1)"}}; z: {{"Mozbinding"}}">x</div>`, true},
	{"css hostile", `<div style="width: {{.Name}}">x</div>`, true},
	{"css backslash", `<div style="width: {{"1\\2"}}">x</div>`, false},
	{"kinds", `{{.N}} {{.F}} {{.B}} {{.Sev}} {{.Any}} {{.Str}} {{.SP}} {{.Tags}} {{.M}} {{.P}} {{.Err}}`, true},
	{"nil any", `[{{nilany "x"}}]`, false},
	{"methods", `{{.Upper}} {{.Value}} {{.P.Upper}} {{.Pair}} {{with index .Items 0}}{{.Value}}{{end}}`, true},
	{"method error", `{{.Fail}}`, false},
	{"method args", `{{.With "a"}}`, false},
	{"bad method", `{{.Hidden}}`, false},
	{"unexported", `{{.hide}}`, false},
	{"nil pointer", `{{.P.P.Name}}`, false},
	{"missing key", `[{{.M.nope}}]`, false},
	{"map key", `{{.M.k}} {{index .M "k"}} {{index .M "nope"}} {{index .PM .P}}`, true},
	{"if", `{{if .B}}yes{{else}}no{{end}} {{if .P.P}}p{{else if .N}}n{{else}}e{{end}} {{if .M.empty}}x{{end}}`, true},
	{"with", `{{with .P}}{{.Name}}/{{$.N}}{{else}}none{{end}} {{with .P.P}}x{{else}}nil{{end}} {{with $x := .N}}{{$x}}{{end}}`, true},
	{"range", `{{range $i, $v := .Items}}{{$i}}={{$v.Name}};{{end}}{{range .Tags}}[{{.}}]{{else}}none{{end}}{{range .P.Items}}x{{else}}empty{{end}}`, true},
	{"range one var", `{{range $v := .Tags}}{{$v}}{{end}}`, true},
	{"range assign", `{{$i := 0}}{{$v := ""}}{{range $i, $v = .Tags}}{{end}}{{$i}}{{$v}}`, true},
	{"range map", `{{range $k, $v := .M}}{{$k}}{{$v}}{{end}}`, false},
	{"range int", `{{range 3}}{{.}}{{end}}`, false},
	{"break", `{{range .Tags}}{{break}}{{end}}`, false},
	{"variables", `{{$x := .Name}}{{$x}}{{$x = "b"}}{{$x}}{{if true}}{{$y := 1}}{{$y}}{{$x = "c"}}{{end}}{{$x}}`, true},
	{"template", `{{define "sub"}}[{{.}}|{{$}}]{{end}}{{template "sub" .N}}{{template "sub" .Name}}`, true},
	{"template no data", `{{define "sub"}}[x]{{end}}{{define "dot"}}[{{.}}]{{end}}{{template "sub"}}{{template "dot"}}`, false},
	{"recursion", `{{define "r"}}{{if .P}}{{template "r" .P}}{{end}}<{{.Name}}>{{end}}{{template "r" .}}`, true},
	{"block", `{{block "b" .N}}b{{.}}{{end}}`, true},
	{"derived", `{{define "sub"}}{{.}}{{end}}<a title="{{template "sub" .Name}}">x</a>`, false},
	{"builtins", `{{and .B .N "x"}} {{and .N 0 1}} {{or 0 "" .Name}} {{or 0 ""}} {{not .B}} {{not .Tags}} {{len .Tags}} {{len .Name}} {{index .Tags 1}} {{index .Items 1 | name}}`, true},
	{"eq", `{{eq .N 42}} {{eq .Sev "high&"}} {{eq .N 1 2 42}} {{ne .Name "x"}} {{eq .B true}} {{eq .F 2.5}}`, true},
	{"eq kinds", `{{eq .N "42"}}`, false},
	{"print", `{{print .N .Name .P.N}} {{print}} {{print nil}}`, false},
	{"print values", `{{print .N .Name .P.N "x" 1.5 true}} {{print .Tags}}`, true},
	{"print strings", `{{print .Name .Sev "x"}} {{print .Lab "y"}} {{print .Any "z"}} {{.Lab}} {{.Sev}} <a class="{{.Lab}} {{.Sev}}">x</a>`, true},
	{"printf", `{{printf "%d" .N}}`, false},
	{"funcs", `{{up .Name}} {{.Name | up}} {{join .Tags ", "}} {{twice .N}} {{twice 21}} {{half 3}} {{show 3}} {{show 3.5}} {{show "s"}} {{show .Sev}} {{show .P}}`, true},
	{"func values", `{{name .P}} {{value .P}} {{sevs .Sev}} {{sevs "x"}} {{cat "a"}} {{cat "a" 1 .N}} {{.N | cat "b"}} {{refl "a" "b"}} {{"b" | refl "a"}}`, true},
	{"func arity", `{{triple "a" "b" "c"}} {{"c" | triple "a" "b"}} {{quad "a" "b" "c" "d"}} {{pair "ab" 3}}`, true},
	{"func error", `{{fail .Name}}`, false},
	{"func ok", `{{maybe .Name}}`, true},
	{"func wrong type", `{{twice .Name}}`, false},
	{"chain", `{{(index .Items 0).Name}} {{(.P).N}} {{($.P).Upper}}`, true},
	{"comment trim", "a {{- /* c */ -}} b {{- .N -}} c", true},
	{"unquoted attr", `<a title={{.Name}}>x</a>`, false},
	{"predefined", `{{.Name | html}}`, false},
	{"dot literal", `{{.}}`, true},
}

func TestSameAsHTMLTemplate(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			funcs, data := testFuncs(), testData()
			want, wantErr := reference(t, tc.src, funcs, data)
			tmpl := template.Must(template.New("t").Funcs(FuncMap(funcs)).Parse(tc.src))
			e := New(tmpl, funcs)
			for range 2 {
				var got bytes.Buffer
				err := e.Execute(&got, "t", data)
				if (err != nil) != (wantErr != nil) || err != nil && err.Error() != wantErr.Error() {
					t.Fatalf("error %v, html/template's %v", err, wantErr)
				}
				if err == nil && got.String() != want {
					t.Fatalf("got\n%q\nhtml/template wrote\n%q", got.String(), want)
				}
			}
			if fast, _ := e.Stats(); (fast > 0) != tc.fast {
				t.Errorf("%d executions of 2 by the executor; want fast=%v", fast, tc.fast)
			}
		})
	}
}

// reference executes src with html/template alone.
func reference(t *testing.T, src string, funcs map[string]Func, data any) (string, error) {
	t.Helper()
	tmpl := template.Must(template.New("t").Funcs(FuncMap(funcs)).Parse(src))
	var b bytes.Buffer
	err := tmpl.ExecuteTemplate(&b, "t", data)
	return b.String(), err
}

// TestNilData executes templates with no data, as New does to escape them.
func TestNilData(t *testing.T) {
	funcs := testFuncs()
	src := `{{define "a"}}{{.Name}}{{end}}{{define "b"}}x{{.}}y{{end}}`
	tmpl := template.Must(template.New("t").Funcs(FuncMap(funcs)).Parse(src))
	e := New(tmpl, funcs)
	for _, name := range []string{"a", "b", "t"} {
		want, wantErr := func() (string, error) {
			ref := template.Must(template.New("t").Funcs(FuncMap(funcs)).Parse(src))
			var b bytes.Buffer
			err := ref.ExecuteTemplate(&b, name, nil)
			return b.String(), err
		}()
		var got bytes.Buffer
		err := e.Execute(&got, name, nil)
		if (err != nil) != (wantErr != nil) || err == nil && got.String() != want {
			t.Errorf("%s: got %q, %v; html/template %q, %v", name, got.String(), err, want, wantErr)
		}
	}
}

// TestExecuted checks that a set that was already executed is left to
// html/template.
func TestExecuted(t *testing.T) {
	funcs := testFuncs()
	tmpl := template.Must(template.New("t").Funcs(FuncMap(funcs)).Parse(`{{.Name}}`))
	tmpl.Execute(&bytes.Buffer{}, testData())
	e := New(tmpl, funcs)
	var b bytes.Buffer
	want, _ := reference(t, `{{.Name}}`, funcs, testData())
	if err := e.Execute(&b, "t", testData()); err != nil || b.String() != want || want == "" {
		t.Fatalf("got %q, %v; html/template writes %q", b.String(), err, want)
	}
	if fast, slow := e.Stats(); fast != 0 || slow != 1 {
		t.Errorf("fast %d, slow %d; want everything left to html/template", fast, slow)
	}
}

// TestConcurrent executes the same templates from several goroutines; run
// it with -race.
func TestConcurrent(t *testing.T) {
	funcs := testFuncs()
	src := `{{define "row"}}<tr><td>{{.Name}}</td><td><a href="{{.Name}}">{{up .Name}}</a></td></tr>{{end}}{{range .Items}}{{template "row" .}}{{end}}`
	want, _ := reference(t, src, funcs, testData())
	e := New(template.Must(template.New("t").Funcs(FuncMap(funcs)).Parse(src)), funcs)
	done := make(chan string)
	for range 4 {
		go func() {
			var b bytes.Buffer
			for range 50 {
				b.Reset()
				e.Execute(&b, "t", testData())
			}
			done <- b.String()
		}()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// FuzzEscapers compares the ported escapers with html/template's on any
// string, in every context the executor handles.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{hostile, "", "a", "<", "&amp;", "javascript:x", "JavaScript:x", "/a:b", "http://x/é", "%41%4", "a--b", "expression(", "\x00", "\xff", "\u2028", "+", "1\\2", "a b\tc\n"} {
		f.Add(s)
	}
	funcs := testFuncs()
	src := `<p>{{.}}</p><a title="{{.}}" href="{{.}}">{{.}}</a><a href="/x?q={{.}}">q</a><title>{{.}}</title><div style="width: {{.}}">d</div>{{html3 .}}<a href="{{url .}}">u</a>`
	e := New(template.Must(template.New("t").Funcs(FuncMap(funcs)).Parse(src)), funcs)
	ref := template.Must(template.New("t").Funcs(FuncMap(funcs)).Parse(src))
	f.Fuzz(func(t *testing.T, s string) {
		var want, got bytes.Buffer
		wantErr := ref.Execute(&want, s)
		err := e.Execute(&got, "t", s)
		if (err != nil) != (wantErr != nil) || got.String() != want.String() {
			t.Fatalf("%q:\ngot  %q, %v\nwant %q, %v", s, got.String(), err, want.String(), wantErr)
		}
	})
}

// escapersCheckedWith is the Go release whose html/template escapers
// escape.go was last compared with: by TestExecutor in package site, the
// tests of this package, and FuzzEscapers (make fuzz). html/template may
// change its escaping in any release.
const escapersCheckedWith = "go1.26"

// TestGoRelease fails on a Go release other than the one the escapers
// were checked against, so that an upgrade of Go is never silently trusted:
// run make fuzz and go test ./generator/render/site/..., compare escape.go with
// the new release's html/template (escape.go, html.go, url.go), then
// update escapersCheckedWith.
func TestGoRelease(t *testing.T) {
	v := runtime.Version()
	if !strings.HasPrefix(v, escapersCheckedWith+".") && v != escapersCheckedWith {
		t.Fatalf("Go %s; the ported escapers were checked against %s: compare them with this release's html/template and run make fuzz before updating escapersCheckedWith", v, escapersCheckedWith)
	}
}

// TestBugsCounted: a panic of the executor other than a case it leaves to
// html/template is counted as a bug, and the output is still right.
func TestBugsCounted(t *testing.T) {
	funcs := testFuncs()
	funcs["boom"] = F1(func(s string) string { panic("boom") })
	src := `<p>{{boom .Name}}</p>`
	e := New(template.Must(template.New("t").Funcs(FuncMap(funcs)).Parse(src)), funcs)
	var b bytes.Buffer
	err := e.Execute(&b, "t", testData())
	if err == nil {
		t.Fatal("no error: html/template reports the panic of a function")
	}
	if n, first := e.Bugs(); n != 1 || !strings.Contains(first, "boom") {
		t.Errorf("bugs %d %q, want 1 with the panic's value", n, first)
	}
	if n, _ := New(template.Must(template.New("t").Funcs(FuncMap(funcs)).Parse(`{{.Missing}}`)), funcs).Bugs(); n != 0 {
		t.Errorf("a fresh executor has %d bugs", n)
	}
}

// TestShared: Executors made by NewShared with one key share one escaped
// copy, made by the first, and each still writes html/template's output
// with its own functions; another key gets a copy of its own.
func TestShared(t *testing.T) {
	src := `<a href="/x?q={{.Name}}" title="{{up .Name}}">{{.Name}}</a>{{template "u" .}}{{define "u"}}<p>{{.Upper}}</p>{{end}}`
	key := t.Name()
	var first *Executor
	for i := range 3 {
		funcs := testFuncs()
		tmpl := template.Must(template.New("t").Funcs(FuncMap(funcs)).Parse(src))
		e := NewShared(key, tmpl, funcs)
		if e.esc == nil {
			t.Fatal("no escaped copy")
		}
		if first == nil {
			first = e
		} else if e.esc != first.esc {
			t.Errorf("executor %d has an escaped copy of its own", i+1)
		}
		var got bytes.Buffer
		if err := e.Execute(&got, "t", testData()); err != nil {
			t.Fatal(err)
		}
		want, err := reference(t, src, testFuncs(), testData())
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != want {
			t.Errorf("executor %d: %q, want %q", i+1, got.String(), want)
		}
		if fast, slow := e.Stats(); fast != 1 || slow != 0 {
			t.Errorf("executor %d: %d executions by the executor, %d by html/template; want 1, 0", i+1, fast, slow)
		}
	}
	funcs := testFuncs()
	other := NewShared(key+"/other", template.Must(template.New("t").Funcs(FuncMap(funcs)).Parse(src)), funcs)
	if other.esc == first.esc {
		t.Error("another key shares the escaped copy")
	}
}
