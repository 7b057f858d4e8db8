package markdown

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestUnsafeLinks: a link to a script, a data: or a file: address is its
// text, never <a href="">, a live link to the page itself.
func TestUnsafeLinks(t *testing.T) {
	r := New(Options{})
	for src, want := range map[string]string{
		"点[这里](javascript:alert(1))。":              "<p>点这里。</p>\n",
		"[**粗**体](JavaScript:alert(1))":            "<p><strong>粗</strong>体</p>\n",
		"[x](&#106;avascript:alert(1))":            "<p>x</p>\n",
		"[x](vbscript:msgbox)":                     "<p>x</p>\n",
		"[x](data:text/html,hi)":                   "<p>x</p>\n",
		"[x](file:///C:/a.docx)":                   "<p>x</p>\n",
		"[x][r]\n\n[r]: javascript:alert(1)":       "<p>x</p>\n",
		"<javascript:alert(1)>":                    "<p>javascript:alert(1)</p>\n",
		"![图](javascript:alert(1))":                "<p>图</p>\n",
		"[网站](https://example.org/)":               `<p><a href="https://example.org/">网站</a></p>` + "\n",
		"[页](pages/a.html \"标题\")":                 `<p><a href="pages/a.html" title="标题">页</a></p>` + "\n",
		"<https://example.org/>":                   `<p><a href="https://example.org/">https://example.org/</a></p>` + "\n",
		"[x](data:image/png;base64,AAAA)":          `<p><a href="data:image/png;base64,AAAA">x</a></p>` + "\n",
		"- [ ] 任务 [x](javascript:1)\n- 二":          "<ul>\n<li><input disabled=\"\" type=\"checkbox\"> 任务 x</li>\n<li>二</li>\n</ul>\n",
		"脚注[^1]\n\n[^1]: [注](javascript:alert(1))": "<p>注&#160;<a href=\"#fnref:1\"",
	} {
		got := r.HTML([]byte(src), nil)
		if !strings.Contains(got, want) || strings.Contains(got, `href=""`) {
			t.Errorf("%q:\n got %q\nwant %q", src, got, want)
		}
	}
	// With raw HTML allowed, links are as written: every author is trusted.
	if got := New(Options{UnsafeHTML: true}).HTML([]byte("[x](javascript:f())"), nil); got != "<p><a href=\"javascript:f()\">x</a></p>\n" {
		t.Errorf("unsafe: %q", got)
	}
}

// TestRawHTMLAsText: raw HTML is shown as written, escaped: an inline tag
// among its words, a block as code. Nothing is dropped but comments.
func TestRawHTMLAsText(t *testing.T) {
	r := New(Options{})
	for src, want := range map[string]string{
		`文字 <script>alert("x")</script> 结束。`:    "<p>文字 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 结束。</p>\n",
		`<span style="color:red">红</span>色`:     "<p>&lt;span style=&quot;color:red&quot;&gt;红&lt;/span&gt;色</p>\n",
		"a <span\n title=\"x\">b</span>":        "<p>a &lt;span\ntitle=&quot;x&quot;&gt;b&lt;/span&gt;</p>\n",
		`x <img src=x onerror="f('">')"> y`:     "<p>x &lt;img src=x onerror=&quot;f('&quot;&gt;')&quot;&gt; y</p>\n",
		"<div>\n<b>粗</b>\n</div>":               "<pre><code>&lt;div&gt;\n&lt;b&gt;粗&lt;/b&gt;\n&lt;/div&gt;</code></pre>\n",
		"<script>\nvar a = 1;\n</script>\n\n后文": "<pre><code>&lt;script&gt;\nvar a = 1;\n&lt;/script&gt;\n</code></pre>\n<p>后文</p>\n",
		"| a | b |\n|---|---|\n| 1<br>2 | 3 |":  "<td>1&lt;br&gt;2</td>",
		"前 <!-- 内部备注 --> 后":                     "<p>前  后</p>\n",
		"<!--\n内部备注\n-->\n\n正文":                 "<p>正文</p>\n",
	} {
		if got := r.HTML([]byte(src), nil); !strings.Contains(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", src, got, want)
		}
	}
}

