package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/source"
	"github.com/ducha/ducha/generator/suggest"
)

// Project is a project folder opened for adding to one of its campaigns:
// what ducha new does. Its Add methods check the request against the
// project as it was loaded, write the new entry, and return where to fill
// it in.
//
// An Add method's error says who has to act:
//
//   - a *ValueError: the request names something the project does not
//     have, or asks for what cannot be (a usage mistake);
//   - a *FileError or a *source.RefusedError: a file of the project stops
//     the entry from being added, and must be put right first;
//   - any other error: reading or writing failed.
type Project struct {
	dir  string
	fsys *source.FS
	p    *model.Project
	c    *model.Campaign // the campaign entries are added to
}

// Open loads the project in the folder dir, through [source.Dir], for
// adding to its campaign of the ID campaign, or to the current campaign
// when campaign is empty. It returns a *ValueError when the project has
// no campaign of that ID, [ErrNoCampaign] when it has none at all, and
// any other error when the project cannot be read. Problems in the
// project's files that leave the campaign loaded are not errors here;
// ducha check reports them.
func Open(dir, campaign string) (*Project, error) {
	fsys := source.Dir(dir)
	p, _, err := load.Load(fsys)
	if err != nil {
		return nil, err
	}
	c := p.Current()
	if campaign != "" {
		if c = p.Campaign(campaign); c == nil {
			return nil, choice("campaign", campaign, ids(p.Campaigns, func(c *model.Campaign) string { return c.ID }))
		}
	}
	if c == nil {
		return nil, ErrNoCampaign
	}
	return &Project{dir: dir, fsys: fsys, p: p, c: c}, nil
}

// Campaign returns the ID of the campaign that entries are added to.
func (p *Project) Campaign() string { return p.c.ID }

// Added is what an Add method added.
type Added struct {
	// File is the file written, or the folder of a campaign (ending in
	// "/"), relative to the project root: data/2015/provinces/zj.yaml.
	File string
	// Line is the line of File to fill in first, 1-based; 0 for a folder.
	Line int
	// ID is the ID of what was added: the finding (zj-03), the province,
	// the campaign; empty for a page.
	ID string
	// Files are a campaign's files, relative to its folder, sorted.
	Files []string
	// Next says what to do next, beyond filling in File, one sentence
	// each; Notes say what else to look at.
	Next, Notes []string
}

// ErrNoCampaign is the error of Open for a project without a campaign
// (data/<year>/campaign.yaml).
var ErrNoCampaign = errors.New("the project has no campaign")

// The errors that a [FileError] holds for what its file is or lacks.
var (
	// ErrUnparsed is a file that is not valid YAML.
	ErrUnparsed = errors.New("the file is not valid YAML")
	// ErrNotVisited is the file that a province not visited on site does
	// not have: there is nothing to add a finding to.
	ErrNotVisited = errors.New("no such file: the province was not visited on site")
	// ErrExists is a file or folder that a new one would replace.
	ErrExists = errors.New("already exists")
)

// FileError is a file of the project that stops an entry from being
// added: Err says why, and is one of ErrUnparsed, ErrNotVisited and
// ErrExists, or a message that says what to do.
type FileError struct {
	Name string // the file or folder, relative to the project root
	Err  error
}

// Error returns the file's name and why it stops the entry.
func (e *FileError) Error() string { return model.ShowPath(e.Name) + ": " + e.Err.Error() }

// Unwrap returns e.Err.
func (e *FileError) Unwrap() error { return e.Err }

// ValueError is a value of a request that the project cannot take.
type ValueError struct {
	// Name is what the value is for: the field of the request that holds
	// it (province, item, kind, severity, visits), campaign, page, or
	// the folder of a page (groups, provinces, items, pages).
	Name  string
	Value string // as given
	// Choices are the values the project has, for did-you-mean, when the
	// value names none of them; Why is empty then.
	Choices []string
	// Why, when set, says what is wrong with the value whatever the
	// project holds, and what to give instead: a message for the user.
	Why string
}

// Error returns Why, or says that the value is not one of the choices
// and which one was perhaps meant.
func (e *ValueError) Error() string {
	if e.Why != "" {
		return e.Why
	}
	return fmt.Sprintf("%s %q is not one of: %s%s", e.Name, e.Value, strings.Join(e.Choices, ", "), suggest.DidYouMean(e.Value, e.Choices))
}

func choice(name, value string, choices []string) error {
	return &ValueError{Name: name, Value: value, Choices: choices}
}

// rel returns the project-relative name of a file of the campaign under
// the top folder (data, content).
func (p *Project) rel(top string, elem ...string) string {
	return path.Join(append([]string{top, p.c.ID}, elem...)...)
}

// path returns the file name of the project-relative name.
func (p *Project) path(name string) string {
	return filepath.Join(p.dir, filepath.FromSlash(name))
}

// create writes the new file name of the project, which must not exist
// (ErrExists), creating its folder as needed.
func (p *Project) create(name string, data []byte) error {
	file := p.path(name)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return &FileError{Name: name, Err: ErrExists}
	}
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// ids returns the ID of each of xs.
func ids[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}
