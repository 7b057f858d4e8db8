package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/scaffold"
	"github.com/ducha/ducha/generator/project/source"
	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/generator/suggest"
)

const newAbout = `New adds an entry to the current campaign for you to fill in, leaving empty
the values only you can give, so that ducha check then lists each of them:

  finding     a finding at the end of a province's findings, with the next
              free ID (zj-07); the rest of the file is left as it was
  province    the file of a province visited on site, with its visits,
              indicators (the campaign's, as comments) and findings
  page        a narrative page: overview, summary, groups/<no>,
              provinces/<id>, items/<id> or pages/<slug>
  campaign    the next campaign, data/<year>/, from the current one (or
              --from): the same key items, indicators, groups and
              provinces, the next edition, its dates a year on, no
              visits, findings or self-examination reports yet

Examples:

  ducha new finding --province zj --item wages --severity high --visits v3
  ducha new finding --province zj --kind practice
  ducha new province sh
  ducha new page provinces/sh
  ducha new page pages/methods --title 督查方法
  ducha new campaign 2016`

func runNew(_ context.Context, e *env, args []string) int {
	fset := flagSet(e, "new", "finding|province|page|campaign [what] [flags] [project-dir]", newAbout)
	province := fset.String("province", "", "finding: the `ID` of the province it was found in (required)")
	item := fset.String("item", "", "finding: the `ID` of its key item")
	kind := fset.String("kind", "problem", "finding: problem or practice")
	severity := fset.String("severity", "", "finding: high, medium or low (problems)")
	visits := fset.String("visits", "", "finding: the visits it rests on, `v1,v2`")
	title := fset.String("title", "", "page: its `title`")
	from := fset.String("from", "", "campaign: the `ID` of the campaign to start from (default: the current one)")
	pos, code, ok := parse(fset, args, 4)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		fmt.Fprintln(e.stderr, "ducha new: say what to add: finding, province, page or campaign")
		fset.Usage()
		return ExitUsage
	}
	what, pos := pos[0], pos[1:]
	if code, ok := flagsFor(e, fset, what); !ok {
		return code
	}
	var arg string
	if what == "province" || what == "page" || what == "campaign" {
		if len(pos) == 0 {
			fmt.Fprintf(e.stderr, "ducha new %s: say which: %s new %s %s\n", what, e.prog, what, map[string]string{"province": "gz", "page": "provinces/gz", "campaign": "2016"}[what])
			return ExitUsage
		}
		arg, pos = pos[0], pos[1:]
	}
	if len(pos) > 1 {
		fmt.Fprintf(e.stderr, "ducha new %s: too many arguments: %s\n", what, strings.Join(pos[1:], " "))
		return ExitUsage
	}
	dir, ok := projectDir(e, "new", pos)
	if !ok {
		return ExitUsage
	}
	p, _, err := load.Load(source.Dir(dir))
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha new: %v\n", err)
		return ExitInternal
	}
	c := p.Current()
	if what == "campaign" && *from != "" {
		if c = p.Campaign(*from); c == nil {
			return (&newEntry{env: e}).badValue("--from", *from, ids(p.Campaigns, func(c *model.Campaign) string { return c.ID }))
		}
	}
	if c == nil {
		fmt.Fprintf(e.stderr, "ducha new: %s has no campaign (data/<year>/campaign.yaml); run %s check %s\n", dir, e.prog, dir)
		return ExitData
	}
	n := &newEntry{env: e, dir: dir, p: p, c: c}
	switch what {
	case "finding":
		return n.finding(*province, *item, *kind, *severity, *visits)
	case "province":
		return n.province(arg)
	case "page":
		return n.page(arg, *title)
	case "campaign":
		return n.campaign(arg)
	}
	fmt.Fprintf(e.stderr, "ducha new: cannot add %q; add a finding, province, page or campaign%s\n", what, suggest.DidYouMean(what, []string{"finding", "province", "page", "campaign"}))
	return ExitUsage
}

// newFlags are the flags of each kind of entry.
var newFlags = map[string][]string{
	"finding":  {"province", "item", "kind", "severity", "visits"},
	"province": {},
	"page":     {"title"},
	"campaign": {"from"},
}

// flagsFor reports a flag given for a kind of entry it does not apply to.
func flagsFor(e *env, fset *flag.FlagSet, what string) (int, bool) {
	allowed, known := newFlags[what]
	if !known {
		return ExitOK, true // reported with the kind
	}
	var wrong []string
	fset.Visit(func(f *flag.Flag) {
		if !slices.Contains(allowed, f.Name) {
			wrong = append(wrong, "--"+f.Name)
		}
	})
	if len(wrong) > 0 {
		fmt.Fprintf(e.stderr, "ducha new %s: %s is not a flag of new %s; see %s help new\n", what, strings.Join(wrong, ", "), what, e.prog)
		return ExitUsage, false
	}
	return ExitOK, true
}

// newEntry is what ducha new adds to.
type newEntry struct {
	*env
	dir string
	p   *model.Project
	c   *model.Campaign
}

// rel returns the project-relative path of the campaign's file name.
func (n *newEntry) rel(top string, elem ...string) string {
	return path.Join(append([]string{top, n.c.ID}, elem...)...)
}

