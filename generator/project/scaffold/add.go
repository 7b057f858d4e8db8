package scaffold

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/project/source"
	"github.com/ducha/ducha/generator/project/validate"
)

// FindingRequest is a finding for AddFinding to add.
type FindingRequest struct {
	Province string   // the ID of the province it was found in, which has a file in the campaign
	Item     string   // the ID of its key item; empty leaves item: empty
	Kind     string   // problem or practice
	Severity string   // high, medium or low, for a problem; empty leaves severity: empty
	Visits   []string // the IDs of the province's visits it rests on; one given twice is listed once
}

// AddFinding adds a finding with the next free ID (zj-07) at the end of
// the findings of the province's file, data/<campaign>/provinces/<id>.yaml,
// as AppendFinding does, and returns the file and the line of its title.
// The file is read through [source.FS], which refuses a link that leads
// outside the project, and replaced in one step.
func (p *Project) AddFinding(r FindingRequest) (Added, error) {
	f, err := p.finding(r)
	if err != nil {
		return Added{}, err
	}
	name := p.rel("data", "provinces", r.Province+".yaml")
	src, err := p.fsys.ReadFile(name)
	if err != nil {
		return Added{}, err
	}
	out, line, err := AppendFinding(src, f)
	if err != nil {
		return Added{}, &FileError{Name: name, Err: err}
	}
	if err := output.ReplaceFile(p.path(name), out); err != nil {
		return Added{}, err
	}
	return Added{File: name, Line: line, ID: f.ID}, nil
}

// finding checks r against the campaign and returns the finding to add.
func (p *Project) finding(r FindingRequest) (Finding, error) {
	in := p.c.Inspection(r.Province)
	if in == nil {
		return Finding{}, p.noInspection(r.Province)
	}
	f := Finding{ID: NextFindingID(p.c, r.Province), Item: r.Item, Severity: r.Severity}
	switch r.Kind {
	case "problem":
		f.Problem = true
	case "practice":
		if r.Severity != "" {
			return Finding{}, &ValueError{Name: "severity", Value: r.Severity, Why: "a good practice has no severity"}
		}
	default:
		return Finding{}, choice("kind", r.Kind, model.FindingKind("").Choices())
	}
	if r.Item != "" && p.c.Item(r.Item) == nil {
		return Finding{}, choice("item", r.Item, ids(p.c.Items, func(it *model.Item) string { return it.ID }))
	}
	if r.Severity != "" && !slices.Contains(model.Severity("").Choices(), r.Severity) {
		return Finding{}, choice("severity", r.Severity, model.Severity("").Choices())
	}
	for _, v := range r.Visits {
		if in.Visit(v) == nil {
			return Finding{}, choice("visits", v, ids(in.Visits, func(v *model.Visit) string { return v.ID }))
		}
		if !slices.Contains(f.Visits, v) {
			f.Visits = append(f.Visits, v)
		}
	}
	return f, nil
}

// noInspection says why a province has no file to add a finding to.
func (p *Project) noInspection(province string) error {
	name := p.rel("data", "provinces", province+".yaml")
	if slices.Contains(p.p.Unparsed, name) {
		return &FileError{Name: name, Err: ErrUnparsed}
	}
	if p.p.Province(province) != nil {
		return &FileError{Name: name, Err: ErrNotVisited}
	}
	return choice("province", province, ids(p.c.OnSite, func(in *model.Inspection) string { return in.ProvinceID }))
}

// AddProvince writes the file of the province id (one of
// data/provinces.yaml) in the campaign, data/<campaign>/provinces/<id>.yaml,
// as ProvinceFile makes it; the file must not exist. When no group of the
// campaign visits the province, Next says to list it in one.
func (p *Project) AddProvince(id string) (Added, error) {
	pr := p.p.Province(id)
	if pr == nil {
		return Added{}, choice("province", id, ids(p.p.Provinces, func(p *model.Province) string { return p.ID }))
	}
	name := p.rel("data", "provinces", id+".yaml")
	if err := p.create(name, ProvinceFile(p.c, pr, p.p.Config.Lang())); err != nil {
		return Added{}, err
	}
	a := Added{File: name, Line: 1, ID: id}
	if !slices.ContainsFunc(p.c.Groups, func(g *model.Group) bool { return slices.Contains(g.ProvinceIDs, id) }) {
		a.Next = append(a.Next, fmt.Sprintf("list %s in the provinces of the group that visited it, in %s", id, p.rel("data", GroupsFile)))
	}
	return a, nil
}

