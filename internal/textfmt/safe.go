package textfmt

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mode says what Safe does with tabs and line breaks, the two controls some formats allow.
type Mode int

const (
	// Line is for one-line outputs (messages, file names): tabs and line breaks are escaped.
	Line Mode = iota
	// Lines is for formats that hold several lines (prompts, HTML, CSV and xlsx cells): tabs and
	// line breaks are kept.
	Lines
	// Flat is for running text a renderer lays out itself (terminal tables, Markdown): tabs and
	// line breaks become spaces.
	Flat
)

// Safe makes a text that came from a file inert in an output, which is the one rule of every
// output boundary: each character a terminal or a viewer would obey or hide rather than show
// is written as an escape a reader can see. That is every C0 control (but tab and line feed,
// as mode says), DEL, every C1 control, every Unicode format character (category Cf:
// bidirectional overrides and isolates, zero-width spaces and joiners, the byte-order mark),
// the line and paragraph separators, and every byte that is not UTF-8. Escapes read as Go
// writes them: \x1b, \r, \a, \u009b, \u202e, \U000e0001, and \xff for a stray byte.
//
// The result holds none of those characters, and Safe of it is itself.
func Safe(s string, mode Mode) string {
	if isPlain(s, mode) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteByte(hex[s[i]>>4])
			b.WriteByte(hex[s[i]&0xf])
		case (r == '\t' || r == '\n') && mode == Lines:
			b.WriteRune(r)
		case (r == '\t' || r == '\n') && mode == Flat:
			b.WriteByte(' ')
		case Hidden(r):
			writeEscape(&b, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Hidden reports whether r is a character Safe escapes: a control (C0, DEL, C1), a format
// character (Cf), or a line or paragraph separator.
func Hidden(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case r < 0xad:
		return false
	case r == '\u2028' || r == '\u2029':
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// Visible is s without its hidden characters, and without the spaces that start or end it:
// the form in which two texts are compared when a reader could not tell them apart (a
// participant "Ada" and another "Ad\u200ba" are one name). It is for comparing, not showing.
func Visible(s string) string {
	if !strings.ContainsFunc(s, Hidden) && utf8.ValidString(s) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(r == utf8.RuneError && size == 1) && !Hidden(r) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return strings.TrimSpace(b.String())
}

// Cell is a text as a spreadsheet cell (CSV or xlsx) must hold it: Safe with its lines kept,
// then prefixed with a single quote when a spreadsheet would read it as a formula (see
// FormulaLike), before or after the escapes. It is the one guard of every spreadsheet output;
// numbers never pass through it.
func Cell(s string) string {
	safe := Safe(s, Lines)
	if FormulaLike(safe) || FormulaLike(s) {
		return "'" + safe
	}
	return safe
}

// FormulaLike reports whether a spreadsheet could take the cell for a formula: when it starts
// with a tab or a carriage return, or when its first character that is not a space, a line
// break or a hidden character (a byte-order mark, a zero-width space) is one that starts a
// formula: = + - @, or their full-width and small forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫), which some
// spreadsheets read as the ASCII ones.
func FormulaLike(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '\t' || s[0] == '\r' {
		return true
	}
	for _, r := range s {
		if unicode.IsSpace(r) || Hidden(r) {
			continue
		}
		switch r {
		case '=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫':
			return true
		}
		return false
	}
	// Only spaces, line breaks and hidden characters: nothing a formula could start with,
	// but an escape written by Safe starts with a backslash, so this is only blank text.
	return false
}

// AutolinkBreak is what Autolinks puts inside a text that a GitHub-flavoured Markdown renderer
// would turn into a link: an empty HTML comment, which renders as nothing and splits the text
// so that neither the parser nor a later pass over the page's text sees a link.
const AutolinkBreak = "<!-- -->"

// Autolinks defuses the links GitHub-flavoured Markdown makes of bare text, in a text already
// escaped for Markdown: a scheme's "://" (http://, https://, ftp://, and any other), "www.",
// an e-mail address or an @mention ("@"), and "mailto:" and "xmpp:" each get AutolinkBreak
// inside them, so that links in a file stay plain text. Autolinks of its own result is itself.
func Autolinks(md string) string {
	var b strings.Builder
	last := 0
	brk := func(i int) {
		if strings.HasSuffix(md[:i], AutolinkBreak) {
			return
		}
		b.WriteString(md[last:i])
		b.WriteString(AutolinkBreak)
		last = i
	}
	for i := 0; i < len(md); i++ {
		switch c := md[i]; {
		case c == ':' && (strings.HasPrefix(md[i:], "://") || hasFoldSuffix(md[:i], "mailto") || hasFoldSuffix(md[:i], "xmpp")):
			brk(i)
		case c == '@':
			brk(i)
		case (c == '.') && hasFoldSuffix(md[:i], "www"):
			brk(i)
		}
	}
	if last == 0 {
		return md
	}
	b.WriteString(md[last:])
	return b.String()
}

func hasFoldSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

const hex = "0123456789abcdef"

// isPlain reports whether Safe leaves s as it is, looking at bytes: most texts are ASCII.
func isPlain(s string, mode Mode) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
		case c == '\t' || c == '\n':
			if mode != Lines {
				return false
			}
		case c >= 0x80:
			return !strings.ContainsFunc(s[i:], Hidden) && utf8.ValidString(s[i:])
		default:
			return false
		}
	}
	return true
}

// writeEscape writes r as Go writes it in a quoted string: \a \b \f \n \r \t \v, else \xHH
// below 0x80, \uHHHH, \UHHHHHHHH.
func writeEscape(b *strings.Builder, r rune) {
	const controls, letters = "\a\b\f\n\r\t\v", "abfnrtv"
	if i := strings.IndexRune(controls, r); i >= 0 {
		b.WriteByte('\\')
		b.WriteByte(letters[i])
		return
	}
	var digits int
	switch {
	case r < 0x80:
		b.WriteString(`\x`)
		digits = 2
	case r <= 0xffff:
		b.WriteString(`\u`)
		digits = 4
	default:
		b.WriteString(`\U`)
		digits = 8
	}
	for shift := (digits - 1) * 4; shift >= 0; shift -= 4 {
		b.WriteByte(hex[(r>>uint(shift))&0xf])
	}
}
