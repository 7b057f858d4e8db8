package load

import (
	"testing"
	"unicode/utf8"
)

// TestBidiAt: the byte-level test for bidirectional controls agrees with
// the Unicode property Bidi_Control on every character, and stripBidi
// removes exactly those.
func TestBidiAt(t *testing.T) {
	var buf [utf8.UTFMax]byte
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		n := utf8.EncodeRune(buf[:], r)
		s := string(buf[:n])
		if got := bidiAt(s, 0) == n; got != isBidi(r) {
			t.Errorf("%U: bidiAt says %v", r, got)
		}
		if got := stripBidi("a" + s + "b"); (got == "ab") != isBidi(r) {
			t.Errorf("%U: stripBidi gives %q", r, got)
		}
	}
}
