package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"gopkg.in/yaml.v3"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
)

// A large province file is decoded in pieces, on every core: yaml.v3
// parses about 15 MB a second on one core, and a province file of 50 MB
// would otherwise be parsed on one while the others wait, and held whole
// as a tree of nodes several times its size.
//
// Its list of findings is cut at lines where an entry starts, and each
// piece is parsed, checked (yamlCheck) and decoded on its own, with the
// lines of its positions shifted to the file's; the rest of the file (the
// skeleton: the file with the list's lines left empty) is parsed and
// decoded as usual, and takes the pieces' findings for its list. Pieces
// are cut only where the result is exactly that of decoding the file
// whole, the same values at the same positions with the same problems
// reported: splitFindings refuses any file it cannot cut with certainty
// at a glance, and when a piece or the skeleton does not parse, the file
// is decoded whole, so that a syntax error is reported as it always is.
// FuzzPieces holds the two ways to the same results.
const (
	// piecesMin is the size in bytes from which a province file is
	// decoded in pieces.
	piecesMin = 1 << 20
	// pieceSize is the size in bytes of a piece, about: a piece ends at
	// the first entry that starts after this many bytes.
	pieceSize = 256 << 10
)

// decodePieces is whether large province files are decoded in pieces;
// BenchmarkLoadOneFile turns it off to compare.
var decodePieces = true

// cut is where the list of findings of a province file lies, and where
// its pieces start.
type cut struct {
	key        int   // the line of "findings:", from 0
	start, end int   // the bytes of the list's lines
	indent     int   // the column of the entries' "-", from 0
	pieces     []int // the byte offsets where pieces start; pieces[0] == start
	lines      []int // the line, from 0, where each piece starts
}

// splitFindings finds the list of findings of a province file, data, and
// cuts it into pieces of about size bytes. It refuses (ok is false) a file
// smaller than minSize, and any file whose list it cannot cut with certainty:
// where the list is not a block sequence under a line "findings:" of its
// own at the root, a line of the list or after it is less indented than
// its entries without starting the next key of the root, a line breaks
// other than with "\n" or "\r\n", the file holds a document marker (---,
// ...), a directive (%) or an explicit key (?), or the list would make a
// single piece.
//
// A line that starts an entry (its "-" at the entries' indentation) ends
// any plain scalar or block scalar of the entry before, in yaml.v3 as in
// YAML, since those end at a line less indented than their content. A cut
// inside a quoted scalar or a flow collection that spans lines leaves the
// piece before it unterminated, which yaml.v3 reports, and the file is
// then decoded whole. So a piece that parses holds whole entries.
func splitFindings(data []byte, minSize, size int) (c cut, ok bool) {
	if len(data) < minSize || badBreaks(data) || explicitKey(data) {
		return cut{}, false
	}
	c.key, c.start = -1, -1
	for off, line := 0, 0; off < len(data); line++ {
		next := len(data)
		if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
			next = off + i + 1
		}
		text := bytes.TrimSuffix(bytes.TrimSuffix(data[off:next], []byte("\n")), []byte("\r"))
		switch {
		case bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("...")) || bytes.HasPrefix(text, []byte("%")):
			return cut{}, false
		case isFindingsKey(text) && c.key >= 0:
			return cut{}, false // twice: decoded whole, the decoder says so
		case isFindingsKey(text):
			c.key = line
		case c.key < 0 || c.end > 0 || blankOrComment(text):
		case c.start < 0:
			// The first line of the value of findings: it must start an
			// entry.
			c.indent = indentOf(text)
			if !startsEntry(text, c.indent) {
				return cut{}, false
			}
			c.start = off
			c.pieces, c.lines = append(c.pieces, off), append(c.lines, line)
		case startsEntry(text, c.indent):
			if off-c.pieces[len(c.pieces)-1] >= size {
				c.pieces, c.lines = append(c.pieces, off), append(c.lines, line)
			}
		case indentOf(text) > c.indent:
			// Inside an entry.
		case indentOf(text) == 0:
			c.end = off // the next key of the root
		default:
			return cut{}, false
		}
		off = next
	}
	if len(c.pieces) < 2 {
		return cut{}, false
	}
	if c.end == 0 {
		c.end = len(data)
	}
	return c, true
}

