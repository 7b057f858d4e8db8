package load

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
)

var bom = []byte("\xEF\xBB\xBF")

// checkText reports a byte-order mark and invalid UTF-8 in data, and returns
// data without the mark. line is added to the lines it reports.
func checkText(file string, data []byte, line int, diags *diag.List) ([]byte, bool) {
	if bytes.HasPrefix(data, bom) {
		diags.Errorf(model.Pos{File: file, Line: line + 1, Col: 1},
			"the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
		data = data[len(bom):]
	}
	if utf8.Valid(data) {
		return data, true
	}
	ln, col := line+1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			diags.Errorf(model.Pos{File: file, Line: ln, Col: col},
				"invalid UTF-8 (byte 0x%02X); save the file as UTF-8 (in Windows Notepad: Save as, Encoding UTF-8)", data[i])
			return data, false
		}
		if r == '\n' {
			ln, col = ln+1, 1
		} else {
			col++
		}
		i += size
	}
	return data, false
}

// parseYAML parses data, a whole YAML file, into its root node. It returns
// nil when the file is empty or cannot be parsed, and reports why. The
// tree it returns holds nothing the file format does not use (see
// yamlCheck).
func parseYAML(file string, data []byte, line int, diags *diag.List) (root *yaml.Node) {
	defer func() {
		if r := recover(); r != nil {
			diags.Errorf(model.Pos{File: file, Line: line + 1}, "YAML parser failed on this file (%v); check it for unusual syntax", r)
			root = nil
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil
		}
		syntaxError(file, data, err, line, diags)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		diags.Errorf(model.Pos{File: file, Line: extra.Line + line, Col: extra.Column},
			"a second YAML document starts here (after ---); keep one document per file")
	} else if !errors.Is(err, io.EOF) {
		syntaxError(file, data, err, line, diags)
		return nil
	}
	directives(file, data, line, diags)
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return nil
	}
	newYAMLCheck(file, data, line, diags).node(doc.Content[0])
	return doc.Content[0]
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError reports a yaml.v3 syntax error. Its line is only approximate,
// and it has no column: when a tab that indents a line, or a value that
// must be quoted, is found near it, that is reported instead, where it is.
func syntaxError(file string, data []byte, err error, line int, diags *diag.List) {
	msg := err.Error()
	ln := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		ln, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if pos, why, ok := culpritPos(file, data, max(ln, 1), line); ok {
		diags.Errorf(pos, "%s", why)
		return
	}
	pos := model.Pos{File: file, Line: ln + line}
	if ln == 0 {
		pos.Line = line + 1
	}
	diags.Errorf(pos, "YAML syntax error at or near this line: %s%s", msg, syntaxHint(msg))
}

func syntaxHint(msg string) string {
	switch {
	case strings.Contains(msg, "tab"):
		return "; indent with spaces, not tabs"
	case strings.Contains(msg, "mapping values are not allowed"):
		return "; put quotes around a value that contains \": \", or check the indentation"
	case strings.Contains(msg, "did not find expected"):
		return "; check the indentation and the \"- \" and \": \" around here"
	}
	return ""
}

// emptyFile reports a file with no content.
func emptyFile(file string, what string, diags *diag.List) {
	diags.Errorf(model.Pos{File: file, Line: 1, Col: 1}, "the file is empty; it should hold %s (see docs/data-format.md)", what)
}
