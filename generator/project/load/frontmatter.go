package load

import (
	"bytes"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
)

// splitFrontMatter cuts the YAML front matter from the start of a Markdown
// file. The front matter sits between a first line "---" and the next line
// "---" (or "..."). It returns the YAML text, the body with the front matter
// replaced by as many newlines (so that line numbers in the body are line
// numbers in the file), and whether a front matter block was found.
func splitFrontMatter(file string, data []byte, diags *diag.List) (front, body []byte, ok bool) {
	first, rest, found := bytes.Cut(data, []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \r")) != "---" {
		return nil, data, false
	}
	start := len(first) + 1
	off := start
	lines := 1
	for len(rest) > 0 {
		line, next, _ := bytes.Cut(rest, []byte("\n"))
		lines++
		if t := string(bytes.TrimRight(line, " \r")); t == "---" || t == "..." {
			front = data[start:off]
			end := off + len(line)
			body = make([]byte, 0, lines+len(data)-end)
			body = append(body, bytes.Repeat([]byte("\n"), lines-1)...)
			body = append(body, data[end:]...)
			return front, body, true
		}
		off += len(line) + 1
		rest = next
	}
	diags.Errorf(model.Pos{File: file, Line: 1, Col: 1}, "front matter starts here with --- but never ends; close it with a line of ---")
	return nil, data, false
}