// badBreaks reports whether data breaks a line other than with "\n" or
// "\r\n": with a "\r" alone, or the line breaks of YAML 1.1 (U+0085,
// U+2028, U+2029), which yaml.v3 counts as lines and splitFindings does
// not.
func badBreaks(data []byte) bool {
	for i := bytes.IndexByte(data, '\r'); i >= 0; {
		if i+1 >= len(data) || data[i+1] != '\n' {
			return true
		}
		j := bytes.IndexByte(data[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return bytes.Contains(data, []byte("\u0085")) || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029"))
}

// explicitKey reports whether data may hold the indicator of an explicit
// key, "? ": a "?" after a space or at the start of a line, and before a
// space or at the end of one. A key without a value takes the position of
// what follows it, which may be in the next piece. Text that asks a
// question ends its words with "?" and is cut.
func explicitKey(data []byte) bool {
	for i := 0; i < len(data); i++ {
		j := bytes.IndexByte(data[i:], '?')
		if j < 0 {
			return false
		}
		i += j
		before := i == 0 || data[i-1] == ' ' || data[i-1] == '\t' || data[i-1] == '\n'
		after := i+1 == len(data) || data[i+1] == ' ' || data[i+1] == '\t' || data[i+1] == '\n' || data[i+1] == '\r'
		if before && after {
			return true
		}
	}
	return false
}

// isFindingsKey reports whether the line text is "findings:" at the root,
// with nothing after it but spaces.
func isFindingsKey(text []byte) bool {
	rest, ok := bytes.CutPrefix(text, []byte("findings:"))
	return ok && len(bytes.TrimLeft(rest, " ")) == 0
}

// blankOrComment reports whether the line text holds only spaces, or a
// comment after them.
func blankOrComment(text []byte) bool {
	t := bytes.TrimLeft(text, " ")
	return len(t) == 0 || t[0] == '#'
}

// indentOf returns the number of spaces at the start of text.
func indentOf(text []byte) int { return len(text) - len(bytes.TrimLeft(text, " ")) }

// startsEntry reports whether text starts an entry of a block sequence
// whose "-" stands at column indent.
func startsEntry(text []byte, indent int) bool {
	if indentOf(text) != indent || len(text) <= indent || text[indent] != '-' {
		return false
	}
	return len(text) == indent+1 || text[indent+1] == ' '
}

// skeleton returns data with the lines of the list of findings left
// empty: the same lines, and "findings:" with no value.
func (c cut) skeleton(data []byte) []byte {
	out := make([]byte, 0, len(data)-(c.end-c.start)+bytes.Count(data[c.start:c.end], []byte("\n")))
	out = append(out, data[:c.start]...)
	for range bytes.Count(data[c.start:c.end], []byte("\n")) {
		out = append(out, '\n')
	}
	return append(out, data[c.end:]...)
}

// piece is one piece of a list of findings, decoded.
type piece struct {
	findings []*model.Finding
	errs     int        // errors reported while decoding it, refused entries included
	kept     int        // entries kept: not refused
	scalars  []scalarAt // entries written as single values, for elementPositions
	line     int        // the line and column of its first entry
	col      int
	checked  diag.List // what yamlCheck reported
	decoded  diag.List // what the decoder reported
}

// scalarAt is the position of the i-th entry kept of a piece.
type scalarAt struct{ i, line, col int }

// pieces is the list of findings of a file decoded in pieces, which the
// decoder of the skeleton takes as the value of node.
type pieces struct {
	node  *yaml.Node // stands for the list in the skeleton's tree
	value reflect.Value
	errs  int
	keys  []model.KeyPos // positions of the entries written as single values
	used  bool           // the decoder took the list
}

// decodeInPieces decodes a large province file, data, into in, parsing its
// list of findings in pieces on every core, and reports its problems to
// diags. It reports false, having changed nothing, when the file is not
// one to decode in pieces, or does not parse: the caller then decodes it
// whole.
func (l *loader) decodeInPieces(name string, data []byte, in *model.Inspection, what string, diags *diag.List) bool {
	if !decodePieces {
		return false
	}
	return decodeInPieces(name, data, in, what, diags, &l.schema, piecesMin, pieceSize)
}

func decodeInPieces(name string, data []byte, in *model.Inspection, what string, diags *diag.List, sch *schema, minSize, size int) bool {
	c, ok := splitFindings(data, minSize, size)
	if !ok {
		return false
	}
	var skel diag.List
	root := parseYAML(name, c.skeleton(data), 0, &skel)
	value := findingsValue(root, c.key)
	if value == nil {
		return false
	}
	ps, ok := c.decode(name, data, sch)
	if !ok {
		return false
	}
	// The list's node stands where the whole file's would: at the first
	// entry's "-".
	*value = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: ps[0].line, Column: ps[0].col}
	pre := &pieces{node: value}
	n := 0
	for i := range ps {
		n += len(ps[i].findings)
	}
	all := make([]*model.Finding, 0, n)
	kept := 0
	for i := range ps {
		p := &ps[i]
		for _, s := range p.scalars {
			pre.keys = append(pre.keys, model.KeyPos{Key: "findings." + strconv.Itoa(kept+s.i), Line: s.line, Col: s.col})
		}
		all = append(all, p.findings...)
		kept += p.kept
		pre.errs += p.errs
	}
	pre.value = reflect.ValueOf(all)
	d := &decoder{file: name, diags: &skel, schema: sch, pieces: pre}
	d.root(root, in, what)
	diags.Merge(&skel)
	for i := range ps {
		diags.Merge(&ps[i].checked)
		if pre.used {
			diags.Merge(&ps[i].decoded)
		}
	}
	return true
}

// findingsValue returns the value node of the key findings written at
// line (from 0) of the root mapping root: a null, since the skeleton
// leaves the list's lines empty; or nil when there is none.
func findingsValue(root *yaml.Node, line int) *yaml.Node {
	if root == nil || root.Kind != yaml.MappingNode || root.Style != 0 || root.Column != 1 {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Line != line+1 || k.Column != 1 || k.Kind != yaml.ScalarNode || k.Value != "findings" {
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag != "!!null" || v.Value != "" || v.Style != 0 || v.Anchor != "" {
			return nil
		}
		return v
	}
	return nil
}

// decode parses, checks and decodes the pieces of data on every core. ok
// is false when a piece does not parse, or does not hold a list of
// entries where it should.
func (c cut) decode(name string, data []byte, sch *schema) ([]piece, bool) {
	ps := make([]piece, len(c.pieces))
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(ps)) {
		wg.Go(func() {
			for !failed.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(ps) {
					return
				}
				end := c.end
				if i+1 < len(c.pieces) {
					end = c.pieces[i+1]
				}
				if !ps[i].decode(name, data[c.pieces[i]:end], c.lines[i], c.indent, sch) {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	return ps, !failed.Load()
}

// decode parses, checks and decodes text, a piece that starts at line
// (from 0) of its file, and whose entries' "-" stand at column indent.
func (p *piece) decode(name string, text []byte, line, indent int, sch *schema) bool {
	root, err := parsePiece(text)
	if err != nil || root.Kind != yaml.SequenceNode || root.Line != 1 || root.Column != indent+1 || root.Style != 0 || root.Tag != "!!seq" || root.Anchor != "" {
		return false
	}
	p.line, p.col = line+1, root.Column
	newYAMLCheck(name, text, line, &p.checked).node(root)
	d := &decoder{file: name, diags: &p.decoded, schema: sch, line: line}
	v := reflect.ValueOf(&p.findings).Elem()
	d.value(root, v, "findings")
	p.errs = d.errs
	for _, e := range root.Content {
		if refused(e) {
			continue
		}
		if e.Kind == yaml.ScalarNode {
			p.scalars = append(p.scalars, scalarAt{p.kept, e.Line + line, e.Column})
		}
		p.kept++
	}
	return true
}

// parsePiece parses a piece of a file: one document, which yaml.v3 parses
// without an error or a panic.
func parsePiece(text []byte) (root *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if err := dec.Decode(new(yaml.Node)); !errors.Is(err, io.EOF) {
		return nil, errors.New("yaml: more than one document")
	}
	if len(doc.Content) != 1 {
		return nil, errors.New("yaml: no node")
	}
	return doc.Content[0], nil
}
