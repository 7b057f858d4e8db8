// Package serve is the preview server: it builds a project, serves the site
// over HTTP, watches the project's files, rebuilds on every change and makes
// the open pages follow.
//
// Nothing is written to disk: after each good check the site is prepared
// in memory, and each page is rendered when a browser first asks for it,
// so that a rebuild costs little more than the check, however large the
// campaign; nothing outside the build can ever be served. Every HTML page
// gets a small script, added while it is served and never written into a
// build, that listens for the server's events (server-sent events,
// /__ducha/events); the page's Content Security Policy, which in a build
// allows no connection at all, is widened while it is served to allow that
// script and its events, and nothing else. After a good rebuild the page
// reloads; after a failed one it shows every problem as path:line:col:
// message over the last good page, which stays served, until the next good
// build. The briefing is typeset when it is asked for, once per build. A
// panic while building, a bug of ducha, is shown in the same way as an
// internal error, and the server goes on.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/ducha/ducha/generator/app/watch"
	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/pipeline"
	"github.com/ducha/ducha/generator/project/source"
	"github.com/ducha/ducha/generator/render/site"
)

// DefaultAddr is where the server listens unless told otherwise: the local
// machine only.
const DefaultAddr = "127.0.0.1:1313"

// Options configure a Server.
type Options struct {
	Dir  string    // the project folder
	Addr string    // host:port to listen on; port 0 picks a free port
	Log  io.Writer // where build results and problems are printed
	// Quiet is how long the watcher waits for a burst of saves to end;
	// zero means the watcher's default.
	Quiet time.Duration

	// hook, when not nil, is called at each stage of a build ("check",
	// "prepare", "render", "briefing"), for tests that make one panic.
	hook func(stage string)
}

// Server is a running preview server.
type Server struct {
	opts  Options
	hub   *hub
	cache pipeline.Cache // fonts parsed once for every rebuild

	mu       sync.Mutex
	gen      int               // build generation, counting good builds
	site     *build            // the last good build, nil before the first
	built    *pipeline.Built   // the last good build
	problems []diag.Diagnostic // the problems of the last build; nil when it was good
	pdf      []byte            // the briefing of generation pdfGen
	pdfGen   int
	pdfMu    sync.Mutex // serialises typesetting
}

// Run builds the project, listens, calls ready with the server's URL, and
// serves until ctx is done.
func Run(ctx context.Context, opts Options, ready func(url string)) error {
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	s := &Server{opts: opts, hub: newHub()}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	s.rebuild(ctx)
	w, err := watch.New(ctx, watch.Options{
		Root:   opts.Dir,
		Trees:  []string{"data", "content", "templates"},
		Files:  s.watchedFiles(),
		Ignore: []string{"public", "bin", "node_modules", ".git"},
		Quiet:  opts.Quiet,
	})
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	ready("http://" + ln.Addr().String() + "/")
	for {
		select {
		case <-ctx.Done():
			shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			s.hub.close()
			srv.Shutdown(shutdown)
			return nil
		case err := <-errc:
			return err
		case b, ok := <-w.Changes():
			if !ok {
				continue
			}
			s.logf("changed: %s", describe(b))
			s.rebuild(ctx)
			w.SetFiles(s.watchedFiles())
		}
	}
}

// watchedFiles returns the single files that feed the build: ducha.yaml and
// the project's own fonts.
func (s *Server) watchedFiles() []string {
	files := []string{"ducha.yaml"}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.built != nil {
		for _, role := range s.built.Checked.Project.Config.PDF.Font.Roles() {
			for _, p := range role.Files {
				if p != "" {
					files = append(files, filepath.ToSlash(filepath.Clean(p)))
				}
			}
		}
	}
	return files
}

func describe(b watch.Batch) string {
	switch {
	case b.All:
		return "everything (events were lost)"
	case len(b.Paths) > 3:
		return fmt.Sprintf("%s and %d more", b.Paths[0], len(b.Paths)-1)
	}
	return fmt.Sprint(b.Paths)
}

// stage calls the test hook, if any, at the start of a stage of a build.
func (s *Server) stage(name string) {
	if s.opts.hook != nil {
		s.opts.hook(name)
	}
}

func (s *Server) logf(format string, args ...any) {
	fmt.Fprintf(s.opts.Log, "ducha serve: "+format+"\n", args...)
}

// rebuild checks and renders the project. A good build replaces the served
// site and reloads the pages; a bad one keeps the last good site and shows
// the problems. A panic, a bug of ducha, counts as a bad build.
func (s *Server) rebuild(ctx context.Context) {
	start := time.Now()
	defer func() {
		if p := recover(); p != nil {
			err := newInternalError("rebuilding", p)
			s.fail([]diag.Diagnostic{{Severity: diag.Error, Message: err.Error()}}, start)
			s.logStack(err)
		}
	}()
	s.stage("check")
	// The preview links the briefing, made when asked for: check for it.
	b, err := s.cache.Build(ctx, source.Dir(s.opts.Dir), pipeline.Options{Site: true, LinkBriefing: true})
	switch {
	case errors.Is(err, pipeline.ErrData):
		s.fail(b.Checked.Diags.Items(), start)
		return
	case err != nil && b.Checked == nil:
		s.fail([]diag.Diagnostic{{Message: err.Error()}}, start)
		return
	case err != nil:
		s.fail([]diag.Diagnostic{{Message: "build failed: " + err.Error()}}, start)
		return
	}
	s.stage("prepare")
	prep, c, ch := b.Site, b.Campaign, b.Checked
	site := &build{site: prep, files: map[string][]byte{}, stage: s.stage}
	s.mu.Lock()
	s.gen++
	gen := s.gen
	s.site, s.built, s.problems = site, b, nil
	s.mu.Unlock()
	s.hub.send(event{name: "reload", data: fmt.Sprint(gen)})
	if warnings := ch.Diags.Items(); len(warnings) > 0 {
		diag.Write(s.opts.Log, diag.Text, warnings)
	}
	s.logf("built %s (%d files, each rendered when first asked for) in %s", c.ID, prep.Len(), time.Since(start).Round(time.Millisecond))
}

