// Package load reads a ducha project from an [fs.FS] into the typed
// [model.Project].
//
// It checks what can be checked file by file: file names that messages
// could not show, files the project's file system refuses (see package
// source), text encoding, bidirectional controls (warned about and left
// out of the text), YAML syntax and the YAML the format does not use
// (anchors, aliases, merge keys, tags, directives), the shape of every
// value (types, enumerations, dates, numbers, unknown, duplicate and
// missing keys), and Markdown front matter. It resolves the IDs that
// files use to refer to each other, leaving a nil pointer where an ID names
// nothing; package validate reports those and every other rule that spans
// files.
//
// # Files
//
// The loader reads these files (docs/data-format.md describes each key):
//
//	ducha.yaml                          project configuration (optional)
//	data/provinces.yaml                 the provincial-level units
//	data/units.yaml                     member units of the leading group
//	data/<campaign>/campaign.yaml       scope of one campaign
//	data/<campaign>/items.yaml          key items, points and indicators
//	data/<campaign>/groups.yaml         supervision groups
//	data/<campaign>/self-exam.yaml      self-examination of every province
//	data/<campaign>/provinces/<id>.yaml visits, indicator values, findings
//	content/<campaign>/*.md             narrative (see [model.PageKind])
//
// Any other file under data/ or content/ is reported as unread.
package load

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/source"
	"github.com/ducha/ducha/generator/suggest"
)

// Load reads the project in fsys. It always returns a project, as complete
// as the files allow, and the problems it found. An I/O failure other than a
// missing file is returned as an error.
func Load(fsys fs.FS) (*model.Project, *diag.List, error) { return LoadCached(fsys, nil) }

// LoadCached is Load, taking the province files that have not changed
// since the last load with the same cache from the cache instead of
// parsing them again. cache may be nil.
//
// A panic while loading, a bug in the loader, is returned as an internal
// error: it must not take down a long-running caller (the preview server).
func LoadCached(fsys fs.FS, cache *Cache) (_ *model.Project, _ *diag.List, err error) {
	l := &loader{fsys: fsys, diags: &diag.List{}, read: map[string]bool{}, cache: cache}
	defer func() {
		if r := recover(); r != nil {
			err = internalError(r)
		}
	}()
	p := &model.Project{}
	l.config(p)
	l.file("data/provinces.yaml", &p.Provinces, "the list of provinces", true)
	l.file("data/units.yaml", &p.Units, "the list of member units", true)
	l.campaigns(p)
	l.run()
	if l.err != nil {
		return nil, l.diags, l.err
	}
	slices.Sort(l.broken)
	p.Unparsed = l.broken
	link(p)
	l.unread()
	cache.prune(l.read)
	return p, l.diags, l.err
}

// loader holds the state of one Load. Files are decoded in parallel by run.
type loader struct {
	fsys   fs.FS
	diags  *diag.List
	schema schema
	jobs   []func()
	cache  *Cache // may be nil

	mu     sync.Mutex
	read   map[string]bool // files the loader reads, by path
	broken []string        // files that could not be parsed
	err    error           // the first I/O error
}

func (l *loader) markRead(name string) {
	l.mu.Lock()
	l.read[name] = true
	l.mu.Unlock()
}

// unparsed records that a file could not be parsed, so that package
// validate does not report every reference to what it should have held.
func (l *loader) unparsed(name string) {
	l.mu.Lock()
	l.broken = append(l.broken, name)
	l.mu.Unlock()
}

func (l *loader) fail(err error) {
	l.mu.Lock()
	if l.err == nil {
		l.err = err
	}
	l.mu.Unlock()
}

// run decodes every queued file, using every core.
func (l *loader) run() {
	work := make(chan func())
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for job := range work {
				l.do(job)
			}
		})
	}
	for _, job := range l.jobs {
		work <- job
	}
	close(work)
	wg.Wait()
	l.jobs = nil
}

// do runs one job of run, turning a panic into an internal error, since
// it cannot cross the goroutine to LoadCached's recover.
func (l *loader) do(job func()) {
	defer func() {
		if r := recover(); r != nil {
			l.fail(internalError(r))
		}
	}()
	job()
}

func internalError(r any) error {
	return fmt.Errorf("internal error while loading the project, please report it: %v\n%s", r, debug.Stack())
}

