// Package templates holds the default templates of the site: html/template
// pages and partials (*.html), the style sheet (site.css, with the layout
// for phones and the print style sheet) and the small script (site.js)
// that draws the charts, sorts tables and filters the findings. They are
// embedded in the ducha binary; a project overrides any of them with a file
// of the same name in its own templates/ folder. Package site documents the
// data and functions the templates are given.
package templates

import "embed"

// FS holds the default templates.
//
//go:embed *.html *.css *.js
var FS embed.FS
