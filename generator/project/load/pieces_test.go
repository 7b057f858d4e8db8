package load

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/internal/fixture"
	"github.com/ducha/ducha/internal/synth"
)

const (
	piecesFile = "data/2015/provinces/zj.yaml"
	piecesWhat = "the visits, indicator values and findings of a province"
)

// decoded is what decoding a province file gives: the values, with their
// positions, and the problems reported.
type decoded struct {
	in     *model.Inspection
	diags  []diag.Diagnostic
	parsed bool
}

// decodeBoth decodes data whole and in pieces of about size bytes, and
// reports whether it was decoded in pieces.
func decodeBoth(t testing.TB, data []byte, size int) (whole, pieces decoded, inPieces bool) {
	t.Helper()
	var wd, pd diag.List
	text, ok := checkText(piecesFile, data, 0, &wd)
	if !ok {
		return decoded{}, decoded{}, false
	}
	warnBidi(piecesFile, text, &wd)
	pd.Merge(&wd)
	l := &loader{diags: &diag.List{}, read: map[string]bool{}}
	whole.in = &model.Inspection{ProvinceID: "zj"}
	whole.parsed = l.decodeWhole(piecesFile, text, whole.in, piecesWhat, &wd)
	whole.diags = wd.Items()
	var sch schema
	pieces.in = &model.Inspection{ProvinceID: "zj"}
	inPieces = decodeInPieces(piecesFile, text, pieces.in, piecesWhat, &pd, &sch, 0, size)
	pieces.parsed = inPieces
	pieces.diags = pd.Items()
	return whole, pieces, inPieces
}

// samePieces fails unless data decodes in pieces exactly as whole, or is
// left to be decoded whole.
func samePieces(t testing.TB, data []byte, size int) bool {
	t.Helper()
	whole, pieces, ok := decodeBoth(t, data, size)
	if !ok {
		return false
	}
	if !whole.parsed {
		t.Fatalf("decoded in pieces a file that does not parse whole:\n%s", data)
	}
	if !reflect.DeepEqual(whole.in, pieces.in) {
		t.Fatalf("in pieces of %d bytes, the values differ:\nwhole:  %s\npieces: %s\nfile:\n%s", size, dump(whole.in), dump(pieces.in), data)
	}
	if !reflect.DeepEqual(whole.diags, pieces.diags) {
		t.Fatalf("in pieces of %d bytes, the problems differ:\nwhole:  %v\npieces: %v\nfile:\n%s", size, whole.diags, pieces.diags, data)
	}
	sameNodes(t, bytes.TrimPrefix(data, bom), size)
	return true
}

// sameNodes fails unless the pieces of data, parsed, are the nodes of the
// list of findings of data parsed whole, at the same positions.
func sameNodes(t testing.TB, data []byte, size int) {
	t.Helper()
	c, ok := splitFindings(data, 0, size)
	if !ok {
		t.Fatal("decoded in pieces, but not cut")
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("parsed in pieces, not whole: %v", err)
	}
	whole := findingsNode(doc.Content[0], c.key)
	var entries []*yaml.Node
	for i, start := range c.pieces {
		end := c.end
		if i+1 < len(c.pieces) {
			end = c.pieces[i+1]
		}
		root, err := parsePiece(data[start:end])
		if err != nil {
			t.Fatal(err)
		}
		shift(root, c.lines[i])
		entries = append(entries, root.Content...)
	}
	if whole == nil || len(whole.Content) != len(entries) {
		t.Fatalf("whole, the list has other entries than in pieces")
	}
	for i := range entries {
		if d := nodeDiff(whole.Content[i], entries[i]); d != "" {
			t.Fatalf("entry %d: %s; file:\n%s", i, d, data)
		}
	}
}

func findingsNode(root *yaml.Node, line int) *yaml.Node {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Line == line+1 {
			return root.Content[i+1]
		}
	}
	return nil
}

func shift(n *yaml.Node, lines int) {
	n.Line += lines
	for _, c := range n.Content {
		shift(c, lines)
	}
}

