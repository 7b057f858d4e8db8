package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A figure of the campaign is cited in Markdown by name between double
// braces, where a number goes: 督查共发现问题{{problems}}个. The name may
// carry a format after a colon ({{items:cn}} writes 八). Inside code, or
// after a backslash (\{{), the braces are text.

// Figure is a figure cited in Markdown. The parser resolves it through the
// [Figures] the document was given; Value is then its value, formatted.
type Figure struct {
	ast.BaseInline
	// Name is the name as written between the braces, without spaces
	// around it: "problems.closed", "items:cn".
	Name string
	// Offset is the byte offset of the opening braces in the source.
	Offset int
	// Full is the figure's full name, its scope included
	// ("province.zj.problems"); Value is the formatted value. Resolved is
	// false when the document was given no Figures, or they know no such
	// name.
	Full     string
	Value    string
	Resolved bool
}

// KindFigure is the node kind of a [Figure].
var KindFigure = ast.NewNodeKind("Figure")

// Kind implements ast.Node.
func (n *Figure) Kind() ast.NodeKind { return KindFigure }

// Dump implements ast.Node.
func (n *Figure) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Name": n.Name, "Value": n.Value}, nil)
}

// Source returns the figure as it was written, braces included: what the
// site shows for a figure that could not be resolved.
func (n *Figure) Source() string { return "{{" + n.Name + "}}" }

// Figures resolves the names of the figures cited in one document.
type Figures interface {
	// Figure returns the full name and the formatted value of the figure
	// cited by name, and false when there is no such figure here.
	Figure(name string) (full, value string, ok bool)
}

// maxFigureName bounds what is taken for a figure's name: anything longer
// between double braces is text.
const maxFigureName = 100

var figuresKey = parser.NewContextKey()

// figureParser parses {{name}} into a Figure.
type figureParser struct{}

func (figureParser) Trigger() []byte { return []byte{'{'} }

func (figureParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{")) {
		return nil
	}
	end := bytes.Index(line[2:], []byte("}}"))
	if end < 0 || end > maxFigureName {
		return nil
	}
	name := bytes.TrimSpace(line[2 : 2+end])
	if len(name) == 0 || bytes.ContainsAny(name, "{}") {
		return nil
	}
	block.Advance(2 + end + 2)
	n := &Figure{Name: string(name), Offset: seg.Start}
	if figs, ok := pc.Get(figuresKey).(Figures); ok && figs != nil {
		n.Full, n.Value, n.Resolved = figs.Figure(n.Name)
	}
	return n
}

// figureRenderer writes a resolved figure as its value in a span that
// names it, and an unresolved one as it was written.
type figureRenderer struct{}

func (figureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFigure, renderFigure)
}

func renderFigure(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*Figure)
	if !n.Resolved {
		w.Write(util.EscapeHTML([]byte(n.Source())))
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<span class="fig" data-fig="`)
	w.Write(util.EscapeHTML([]byte(n.Full)))
	if _, format, ok := strings.Cut(n.Name, ":"); ok {
		w.WriteString(`" data-format="`)
		w.Write(util.EscapeHTML([]byte(strings.TrimSpace(format))))
	}
	w.WriteString(`">`)
	w.Write(util.EscapeHTML([]byte(n.Value)))
	w.WriteString(`</span>`)
	return ast.WalkSkipChildren, nil
}

// FigureRefs returns the figures cited in the parsed document doc, in the
// order they are written.
func FigureRefs(doc ast.Node) []*Figure {
	var refs []*Figure
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*Figure); ok && entering {
			refs = append(refs, f)
		}
		return ast.WalkContinue, nil
	})
	return refs
}
