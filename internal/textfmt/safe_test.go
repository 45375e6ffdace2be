package textfmt

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSafe(t *testing.T) {
	for _, c := range []struct{ in, line, lines, flat string }{
		{"plain text, é ü 中文", "plain text, é ü 中文", "plain text, é ü 中文", "plain text, é ü 中文"},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`, `\x1b[31mred\x1b[0m`, `\x1b[31mred\x1b[0m`},
		// OSC 0 (window title) and OSC 52 (clipboard write), ended by BEL.
		{"\x1b]0;owned\x07", `\x1b]0;owned\a`, `\x1b]0;owned\a`, `\x1b]0;owned\a`},
		{"\x1b]52;c;cHduZWQ=\x07", `\x1b]52;c;cHduZWQ=\a`, `\x1b]52;c;cHduZWQ=\a`, `\x1b]52;c;cHduZWQ=\a`},
		{"a\rb\x7fc\u009b2Jd\u0085e", `a\rb\x7fc\u009b2Jd\u0085e`, `a\rb\x7fc\u009b2Jd\u0085e`, `a\rb\x7fc\u009b2Jd\u0085e`},
		{"two\nlines\tand a tab", `two\nlines\tand a tab`, "two\nlines\tand a tab", "two lines and a tab"},
		{"bad \xff byte", `bad \xff byte`, `bad \xff byte`, `bad \xff byte`},
		// Bidirectional override and isolates, zero-width space and joiner, BOM, soft hyphen,
		// line separator, a tag character.
		{"evil\u202egnp.exe", `evil\u202egnp.exe`, `evil\u202egnp.exe`, `evil\u202egnp.exe`},
		{"\u2066a\u2069", `\u2066a\u2069`, `\u2066a\u2069`, `\u2066a\u2069`},
		{"Ad\u200ba\u200d\ufeff\u00ad", `Ad\u200ba\u200d\ufeff\u00ad`, `Ad\u200ba\u200d\ufeff\u00ad`, `Ad\u200ba\u200d\ufeff\u00ad`},
		{"x\u2028y\U000e0041", `x\u2028y\U000e0041`, `x\u2028y\U000e0041`, `x\u2028y\U000e0041`},
		{"", "", "", ""},
	} {
		for _, m := range []struct {
			mode Mode
			want string
		}{{Line, c.line}, {Lines, c.lines}, {Flat, c.flat}} {
			if got := Safe(c.in, m.mode); got != m.want {
				t.Errorf("Safe(%q, %d) = %q, want %q", c.in, m.mode, got, m.want)
			}
		}
	}
}

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"Ada":                  "Ada",
		"Ad\u200ba":            "Ada",
		" \ufeffAda\u202e\t ":  "Ada",
		"A\x1b[1md\xffa":       "A[1mda",
		"Jean-Luc  Picard\n":   "Jean-Luc  Picard",
		"\u2066\u2069\u200d\n": "",
	} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCell(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                 "plain",
		"=1+1":                  "'=1+1",
		"+1":                    "'+1",
		"-1":                    "'-1",
		"@SUM(A1)":              "'@SUM(A1)",
		"\tx":                   "'\tx",
		"\rx":                   `'\rx`,
		"\n=HYPERLINK(\"x\")":   "'\n=HYPERLINK(\"x\")",
		"  =1":                  "'  =1",
		"\u200b=1":              `'\u200b=1`,
		"\ufeff=1":              `'\ufeff=1`,
		"\u00a0\u3000+1":        "'\u00a0\u3000+1",
		"＝1":                    "'＝1",
		"﹢1":                    "'﹢1",
		"a=1":                   "a=1",
		"\x1b=1":                `'\x1b=1`, // the escape reads as text, but the text as written did not
		"'=1":                   "'=1",
		"":                      "",
		"   ":                   "   ",
		"two\nlines, \"quote\"": "two\nlines, \"quote\"",
	} {
		got := Cell(in)
		if got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
		if again := Cell(got); again != got {
			t.Errorf("Cell(Cell(%q)) = %q, not %q", in, again, got)
		}
	}
}

