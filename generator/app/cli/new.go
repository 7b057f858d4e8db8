package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/ducha/ducha/generator/project/scaffold"
	"github.com/ducha/ducha/generator/project/source"
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
	n := &newCmd{env: e, dir: dir, province: *province}
	p, err := scaffold.Open(e.path(dir), *from)
	if err != nil {
		return n.failed(err)
	}
	n.what = what
	var added scaffold.Added
	switch what {
	case "finding":
		if *province == "" {
			fmt.Fprintln(e.stderr, "ducha new finding: say which province with --province (zj)")
			return ExitUsage
		}
		added, err = p.AddFinding(scaffold.FindingRequest{Province: *province, Item: *item, Kind: *kind, Severity: *severity, Visits: list(*visits)})
	case "province":
		added, err = p.AddProvince(arg)
	case "page":
		added, err = p.AddPage(arg, *title)
	case "campaign":
		added, err = p.AddCampaign(arg)
	default:
		fmt.Fprintf(e.stderr, "ducha new: cannot add %q; add a finding, province, page or campaign%s\n", what, suggest.DidYouMean(what, []string{"finding", "province", "page", "campaign"}))
		return ExitUsage
	}
	if err != nil {
		return n.failed(err)
	}
	n.added(added, p.Campaign())
	return ExitOK
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

// list returns the values of a flag that lists them with commas (v1, v2),
// without spaces and empty ones.
func list(s string) []string {
	var vs []string
	for v := range strings.SplitSeq(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			vs = append(vs, v)
		}
	}
	return vs
}

// newCmd is a run of ducha new: what it adds, to the project in dir.
type newCmd struct {
	*env
	what     string // finding, province, page or campaign; "" while the project opens
	dir      string
	province string // the --province of a finding
}

// added says what was added, where to fill it in and what to do next.
func (n *newCmd) added(a scaffold.Added, from string) {
	switch n.what {
	case "finding":
		fmt.Fprintf(n.stdout, "%s:%d: added finding %s; fill in its title and the empty values, then run %s check\n", a.File, a.Line, a.ID, n.prog)
	case "province":
		fmt.Fprintf(n.stdout, "%s:%d: added province %s; fill in its visits, indicators and findings\n", a.File, a.Line, a.ID)
	case "page":
		fmt.Fprintf(n.stdout, "%s:%d: added the page; write it in Markdown\n", a.File, a.Line)
	case "campaign":
		fmt.Fprintf(n.stdout, "%s: added campaign %s from %s: %s\n", a.File, a.ID, from, strings.Join(a.Files, ", "))
	}
	for _, note := range a.Notes {
		fmt.Fprintf(n.stdout, "note: %s\n", note)
	}
	for _, next := range a.Next {
		fmt.Fprintf(n.stdout, "next: %s\n", next)
	}
	if n.what == "campaign" {
		fmt.Fprintf(n.stdout, "next: %s check %s, then add what the groups find: %s new finding --province <id>\n", n.prog, n.dir, n.prog)
	}
}

// failed says why nothing was added, and returns the exit code: usage for
// a value the project cannot take (named as the user gave it: a finding's
// flags, --from), data for a file that stops the entry, internal for a
// failure to read or write.
func (n *newCmd) failed(err error) int {
	cmd := "ducha new"
	if n.what == "campaign" {
		cmd += " campaign"
	}
	var ve *scaffold.ValueError
	var fe *scaffold.FileError
	var re *source.RefusedError
	switch {
	case errors.As(err, &ve) && ve.Why == "" && n.what == "finding":
		return badChoice(n.env, "new", "--"+ve.Name, ve.Value, ve.Choices)
	case errors.As(err, &ve) && ve.Why == "" && ve.Name == "campaign":
		return badChoice(n.env, "new", "--from", ve.Value, ve.Choices)
	case errors.As(err, &ve) && ve.Why == "":
		return badChoice(n.env, "new", ve.Name, ve.Value, ve.Choices)
	case errors.As(err, &ve) && n.what == "finding":
		fmt.Fprintf(n.stderr, "ducha new finding: %s; leave out --%s\n", ve.Why, ve.Name)
		return ExitUsage
	case errors.As(err, &ve):
		fmt.Fprintf(n.stderr, "ducha new %s: %s\n", n.what, ve.Why)
		return ExitUsage
	case errors.Is(err, scaffold.ErrNoCampaign):
		fmt.Fprintf(n.stderr, "ducha new: %s has no campaign (data/<year>/campaign.yaml); run %s check %s\n", n.dir, n.prog, n.dir)
	case errors.As(err, &re):
		fmt.Fprintln(n.stderr, re)
	case !errors.As(err, &fe):
		fmt.Fprintf(n.stderr, "%s: %v\n", cmd, err)
		return ExitInternal
	case errors.Is(err, scaffold.ErrUnparsed):
		fmt.Fprintf(n.stderr, "ducha new %s: %s is not valid YAML; run %s check and fix it first\n", n.what, fe.Name, n.prog)
	case errors.Is(err, scaffold.ErrNotVisited):
		fmt.Fprintf(n.stderr, "ducha new finding: %s has no file %s: it was not visited on site; %s new province %s creates it\n", n.province, fe.Name, n.prog, n.province)
	case errors.Is(err, scaffold.ErrExists) && n.what == "campaign":
		fmt.Fprintf(n.stderr, "ducha new campaign: %s already exists; give another ID, or remove it first\n", fe.Name)
	case errors.Is(err, scaffold.ErrExists):
		fmt.Fprintf(n.stderr, "ducha new: %s already exists; edit it\n", fe.Name)
	case n.what == "campaign":
		fmt.Fprintf(n.stderr, "%s: %v\n", cmd, err)
	default:
		fmt.Fprintln(n.stderr, err)
	}
	return ExitData
}