// TestIssues: what check reports, at the HTML's first byte and the
// link's "[".
func TestIssues(t *testing.T) {
	src := "# 题\n\n文字<span style=\"color:red\">红</span>，[点](javascript:alert(1))。\n\n<div>\n块\n</div>\n\n<!-- 备注 -->\n\n![图](vbscript:x) <javascript:y>\n"
	var got []string
	for _, is := range New(Options{}).Issues([]byte(src)) {
		got = append(got, fmt.Sprintf("%d@%d %s", is.Kind, is.Offset, is.Source))
	}
	at := func(s string) int { return strings.Index(src, s) }
	want := []string{
		fmt.Sprintf("1@%d <span style=\"color:red\">", at("<span")),
		fmt.Sprintf("1@%d </span>", at("</span")),
		fmt.Sprintf("2@%d javascript:alert(1)", at("[点")),
		fmt.Sprintf("1@%d <div>", at("<div")),
		fmt.Sprintf("3@%d vbscript:x", at("![图")),
		fmt.Sprintf("2@%d javascript:y", at("<javascript")),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Issues:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if is := New(Options{UnsafeHTML: true}).Issues([]byte(src)); len(is) != 0 {
		t.Errorf("with raw HTML allowed: %v", is)
	}
	long := "<p title=\"" + strings.Repeat("长", 100) + "\">"
	if is := New(Options{}).Issues([]byte(long)); len(is) != 1 || len([]rune(is[0].Source)) != 60 || !strings.HasSuffix(is[0].Source, "…") {
		t.Errorf("a long tag: %v", is)
	}
}

// FuzzGuard: whatever the document, the HTML has only the elements
// Markdown makes, no link to a script, and the issues lie inside the
// document.
func FuzzGuard(f *testing.F) {
	for _, s := range []string{
		"[x](javascript:1) <b>y</b>", "<div>\n<p>a</p>\n</div>", "<!-- a -->", "<javascript:x>",
		"[<b>x</b>](vbscript:y)", "![<i>a</i>](data:text/html,x)", "| <br> | [a](file:x) |\n|---|---|",
		"<script>\nx\n</script>", "a <span\n b=\"c\">d</span>", "[^1]\n\n[^1]: <u>x</u>",
		"www.example.com javascript:alert(1) http://x.y/(z) a@b.c file:///etc/passwd data:text/html,x &lt;b&gt; &#91;x&#93;(javascript:y)",
	} {
		f.Add(s)
	}
	r := New(Options{})
	tag := regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)`)
	href := regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	made := map[string]bool{}
	for _, t := range strings.Fields("a p em strong code pre ul ol li h1 h2 h3 h4 h5 h6 blockquote hr br table thead tbody tr th td img input del sup div") {
		made[t] = true
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return // the loader refuses it; goldmark's CJK extension panics on some
		}
		html := r.HTML([]byte(src), nil)
		for _, m := range tag.FindAllStringSubmatch(html, -1) {
			if !made[strings.ToLower(m[2])] {
				t.Errorf("%q: <%s%s> in %s", src, m[1], m[2], html)
			}
		}
		for _, m := range href.FindAllStringSubmatch(html, -1) {
			if unsafeURL([]byte(m[1])) {
				t.Errorf("%q: a link to %s", src, m[1])
			}
		}
		for _, is := range r.Issues([]byte(src)) {
			if is.Offset < 0 || is.Offset >= len(src) {
				t.Errorf("%q: issue at %d", src, is.Offset)
			}
		}
		// Issues does not parse a document without "<" or "[": parsed,
		// it has no issue either.
		if !strings.ContainsAny(src, "<[") && len(r.issues([]byte(src))) > 0 {
			t.Errorf("%q: issues without < or [: %v", src, r.issues([]byte(src)))
		}
	})
}
