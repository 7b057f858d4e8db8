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
// ever meets an alias. It also removes bidirectional controls from every
// scalar (see bidi.go). The YAML text is needed for what the parser does not
// record: the bare tag "!" and escapes in double-quoted strings.
type yamlCheck struct {
	file  string
	text  []byte // the YAML text that was parsed
	line  int    // added to every line: where the text starts in the file
	diags *diag.List
	bang  bool  // the text holds a "!", which a bare tag needs
	lines []int // byte offset of the start of each line of text, from 0; made when needed
}

func newYAMLCheck(file string, text []byte, line int, diags *diag.List) *yamlCheck {
	return &yamlCheck{file: file, text: text, line: line, diags: diags, bang: bytes.IndexByte(text, '!') >= 0}
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
	if n.Kind == yaml.ScalarNode {
		c.scalar(n)
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
	if !c.bang || len(n.Content) > 0 && n.Content[0].Line == n.Line && n.Content[0].Column == n.Column {
		return "", false // no tag at all, or what is written there is the first key's
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
	if c.lines == nil {
		c.lines = []int{0}
		for i, b := range c.text {
			if b == '\n' {
				c.lines = append(c.lines, i+1)
			}
		}
	}
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

// scalar removes bidirectional controls from a scalar's value. Those
// written as such were reported with the file's text (warnBidi); those
// written as escapes in a double-quoted string are reported here.
func (c *yamlCheck) scalar(n *yaml.Node) {
	if !hasBidi(n.Value) {
		return
	}
	n.Value = stripBidi(n.Value)
	if n.Style&yaml.DoubleQuotedStyle != 0 {
		c.escapes(n)
	}
}

// escapes reports the escapes (\u202E, \U0000202E) of bidirectional
// controls in the double-quoted string at n.
func (c *yamlCheck) escapes(n *yaml.Node) {
	rest := c.at(n)
	start := bytes.IndexByte(rest, '"')
	if start < 0 {
		return
	}
	line, col := n.Line, n.Column+utf8.RuneCount(rest[:start])+1
	for i := start + 1; i < len(rest) && rest[i] != '"'; {
		switch {
		case rest[i] == '\n':
			line, col, i = line+1, 1, i+1
		case rest[i] == '\\' && i+1 < len(rest) && rest[i+1] == '\n':
			line, col, i = line+1, 1, i+2
		case rest[i] == '\\' && i+1 < len(rest):
			e, width, ok := escape(rest[i+1:])
			if ok && isBidi(e) {
				c.diags.Warnf(model.Pos{File: c.file, Line: line + c.line, Col: col}, "%s", bidiMessage(e, true))
			}
			if !ok {
				_, width = utf8.DecodeRune(rest[i+1:])
			}
			col += 1 + utf8.RuneCount(rest[i+1:i+1+width])
			i += 1 + width
		default:
			_, size := utf8.DecodeRune(rest[i:])
			i, col = i+size, col+1
		}
	}
}

// escape decodes a \u or \U escape of a double-quoted string, given the
// text after the backslash, and returns the character and the escape's
// length after the backslash.
func escape(s []byte) (rune, int, bool) {
	digits := map[byte]int{'u': 4, 'U': 8}[s[0]]
	if digits == 0 || len(s) < 1+digits {
		return 0, 0, false
	}
	v, err := strconv.ParseUint(string(s[1:1+digits]), 16, 32)
	if err != nil {
		return 0, 0, false
	}
	return rune(v), 1 + digits, true
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
	for i, rest := 0, text; len(rest) > 0; i++ {
		var l []byte
		l, rest, _ = bytes.Cut(rest, []byte("\n"))
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
