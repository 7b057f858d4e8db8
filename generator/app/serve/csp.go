package serve

import (
	"bytes"
	"html"
	"strings"
)

// Pages carry their Content Security Policy in a <meta http-equiv> tag,
// written for reading from disk: it allows no connection at all, so the
// live-reload script could not open its events. While a page is served,
// each such policy in its head allows two more addresses, the script's
// and its events', and nothing else; the built files keep their policy.

// previewPolicy returns page with every Content-Security-Policy <meta> tag
// of its head allowing the live-reload script and its events on host (the
// Host the browser asked for).
func previewPolicy(page []byte, host string) []byte {
	var out []byte
	last := 0
	for _, v := range cspValues(page) {
		policy := html.UnescapeString(string(page[v.start+1 : v.end-1]))
		policy = allowReload(policy, host)
		out = append(out, page[last:v.start]...)
		out = append(out, '"')
		out = append(out, escapeAttr(policy)...)
		out = append(out, '"')
		last = v.end
	}
	if out == nil {
		return page
	}
	return append(out, page[last:]...)
}

// escapeAttr escapes s for an attribute value between double quotes.
func escapeAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", `"`, "&#34;").Replace(s)
}

// allowReload returns policy allowing, on host, the live-reload script
// and its events, and nothing more.
func allowReload(policy, host string) string {
	policy = allow(policy, []string{"script-src-elem", "script-src"}, sourceExpr(host, scriptPath))
	return allow(policy, []string{"connect-src"}, sourceExpr(host, eventsPath))
}

// sourceExpr returns a CSP source expression for the address path on host:
// the exact URL, or 'self' when host cannot be written in a policy (an
// IPv6 address).
func sourceExpr(host, path string) string {
	if !plainHost(host) {
		return "'self'"
	}
	return "http://" + host + path
}

// allow adds src to the first directive of names found in policy (the
// order in which a browser looks for them). When policy has none of them,
// but has a default-src, it gains a directive names[0] with the sources
// of default-src and src; with no default-src either, the policy does not
// restrict what names govern, and is returned as it is.
func allow(policy string, names []string, src string) string {
	dirs := strings.Split(policy, ";")
	for _, name := range names {
		if i := directive(dirs, name); i >= 0 {
			dirs[i] = withSource(dirs[i], src)
			return strings.Join(dirs, ";")
		}
	}
	i := directive(dirs, "default-src")
	if i < 0 {
		return policy
	}
	_, sources, _ := strings.Cut(strings.TrimSpace(dirs[i]), " ")
	added := withSource(names[0]+" "+sources, src)
	return strings.TrimRight(policy, "; \t\n\r\f") + "; " + added
}

// plainHost reports whether host is a host name or IPv4 address with an
// optional port: what a CSP source expression can name.
func plainHost(host string) bool {
	name, port, _ := strings.Cut(host, ":")
	if name == "" || strings.Trim(port, "0123456789") != "" {
		return false
	}
	for _, c := range []byte(name) {
		if !isLetterOrDigit(c) && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

// directive returns the index of the first directive called name, or -1.
func directive(dirs []string, name string) int {
	for i, d := range dirs {
		if f := strings.Fields(d); len(f) > 0 && strings.EqualFold(f[0], name) {
			return i
		}
	}
	return -1
}

// withSource adds src to a directive's sources, dropping 'none', which is
// only valid alone.
func withSource(dir, src string) string {
	lead := dir[:len(dir)-len(strings.TrimLeft(dir, " \t\n\r\f"))]
	f := strings.Fields(dir)
	kept := f[:1]
	for _, s := range f[1:] {
		if !strings.EqualFold(s, "'none'") {
			kept = append(kept, s)
		}
	}
	return lead + strings.Join(append(kept, src), " ")
}

// span is a range of bytes of a page.
type span struct{ start, end int }

// cspValues returns the content attribute values (quotes included) of
// the Content-Security-Policy <meta> tags before the page's body. It
// skips comments and the text of raw-text elements such as <script>.
func cspValues(page []byte) []span {
	var found []span
	for i := 0; i < len(page); {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if bytes.HasPrefix(page[i:], []byte("<!--")) {
			i = skipPast(page, i+4, "-->")
			continue
		}
		name := tagName(page[i+1:])
		switch name {
		case "":
			i = skipDeclaration(page, i)
			continue
		case "body", "/head":
			return found
		case "script", "style", "title", "textarea", "noscript", "template":
			i = skipPast(page, i+1, "</"+name)
			continue
		}
		attrs, end := scanAttrs(page, i+1+len(name))
		if name == "meta" && strings.EqualFold(attrs["http-equiv"].value, "content-security-policy") {
			if v, ok := attrs["content"]; ok && v.quoted {
				found = append(found, v.span)
			}
		}
		i = end
	}
	return found
}

// skipDeclaration returns the index after a "<!...>" or "<?...>" at i, or
// after the "<" of text that starts with one, such as "a < b".
func skipDeclaration(page []byte, i int) int {
	if i+1 < len(page) && (page[i+1] == '!' || page[i+1] == '?') {
		return skipPast(page, i+2, ">")
	}
	return i + 1
}

// skipPast returns the index after the first end at or after i (compared
// without regard to case; end starts with a character that has no case),
// or len(page).
func skipPast(page []byte, i int, end string) int {
	for i < len(page) {
		k := bytes.IndexByte(page[i:], end[0])
		if k < 0 {
			break
		}
		i += k
		if len(page)-i >= len(end) && bytes.EqualFold(page[i:i+len(end)], []byte(end)) {
			return i + len(end)
		}
		i++
	}
	return len(page)
}

// tagName returns the lower-case name of the tag that starts b (after its
// "<"), with a leading "/" for an end tag, or "" when b does not start a
// tag.
func tagName(b []byte) string {
	n := 0
	if n < len(b) && b[n] == '/' {
		n++
	}
	start := n
	for n < len(b) && isLetterOrDigit(b[n]) {
		n++
	}
	if n == start {
		return ""
	}
	return strings.ToLower(string(b[:n]))
}

func isLetterOrDigit(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// attr is an attribute's unescaped value and where it is written.
type attr struct {
	value  string
	quoted bool // the value is written between quotes (included in span)
	span
}

// scanAttrs reads the attributes of a tag from i, just after its name, as
// a browser does, and returns them by lower-case name (the first of each
// name counts) and the index after the tag's ">".
func scanAttrs(b []byte, i int) (map[string]attr, int) {
	attrs := map[string]attr{}
	for {
		for i < len(b) && (isSpace(b[i]) || b[i] == '/') {
			i++
		}
		if i >= len(b) || b[i] == '>' {
			return attrs, min(i+1, len(b))
		}
		start := i
		i++ // a name can start with "="
		for i < len(b) && !isSpace(b[i]) && b[i] != '/' && b[i] != '>' && b[i] != '=' {
			i++
		}
		name := strings.ToLower(string(b[start:i]))
		var a attr
		a, i = scanValue(b, skipSpace(b, i))
		if _, dup := attrs[name]; !dup {
			attrs[name] = a
		}
	}
}

// scanValue reads an attribute's value at i, if there is one ("=" then a
// quoted or unquoted value), and returns it and the index after it.
func scanValue(b []byte, i int) (attr, int) {
	if i >= len(b) || b[i] != '=' {
		return attr{span: span{i, i}}, i
	}
	i = skipSpace(b, i+1)
	if i < len(b) && (b[i] == '"' || b[i] == '\'') {
		k := bytes.IndexByte(b[i+1:], b[i])
		if k < 0 {
			return attr{span: span{i, len(b)}}, len(b)
		}
		end := i + 1 + k + 1
		return attr{value: html.UnescapeString(string(b[i+1 : end-1])), quoted: true, span: span{i, end}}, end
	}
	start := i
	for i < len(b) && !isSpace(b[i]) && b[i] != '>' {
		i++
	}
	return attr{value: html.UnescapeString(string(b[start:i])), span: span{start, i}}, i
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
