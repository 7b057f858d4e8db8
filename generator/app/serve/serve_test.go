package serve_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ducha/ducha/generator/app/serve"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/pipeline"
	"github.com/ducha/ducha/internal/synth"
)

// server is a running preview server over a copy of the minimal project.
type server struct {
	t      testing.TB
	dir    string
	url    string
	events chan sse
	log    *syncBuffer
}

type sse struct{ name, data string }

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// minimal is the project most tests serve a copy of.
const minimal = "../../../testdata/projects/minimal"

func start(t testing.TB) *server {
	t.Helper()
	return startDir(t, minimal)
}

// startDir serves a copy of the project's data, content and configuration
// in src.
func startDir(t testing.TB, src string) *server {
	t.Helper()
	return startWith(t, src, setup{})
}

// setup changes how startWith serves a project.
type setup struct {
	// hook is called at each stage of a build (see serve.SetHook).
	hook func(stage string)
	// arrange changes the copy of the project in dir before it is served.
	arrange func(t testing.TB, dir string)
}

// startWith is startDir with a setup.
func startWith(t testing.TB, src string, su setup) *server {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"ducha.yaml", "data", "content"} {
		if fi, err := os.Stat(filepath.Join(src, sub)); err != nil {
			continue
		} else if !fi.IsDir() {
			data, _ := os.ReadFile(filepath.Join(src, sub))
			os.WriteFile(filepath.Join(dir, sub), data, 0o644)
			continue
		}
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(src, sub))); err != nil {
			t.Fatal(err)
		}
	}
	if su.arrange != nil {
		su.arrange(t, dir)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &server{t: t, dir: dir, events: make(chan sse, 64), log: &syncBuffer{}}
	ready := make(chan string, 1)
	done := make(chan error, 1)
	opts := serve.Options{Dir: dir, Addr: "127.0.0.1:0", Log: s.log}
	if su.hook != nil {
		serve.SetHook(&opts, su.hook)
	}
	go func() {
		done <- serve.Run(ctx, opts, func(url string) { ready <- url })
	}()
	select {
	case s.url = <-ready:
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("serve did not stop after cancel")
		}
	})
	s.listen(ctx)
	return s
}

// listen follows the server's events as a page would.
func (s *server) listen(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, "GET", s.url+"__ducha/events?gen=1", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		s.t.Fatalf("events: content type %q", ct)
	}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			case line == "":
				s.events <- ev
				ev = sse{}
			}
		}
	}()
	if ev := s.next(); ev.name != "hello" {
		s.t.Fatalf("first event %v, want hello", ev)
	}
}

func (s *server) next() sse {
	s.t.Helper()
	select {
	case ev := <-s.events:
		return ev
	case <-time.After(10 * time.Second):
		s.t.Fatalf("no event; server log:\n%s", s.log.String())
	}
	return sse{}
}

// expect waits for the next event and checks its name.
func (s *server) expect(name string) sse {
	s.t.Helper()
	ev := s.next()
	if ev.name != name {
		s.t.Fatalf("event %q (%s), want %q; server log:\n%s", ev.name, ev.data, name, s.log.String())
	}
	return ev
}

