package textfmt

import (
	"unicode"
	"unicode/utf8"
)

// Capitalise is s with its first letter in title case ("spread" → "Spread", "écart" →
// "Écart"), the rest as it is: a word of the catalogue starting a sentence or a column title.
// Title case, not upper case, is what a first letter takes (the digraph "ǆ" becomes "ǅ", not
// "Ǆ"); bytes that are not UTF-8 are kept as they are.
func Capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s // empty, or not a letter of UTF-8
	}
	return string(unicode.ToTitle(r)) + s[n:]
}
