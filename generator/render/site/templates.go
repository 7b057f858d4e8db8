package site

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"

	"github.com/ducha/ducha/templates"
)

// loadTemplates parses the page templates, each one the project's own
// (from override) when it has a file of that name, or else the embedded
// default; extra *.html files of the project are parsed too. It returns
// the template set and the other files (site.css, site.js) by name.
func loadTemplates(override fs.FS, funcs template.FuncMap) (*template.Template, map[string][]byte, error) {
	names, err := fs.Glob(templates.FS, "*")
	if err != nil {
		return nil, nil, err
	}
	if override != nil {
		extra, err := fs.Glob(override, "*.html")
		if err != nil {
			return nil, nil, err
		}
		for _, n := range extra {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	slices.Sort(names)
	set := template.New("").Funcs(funcs)
	static := map[string][]byte{}
	for _, name := range names {
		data, from, err := readTemplate(override, name)
		if err != nil {
			return nil, nil, err
		}
		if path.Ext(name) != ".html" {
			static[name] = data
			continue
		}
		if _, err := set.New(name).Parse(string(data)); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", from, err)
		}
	}
	return set, static, nil
}

// readTemplate returns the file name from override when it is there, or
// else the embedded one, and says where it came from.
func readTemplate(override fs.FS, name string) ([]byte, string, error) {
	if override != nil {
		data, err := fs.ReadFile(override, name)
		if err == nil {
			return data, "templates/" + name, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, "", fmt.Errorf("templates/%s: %w", name, err)
		}
	}
	data, err := fs.ReadFile(templates.FS, name)
	return data, "the embedded template " + name, err
}