func TestAutolinks(t *testing.T) {
	b := AutolinkBreak
	for in, want := range map[string]string{
		"see https://evil.example/x": "see https" + b + "://evil.example/x",
		"HTTP://x and ftp://y":       "HTTP" + b + "://x and ftp" + b + "://y",
		"www.evil.example":           "www" + b + ".evil.example",
		"(WWW.evil.example)":         "(WWW" + b + ".evil.example)",
		"mail a@b.example":           "mail a" + b + "@b.example",
		"mailto:a":                   "mailto" + b + ":a",
		"xmpp:a":                     "xmpp" + b + ":a",
		"ping @someone":              "ping " + b + "@someone",
		"plain 1:2 w.x":              "plain 1:2 w.x",
	} {
		got := Autolinks(in)
		if got != want {
			t.Errorf("Autolinks(%q) = %q, want %q", in, got, want)
		}
		if again := Autolinks(got); again != got {
			t.Errorf("Autolinks(Autolinks(%q)) = %q, not %q", in, again, got)
		}
	}
}

// FuzzSafe checks the promise of Safe on any text: no control, format or separator character
// and no invalid byte survive it in any mode (but tab and line feed where Lines keeps them),
// applying it twice changes nothing, and a text without such characters comes out unchanged.
// Cell and Visible keep their promises on the same texts.
func FuzzSafe(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b]0;t\x07", "\x1b]52;c;eA==\x1b\\", "\u009b31m",
		"\u202eabc", "A\u200bda", "\ufeff=1", "\n=HYPERLINK(\"http://x\")", "＝1", "\xff\xfe",
		"\t\r\n", "\U000e0001", "a\u2028b", "é中文"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, mode := range []Mode{Line, Lines, Flat} {
			out := Safe(s, mode)
			if !utf8.ValidString(out) {
				t.Fatalf("Safe(%q, %d) = %q: not UTF-8", s, mode, out)
			}
			for _, r := range out {
				if mode == Lines && (r == '\t' || r == '\n') {
					continue
				}
				if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || Hidden(r) {
					t.Fatalf("Safe(%q, %d) = %q keeps %U", s, mode, out, r)
				}
			}
			if again := Safe(out, mode); again != out {
				t.Fatalf("Safe not idempotent: Safe(%q, %d) = %q, then %q", s, mode, out, again)
			}
			if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool {
				return Hidden(r) && !(mode == Lines && (r == '\t' || r == '\n')) || mode == Flat && (r == '\t' || r == '\n')
			}) && out != s {
				t.Fatalf("Safe(%q, %d) = %q changed a text without hidden characters", s, mode, out)
			}
		}
		c := Cell(s)
		if Cell(c) != c {
			t.Fatalf("Cell not idempotent on %q: %q then %q", s, c, Cell(c))
		}
		if FormulaLike(c) && !strings.HasPrefix(c, "'") {
			t.Fatalf("Cell(%q) = %q still reads as a formula", s, c)
		}
		v := Visible(s)
		if strings.ContainsFunc(v, Hidden) || !utf8.ValidString(v) {
			t.Fatalf("Visible(%q) = %q keeps a hidden character", s, v)
		}
		if Visible(v) != v {
			t.Fatalf("Visible not idempotent on %q", s)
		}
	})
}

// writeEscape writes a control or invisible rune as Go quotes it: strconv.QuoteRune gives the
// expected form of every C0 and C1 control, DEL, and two invisible runes beyond.
func TestWriteEscapeAsGoQuotes(t *testing.T) {
	var runes []rune
	for r := rune(0); r < 0x20; r++ {
		runes = append(runes, r)
	}
	for r := rune(0x7f); r < 0xa0; r++ {
		runes = append(runes, r)
	}
	runes = append(runes, 0x200b, 0xe0041)
	for _, r := range runes {
		var b strings.Builder
		writeEscape(&b, r)
		if want := strings.Trim(strconv.QuoteRune(r), "'"); b.String() != want {
			t.Errorf("writeEscape(%U) = %s, want %s", r, b.String(), want)
		}
	}
}
