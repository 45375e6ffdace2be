package report

import (
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// Text helpers shared by the workshop outputs (print, plan, consensus).

// markdownInline escapes a text from a user file for running Markdown text and table cells:
// characters that mark up, link, start HTML or split a table cell are backslash-escaped, and
// line breaks become spaces, so that a questionnaire's text can neither format nor break the page.
func markdownInline(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '!', '&':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\r', '\n', '\t':
			b.WriteByte(' ')
		default:
			if isControl(r) {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// markdownCellLines joins lines inside one Markdown table cell, each escaped.
func markdownCellLines(lines []string) string {
	esc := make([]string, len(lines))
	for i, l := range lines {
		esc[i] = markdownInline(l)
	}
	return strings.Join(esc, "<br>")
}

// wrapToWidth breaks text into lines of at most width terminal columns at spaces; a word longer
// than a line is cut.
func wrapToWidth(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		for twwidth.Width(word) > width {
			if line != "" {
				lines = append(lines, line)
				line = ""
			}
			cut := len(word)
			w := 0
			for i, r := range word {
				rw := twwidth.Width(string(r))
				if w+rw > width && i > 0 {
					cut = i
					break
				}
				w += rw
			}
			lines = append(lines, word[:cut])
			word = word[cut:]
		}
		switch {
		case line == "":
			line = word
		case twwidth.Width(line)+1+twwidth.Width(word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// writeParagraph writes text wrapped to width, the first line after first, the others after rest.
func writeParagraph(b *strings.Builder, text, first, rest string, width int) {
	for i, l := range wrapToWidth(text, width-twwidth.Width(rest)) {
		if i == 0 {
			b.WriteString(first)
		} else {
			b.WriteString(rest)
		}
		b.WriteString(l + "\n")
	}
}