// fail records the problems of a failed build and shows them.
func (s *Server) fail(problems []diag.Diagnostic, start time.Time) {
	s.mu.Lock()
	s.problems = problems
	s.mu.Unlock()
	s.logProblems(problems)
	errs := 0
	for _, p := range problems {
		if p.Severity == diag.Error {
			errs++
		}
	}
	s.logf("%d errors after %s; still serving the last good build", errs, time.Since(start).Round(time.Millisecond))
	s.hub.send(event{name: "problems", data: problemsJSON(problems)})
}

// state returns what the server serves now.
func (s *Server) state() (gen int, site *build, problems []diag.Diagnostic) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gen, s.site, s.problems
}

// addProblem adds a problem to those of build gen, if it is still the
// last good one, and shows them.
func (s *Server) addProblem(gen int, err error) {
	d := diag.Diagnostic{Severity: diag.Error, Message: err.Error()}
	s.mu.Lock()
	if s.gen != gen || slices.Contains(s.problems, d) {
		s.mu.Unlock()
		return
	}
	s.problems = append(slices.Clip(s.problems), d)
	problems := s.problems
	s.mu.Unlock()
	s.logProblems([]diag.Diagnostic{d})
	s.logStack(err)
	s.hub.send(event{name: "problems", data: problemsJSON(problems)})
}

// logProblems prints problems as path:line:col: message, or as the
// message alone for those of no file.
func (s *Server) logProblems(problems []diag.Diagnostic) {
	var inFiles []diag.Diagnostic
	for _, p := range problems {
		if p.Pos.File == "" {
			s.logf("%s", p.Message)
		} else {
			inFiles = append(inFiles, p)
		}
	}
	diag.Write(s.opts.Log, diag.Text, inFiles)
}

// build is a good build: its site, and the files rendered so far.
type build struct {
	site  *site.Prepared
	stage func(name string) // Server.stage
	mu    sync.Mutex
	files map[string][]byte
}

// file returns the file name of the build, rendering it the first time.
func (b *build) file(name string) ([]byte, bool, error) {
	b.mu.Lock()
	data, ok := b.files[name]
	b.mu.Unlock()
	if ok {
		return data, true, nil
	}
	data, ok, err := b.render(name)
	if err != nil || !ok {
		return nil, ok, err
	}
	b.mu.Lock()
	b.files[name] = data
	b.mu.Unlock()
	return data, true, nil
}

// render renders the file name, turning a panic into an error.
func (b *build) render(name string) (data []byte, ok bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			data, ok, err = nil, true, newInternalError("rendering "+name, p)
		}
	}()
	b.stage("render")
	data, ok, err = b.site.File(name)
	if err != nil {
		err = fmt.Errorf("rendering %s: %w", name, err)
	}
	return data, ok, err
}

// letter returns the feedback letter to the province id from the current
// build, typeset anew at each request (a letter takes a few tens of
// milliseconds), and ok false when the province gets none. A panic, a bug
// of ducha, becomes an error.
func (s *Server) letter(ctx context.Context, id string) (data []byte, ok bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			data, ok, err = nil, true, newInternalError("making the letter", p)
		}
	}()
	s.mu.Lock()
	b := s.built
	s.mu.Unlock()
	if b == nil {
		return nil, false, errors.New("no good build yet")
	}
	s.stage("letter")
	if data, ok, err = b.Letter(ctx, id); err != nil {
		return nil, true, fmt.Errorf("making the letter to %s: %w", id, err)
	}
	return data, ok, nil
}

// briefing returns the PDF of the current build, typesetting it once. A
// panic, a bug of ducha, becomes an error.
func (s *Server) briefing(ctx context.Context) (data []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			data, err = nil, newInternalError("making the briefing", p)
		}
	}()
	s.pdfMu.Lock()
	defer s.pdfMu.Unlock()
	s.mu.Lock()
	gen, b, cached, cachedGen := s.gen, s.built, s.pdf, s.pdfGen
	s.mu.Unlock()
	if b == nil {
		return nil, errors.New("no good build yet")
	}
	if cached != nil && cachedGen == gen {
		return cached, nil
	}
	s.stage("briefing")
	if data, err = b.Briefing(ctx); err != nil {
		return nil, fmt.Errorf("making the briefing: %w", err)
	}
	s.mu.Lock()
	if s.gen == gen {
		s.pdf, s.pdfGen = data, gen
	}
	s.mu.Unlock()
	return data, nil
}
