package cli

import (
	"context"

	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/pipeline"
	"github.com/ducha/ducha/generator/project/sheet"
	"github.com/ducha/ducha/generator/project/source"
	"github.com/ducha/ducha/generator/suggest"
)

func runTemplate(_ context.Context, e *env, args []string) int {
	fset := flagSet(e, "template", "[--group N | --province ID] [-o FILE.xlsx] [project-dir]",
		"Template writes a spreadsheet (.xlsx) of the current campaign's findings and their\n"+
			"rectification for a group or a province to fill in: the findings the project has,\n"+
			"and empty rows for new ones; drop-down lists for province, key item, kind, severity\n"+
			"and status; the IDs locked; instructions on a sheet of their own. Send it out,\n"+
			"and take it back in with ducha import. It never writes over a file.")
	group := fset.Int("group", 0, "the findings of the provinces of group `N`")
	province := fset.String("province", "", "the findings of one province, by its `ID`")
	out := fset.String("o", "", "the `file` to write (default: <campaign>-<group-N|province|all>.xlsx here)")
	pos, code, ok := parse(fset, args, 1)
	if !ok {
		return code
	}
	if *group != 0 && *province != "" {
		fmt.Fprintln(e.stderr, "ducha template: give --group or --province, not both")
		return ExitUsage
	}
	dir, ok := projectDir(e, "template", pos)
	if !ok {
		return ExitUsage
	}
	p, c, code, ok := checkedCampaign(e, "template", dir)
	if !ok {
		return code
	}
	t := sheet.Template{Project: p, Campaign: c, Created: created(e, c.AsOf)}
	lang := p.Config.Lang()
	suffix := "all"
	switch {
	case *group != 0:
		g := c.Group(*group)
		if g == nil {
			return badChoice(e, "template", "--group", strconv.Itoa(*group), ids(c.Groups, func(g *model.Group) string { return strconv.Itoa(g.No) }))
		}
		for _, pr := range g.ProvinceIDs {
			if in := c.Inspection(pr); in != nil {
				t.Provinces = append(t.Provinces, in)
			}
		}
		t.For, suffix = i18n.GroupName(lang, g.No), "group-"+strconv.Itoa(g.No)
	case *province != "":
		in := c.Inspection(*province)
		if in == nil {
			return badChoice(e, "template", "--province", *province, ids(c.OnSite, func(in *model.Inspection) string { return in.ProvinceID }))
		}
		t.Provinces, t.For, suffix = []*model.Inspection{in}, in.Province.Name.In(lang), *province
	default:
		t.Provinces, t.For = c.OnSite, c.Label(lang)
	}
	if *out == "" {
		*out = c.ID + "-" + suffix + ".xlsx"
	}
	if _, err := os.Lstat(e.path(*out)); err == nil {
		fmt.Fprintf(e.stderr, "ducha template: %s already exists; it may be filled in: give another name with -o, or remove it\n", *out)
		return ExitUsage
	}
	err := output.WriteFileAtomic(e.path(*out), func(w io.Writer) error { return sheet.Write(w, t) })
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha template: %v\n", err)
		return ExitInternal
	}
	n := 0
	for _, in := range t.Provinces {
		n += len(in.Findings)
	}
	fmt.Fprintf(e.stdout, "ducha template: wrote %s: %s for %s, %s and %d empty rows\n", *out, c.ID, t.For, count(n, "finding"), sheet.BlankRows)
	fmt.Fprintf(e.stdout, "next: send it out; when it is back, %s import %s\n", e.prog, *out)
	return ExitOK
}

// checkedCampaign loads and checks the project in dir, without the
// briefing's fonts, and returns it with its current campaign. ok is false
// when the project has errors (printed) or no campaign.
func checkedCampaign(e *env, cmd, dir string) (*model.Project, *model.Campaign, int, bool) {
	ch, err := pipeline.Check(source.Dir(e.path(dir)), pipeline.CheckOptions{})
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha %s: %v\n", cmd, err)
		return nil, nil, ExitInternal, false
	}
	if ch.Diags.HasErrors(false) {
		diag.Write(e.stderr, diag.Text, ch.Diags.Items())
		errs, _ := ch.Diags.Count()
		fmt.Fprintf(e.stderr, "ducha %s: the project has %s; fix them first (%s check %s)\n", cmd, count(errs, "error"), e.prog, dir)
		return nil, nil, ExitData, false
	}
	c := ch.Project.Current()
	if c == nil {
		fmt.Fprintf(e.stderr, "ducha %s: %s has no campaign\n", cmd, dir)
		return nil, nil, ExitData, false
	}
	return ch.Project, c, ExitOK, true
}

// created is the date written into a file as its creation: SOURCE_DATE_EPOCH
// when set, else the campaign's as_of, never the clock, so that the same
// project gives the same file.
func created(e *env, asOf model.Date) time.Time {
	if s := e.getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil && sec >= 0 {
			return time.Unix(sec, 0).UTC()
		}
	}
	return asOf.Time()
}

// badChoice reports a value of a flag that names nothing the project has.
func badChoice(e *env, cmd, what, v string, choices []string) int {
	fmt.Fprintf(e.stderr, "ducha %s: %s %q is not one of: %s%s\n", cmd, what, v, strings.Join(choices, ", "), suggest.DidYouMean(v, choices))
	return ExitUsage
}

// ids returns the ID of each of xs.
func ids[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}
