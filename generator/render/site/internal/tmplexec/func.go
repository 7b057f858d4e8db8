package tmplexec

import (
	"html/template"
	"reflect"
)

// Func is a template function: the function, which html/template calls by
// reflection, and a typed wrapper through which the executor calls it
// directly. Make one with F1, F2, F3, F4 or FV, or with Reflect for a
// function that the executor may call by reflection too.
type Func struct {
	fn   reflect.Value
	call func(args []reflect.Value) (reflect.Value, error) // nil: fn.Call
	// str calls a function that returns a string, template.HTML or
	// template.URL, and returns the result without boxing it in a
	// reflect.Value; nil for other functions.
	str func(args []reflect.Value) (string, contentType, error)
}

// FuncMap returns the functions for html/template's Template.Funcs.
func FuncMap(funcs map[string]Func) template.FuncMap {
	m := make(template.FuncMap, len(funcs))
	for name, f := range funcs {
		m[name] = f.fn.Interface()
	}
	return m
}

// invoke calls f with arguments of the types of its parameters.
func (f Func) invoke(args []reflect.Value) (reflect.Value, error) {
	if f.call != nil {
		return f.call(args)
	}
	out := f.fn.Call(args)
	if len(out) == 2 && !out[1].IsNil() {
		return out[0], out[1].Interface().(error)
	}
	return out[0], nil
}

// Reflect returns fn as a Func that the executor calls by reflection.
func Reflect(fn any) Func { return Func{fn: reflect.ValueOf(fn)} }

// F1 returns a function of one argument as a Func.
func F1[A, R any](f func(A) R) Func {
	return typed(f, func(a []reflect.Value) (R, error) { return f(arg[A](a[0])), nil })
}

// F1E returns a function of one argument that may fail as a Func.
func F1E[A, R any](f func(A) (R, error)) Func {
	return typed(f, func(a []reflect.Value) (R, error) { return f(arg[A](a[0])) })
}

// F2 returns a function of two arguments as a Func.
func F2[A, B, R any](f func(A, B) R) Func {
	return typed(f, func(a []reflect.Value) (R, error) { return f(arg[A](a[0]), arg[B](a[1])), nil })
}

// F2E returns a function of two arguments that may fail as a Func.
func F2E[A, B, R any](f func(A, B) (R, error)) Func {
	return typed(f, func(a []reflect.Value) (R, error) { return f(arg[A](a[0]), arg[B](a[1])) })
}

// F3E returns a function of three arguments that may fail as a Func.
func F3E[A, B, C, R any](f func(A, B, C) (R, error)) Func {
	return typed(f, func(a []reflect.Value) (R, error) { return f(arg[A](a[0]), arg[B](a[1]), arg[C](a[2])) })
}

// F4E returns a function of four arguments that may fail as a Func.
func F4E[A, B, C, D, R any](f func(A, B, C, D) (R, error)) Func {
	return typed(f, func(a []reflect.Value) (R, error) {
		return f(arg[A](a[0]), arg[B](a[1]), arg[C](a[2]), arg[D](a[3]))
	})
}

// FV returns a function of one argument and a variadic list as a Func.
func FV[A, V, R any](f func(A, ...V) R) Func {
	return typed(f, func(a []reflect.Value) (R, error) {
		vs := make([]V, len(a)-1)
		for i := range vs {
			vs[i] = arg[V](a[i+1])
		}
		return f(arg[A](a[0]), vs...), nil
	})
}

// typed returns the Func of fn, which call calls with its arguments.
func typed[R any](fn any, call func([]reflect.Value) (R, error)) Func {
	f := Func{fn: reflect.ValueOf(fn), call: func(a []reflect.Value) (reflect.Value, error) {
		r, err := call(a)
		return result(r), err
	}}
	var zero R
	if _, t, ok := asString(zero); ok {
		f.str = func(a []reflect.Value) (string, contentType, error) {
			r, err := call(a)
			s, _, _ := asString(r)
			return s, t, err
		}
	}
	return f
}

// asString returns r and its content type when it is a string, a
// template.HTML or a template.URL.
func asString[R any](r R) (string, contentType, bool) {
	switch s := any(r).(type) {
	case string:
		return s, contentTypePlain, true
	case template.HTML:
		return string(s), contentTypeHTML, true
	case template.URL:
		return string(s), contentTypeURL, true
	}
	return "", 0, false
}

// arg returns an argument, already of a type assignable to A, as an A.
func arg[A any](v reflect.Value) A {
	if v.CanAddr() && v.Type() == reflect.TypeFor[A]() {
		// Without the copy that v.Interface makes of an addressable value.
		return *v.Addr().Interface().(*A)
	}
	if v.Kind() == reflect.Interface && v.IsNil() {
		var zero A
		return zero
	}
	if a, ok := v.Interface().(A); ok {
		return a
	}
	// A named and an unnamed type with the same underlying type.
	return v.Convert(reflect.TypeFor[A]()).Interface().(A)
}

// result returns r as reflect.Value.Call would: of type R, also when R is
// an interface.
func result[R any](r R) reflect.Value {
	if reflect.TypeFor[R]().Kind() == reflect.Interface {
		return reflect.ValueOf(&r).Elem()
	}
	return reflect.ValueOf(r)
}
