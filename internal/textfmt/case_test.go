package textfmt

import "testing"

func TestCapitalise(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"spread", "Spread"},
		{"Spread", "Spread"},       // already capital
		{"écart", "Écart"},         // é U+00E9 → É U+00C9, two bytes each
		{"ǆamija", "ǅamija"},       // U+01C6: title case U+01C5, not upper case U+01C4
		{"ß", "ß"},                 // no one-rune capital in Unicode's simple mapping
		{"42 gaps", "42 gaps"},     // a digit has no case
		{"a\xffb", "A\xffb"},       // invalid UTF-8 after the first rune is kept, not U+FFFD
		{"\xffa", "\xffa"},         // nor before it
		{"« règle »", "« règle »"}, // not a letter first: unchanged
		{"unanimous: all agree", "Unanimous: all agree"}, // only the first letter
	} {
		if got := Capitalise(c.in); got != c.want {
			t.Errorf("Capitalise(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
