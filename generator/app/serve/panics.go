package serve

import (
	"errors"
	"fmt"
	"runtime/debug"
)

// A panic while the server builds (loading, checking, preparing the site,
// rendering a page on demand, typesetting the briefing) is a bug of ducha,
// not of the user's data, and must not stop the server: the functions
// that run those stages recover, and the panic becomes an internalError,
// shown over the pages like any other problem, while the last good build
// stays served. Only a panic on the goroutine of the stage can be caught
// here: the stages' own worker goroutines must hand a panic back to their
// caller, as package typeset's do (its tables set rows in parallel).

// internalError is a panic turned into an error.
type internalError struct {
	what  string // what was being done, such as "rebuilding"
	value any    // what the panic was called with
	stack []byte // where it happened
}

// newInternalError records a panic with value p, caught while doing what.
// Call it in the deferred function that recovered, to have the stack of
// the panic.
func newInternalError(what string, p any) *internalError {
	return &internalError{what: what, value: p, stack: debug.Stack()}
}

func (e *internalError) Error() string {
	return fmt.Sprintf("internal error while %s: %v (a bug in ducha: please report it, with the files you last saved)", e.what, e.value)
}

// logStack prints where the panic behind err happened, if there was one.
func (s *Server) logStack(err error) {
	var ie *internalError
	if errors.As(err, &ie) {
		s.logf("where the internal error happened (put this in the report):\n%s", ie.stack)
	}
}
