package markdown

import (
	"strings"
	"testing"
)

// stubFigures knows one figure.
type stubFigures struct{}

func (stubFigures) Figure(name string) (string, string, bool) {
	if strings.TrimSuffix(name, ":cn") == "problems" {
		return "problems", "44", true
	}
	return "", "", false
}

func TestFigures(t *testing.T) {
	r := New(Options{})
	for _, tc := range []struct{ src, want string }{
		{"共{{problems}}个", `<p>共<span class="fig" data-fig="problems">44</span>个</p>`},
		{"共{{ problems:cn }}个", `<p>共<span class="fig" data-fig="problems" data-format="cn">44</span>个</p>`},
		{"共{{nothing}}个", `<p>共{{nothing}}个</p>`},
		{"`{{problems}}`", `<p><code>{{problems}}</code></p>`},
		{`\{{problems}}`, `<p>{{problems}}</p>`},
		{"{{problems", `<p>{{problems</p>`},
		{"{{}} {{ }}", `<p>{{}} {{ }}</p>`},
		{"{{a\nb}}", "<p>{{a\nb}}</p>"},
		{"[共{{problems}}个](x.html)", `<p><a href="x.html">共<span class="fig" data-fig="problems">44</span>个</a></p>`},
		{"{{<script>}}", `<p>{{&lt;script&gt;}}</p>`},
	} {
		if got := strings.TrimSpace(r.HTML([]byte(tc.src), stubFigures{})); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
	if got := strings.TrimSpace(r.HTML([]byte("共{{problems}}个"), nil)); got != "<p>共{{problems}}个</p>" {
		t.Errorf("without figures: %s", got)
	}
}

func TestFigureRefs(t *testing.T) {
	src := []byte("# 标题\n\n共{{problems}}个，`{{code}}`；\n\n- {{ overdue }}\n")
	refs := FigureRefs(New(Options{}).Parse(src, nil))
	var got []string
	for _, f := range refs {
		got = append(got, f.Name+"@"+string(src[f.Offset:f.Offset+2]))
	}
	if strings.Join(got, " ") != "problems@{{ overdue@{{" {
		t.Errorf("got %v", got)
	}
}
