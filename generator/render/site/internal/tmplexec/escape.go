package tmplexec

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strings"
)

// The escapers of html/template that the executor runs itself, ported from
// the Go standard library (html/template's content.go, html.go and url.go;
// Copyright The Go Authors, BSD-style licence). They must give the same
// bytes as the originals for every input: the tests compare them. An action
// whose pipeline ends in any other escaper (those of JavaScript strings,
// CSS strings, srcset or unquoted attributes) is left to html/template, as
// are the values that the ported escapers do not handle.

// contentType is the kind of content of a value: plain text, or one of
// html/template's typed strings.
type contentType uint8

const (
	contentTypePlain contentType = iota
	contentTypeCSS
	contentTypeHTML
	contentTypeHTMLAttr
	contentTypeJS
	contentTypeJSStr
	contentTypeURL
	contentTypeSrcset
)

// escaper returns html/template's escaper name, or nil when the executor
// does not have it. The escaper takes a string and its content type, as
// html/template's stringify returns them.
func escaper(name string) func(string, contentType) string {
	switch name {
	case "_html_template_htmlescaper":
		return htmlEscaper
	case "_html_template_attrescaper":
		return attrEscaper
	case "_html_template_rcdataescaper":
		return rcdataEscaper
	case "_html_template_urlfilter":
		return urlFilter
	case "_html_template_urlnormalizer":
		return func(s string, t contentType) string { return urlProcessor(true, s, t) }
	case "_html_template_urlescaper":
		return func(s string, t contentType) string { return urlProcessor(false, s, t) }
	case "_html_template_cssvaluefilter":
		return cssValueFilter
	case "_html_template_jsvalescaper":
		return jsValEscaper
	}
	return nil
}

// hasEscaper reports whether the executor has the escaper name.
func hasEscaper(name string) bool { return escaper(name) != nil }

func htmlEscaper(s string, t contentType) string {
	if t == contentTypeHTML {
		return s
	}
	return htmlReplacer(s, false)
}

// attrEscaper leaves HTML content, which html/template strips of its tags
// first, to html/template.
func attrEscaper(s string, t contentType) string {
	if t == contentTypeHTML {
		fallback()
	}
	return htmlReplacer(s, false)
}

func rcdataEscaper(s string, t contentType) string {
	if t == contentTypeHTML {
		return htmlReplacer(s, true)
	}
	return htmlReplacer(s, false)
}