func (n *newEntry) finding(province, item, kind, severity, visits string) int {
	if province == "" {
		fmt.Fprintln(n.stderr, "ducha new finding: say which province with --province (zj)")
		return ExitUsage
	}
	in := n.c.Inspection(province)
	if in == nil {
		return n.noInspection(province)
	}
	f := scaffold.Finding{ID: scaffold.NextFindingID(n.c, province), Item: item, Severity: severity}
	switch kind {
	case "problem":
		f.Problem = true
	case "practice":
		if severity != "" {
			fmt.Fprintln(n.stderr, "ducha new finding: a good practice has no severity; leave out --severity")
			return ExitUsage
		}
	default:
		return n.badValue("--kind", kind, model.FindingKind("").Choices())
	}
	if item != "" && n.c.Item(item) == nil {
		return n.badValue("--item", item, ids(n.c.Items, func(it *model.Item) string { return it.ID }))
	}
	if severity != "" && !slices.Contains(model.Severity("").Choices(), severity) {
		return n.badValue("--severity", severity, model.Severity("").Choices())
	}
	for v := range strings.SplitSeq(visits, ",") {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		if in.Visit(v) == nil {
			return n.badValue("--visits", v, ids(in.Visits, func(v *model.Visit) string { return v.ID }))
		}
		if !slices.Contains(f.Visits, v) {
			f.Visits = append(f.Visits, v)
		}
	}
	name := n.rel("data", "provinces", province+".yaml")
	file := filepath.Join(n.dir, filepath.FromSlash(name))
	src, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(n.stderr, "ducha new: %v\n", err)
		return ExitInternal
	}
	out, line, err := scaffold.AppendFinding(src, f)
	if err != nil {
		fmt.Fprintf(n.stderr, "%s: %v\n", name, err)
		return ExitData
	}
	if err := output.ReplaceFile(file, out); err != nil {
		fmt.Fprintf(n.stderr, "ducha new: %v\n", err)
		return ExitInternal
	}
	fmt.Fprintf(n.stdout, "%s:%d: added finding %s; fill in its title and the empty values, then run %s check\n", name, line, f.ID, n.prog)
	return ExitOK
}

// noInspection explains why a province has no file to add a finding to.
func (n *newEntry) noInspection(province string) int {
	name := n.rel("data", "provinces", province+".yaml")
	if slices.Contains(n.p.Unparsed, name) {
		fmt.Fprintf(n.stderr, "ducha new finding: %s is not valid YAML; run %s check and fix it first\n", name, n.prog)
		return ExitData
	}
	if n.p.Province(province) != nil {
		fmt.Fprintf(n.stderr, "ducha new finding: %s has no file %s: it was not visited on site; %s new province %s creates it\n", province, name, n.prog, province)
		return ExitData
	}
	return n.badValue("--province", province, ids(n.c.OnSite, func(in *model.Inspection) string { return in.ProvinceID }))
}

func (n *newEntry) province(id string) int {
	pr := n.p.Province(id)
	if pr == nil {
		return n.badValue("province", id, ids(n.p.Provinces, func(p *model.Province) string { return p.ID }))
	}
	name := n.rel("data", "provinces", id+".yaml")
	if code := n.create(name, scaffold.ProvinceFile(n.c, pr, n.p.Config.Lang())); code != ExitOK {
		return code
	}
	fmt.Fprintf(n.stdout, "%s:1: added province %s; fill in its visits, indicators and findings\n", name, id)
	if !slices.ContainsFunc(n.c.Groups, func(g *model.Group) bool { return slices.Contains(g.ProvinceIDs, id) }) {
		fmt.Fprintf(n.stdout, "next: list %s in the provinces of the group that visited it, in %s\n", id, n.rel("data", "groups.yaml"))
	}
	return ExitOK
}

func (n *newEntry) page(which, title string) int {
	which = strings.TrimSuffix(which, ".md")
	kind, key, _ := strings.Cut(which, "/")
	var known []string
	switch kind {
	case "overview", "summary":
		if key != "" {
			return n.badPage(which)
		}
	case "groups":
		if no, err := strconv.Atoi(key); err != nil || strconv.Itoa(no) != key || n.c.Group(no) == nil {
			known = ids(n.c.Groups, func(g *model.Group) string { return strconv.Itoa(g.No) })
		}
	case "provinces":
		known = ids(n.p.Provinces, func(p *model.Province) string { return p.ID })
	case "items":
		known = ids(n.c.Items, func(it *model.Item) string { return it.ID })
	case "pages":
		if !validate.ValidID(key) {
			fmt.Fprintf(n.stderr, "ducha new page: %q is not a page's address: use lower-case letters, digits and \"-\" (at most 40, not starting with \"-\"): pages/methods\n", key)
			return ExitUsage
		}
	default:
		return n.badPage(which)
	}
	if known != nil && !slices.Contains(known, key) {
		return n.badValue(kind, key, known)
	}
	name := n.rel("content", which+".md")
	if code := n.create(name, scaffold.PageFile(title, kind == "pages")); code != ExitOK {
		return code
	}
	fmt.Fprintf(n.stdout, "%s:4: added the page; write it in Markdown\n", name)
	return ExitOK
}

func (n *newEntry) badPage(which string) int {
	fmt.Fprintf(n.stderr, "ducha new page: %q is not a page ducha knows: give overview, summary, groups/<no>, provinces/<id>, items/<id> or pages/<slug>\n", which)
	return ExitUsage
}

// create writes a new file of the project, which must not exist.
func (n *newEntry) create(name string, data []byte) int {
	file := filepath.Join(n.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		fmt.Fprintf(n.stderr, "ducha new: %v\n", err)
		return ExitInternal
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(n.stderr, "ducha new: %s already exists; edit it\n", name)
		return ExitData
	}
	if err == nil {
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(n.stderr, "ducha new: %v\n", err)
		return ExitInternal
	}
	return ExitOK
}

// badValue reports a value that names nothing the project has.
func (n *newEntry) badValue(what, v string, choices []string) int {
	fmt.Fprintf(n.stderr, "ducha new: %s %q is not one of: %s%s\n", what, v, strings.Join(choices, ", "), suggest.DidYouMean(v, choices))
	return ExitUsage
}

func ids[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}