// AddPage writes the narrative page which of the campaign,
// content/<campaign>/<which>.md, as PageFile makes it, with title in its
// front matter when given; the file must not exist. which is overview,
// summary, groups/<no>, provinces/<id>, items/<id> or pages/<slug>, with
// or without .md, and names what the project has. Line is the page's
// first line of Markdown.
func (p *Project) AddPage(which, title string) (Added, error) {
	which = strings.TrimSuffix(which, ".md")
	kind, key, _ := strings.Cut(which, "/")
	if err := p.pageKey(which, kind, key); err != nil {
		return Added{}, err
	}
	name := p.rel("content", which+".md")
	data := PageFile(title, kind == "pages")
	if err := p.create(name, data); err != nil {
		return Added{}, err
	}
	return Added{File: name, Line: strings.Count(string(data), "\n")}, nil
}

// pageKey checks that the page which, key of the folder kind, is one the
// campaign can have.
func (p *Project) pageKey(which, kind, key string) error {
	var known []string
	switch kind {
	case "overview", "summary":
		if key != "" {
			return badPage(which)
		}
	case "groups":
		if no, err := strconv.Atoi(key); err != nil || strconv.Itoa(no) != key || p.c.Group(no) == nil {
			known = ids(p.c.Groups, func(g *model.Group) string { return strconv.Itoa(g.No) })
		}
	case "provinces":
		known = ids(p.p.Provinces, func(p *model.Province) string { return p.ID })
	case "items":
		known = ids(p.c.Items, func(it *model.Item) string { return it.ID })
	case "pages":
		if !validate.ValidID(key) {
			return &ValueError{Name: kind, Value: key, Why: fmt.Sprintf("%q is not a page's address: use lower-case letters, digits and \"-\" (at most 40, not starting with \"-\"): pages/methods", key)}
		}
	default:
		return badPage(which)
	}
	if known != nil && !slices.Contains(known, key) {
		return choice(kind, key, known)
	}
	return nil
}

func badPage(which string) error {
	return &ValueError{Name: "page", Value: which, Why: fmt.Sprintf("%q is not a page ducha knows: give overview, summary, groups/<no>, provinces/<id>, items/<id> or pages/<slug>", which)}
}

// AddCampaign writes the campaign id, data/<id>/, that follows the one the
// project was opened on, as NextCampaign makes it, all or nothing: the
// files go into a hidden folder beside it, renamed into place once every
// one is written. id must be an ID (such as the year), its folder must not
// exist, and the files it is made from must be valid YAML. Notes say what
// to look at in the new campaign.
func (p *Project) AddCampaign(id string) (Added, error) {
	if !validate.ValidID(id) {
		return Added{}, &ValueError{Name: "campaign", Value: id, Why: fmt.Sprintf("%q is not a campaign's ID: use lower-case letters, digits and \"-\", such as the year: 2016", id)}
	}
	from := p.rel("data") + "/"
	for _, name := range p.p.Unparsed {
		if strings.HasPrefix(name, from) && !strings.HasPrefix(name, from+"provinces/") {
			return Added{}, &FileError{Name: name, Err: ErrUnparsed}
		}
	}
	files, notes, err := NextCampaign(p.fsys, p.p, p.c, id)
	if err != nil {
		return Added{}, err
	}
	if err := p.writeCampaign(id, files); err != nil {
		return Added{}, err
	}
	if pub := p.p.Config.Campaign; pub != "" {
		notes = append(notes, fmt.Sprintf("ducha.yaml publishes campaign %s; set campaign: %q there to publish this one", pub, id))
	}
	return Added{File: path.Join("data", id) + "/", ID: id, Files: slices.Sorted(maps.Keys(files)), Notes: notes}, nil
}

// writeCampaign writes the files of the new campaign id into data/<id>/,
// all or none: into a hidden folder beside it, renamed into place once
// every file is written. The folder must not exist.
func (p *Project) writeCampaign(id string, files map[string][]byte) error {
	name := path.Join("data", id)
	if _, err := p.fsys.Lstat(name); err == nil {
		return &FileError{Name: name, Err: ErrExists}
	}
	if fi, err := p.fsys.Stat("data"); err != nil || !fi.IsDir() {
		if r := (*source.RefusedError)(nil); errors.As(err, &r) {
			return err
		}
		return fmt.Errorf("%s has no data/ folder", p.dir)
	}
	tmp, err := os.MkdirTemp(p.path("data"), "."+id+".new-")
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		file := filepath.Join(tmp, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, files[rel], 0o644); err != nil {
			return err
		}
	}
	if _, err := os.Lstat(p.path(name)); err == nil {
		return &FileError{Name: name, Err: ErrExists}
	}
	return os.Rename(tmp, p.path(name))
}