// htmlReplacement returns what html/template's replacement tables
// (htmlReplacementTable, or htmlNormReplacementTable with norm, which
// leaves & alone) put for the ASCII character c, or "" for none.
func htmlReplacement(c byte, norm bool) string {
	switch c {
	case 0:
		return "\uFFFD"
	case '"':
		return "&#34;"
	case '&':
		if !norm {
			return "&amp;"
		}
	case '\'':
		return "&#39;"
	case '+':
		return "&#43;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	}
	return ""
}

// htmlReplacer is html/template's htmlReplacer with badRunes set, as all
// its callers here have it: it replaces the characters of the table and
// leaves every other byte as it is. The original decodes runes; a byte loop
// does the same, as the tables hold only ASCII characters and no byte of a
// multi-byte or invalid UTF-8 sequence is ASCII.
func htmlReplacer(s string, norm bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		repl := htmlReplacement(s[i], norm)
		if repl == "" {
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

const filterFailsafe = "ZgotmplZ"

// jsValEscaper is html/template's for a value of type template.JS, which
// it writes as it is; values of other types, which html/template writes as
// JSON, are left to it.
func jsValEscaper(s string, t contentType) string {
	if t != contentTypeJS {
		fallback()
	}
	return s
}

// cssValueFilter is html/template's for values without backslashes, which
// its decodeCSS leaves as they are; others are left to html/template.
func cssValueFilter(s string, t contentType) string {
	if t == contentTypeCSS {
		return s
	}
	if strings.IndexByte(s, '\\') >= 0 {
		fallback()
	}
	id := make([]byte, 0, 64)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case 0, '"', '\'', '(', ')', '/', ';', '@', '[', '\\', ']', '`', '{', '}', '<', '>':
			return filterFailsafe
		case '-':
			// Disallow <!-- or -->.
			if i != 0 && s[i-1] == '-' {
				return filterFailsafe
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' {
				id = append(id, c)
			}
		}
	}
	id = bytes.ToLower(id)
	if bytes.Contains(id, []byte("expression")) || bytes.Contains(id, []byte("mozbinding")) {
		return filterFailsafe
	}
	return s
}

func urlFilter(s string, t contentType) string {
	if t == contentTypeURL {
		return s
	}
	if !isSafeURL(s) {
		return "#" + filterFailsafe
	}
	return s
}

func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

func urlProcessor(norm bool, s string, t contentType) string {
	if t == contentTypeURL {
		norm = true
	}
	var b strings.Builder
	if processURLOnto(s, norm, &b) {
		return b.String()
	}
	return s
}

// processURLOnto is html/template's: it percent-encodes the bytes that are
// not allowed, or, when norm is set, not allowed and not reserved, in a
// URL, and reports whether it changed anything.
func processURLOnto(s string, norm bool, b *strings.Builder) bool {
	b.Grow(len(s) + 16)
	written := 0
	for i, n := 0, len(s); i < n; i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		b.WriteString(s[written:i])
		const hex = "0123456789abcdef"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	b.WriteString(s[written:])
	return written != 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// stringifyValue is html/template's stringify of one argument, the value
// v, without boxing strings.
func stringifyValue(v reflect.Value) (string, contentType) {
	if !v.IsValid() {
		// text/template hands an escaper nil here; leave it to it.
		fallback()
	}
	if v.Kind() == reflect.String {
		switch v.Type() {
		case reflect.TypeFor[string]():
			return v.String(), contentTypePlain
		case reflect.TypeFor[template.HTML]():
			return v.String(), contentTypeHTML
		case reflect.TypeFor[template.URL]():
			return v.String(), contentTypeURL
		}
		if !isContentType(v.Type()) && isPlainString(v) {
			// What fmt.Sprint, which stringify calls, returns.
			return v.String(), contentTypePlain
		}
	}
	if !v.CanInterface() {
		fallback()
	}
	return stringify(v.Interface())
}

// isContentType reports whether t is one of html/template's typed strings.
func isContentType(t reflect.Type) bool {
	return t.PkgPath() == "html/template"
}

// stringify is html/template's stringify of one argument.
func stringify(a any) (string, contentType) {
	switch s := indirectAny(a).(type) {
	case string:
		return s, contentTypePlain
	case template.CSS:
		return string(s), contentTypeCSS
	case template.HTML:
		return string(s), contentTypeHTML
	case template.HTMLAttr:
		return string(s), contentTypeHTMLAttr
	case template.JS:
		return string(s), contentTypeJS
	case template.JSStr:
		return string(s), contentTypeJSStr
	case template.URL:
		return string(s), contentTypeURL
	case template.Srcset:
		return string(s), contentTypeSrcset
	}
	if a == nil {
		// html/template skips an untyped nil.
		return "", contentTypePlain
	}
	return fmt.Sprint(indirectToStringerOrError(a)), contentTypePlain
}

// indirectAny is html/template's indirect: it follows pointers.
func indirectAny(a any) any {
	if a == nil {
		return nil
	}
	if t := reflect.TypeOf(a); t.Kind() != reflect.Pointer {
		return a
	}
	v := reflect.ValueOf(a)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}

// indirectToStringerOrError is html/template's: it follows pointers until
// it reaches a fmt.Stringer, an error or a value that is not a pointer.
func indirectToStringerOrError(a any) any {
	if a == nil {
		return nil
	}
	v := reflect.ValueOf(a)
	for !v.Type().Implements(reflect.TypeFor[fmt.Stringer]()) && !v.Type().Implements(reflect.TypeFor[error]()) && v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}