// readFile reads a file, reporting it when it is missing and required,
// and when the project's file system refuses it (see package source).
func (l *loader) readFile(name, what string, required bool) ([]byte, bool) {
	l.markRead(name)
	data, err := fs.ReadFile(l.fsys, name)
	switch {
	case err == nil:
		return data, true
	case l.refused(err):
		l.unparsed(name)
	case errors.Is(err, fs.ErrNotExist):
		if required {
			l.missing(name, what)
			l.unparsed(name)
		}
	default:
		l.fail(err)
	}
	return nil, false
}

// missing reports a required file that does not exist.
func (l *loader) missing(name, what string) {
	pos := model.Pos{File: name}
	if target, err := fs.ReadLink(l.fsys, name); err == nil {
		l.diags.Errorf(pos, "this is a link to %q, which does not exist; correct the link, or put the file itself here", target)
		return
	}
	if what == "" {
		l.diags.Errorf(pos, "the file was removed while ducha read the project; check again")
		return
	}
	l.diags.Errorf(pos, "missing file: create it with %s (see docs/data-format.md)", what)
}

// refused reports a file or folder that the project's file system will
// not read (see package source), at its path, and reports whether err was
// such a refusal.
func (l *loader) refused(err error) bool {
	var r *source.RefusedError
	if !errors.As(err, &r) {
		return false
	}
	l.diags.Errorf(model.Pos{File: r.Name}, "%s", r.Why)
	return true
}

// exists reports whether name is there to be read: a file, or something
// the project's file system refuses, which reading it then reports.
func (l *loader) exists(name string) bool {
	_, err := fs.Stat(l.fsys, name)
	return err == nil || errors.As(err, new(*source.RefusedError))
}

// entries lists a folder's entries that the loader may read: not hidden,
// and with a name that messages can show (see badName). A missing folder
// has none.
func (l *loader) entries(dir string) []fs.DirEntry {
	all, err := fs.ReadDir(l.fsys, dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) && !l.refused(err) {
		l.fail(err)
		return nil
	}
	var out []fs.DirEntry
	for _, e := range all {
		if !hidden(e.Name()) && badName(e.Name()) == "" {
			out = append(out, e)
		}
	}
	return out
}

// file queues the decoding of a YAML file into v, a pointer.
func (l *loader) file(name string, v any, what string, required bool) {
	l.jobs = append(l.jobs, func() { l.decodeFile(name, v, what, required) })
}

func (l *loader) decodeFile(name string, v any, what string, required bool) bool {
	data, ok := l.readFile(name, what, required)
	if !ok {
		return false
	}
	return l.decodeData(name, data, v, what, l.diags)
}

// decodeData decodes data, the contents of the file name, into v,
// reporting problems to diags. It reports whether the file could be
// parsed.
func (l *loader) decodeData(name string, data []byte, v any, what string, diags *diag.List) bool {
	data, ok := checkText(name, data, 0, diags)
	if !ok {
		l.unparsed(name)
		return false
	}
	warnBidi(name, data, diags)
	if in, ok := v.(*model.Inspection); ok && l.decodeInPieces(name, data, in, what, diags) {
		return true
	}
	return l.decodeWhole(name, data, v, what, diags)
}

// decodeWhole decodes data, the text of the file name, into v, parsing it
// whole.
func (l *loader) decodeWhole(name string, data []byte, v any, what string, diags *diag.List) bool {
	root := parseYAML(name, data, 0, diags)
	if root == nil {
		if onlyComments(data) {
			emptyFile(name, what, diags)
		}
		l.unparsed(name)
		return false
	}
	d := &decoder{file: name, diags: diags, schema: &l.schema}
	d.root(root, v, what)
	return true
}

func onlyComments(data []byte) bool {
	for _, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if t != "" && !strings.HasPrefix(t, "#") && t != "---" {
			return false
		}
	}
	return true
}

func (l *loader) decode(name string, n *yaml.Node, line int, v any, what string) {
	d := &decoder{file: name, diags: l.diags, schema: &l.schema, line: line}
	d.root(n, v, what)
}

// root decodes the root node of a file into v, a pointer.
func (d *decoder) root(n *yaml.Node, v any, what string) {
	rv := reflect.ValueOf(v).Elem()
	if rv.Kind() == reflect.Slice {
		d.list(n, rv, what, bykeyRoot(rv.Type()))
		return
	}
	d.value(n, rv, what)
}

// bykeyRoot reports whether a file holding a list of t is written as a
// mapping: true for self-exam.yaml.
func bykeyRoot(t reflect.Type) bool { return t == reflect.TypeFor[[]*model.SelfExam]() }