// nodeDiff compares two trees of nodes: everything but comments, which
// nothing reads.
func nodeDiff(a, b *yaml.Node) string {
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
		a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) || (a.Alias == nil) != (b.Alias == nil) {
		return fmt.Sprintf("whole %d:%d %v %q %q, in pieces %d:%d %v %q %q", a.Line, a.Column, a.Kind, a.Tag, a.Value, b.Line, b.Column, b.Kind, b.Tag, b.Value)
	}
	if a.Alias != nil {
		if d := nodeDiff(a.Alias, b.Alias); d != "" {
			return "alias: " + d
		}
	}
	for i := range a.Content {
		if d := nodeDiff(a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

func dump(in *model.Inspection) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%+v\n", in.Src)
	for _, f := range in.Findings {
		fmt.Fprintf(&b, "%+v\n", *f)
	}
	return b.String()
}

// TestPiecesSynth decodes the province files of synthetic campaigns in
// pieces of several sizes, and whole: the values, their positions and
// the problems must be the same.
func TestPiecesSynth(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	for _, opts := range []synth.Options{{Findings: 300, Provinces: 1, Seed: 1}, {Findings: 2000, Seed: 2}} {
		fsys, err := synth.FS(opts)
		if err != nil {
			t.Fatal(err)
		}
		for name, f := range fsys {
			if !strings.Contains(name, "/provinces/") || !strings.HasSuffix(name, ".yaml") {
				continue
			}
			for _, size := range []int{1, 3000, 40000} {
				if !samePieces(t, f.Data, size) && len(f.Data) > 2*size {
					t.Errorf("%s (%d bytes) was not decoded in pieces of %d bytes", name, len(f.Data), size)
				}
			}
		}
	}
}

// TestPieces: files that are cut into pieces, and files that are decoded
// whole because they cannot be cut with certainty, decode the same
// either way.
func TestPieces(t *testing.T) {
	entries := "  - id: zj-01\n    item: wages\n    kind: practice\n    title: 一\n" +
		"  - id: zj-02\n    item: wages\n    kind: practice\n    title: 二\n" +
		"  - id: zj-03\n    item: wages\n    kind: practice\n    title: 三\n"
	for _, tc := range []struct {
		name     string
		text     string
		inPieces bool
	}{
		{"plain", "visits:\n  - {id: v1, date: 2015-11-20, place: x, site: government}\nfindings:\n" + entries, true},
		{"crlf", strings.ReplaceAll("findings:\n"+entries, "\n", "\r\n"), true},
		{"lone cr", "findings:\n" + entries + "  - id: zj-04\r    item: wages\n", false},
		{"line separator", "findings:\n" + entries + "  - id: zj-04\n    title: a\u2028b\n", false},
		{"indentless", "findings:\n" + strings.ReplaceAll(strings.ReplaceAll(entries, "  - ", "- "), "    ", "  "), true},
		{"deeper", "findings:\n  " + strings.ReplaceAll(strings.TrimSuffix(entries, "\n"), "\n", "\n  ") + "\n", true},
		{"key after", "findings:\n" + entries + "visits: []\n", true},
		{"comments", "# top\nfindings:\n# before\n" + strings.ReplaceAll(entries, "  - id: zj-02", "# between\n  - id: zj-02 # after\n#  - id: zj-00") + "# end\n", true},
		{"errors", "findings:\n" + strings.ReplaceAll(entries, "kind: practice", "kind: practise\n    colour: red") + "  - just text\n  - [a, list]\n  -\n", true},
		{"anchor and alias", "findings:\n" + strings.ReplaceAll(entries, "item: wages", "item: &w wages\n    kind: *w") + "  - [&x a, *x]\n", true},
		{"alias across pieces", "findings:\n  - id: &i zj-01\n" + entries + "  - id: *i\n", false},
		{"tags", "findings:\n" + strings.ReplaceAll(entries, "title:", "title: !t") + "  - ! {id: zj-9}\n", true},
		{"document marker", "findings:\n" + entries + "---\nfindings: []\n", false},
		{"twice", "findings:\n" + entries + "findings:\n" + entries, false},
		{"directive", "%YAML 1.2\n---\nfindings:\n" + entries, false},
		{"flow", "findings: [\n" + entries + "]\n", false},
		{"value on the line", "findings: \n" + entries, true},
		{"quoted over a cut", "findings:\n  - title: \"a\n  - b\"\n" + entries, false},
		{"single quoted over a cut", "findings:\n  - title: 'a\n  - b'\n" + entries, false},
		{"flow over a cut", "findings:\n  - visits: [a,\n  - b]\n" + entries, false},
		{"quoted over the end", "findings:\n" + entries + "  - title: \"a\nvisits: b\"\n", false},
		{"block scalar", "findings:\n  - detail: |\n      a\n\n      - b\n" + entries, true},
		{"block scalar ended", "findings:\n  - detail: |\n  - b\n" + entries, true},
		{"plain over lines", "findings:\n  - title: a\n     b\n  - c\n" + entries, true},
		{"less indented", "findings:\n" + entries + " x: 1\n", false},
		{"not an entry", "findings:\n" + entries + "  x: 1\n", false},
		{"tab", "findings:\n" + entries + "\t- id: x\n", false},
		{"tab in entry", "findings:\n" + entries + "  -\tid: x\n", false},
		{"nested list", "findings:\n  - - a\n    - b\n" + entries, true},
		{"empty entries", "findings:\n  -\n  -\n" + entries, true},
		{"duplicate key", "findings: []\nx: 1\n" + "findings:\n" + strings.ReplaceAll(entries, "kind: practice", "kind: practise"), true},
		{"quoted key before", "\"findings\": []\nfindings:\n" + entries, true},
		{"not a mapping", "- findings:\n" + entries, false},
		{"inside a string", "note: \"a\nfindings:\n" + entries + "b\"\n", false},
		{"syntax error", "findings:\n" + entries + "  - id: [\n", false},
		{"bidi", "findings:\n" + strings.ReplaceAll(entries, "title: 二", "title: \"二\\u202e\"\n    detail: \"\u202e\""), true},
		{"bom", "\uFEFFfindings:\n" + entries, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := samePieces(t, []byte(tc.text), 1); got != tc.inPieces {
				t.Errorf("decoded in pieces: %v, want %v", got, tc.inPieces)
			}
		})
	}
}

