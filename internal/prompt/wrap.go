package prompt

import (
	"strings"

	"github.com/clipperhouse/displaywidth"
)

// Wrap breaks s into lines of at most width terminal columns, at spaces, measuring by display
// width (a wide character takes two columns, a combining accent none). A word wider than the
// line is cut between characters. Line breaks in s are kept; width < 1 leaves s as it is.
func Wrap(s string, width int) []string {
	return WrapIndent(s, width, "", "")
}

// WrapIndent wraps s like Wrap, starting the first line with first and every other line with
// rest (a hanging indent); width counts the prefixes.
func WrapIndent(s string, width int, first, rest string) []string {
	var out []string
	prefix := first
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine(para, width, prefix, rest)...)
		prefix = rest
	}
	return out
}

func wrapLine(s string, width int, first, rest string) []string {
	var lines []string
	cur := first
	curW := displaywidth.String(first)
	empty := true // nothing but the prefix on the current line
	restW := displaywidth.String(rest)
	if width < 1 {
		return []string{first + s}
	}
	for _, word := range strings.Fields(s) {
		ww := displaywidth.String(word)
		if !empty && curW+1+ww <= width {
			cur += " " + word
			curW += 1 + ww
			continue
		}
		if !empty {
			lines = append(lines, cur)
			cur, curW = rest, restW
		}
		// A word too wide for a whole line is cut to fit, grapheme by grapheme.
		for curW+ww > width && width > curW {
			head := displaywidth.TruncateString(word, width-curW, "")
			if head == "" {
				break
			}
			lines = append(lines, cur+head)
			word = word[len(head):]
			ww = displaywidth.String(word)
			cur, curW = rest, restW
		}
		cur += word
		curW += ww
		empty = false
	}
	return append(lines, cur)
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