func (l *loader) config(p *model.Project) {
	l.file("ducha.yaml", &p.Config, "the project configuration", false)
}

// campaigns queues every campaign folder under data/.
func (l *loader) campaigns(p *model.Project) {
	if !l.exists("data") {
		l.diags.Errorf(model.Pos{File: "data"}, "missing folder: a project keeps its data in data/ (see docs/data-format.md)")
		return
	}
	for _, e := range l.entries("data") {
		dir := path.Join("data", e.Name())
		if !e.IsDir() || !l.exists(path.Join(dir, "campaign.yaml")) {
			continue // reported as unread files
		}
		c := &model.Campaign{ID: e.Name(), Project: p}
		p.Campaigns = append(p.Campaigns, c)
		l.campaign(c, dir)
	}
}

func (l *loader) campaign(c *model.Campaign, dir string) {
	l.file(path.Join(dir, "campaign.yaml"), c, "the campaign's scope", true)
	l.file(path.Join(dir, "items.yaml"), &c.Items, "the list of key items", true)
	l.file(path.Join(dir, "groups.yaml"), &c.Groups, "the list of supervision groups", true)
	l.file(path.Join(dir, "self-exam.yaml"), &c.SelfExams, "the self-examination of every province", true)
	l.onSite(c, path.Join(dir, "provinces"))
	l.pages(c, path.Join("content", c.ID))
	l.media(c, path.Join("content", c.ID))
}

// media lists the images under content/<campaign>/, which the site
// publishes at the same place and pages show.
func (l *loader) media(c *model.Campaign, dir string) {
	l.walk(dir, func(name string, e fs.DirEntry) {
		if !model.IsMedia(name) {
			return
		}
		l.markRead(name)
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			// The site would publish whatever a link points to.
			l.diags.Errorf(model.Pos{File: name}, "an image must be a file of its own, not a link to one; copy the image here")
		case !e.Type().IsRegular():
			l.diags.Errorf(model.Pos{File: name}, "this is not a regular file (a named pipe or a device, say); put the image file itself here")
		default:
			c.Media = append(c.Media, strings.TrimPrefix(name, dir+"/"))
		}
	})
	slices.Sort(c.Media)
}

// walk calls fn for every file under dir, in lexical order, leaving out
// hidden files and folders and those whose names messages cannot show
// (unread reports them). It never follows a link: a link to a folder is
// given to fn as a file. A folder the project's file system refuses is
// reported.
func (l *loader) walk(dir string, fn func(name string, e fs.DirEntry)) {
	err := fs.WalkDir(l.fsys, dir, func(name string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			if errors.Is(err, fs.ErrNotExist) || l.refused(err) {
				return nil
			}
			return err
		case name == dir:
		case hidden(e.Name()) || badName(e.Name()) != "":
			if e.IsDir() {
				return fs.SkipDir
			}
		case !e.IsDir():
			fn(name, e)
		}
		return nil
	})
	if err != nil {
		l.fail(err)
	}
}

// onSite queues data/<campaign>/provinces/*.yaml.
func (l *loader) onSite(c *model.Campaign, dir string) {
	for _, e := range l.entries(dir) {
		id, ok := strings.CutSuffix(e.Name(), ".yaml")
		if e.IsDir() || !ok {
			continue
		}
		in := &model.Inspection{ProvinceID: id}
		c.OnSite = append(c.OnSite, in)
		name := path.Join(dir, e.Name())
		l.jobs = append(l.jobs, func() { l.inspection(name, in) })
	}
}

// pages queues the narrative of a campaign: content/<campaign>/.
func (l *loader) pages(c *model.Campaign, dir string) {
	add := func(name string, kind model.PageKind, key string) {
		pg := &model.Page{Kind: kind, Key: key, Path: name}
		c.Pages = append(c.Pages, pg)
		l.jobs = append(l.jobs, func() { l.page(pg) })
	}
	for _, kind := range []model.PageKind{model.PageOverview, model.PageSummary} {
		name := path.Join(dir, string(kind)+".md")
		if l.exists(name) {
			add(name, kind, "")
		}
	}
	for _, sub := range []struct {
		dir  string
		kind model.PageKind
	}{{"groups", model.PageGroup}, {"provinces", model.PageProvince}, {"items", model.PageItem}, {"pages", model.PageExtra}} {
		for _, e := range l.entries(path.Join(dir, sub.dir)) {
			if key, ok := strings.CutSuffix(e.Name(), ".md"); ok && !e.IsDir() {
				add(path.Join(dir, sub.dir, e.Name()), sub.kind, key)
			}
		}
	}
}

