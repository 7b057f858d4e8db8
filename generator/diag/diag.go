// Package diag collects problems found in a user's files and prints them.
//
// Every problem has a position (path:line:col, relative to the project root)
// and a message that says what to do. Lists are sorted by file, line and
// column before they are shown, so the output is the same on every run.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	"github.com/ducha/ducha/generator/model"
)

// Severity says whether a problem stops the build.
type Severity int

// The severities of a problem.
const (
	Error   Severity = iota // the data is wrong: nothing is built
	Warning                 // worth a look; an error with --strict
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem at one position.
type Diagnostic struct {
	Pos      model.Pos
	Severity Severity
	Message  string
}

// String formats d as path:line:col: message, with "warning: " before the
// message of a warning.
func (d Diagnostic) String() string {
	if d.Severity == Warning {
		return fmt.Sprintf("%s: warning: %s", d.Pos, d.Message)
	}
	return fmt.Sprintf("%s: %s", d.Pos, d.Message)
}

// List is a set of diagnostics. Its methods may be called from several
// goroutines at once. The zero List is empty and ready to use.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Errorf records an error at pos.
func (l *List) Errorf(pos model.Pos, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at pos.
func (l *List) Warnf(pos model.Pos, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Add records d.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, d)
	l.mu.Unlock()
}

// Merge records every diagnostic of m.
func (l *List) Merge(m *List) {
	items := m.Items()
	l.mu.Lock()
	l.items = append(l.items, items...)
	l.mu.Unlock()
}

// Items returns the diagnostics sorted by file, line, column, severity and
// message, without duplicates.
func (l *List) Items() []Diagnostic {
	l.mu.Lock()
	defer l.mu.Unlock()
	slices.SortFunc(l.items, compare)
	l.items = slices.Compact(l.items)
	return slices.Clone(l.items)
}

// Len returns the number of diagnostics.
func (l *List) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.items)
}

// Count returns the number of errors and of warnings.
func (l *List) Count() (errors, warnings int) {
	for _, d := range l.Items() {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any diagnostic is an error, or with strict any
// diagnostic at all.
func (l *List) HasErrors(strict bool) bool {
	e, w := l.Count()
	return e > 0 || strict && w > 0
}

// Err returns nil when l holds no error, and otherwise an error that lists
// every diagnostic, one per line.
func (l *List) Err() error {
	if !l.HasErrors(false) {
		return nil
	}
	return &ListError{Items: l.Items()}
}

// ListError is an error made of diagnostics.
type ListError struct{ Items []Diagnostic }

// Error returns the diagnostics, one per line.
func (e *ListError) Error() string {
	s := ""
	for i, d := range e.Items {
		if i > 0 {
			s += "\n"
		}
		s += d.String()
	}
	return s
}

func compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Col, b.Pos.Col),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Message, b.Message),
	)
}
