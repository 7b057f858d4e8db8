// Package pipeline runs ducha's stages in order: load, validate, render,
// write. Check is the same pipeline without rendering and writing.
package pipeline

import (
	"io/fs"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/load"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/validate"
)

// Check loads and validates the project in fsys. It returns the project (as
// complete as the files allow) and every problem found. The error is an I/O
// failure, not a problem with the data.
func Check(fsys fs.FS) (*model.Project, *diag.List, error) {
	p, diags, err := load.Load(fsys)
	if err != nil {
		return nil, diags, err
	}
	validate.Project(p, diags)
	return p, diags, nil
}