// TestPiecesLoad loads a project whose one province file is large enough
// to be decoded in pieces, as a build does, and compares the project
// with one loaded file by file whole.
func TestPiecesLoad(t *testing.T) {
	fsys, err := synth.FS(synth.Options{Findings: 1200, Provinces: 1, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	var big string
	for name, f := range fsys {
		if strings.Contains(name, "/provinces/") && len(f.Data) >= piecesMin {
			big = name
		}
	}
	if big == "" {
		t.Fatal("no province file is large enough to be decoded in pieces")
	}
	if _, ok := splitFindings(fsys[big].Data, piecesMin, pieceSize); !ok {
		t.Fatalf("%s is not cut", big)
	}
	p, diags, err := Load(fsys)
	if err != nil || diags.Len() > 0 {
		t.Fatal(err, diags.Items())
	}
	whole, pieces, ok := decodeBoth(t, fsys[big].Data, pieceSize)
	if !ok || !reflect.DeepEqual(whole, pieces) {
		t.Fatal("decoded differently in pieces")
	}
	if n := len(p.Current().Findings()); n != 1200 {
		t.Errorf("%d findings, want 1200", n)
	}
}

// FuzzPieces decodes province files in pieces and whole: the values, the
// positions and the problems must be the same, or the file must be left
// to be decoded whole. Each input is tried twice: as it is, and as a
// list of findings made of the lines of fragments it chooses, which
// mixes entries with the constructs that a cut must not break. The seeds
// are the province files of the sample and the bad-input corpus.
func FuzzPieces(f *testing.F) {
	f.Add([]byte("findings:\n  - id: zj-01\n    title: \"a\n  - b\"\n  - id: zj-02\n"), uint16(1))
	f.Add([]byte("findings:\n- id: zj-01\n  detail: |\n    x\n- id: zj-02\nvisits: []\n"), uint16(1))
	f.Add([]byte("findings:\r\n  - {id: zj-01, visits: [v1,\r\n  - v2]}\r\n  - id: zj-02\r\n"), uint16(1))
	f.Add([]byte{1, 0, 3, 4, 5, 6, 1, 2, 7, 8, 200, 2, 1, 15, 3, 0, 16, 17, 30}, uint16(1))
	fixture.CorpusFiles(f, []string{piecesFile}, func(_ int, data []byte) { f.Add(data, uint16(1)) })
	for name, file := range fixture.Sample(f) {
		if strings.Contains(name, "/provinces/") && strings.HasSuffix(name, ".yaml") {
			f.Add(file.Data, uint16(200))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, size uint16) {
		if bytes.Count(data, []byte("\n")) > 2000 {
			return
		}
		samePieces(t, data, int(size))
		samePieces(t, fragments(data), int(size%64))
	})
}

// The parts of the lists of findings that fragments makes: entries that
// start a mapping, and what may follow in it; entries of other kinds; and,
// rarely, lines that make a file one not to cut. Some span lines in ways
// that a cut must not break: quoted scalars and flow collections whose
// lines look like entries, block scalars and plain scalars over lines.
var (
	entryStarts = []string{"  - id: zj-01\n", "  - id: &e zj-02\n", "  - item: !t wages\n", "  - id: zj-03 # c\n", "  - id: zj-04\r\n"}
	entryBodies = []string{
		"    item: wages\n", "    kind: problem\n", "    severity: high\n", "    title: {zh: 标题, en: Title}\n",
		"    detail: |\n      正文\n\n      - 列表\n", "    detail: >-\n      a\n      b\n", "    title: plain\n      continued\n",
		"    visits:\n      - v1\n      - v2\n", "    visits:\n    - v1\n", "    visits: [v1, v2]\n", "    title:\n",
		"    rectification:\n      status: closed\n      deadline: 2016-02-30\n", "# comment\n", "\n", "  # comment\n",
		"    title: \"引号\n  - 续\"\n", "    visits: [v1,\n  - v2]\n", "    title: 'a\n  - b'\n", "    ? complex\n    : key\n",
		"    detail: *e\n", "    <<: {a: b}\n", "    title: \"\\u202e\"\n", "    date: 2015-11-31\n", "    title: a\u202eb\n",
		"    title: \"a\nb\"\n", "    title: \"a\nvisits: b\"\n", "    colour: red\n", "    id: zj-01\n", "    title: a # b\n",
		"    item: wages}\n", "    title: \"\n",
	}
	entryOthers = []string{
		"  -\n", "  - just text\n", "  - [a, b]\n", "  - - nested\n    - nested\n", "  - {id: zj-05, item: wages}\n", "  - *e\n",
		"  - ! {id: x}\n", "  - \"multi\n  - line\"\n", "  - 'a\n  - b'\n", "  - |\n    block\n    - x\n", "  - {id: zj-06,\n  - x}\n",
	}
	rareLines = []string{"\t- tab\n", "---\n", " x: 1\n", "  x: 1\n", "findings:\n", "  -\tid: tab\n", "- id: zj-07\n", "  - id: zj-08\r"}
	listEnds  = []string{"", "visits: []\n", "# end\n", "x: 1\n", "indicators:\n  a: 1\n"}
)

// fragments makes a list of findings of the parts that data chooses.
func fragments(data []byte) []byte {
	out := []byte("findings:\n")
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return int(b)
	}
	end := listEnds[next()%len(listEnds)]
	for len(data) > 0 {
		switch b := next(); {
		case b < 160:
			out = append(out, entryStarts[b%len(entryStarts)]...)
			for range next() % 4 {
				out = append(out, entryBodies[next()%len(entryBodies)]...)
			}
		case b < 248:
			out = append(out, entryOthers[b%len(entryOthers)]...)
		default:
			out = append(out, rareLines[b%len(rareLines)]...)
		}
	}
	return append(out, end...)
}