func (s *server) get(path string) (int, string) {
	s.t.Helper()
	resp, err := http.Get(s.url + strings.TrimPrefix(path, "/"))
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func (s *server) page(path string) string {
	s.t.Helper()
	code, body := s.get(path)
	if code != http.StatusOK {
		s.t.Fatalf("GET %s: %d", path, code)
	}
	return body
}

func (s *server) file(rel string) string { return filepath.Join(s.dir, filepath.FromSlash(rel)) }

func (s *server) edit(rel, old, new string) string {
	s.t.Helper()
	data, err := os.ReadFile(s.file(rel))
	if err != nil || !strings.Contains(string(data), old) {
		s.t.Fatalf("%s does not contain %q", rel, old)
	}
	return strings.Replace(string(data), old, new, 1)
}

func TestServeFollowsEverySaveStyle(t *testing.T) {
	s := start(t)
	const f = "data/2015/provinces/zj.yaml"
	const title = "部分在建项目未设立农民工工资专用账户"
	if body := s.page("/findings/zj-01.html"); !strings.Contains(body, title) {
		t.Fatalf("finding page lacks its title")
	}
	if body := s.page("/"); !strings.Contains(body, `<script src="/__ducha/reload.js" data-gen="1"></script></body>`) {
		t.Errorf("the live-reload script is not injected before </body>")
	}
	styles := []struct {
		name string
		save func(data string)
	}{
		{"write in place", func(data string) {
			os.WriteFile(s.file(f), []byte(data), 0o644)
		}},
		{"write a temporary file and rename it over", func(data string) {
			tmp := s.file("data/2015/provinces/.zj.yaml.swp")
			os.WriteFile(tmp, []byte(data), 0o644)
			os.Rename(tmp, s.file(f))
		}},
		{"rename the old file away and write a new one", func(data string) {
			os.Rename(s.file(f), s.file(f+"~"))
			os.WriteFile(s.file(f), []byte(data), 0o644)
			os.Remove(s.file(f + "~"))
		}},
	}
	prev := title
	for i, st := range styles {
		t.Run(st.name, func(t *testing.T) {
			next := fmt.Sprintf("整改标题第%d版", i+1)
			st.save(s.edit(f, prev, next))
			s.expect("reload")
			if body := s.page("/findings/zj-01.html"); !strings.Contains(body, next) {
				t.Errorf("page not rebuilt with %q", next)
			}
			prev = next
		})
	}
}

func TestServeShowsProblemsAndKeepsLastGoodBuild(t *testing.T) {
	s := start(t)
	good := s.page("/findings/zj-01.html")
	const f = "data/2015/provinces/zj.yaml"

	os.WriteFile(s.file(f), []byte(s.edit(f, "severity: high", "severity: hihg")), 0o644)
	ev := s.expect("problems")
	want := `data/2015/provinces/zj.yaml:11:15: severity: unknown value \"hihg\"`
	if !strings.Contains(ev.data, want) {
		t.Errorf("problems event %s lacks %s", ev.data, want)
	}
	if !strings.Contains(s.log.String(), strings.ReplaceAll(want, `\"`, `"`)) {
		t.Errorf("terminal lacks the problem:\n%s", s.log.String())
	}
	if body := s.page("/findings/zj-01.html"); body != good {
		t.Errorf("the last good page is not served while the data is broken")
	}

	// A page opened now learns of the problems as soon as it connects.
	resp, err := http.Get(s.url + "__ducha/events?gen=1")
	if err != nil {
		t.Fatal(err)
	}
	first, _ := bufio.NewReader(resp.Body).ReadString('\n')
	resp.Body.Close()
	if first != "event: problems\n" {
		t.Errorf("new page's first event %q", first)
	}

	os.WriteFile(s.file(f), []byte(s.edit(f, "severity: hihg", "severity: low")), 0o644)
	s.expect("reload")
	if body := s.page("/findings/zj-01.html"); body == good {
		t.Errorf("the fixed build is not served")
	}
}

// TestServeFollowsLinkedFolders serves a project whose data folder is a
// link to another folder of the project, with a sub-folder that is a link
// too, and checks that saves in the folders they lead to are followed.
func TestServeFollowsLinkedFolders(t *testing.T) {
	s := startWith(t, minimal, setup{arrange: func(t testing.TB, dir string) {
		for _, l := range []struct{ real, link, target string }{
			{"store/data", "data", "store/data"},
			{"shared/provinces", "store/data/2015/provinces", "../../../shared/provinces"},
		} {
			os.MkdirAll(filepath.Dir(filepath.Join(dir, l.real)), 0o755)
			if err := os.Rename(filepath.Join(dir, l.link), filepath.Join(dir, l.real)); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(l.target, filepath.Join(dir, l.link)); err != nil {
				t.Fatal(err)
			}
		}
	}})
	const title = "部分在建项目未设立农民工工资专用账户"
	if body := s.page("/findings/zj-01.html"); !strings.Contains(body, title) {
		t.Fatalf("finding page lacks its title")
	}
	parent := s.t
	for _, save := range []struct {
		name, file, old, new, page string
		save                       func(t *testing.T, name, data string)
	}{
		{"in the linked sub-folder", "shared/provinces/zj.yaml", title, "链接目录中的新标题", "/findings/zj-01.html", saveInPlace},
		{"through the links", "data/2015/provinces/zj.yaml", "链接目录中的新标题", "经由链接保存的标题", "/findings/zj-01.html", saveAtomically},
		{"in the linked data folder", "store/data/2015/groups.yaml", "张某某", "李某某", "/groups/1.html", saveLikeVim},
	} {
		t.Run(save.name, func(t *testing.T) {
			s.t = t
			defer func() { s.t = parent }()
			save.save(t, s.file(save.file), s.edit(save.file, save.old, save.new))
			s.expect("reload")
			if body := s.page(save.page); !strings.Contains(body, save.new) {
				t.Errorf("%s not rebuilt with %q", save.page, save.new)
			}
		})
	}
}

// TestServeSurvivesPanics makes each stage of a build panic in turn, and
// checks that the server keeps serving the last good build, shows the
// panic as an internal error, and builds normally after the next save.
func TestServeSurvivesPanics(t *testing.T) {
	var panicAt atomic.Value // the stage that panics, or ""
	panicAt.Store("")
	s := startWith(t, minimal, setup{hook: func(stage string) {
		if panicAt.Load() == stage {
			panic("injected at " + stage)
		}
	}})
	const f = "data/2015/provinces/zj.yaml"
	prev := "部分在建项目未设立农民工工资专用账户"
	parent := s.t
	for i, stage := range []string{"check", "prepare", "render", "briefing"} {
		t.Run(stage, func(t *testing.T) {
			s.t = t
			defer func() { s.t = parent }()
			next := fmt.Sprintf("整改标题第%d版", i+1)
			panicAt.Store(stage)
			switch stage {
			case "check", "prepare":
				os.WriteFile(s.file(f), []byte(s.edit(f, prev, next)), 0o644)
			case "render":
				s.failingPage("/") // a page not rendered yet
			case "briefing":
				s.failingPage("/briefing.pdf")
			}
			ev := s.expect("problems")
			if want := "internal error while " + map[string]string{
				"check": "rebuilding", "prepare": "rebuilding",
				"render": "rendering index.html", "briefing": "making the briefing",
			}[stage] + ": injected at " + stage; !strings.Contains(ev.data, want) {
				t.Errorf("problems %s lack %q", ev.data, want)
			}
			if body := s.page("/findings/zj-01.html"); !strings.Contains(body, prev) {
				t.Errorf("the last good build is not served")
			}
			panicAt.Store("")
			data, _ := os.ReadFile(s.file(f)) // the save that panicked, if any, made it next already
			os.WriteFile(s.file(f), []byte(strings.Replace(string(data), prev, next, 1)), 0o644)
			s.expect("reload")
			if body := s.page("/findings/zj-01.html"); !strings.Contains(body, next) {
				t.Errorf("not rebuilt after the panic")
			}
			prev = next
		})
	}
	if code, body := s.get("/briefing.pdf"); code != http.StatusOK || !strings.HasPrefix(body, "%PDF") {
		t.Errorf("no briefing after the panics: %d", code)
	}
}

// failingPage asks for a file that cannot be made, and checks that the
// answer is an error page that shows the problems.
func (s *server) failingPage(path string) {
	s.t.Helper()
	code, body := s.get(path)
	if code != http.StatusInternalServerError || !strings.Contains(body, `<script src="/__ducha/reload.js"`) {
		s.t.Errorf("GET %s: %d, want 500 and a page showing the problem:\n%s", path, code, body)
	}
}

// TestServeSurvivesLoaderPanic saves a file with a YAML alias, which made
// the loader panic, and checks that the server shows a problem, keeps
// serving, and rebuilds when the file is fixed.
func TestServeSurvivesLoaderPanic(t *testing.T) {
	s := start(t)
	const f = "data/2015/groups.yaml"
	good, err := os.ReadFile(s.file(f))
	if err != nil {
		t.Fatal(err)
	}
	aliased := strings.Replace(string(good), "- ", "- &g\n  ", 1) + "- *g\n"
	os.WriteFile(s.file(f), []byte(aliased), 0o644)
	s.expect("problems")
	if code, _ := s.get("/findings/zj-01.html"); code != http.StatusOK {
		t.Errorf("the last good build is not served: %d", code)
	}
	os.WriteFile(s.file(f), good, 0o644)
	s.expect("reload")
}

// TestServePolicyAllowsOnlyLiveReload checks that a served page is the
// built page with its Content Security Policy allowing the live-reload
// script and its events, and nothing else, and the script added.
func TestServePolicyAllowsOnlyLiveReload(t *testing.T) {
	s := start(t)
	const name = "findings/zj-01.html"
	var built output.Memory
	open := func(*pipeline.Checked) (pipeline.Output, error) { return &built, nil }
	if _, err := new(pipeline.Cache).Build(context.Background(), os.DirFS(s.dir), pipeline.Options{Site: true, LinkBriefing: true, Open: open}); err != nil {
		t.Fatal(err)
	}
	page, _ := built.File(name)
	const policy = `connect-src 'none'`
	if !strings.Contains(string(page), policy) {
		t.Fatalf("the built page lacks %s", policy)
	}
	origin := strings.TrimSuffix(s.url, "/")
	want := strings.Replace(string(page), policy, "connect-src "+origin+"/__ducha/events", 1)
	want = strings.Replace(want, `script-src 'self' file:;`, `script-src 'self' file: `+origin+`/__ducha/reload.js;`, 1)
	want = strings.Replace(want, "</body>", `<script src="/__ducha/reload.js" data-gen="1"></script></body>`, 1)
	if got := s.page(name); got != want {
		t.Errorf("the served page differs from the built one by more than its policy and script:\n%s\nwant:\n%s", policyLine(got), policyLine(want))
	}
}

// policyLine returns the line of page with its Content Security Policy.
func policyLine(page string) string {
	for line := range strings.Lines(page) {
		if strings.Contains(line, "Content-Security-Policy") {
			return line
		}
	}
	return "(no policy)"
}

func TestServePicksUpNewFolders(t *testing.T) {
	s := start(t)
	if code, _ := s.get("/provinces/zj.html"); code != http.StatusOK {
		t.Fatalf("province page: %d", code)
	}
	dir := s.file("content/2015/provinces")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "zj.md"), []byte("浙江省新增叙述内容。\n"), 0o644)
	s.expect("reload")
	if body := s.page("/provinces/zj.html"); !strings.Contains(body, "浙江省新增叙述内容") {
		t.Errorf("narrative in a new folder not picked up")
	}
}

