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

// distance is the Levenshtein distance between a and b, counted in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
