// Package suggest finds the name a user probably meant when they mistyped
// one: a key, an ID, an enumeration value or a file name.
package suggest

import (
	"fmt"
	"strings"
)

// Nearest returns the candidate closest to s by edit distance (ignoring
// case), when it is close enough to be a likely typo, or "".
func Nearest(s string, candidates []string) string {
	best, bestDist := "", 0
	for _, c := range candidates {
		if d := distance(strings.ToLower(s), strings.ToLower(c)); best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" || bestDist > max(1, len(best)/3) {
		return ""
	}
	return best
}

// DidYouMean returns `; did you mean "x"?` for the candidate nearest to s,
// or "" when none is near.
func DidYouMean(s string, candidates []string) string {
	if near := Nearest(s, candidates); near != "" && near != s {
		return fmt.Sprintf("; did you mean %q?", near)
	}
	return ""
}

// distance is the edit distance between a and b, counted in runes, where
// an insertion, a deletion, a substitution and a swap of two neighbouring
// runes each count 1 (optimal string alignment).
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
