package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
)

// runFigures is "ducha help figures": every figure the narrative can cite,
// with its value on the project.
func runFigures(ctx context.Context, e *env, args []string) int {
	fs := flagSet(e, "help figures", "[project-dir]",
		"Help figures lists every figure of the project's current campaign that narrative\n"+
			"can cite, written {{name}} in Markdown, with its label and its value now.\n"+
			"On a page about a province, item or group, province.NAME (item.NAME,\n"+
			"group.NAME) is the page's own: province.problems on provinces/zj.md is\n"+
			"province.zj.problems. A count may be written in Chinese numerals: {{items:cn}}.\n"+
			"When there is a campaign before, previous.NAME is a figure's value there,\n"+
			"change.NAME how it changed (signed) and change-rate.NAME the change in\n"+
			"percent: {{change.province.zj.problems}}. The campaign's own are listed last.\n"+
			"docs/data-format.md (\"Figures\") explains each.")
	pos, code, ok := parse(fs, args, 1)
	if !ok {
		return code
	}
	dir, ok := projectDir(e, "help figures", pos)
	if !ok {
		return ExitUsage
	}
	ch, code, ok := checkProject(e, "help figures", dir, false, false)
	if !ok {
		return code
	}
	c := ch.Project.Current()
	t := figures.New(report.New(c, ch.Project.Config.Lang()))
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "# %s (%s)\n", c.Label(ch.Project.Config.Lang()), c.ID)
	for _, v := range t.All() {
		fmt.Fprintf(w, "{{%s}}\t%s\t%s\n", v.Name, v.Text, v.Label)
	}
	if prev := c.Previous(); prev != nil && t.Previous() != nil {
		fmt.Fprintf(w, "# %s (%s): previous., change. and change-rate. of the campaign's figures\n", prev.Label(ch.Project.Config.Lang()), prev.ID)
		for _, v := range t.All() {
			if scoped(v.Name) {
				continue
			}
			for _, m := range figures.Modifiers() {
				if mv := t.Get(string(m) + "." + v.Name); mv != nil {
					fmt.Fprintf(w, "{{%s}}\t%s\t%s\n", mv.Name, mv.Text, mv.Label)
				}
			}
		}
	}
	if err := w.Flush(); err != nil {
		return ExitInternal
	}
	return ExitOK
}

// scoped reports whether a figure's name has the prefix of a province,
// key item, group or indicator.
func scoped(name string) bool {
	for _, p := range []string{"province.", "item.", "group.", "indicator."} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
