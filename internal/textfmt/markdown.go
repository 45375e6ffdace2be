package textfmt

import "strings"

// Markdown escapes a text from a user file for Markdown, in running text and in table cells:
// characters that mark up, link, start HTML or split a cell are backslash-escaped, line breaks
// become spaces, hidden characters are escaped visibly first (Safe), and the links GitHub makes
// of bare URLs and www. are broken (Autolinks).
func Markdown(s string) string {
	var b strings.Builder
	for _, r := range Safe(s, Flat) {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '!', '&':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return Autolinks(b.String())
}
