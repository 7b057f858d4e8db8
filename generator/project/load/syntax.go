package load

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/ducha/ducha/generator/model"
)

// The usual causes of a YAML syntax error in a file kept by office staff
// are a tab among the spaces that indent a line, and a value typed as it
// reads (">重要" or "重点"工作) that starts with a character YAML reads as
// syntax. yaml.v3 names neither, and its line is often one or more off, so
// culprit looks for them around the line it gives.

// indicators are the characters that cannot start a plain value, with what
// YAML takes each for.
var indicators = map[byte]string{
	'>':  "the start of a folded block",
	'|':  "the start of a literal block",
	'"':  "the start of quoted text",
	'\'': "the start of quoted text",
	'[':  "the start of a list",
	'{':  "the start of a mapping",
	'*':  "an alias",
	'&':  "an anchor",
	'!':  "a tag",
	'%':  "a directive",
	'@':  "a reserved character",
	'`':  "a reserved character",
}

// closers close the indicators that open a list or a mapping.
var closers = map[byte]string{'[': "]", '{': "}"}

// culprit looks near line (1-based, within data) for a tab that indents a
// line, or a value that starts with an indicator and does not parse on
// its own line. It returns the position (line and column within data, both
// from 1) and a message, or ok false.
func culprit(data []byte, line int) (ln, col int, msg string, ok bool) {
	lines := strings.Split(string(data), "\n")
	for _, i := range nearFirst(line-1, len(lines)) {
		l := strings.TrimSuffix(lines[i], "\r")
		if c, ok := indentTab(l); ok {
			return i + 1, c, "YAML syntax error: this line is indented with a tab; indent YAML with spaces only", true
		}
	}
	for _, i := range nearFirst(line-1, len(lines)) {
		l := strings.TrimSuffix(lines[i], "\r")
		if c, msg, ok := badValue(l); ok && fixes(lines, i, c, line) {
			return i + 1, c, msg, true
		}
	}
	return 0, 0, "", false
}

// nearFirst returns the indexes of the n lines by their distance from at
// (a 0-based index), nearest first, the later of two at the same distance
// first: yaml.v3 tends to report a line early, at times by many lines.
func nearFirst(at, n int) []int {
	var out []int
	for d := 0; len(out) < n && d <= n+at; d++ {
		for _, i := range []int{at + d, at - d} {
			if i >= 0 && i < n && !(d == 0 && len(out) > 0) {
				out = append(out, i)
			}
		}
	}
	return out
}

// indentTab reports a tab in the white space that starts l, and its
// column.
func indentTab(l string) (int, bool) {
	rest := strings.TrimLeft(l, " \t")
	lead := l[:len(l)-len(rest)]
	// "- " and "-\t" also indent what follows them.
	for strings.HasPrefix(rest, "-") && len(rest) > 1 && (rest[1] == ' ' || rest[1] == '\t') {
		r := strings.TrimLeft(rest[1:], " \t")
		lead += rest[:len(rest)-len(r)]
		rest = r
	}
	if i := strings.IndexByte(lead, '\t'); i >= 0 && rest != "" && !strings.HasPrefix(rest, "#") {
		return i + 1, true
	}
	return 0, false
}

// badValue reports a value on l, after "key: " or "- ", that starts with
// an indicator and does not parse when the line stands alone.
func badValue(l string) (col int, msg string, ok bool) {
	t := strings.TrimLeft(l, " ")
	for strings.HasPrefix(t, "- ") {
		t = strings.TrimLeft(t[2:], " ")
	}
	key, v := "", t
	if k, after, found := strings.Cut(t, ": "); found && !strings.ContainsAny(k, "\"'[{#") {
		key, v = k, strings.TrimLeft(after, " ")
	}
	if v == "" || strings.HasPrefix(v, "#") {
		return 0, "", false
	}
	what, special := indicators[v[0]]
	if !special || parses(key, v) || closed(v) {
		return 0, "", false
	}
	col = utf8.RuneCountInString(l[:len(l)-len(v)]) + 1
	quoted := quote(v)
	if key != "" {
		quoted = key + ": " + quoted
	}
	msg = "YAML syntax error: a value that starts with " + char(v[0]) + " is read as " + what
	if end, ok := closers[v[0]]; ok {
		return col, msg + ": close it with " + strconv.Quote(end) + ", or, if it is text, put the whole value in quotes: " + quoted, true
	}
	return col, msg + "; if it is text, put the whole value in quotes: " + quoted, true
}

// fixes reports whether the file parses once the value at column col of
// lines[i] is quoted, or fails only after line, where the parser stopped
// before: only then is that value the cause of the error.
func fixes(lines []string, i, col, line int) bool {
	l := strings.TrimSuffix(lines[i], "\r")
	at := len(l)
	for j := range l {
		if col--; col == 0 {
			at = j
			break
		}
	}
	fixed := append([]string{}, lines...)
	fixed[i] = l[:at] + quote(l[at:])
	var n yaml.Node
	err := yaml.Unmarshal([]byte(strings.Join(fixed, "\n")), &n)
	if err == nil {
		return true
	}
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return false
	}
	after, _ := strconv.Atoi(m[1])
	return after > max(line, i+1)
}

// char shows c in quotes, as a message names it.
func char(c byte) string {
	if c == '"' {
		return `'"'`
	}
	return `"` + string(c) + `"`
}

// closed reports whether v is a list or a mapping that ends where it
// should: what is wrong is then inside it.
func closed(v string) bool {
	if c := strings.Index(v, " #"); c >= 0 {
		v = strings.TrimRight(v[:c], " ")
	}
	end, ok := closers[v[0]]
	return ok && strings.HasSuffix(strings.TrimRight(v, " "), end)
}

// parses reports whether "key: v" (or v alone) is YAML on its own.
func parses(key, v string) bool {
	src := v
	if key != "" {
		src = "k: " + v
	}
	var n yaml.Node
	return yaml.Unmarshal([]byte(src), &n) == nil
}

// quote returns v as quoted YAML text: in single quotes when it holds
// none, else in double quotes.
func quote(v string) string {
	if c := strings.Index(v, " #"); c >= 0 {
		v = strings.TrimRight(v[:c], " ")
	}
	if !strings.ContainsAny(v, `'\`) {
		return "'" + v + "'"
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
}

// culpritPos is culprit's position in a file whose YAML starts after
// offset lines (front matter).
func culpritPos(file string, data []byte, ln, offset int) (model.Pos, string, bool) {
	l, c, msg, ok := culprit(data, ln)
	return model.Pos{File: file, Line: l + offset, Col: c}, msg, ok
}
