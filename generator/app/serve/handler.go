package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/pipeline"
)

//go:embed reload.js
var reloadJS []byte

// The server's own addresses, which no build can use: generator/render/site never
// writes a name starting with "__".
const (
	eventsPath = "/__ducha/events"
	scriptPath = "/__ducha/reload.js"
)

// ServeHTTP serves the last good build from memory, the live-reload script
// and its events.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if !s.allowedHost(r) {
		http.Error(w, "forbidden host", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(reloadJS)
		return
	}
	name, ok := fileName(r)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if name == pipeline.BriefingName {
		s.serveBriefing(w, r)
		return
	}
	if id, ok := letterID(name); ok {
		s.serveLetter(w, r, id)
		return
	}
	gen, site, _ := s.state()
	if site == nil {
		placeholder(w)
		return
	}
	data, ok, err := site.file(name)
	if err != nil {
		s.addProblem(gen, err)
		notice(w, http.StatusInternalServerError, "this file could not be made: the problem is shown over this page.", gen)
		return
	}
	if !ok && name == "favicon.ico" {
		w.WriteHeader(http.StatusNoContent) // browsers ask for it; don't log a 404 in their console
		return
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	if strings.HasSuffix(name, ".html") {
		data = inject(previewPolicy(data, r.Host), gen)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}

// fileName maps a request to a file of the build. It refuses any path with
// a ".." segment, a backslash or a NUL, however encoded, so that no request
// can even name something outside the build. A folder maps to its
// index.html; there are no listings.
func fileName(r *http.Request) (string, bool) {
	p := r.URL.Path
	raw := r.URL.RawPath
	if raw == "" {
		raw = r.URL.EscapedPath()
	}
	for _, s := range []string{p, raw, strings.ToLower(raw)} {
		if strings.Contains(s, "\\") || strings.Contains(s, "\x00") || strings.Contains(s, "%5c") || strings.Contains(s, "%00") {
			return "", false
		}
		for _, seg := range strings.Split(s, "/") {
			if seg == ".." || seg == "%2e%2e" || seg == ".%2e" || seg == "%2e." {
				return "", false
			}
		}
	}
	if !strings.HasPrefix(p, "/") {
		return "", false
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	if name == "" || strings.HasSuffix(p, "/") {
		name = path.Join(name, "index.html")
	}
	return name, true
}

// allowedHost refuses requests for other host names when the server
// listens on the local machine, so that a web page cannot reach it through
// DNS rebinding.
func (s *Server) allowedHost(r *http.Request) bool {
	host, _, err := net.SplitHostPort(s.opts.Addr)
	if err != nil || !(host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]") {
		return true
	}
	h, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		h = r.Host
	}
	return h == "127.0.0.1" || h == "localhost" || h == "::1"
}

// inject adds the live-reload script to an HTML page, just before </body>.
func inject(page []byte, gen int) []byte {
	tag := fmt.Sprintf(`<script src="%s" data-gen="%d"></script>`, scriptPath, gen)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// placeholder is shown until the first good build; the live-reload script
// shows the problems over it.
func placeholder(w http.ResponseWriter) {
	notice(w, http.StatusServiceUnavailable, "waiting for a good build.", 0)
}

// notice answers with a page of the server's own saying text, with the
// live-reload script of build gen, which shows the problems over it.
func notice(w http.ResponseWriter, code int, text string, gen int) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	page := `<!doctype html><html lang="zh"><meta charset="utf-8"><title>ducha</title><body><p>ducha serve: ` + html.EscapeString(text) + `</p></body></html>`
	w.Write(inject([]byte(page), gen))
}

// serveBriefing answers with the PDF of the last good build, or with a
// page showing why it cannot be made.
func (s *Server) serveBriefing(w http.ResponseWriter, r *http.Request) {
	gen, site, _ := s.state()
	if site == nil {
		placeholder(w)
		return
	}
	data, err := s.briefing(r.Context())
	if err != nil {
		s.addProblem(gen, err)
		notice(w, http.StatusInternalServerError, "the briefing could not be made: the problem is shown over this page.", gen)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}

// letterID returns the ID of the province whose feedback letter the file
// name is, letters/<id>.pdf, and false for any other name.
func letterID(name string) (string, bool) {
	rest, ok := strings.CutPrefix(name, pipeline.LettersDir+"/")
	if !ok {
		return "", false
	}
	id, ok := strings.CutSuffix(rest, ".pdf")
	return id, ok && id != "" && !strings.Contains(id, "/")
}

// serveLetter answers with the feedback letter to the province id, made
// from the last good build, or 404 when the province gets none, or a page
// showing why it cannot be made.
func (s *Server) serveLetter(w http.ResponseWriter, r *http.Request, id string) {
	gen, site, _ := s.state()
	if site == nil {
		placeholder(w)
		return
	}
	data, ok, err := s.letter(r.Context(), id)
	switch {
	case err != nil:
		s.addProblem(gen, err)
		notice(w, http.StatusInternalServerError, "the letter could not be made: the problem is shown over this page.", gen)
		return
	case !ok:
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}

// events streams server-sent events to one page: "reload" after a good
// build, "problems" with the list after a bad one. A page that connects
// with an old generation, or while the build has problems, is told at once.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	c := s.hub.join()
	defer s.hub.leave(c)
	gen, _, problems := s.state()
	switch {
	case problems != nil:
		writeEvent(w, event{name: "problems", data: problemsJSON(problems)})
	case r.URL.Query().Get("gen") != strconv.Itoa(gen):
		writeEvent(w, event{name: "reload", data: strconv.Itoa(gen)})
	default:
		writeEvent(w, event{name: "hello", data: strconv.Itoa(gen)})
	}
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, ok := <-c:
			if !ok {
				return
			}
			writeEvent(w, ev)
			flusher.Flush()
		}
	}
}

func writeEvent(w http.ResponseWriter, ev event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
}

// problemsJSON encodes problems as a JSON array of lines, one line of
// text: no newline can end the event early.
func problemsJSON(problems []diag.Diagnostic) string {
	lines := make([]string, len(problems))
	for i, p := range problems {
		lines[i] = p.String()
		if p.Pos.File == "" {
			lines[i] = p.Message
		}
	}
	data, _ := json.Marshal(lines)
	return string(data)
}
