package load

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
)

// refusedTag marks a node that yamlCheck has reported and replaced: an
// alias, or a merge key and its value. The decoder passes over it without
// a word: the node says nothing a value could be read from. No file can
// hold this tag, since every tag a file writes is reported and removed.
const refusedTag = "!ducha:refused"

// refused reports whether yamlCheck replaced n.
func refused(n *yaml.Node) bool { return n.Tag == refusedTag }

// yamlCheck walks the node tree of one YAML text once, before anything is
// decoded, and takes out of it what the file format does not use, reporting
// each at its position: anchors and tags are reported and removed (the value
// they stand on is read as if they were not there); aliases and merge keys
// are reported and replaced by refused nodes, so that no path of the decoder
// ever meets an alias. The YAML text is needed for what the parser does not
// record: the bare tag "!".
type yamlCheck struct {
	file  string
	text  []byte // the YAML text that was parsed
	line  int    // added to every line: where the text starts in the file
	diags *diag.List
	lines []int // byte offset of the start of each line of text, from 0
}

func newYAMLCheck(file string, text []byte, line int, diags *diag.List) *yamlCheck {
	c := &yamlCheck{file: file, text: text, line: line, diags: diags, lines: []int{0}}
	for i, b := range text {
		if b == '\n' {
			c.lines = append(c.lines, i+1)
		}
	}
	return c
}

func (c *yamlCheck) pos(n *yaml.Node) model.Pos {
	return model.Pos{File: c.file, Line: n.Line + c.line, Col: n.Column}
}

// node checks n and everything under it.
func (c *yamlCheck) node(n *yaml.Node) {
	if n.Anchor != "" {
		c.diags.Errorf(c.pos(n), "anchor &%s: anchors and aliases (&name, *name) are not supported; remove the anchor and write the value out in full wherever it is needed", show(n.Anchor))
		n.Anchor = ""
	}
	if tag, ok := c.tag(n); ok {
		c.diags.Errorf(c.pos(n), "tag %s: YAML tags (!name, !!type) are not supported; remove the tag, and write the value as the file format documents it", show(tag))
		untag(n)
	}
	for i := 0; i < len(n.Content); i++ {
		child := n.Content[i]
		switch {
		case n.Kind == yaml.MappingNode && i%2 == 0 && child.Kind == yaml.ScalarNode && child.Tag == "!!merge" && i+1 < len(n.Content):
			c.diags.Errorf(c.pos(child), "merge key <<: merging mappings (<<: *name) is not supported; write the keys out in full here")
			n.Content[i], n.Content[i+1] = refusedNode(child), refusedNode(n.Content[i+1])
			i++
		case child.Kind == yaml.AliasNode:
			c.diags.Errorf(c.pos(child), "alias *%s: anchors and aliases (&name, *name) are not supported; write the value out in full here", show(child.Value))
			n.Content[i] = refusedNode(child)
		default:
			c.node(child)
		}
	}
}

// refusedNode stands in for n, at its position.
func refusedNode(n *yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: refusedTag, Line: n.Line, Column: n.Column}
}

// tag returns the tag written on n, if any. The parser records every tag
// but the bare "!", which it drops; that one is looked for in the text, on
// the line where the node starts, after any anchor.
func (c *yamlCheck) tag(n *yaml.Node) (string, bool) {
	if n.Style&yaml.TaggedStyle != 0 {
		return n.Tag, true
	}
	if len(n.Content) > 0 && n.Content[0].Line == n.Line && n.Content[0].Column == n.Column {
		return "", false // what is written there is the first key's
	}
	rest := c.at(n)
	if len(rest) > 0 && rest[0] == '&' {
		rest = rest[max(bytes.IndexAny(rest, " \t\r\n"), 0):]
		rest = bytes.TrimLeft(rest, " \t")
	}
	return "!", len(rest) > 0 && rest[0] == '!'
}

// untag removes the tag from n: its value is read as written.
func untag(n *yaml.Node) {
	n.Style &^= yaml.TaggedStyle
	switch {
	case n.Kind == yaml.MappingNode:
		n.Tag = "!!map"
	case n.Kind == yaml.SequenceNode:
		n.Tag = "!!seq"
	case n.Value == "" && n.Style == 0:
		n.Tag = "!!null"
	default:
		n.Tag = "!!str"
	}
}

// at returns the text from n's position to the end of the text.
func (c *yamlCheck) at(n *yaml.Node) []byte {
	if n.Line < 1 || n.Line > len(c.lines) {
		return nil
	}
	rest := c.text[c.lines[n.Line-1]:]
	for range n.Column - 1 {
		_, size := utf8.DecodeRune(rest)
		if size == 0 || rest[0] == '\n' {
			return nil
		}
		rest = rest[size:]
	}
	return rest
}

// show returns an anchor or tag as a message prints it: quoted when it
// holds anything that needs an escape.
func show(s string) string {
	if q := strconv.Quote(s); q[1:len(q)-1] != s {
		return q
	}
	return s
}

// directives reports the directives (%YAML, %TAG) at the start of a YAML
// text: a %YAML 1.1 directive would promise the old meanings of values
// that ducha does not give them, and %TAG serves only tags.
func directives(file string, text []byte, line int, diags *diag.List) {
	for i, l := range bytes.Split(text, []byte("\n")) {
		t := bytes.TrimSpace(l)
		switch {
		case len(t) == 0 || t[0] == '#':
		case t[0] == '%':
			word, _, _ := strings.Cut(string(t), " ")
			diags.Errorf(model.Pos{File: file, Line: line + i + 1, Col: 1}, "directive %s: YAML directives (%%YAML, %%TAG) are not supported; delete this line", show(word))
		default:
			return
		}
	}
}