func TestServeBriefingOnRequest(t *testing.T) {
	s := start(t)
	code, body := s.get("/briefing.pdf")
	if code != http.StatusOK || !strings.HasPrefix(body, "%PDF") {
		t.Fatalf("briefing: %d %.10q", code, body)
	}
}

// TestServeLettersOnRequest checks that the preview links each visited
// province's page to its feedback letter, makes the letter when asked for,
// from the data as last saved, and answers 404 for a province that gets
// none.
func TestServeLettersOnRequest(t *testing.T) {
	s := start(t)
	if body := s.page("/provinces/zj.html"); !strings.Contains(body, `href="../letters/zj.pdf"`) {
		t.Errorf("the province page does not link its letter")
	}
	code, first := s.get("/letters/zj.pdf")
	if code != http.StatusOK || !strings.HasPrefix(first, "%PDF") {
		t.Fatalf("letter: %d %.10q", code, first)
	}
	for _, path := range []string{"/letters/bj.pdf", "/letters/zz.pdf", "/letters/.pdf", "/letters/zj.txt"} {
		if code, _ := s.get(path); code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, code)
		}
	}
	const f = "data/2015/provinces/zj.yaml"
	data, err := os.ReadFile(s.file(f))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(s.file(f), []byte(strings.Replace(string(data), "部分在建项目未设立农民工工资专用账户", "部分在建项目仍未设立农民工工资专用账户", 1)), 0o644)
	s.expect("reload")
	if code, again := s.get("/letters/zj.pdf"); code != http.StatusOK || again == first {
		t.Errorf("the letter is not made anew from the saved data: %d, same bytes %v", code, again == first)
	}
}

