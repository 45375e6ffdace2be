package prompt

import (
	"strings"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// Wrap breaks s into lines of at most width terminal columns, at spaces, measuring by display
// width; line breaks in s are kept.
func Wrap(s string, width int) []string {
	return WrapIndent(s, width, "", "")
}

// WrapIndent wraps s like Wrap, starting the first line with first and every other line with
// rest (a hanging indent); width counts the prefixes.
func WrapIndent(s string, width int, first, rest string) []string {
	w := max(1, width-max(textfmt.DisplayWidth(first), textfmt.DisplayWidth(rest)))
	var out []string
	prefix := first
	for _, para := range strings.Split(s, "\n") {
		for _, l := range textfmt.Wrap(para, w) {
			out = append(out, prefix+l)
			prefix = rest
		}
	}
	return out
}

// WrapMessage wraps a message (an error, a warning, a hint) to width, indenting the lines after
// the first by two spaces so that each message reads as one block; lines that already start
// with spaces (an example command) keep them.
func WrapMessage(s string, width int) string {
	var out []string
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		lead := line[:len(line)-len(strings.TrimLeft(line, " "))]
		out = append(out, WrapIndent(strings.TrimLeft(line, " "), width, lead, lead+"  ")...)
	}
	return strings.Join(out, "\n")
}
