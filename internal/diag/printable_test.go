package diag

import "testing"

// A message quoting a hostile file or file name shows its control characters instead of
// obeying them: no colour, no title change (OSC), no clipboard write, no cursor move.
func TestPrintable(t *testing.T) {
	for _, c := range []struct{ in, lines, oneLine string }{
		{"plain text, é ü 中文", "plain text, é ü 中文", "plain text, é ü 中文"},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`, `\x1b[31mred\x1b[0m`},
		{"\x1b]52;c;cHduZWQ=\x07", `\x1b]52;c;cHduZWQ=\a`, `\x1b]52;c;cHduZWQ=\a`},
		{"a\rb\x7fc\u009b2Jd\u0085e", `a\rb\x7fc\u009b2Jd\u0085e`, `a\rb\x7fc\u009b2Jd\u0085e`},
		{"two\nlines\tand a tab", "two\nlines\tand a tab", `two\nlines\tand a tab`},
		{"bad \xff byte", `bad \xff byte`, `bad \xff byte`},
	} {
		if got := Printable(c.in, true); got != c.lines {
			t.Errorf("Printable(%q, true) = %q, want %q", c.in, got, c.lines)
		}
		if got := Printable(c.in, false); got != c.oneLine {
			t.Errorf("Printable(%q, false) = %q, want %q", c.in, got, c.oneLine)
		}
	}
}

func TestProblemStringIsOneSafeLine(t *testing.T) {
	p := Problem{Path: "evil\x1b]0;owned\x07.yaml", Line: 3, Col: 5, Msg: "question \x1b[2J\nX is not in questionnaire q"}
	want := `evil\x1b]0;owned\a.yaml:3:5: question \x1b[2J\nX is not in questionnaire q`
	if got := p.String(); got != want {
		t.Errorf("String() = %q\nwant      %q", got, want)
	}
	if got := (Problem{Msg: "\x1b[1m"}).String(); got != `\x1b[1m` {
		t.Errorf("a problem without a file: %q", got)
	}
	if got := (Problem{Path: "f", Msg: "\x1b[1m"}).String(); got != `f: \x1b[1m` {
		t.Errorf("a problem without a line: %q", got)
	}
}