// page reads one Markdown file and its front matter.
func (l *loader) page(pg *model.Page) {
	data, ok := l.readFile(pg.Path, "", true)
	if !ok {
		return
	}
	pg.Src.Pos = model.Pos{File: pg.Path, Line: 1, Col: 1}
	data, ok = checkText(pg.Path, data, 0, l.diags)
	if !ok {
		return
	}
	warnBidi(pg.Path, data, l.diags)
	front, body, found := splitFrontMatter(pg.Path, data, l.diags)
	if hasBidi(body) {
		body = []byte(stripBidi(string(body)))
	}
	pg.Body = body
	if !found {
		return
	}
	if root := parseYAML(pg.Path, front, 1, l.diags); root != nil {
		l.decode(pg.Path, root, 1, pg, "front matter")
	}
}

// unread warns about files under data/ and content/ that nothing reads,
// and reports the names that messages cannot show as they are, which the
// loader leaves unread (see badName).
func (l *loader) unread() {
	for _, top := range []string{"data", "content"} {
		err := fs.WalkDir(l.fsys, top, func(name string, e fs.DirEntry, err error) error {
			switch {
			case err != nil:
				if errors.Is(err, fs.ErrNotExist) || errors.As(err, new(*source.RefusedError)) {
					return nil // reported where it was read
				}
				return err
			case name == top:
			case hidden(e.Name()):
				if e.IsDir() {
					return fs.SkipDir
				}
			case badName(e.Name()) != "":
				l.reportName(name, e)
				if e.IsDir() {
					return fs.SkipDir
				}
			case !e.IsDir() && !l.read[name]:
				l.diags.Warnf(model.Pos{File: name}, "nothing reads this file; move it out of %s/ or rename it (see docs/data-format.md)%s", top, l.suggestName(name))
			}
			return nil
		})
		if err != nil {
			l.fail(err)
		}
	}
}

// badName says what is wrong with a file's name that messages could not
// show as it is: bytes that are not UTF-8, a line break that would forge a
// line of ducha check's output, an invisible control. It returns "" for a
// good name. The loader reads no file with such a name.
func badName(name string) string {
	if !utf8.ValidString(name) {
		return "is not UTF-8 (the file was unpacked from an archive made on another system, perhaps)"
	}
	for _, r := range name {
		switch {
		case r == '\n' || r == '\r':
			return "holds a line break"
		case !unicode.IsGraphic(r):
			return fmt.Sprintf("holds the invisible character %U", r)
		}
	}
	return ""
}

// reportName reports a file or folder with a bad name: an error for what
// ducha would read (a folder, a YAML or Markdown file), a warning for an
// image, which is then not published, or another file.
func (l *loader) reportName(name string, e fs.DirEntry) {
	pos, why := model.Pos{File: name}, badName(e.Name())
	switch ext := path.Ext(e.Name()); {
	case e.IsDir():
		l.diags.Errorf(pos, "this folder's name %s, so ducha reads nothing in it; rename it", why)
	case ext == ".yaml" || ext == ".md":
		l.diags.Errorf(pos, "this file's name %s, so ducha does not read it; rename it", why)
	case model.IsMedia(name):
		l.diags.Warnf(pos, "this image's name %s, so it is not published; rename it", why)
	default:
		l.diags.Warnf(pos, "this file's name %s, and nothing reads it; rename it or move it out of the project", why)
	}
}

// suggestName proposes the file the user probably meant, for a typo in a
// file name such as group.yaml.
func (l *loader) suggestName(name string) string {
	dir, base := path.Split(name)
	var names []string
	for r := range l.read {
		if d, b := path.Split(r); d == dir {
			names = append(names, b)
		}
	}
	if len(names) == 0 {
		names = []string{"campaign.yaml", "items.yaml", "groups.yaml", "self-exam.yaml", "overview.md", "summary.md"}
	}
	slices.Sort(names)
	return suggest.DidYouMean(base, names)
}

func hidden(name string) bool { return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") }

// sortCampaigns orders campaigns oldest first.
func sortCampaigns(cs []*model.Campaign) {
	slices.SortStableFunc(cs, func(a, b *model.Campaign) int {
		return cmp.Or(a.Period.Start.Compare(b.Period.Start), cmp.Compare(a.ID, b.ID))
	})
}