// TestServeRefusesTraversal sends requests that try to leave the build, as
// raw request lines so that no client cleans them first.
func TestServeRefusesTraversal(t *testing.T) {
	s := start(t)
	outside := filepath.Join(s.dir, "secret.txt")
	os.WriteFile(outside, []byte("secret"), 0o644)
	os.Symlink(outside, s.file("content/2015/link.md"))
	host := strings.TrimSuffix(strings.TrimPrefix(s.url, "http://"), "/")
	for _, target := range []string{
		"/../secret.txt",
		"/../../../../etc/passwd",
		"/%2e%2e/secret.txt",
		"/%2E%2E/%2E%2E/etc/passwd",
		"/findings/..%2f..%2fsecret.txt",
		"/findings/%2e%2e/%2e%2e/secret.txt",
		"/..%5csecret.txt",
		"/findings\\..\\..\\secret.txt",
		"/%00",
		"/index.html%00.txt",
		"/assets/",
		"/assets",
		"/data/2015/groups.yaml",
		"/content/2015/link.md",
		"/secret.txt",
		"//etc/passwd",
	} {
		conn, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		body, _ := io.ReadAll(resp.Body)
		conn.Close()
		if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s: %d, want 404", target, resp.StatusCode)
		}
		if strings.Contains(string(body), "secret") || strings.Contains(string(body), "root:") {
			t.Errorf("GET %s leaked: %s", target, body)
		}
	}
}

