package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Format is an output format for diagnostics.
type Format string

// The output formats.
const (
	Text   Format = "text"   // path:line:col: message, one per line
	JSON   Format = "json"   // a JSON array of objects
	GitHub Format = "github" // GitHub Actions workflow commands (annotations)
)

// Formats lists the output formats.
func Formats() []string { return []string{string(Text), string(JSON), string(GitHub)} }

// Write writes ds to w in format f.
func Write(w io.Writer, f Format, ds []Diagnostic) error {
	switch f {
	case JSON:
		return writeJSON(w, ds)
	case GitHub:
		return writeGitHub(w, ds)
	}
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func writeJSON(w io.Writer, ds []Diagnostic) error {
	out := make([]jsonDiagnostic, len(ds))
	for i, d := range ds {
		out[i] = jsonDiagnostic{d.Pos.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Message}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeGitHub writes ::error file=…,line=…,col=…::message lines, escaped as
// the workflow command syntax requires.
func writeGitHub(w io.Writer, ds []Diagnostic) error {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "::%s file=%s", d.Severity, escapeProperty(d.Pos.File))
		if d.Pos.Line > 0 {
			fmt.Fprintf(&b, ",line=%d", d.Pos.Line)
		}
		if d.Pos.Col > 0 {
			fmt.Fprintf(&b, ",col=%d", d.Pos.Col)
		}
		fmt.Fprintf(&b, "::%s\n", escapeData(d.Message))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

var propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func escapeData(s string) string { return dataEscaper.Replace(s) }

func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
