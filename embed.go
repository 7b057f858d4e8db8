// Package ducha holds the sample project: the eighth national supervision
// of migrant workers' work and, before it, a smaller seventh, whose data
// and narrative are in this repository's ducha.yaml, data/ and content/. It is embedded in the
// binary, so that "ducha init" can start a new project from it.
package ducha

import "embed"

// Sample is the sample project: ducha.yaml, data/ and content/.
//
//go:embed ducha.yaml data content
var Sample embed.FS