func TestServeRefusesOtherHosts(t *testing.T) {
	s := start(t)
	req, _ := http.NewRequest("GET", s.url, nil)
	req.Host = "evil.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("foreign Host: %d, want 403", resp.StatusCode)
	}
}

// BenchmarkSaveToReload measures what a user waits for: from saving a data
// file to the reload event reaching the page, at the sample's size (the
// minimal project here; see BenchmarkSaveToReloadSample). It includes the
// watcher's quiet period.
func BenchmarkSaveToReload(b *testing.B) {
	s := start(b)
	benchSaves(b, s, "data/2015/provinces/zj.yaml", "部分在建项目未设立农民工工资专用账户")
}

// BenchmarkSaveToReloadSample is BenchmarkSaveToReload on the sample
// campaign at the root of the repository.
func BenchmarkSaveToReloadSample(b *testing.B) {
	s := startDir(b, filepath.Join("..", "..", ".."))
	benchSaves(b, s, "data/2015/provinces/zj.yaml", "基层公共就业服务平台实现城乡全覆盖")
}

func benchSaves(b *testing.B, s *server, rel, marker string) {
	data, err := os.ReadFile(s.file(rel))
	if err != nil || !strings.Contains(string(data), marker) {
		b.Fatalf("%s lacks %q", rel, marker)
	}
	b.ResetTimer()
	for i := range b.N {
		edited := strings.Replace(string(data), marker, marker+fmt.Sprint(i%2), 1)
		os.WriteFile(s.file(rel), []byte(edited), 0o644)
		for ev := s.next(); ev.name != "reload"; ev = s.next() {
			if ev.name == "problems" {
				b.Fatalf("problems: %s", ev.data)
			}
		}
	}
}

// BenchmarkSaveToReload10k is BenchmarkSaveToReload on a synthetic
// campaign of 10,000 findings, editing one province's file.
func BenchmarkSaveToReload10k(b *testing.B) {
	src := b.TempDir()
	if err := synth.Write(src, synth.Options{Findings: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	s := startDir(b, src)
	benchSaves(b, s, "data/2015/provinces/zj.yaml", `title: {zh: "`)
}
