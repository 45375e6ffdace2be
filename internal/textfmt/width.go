package textfmt

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
)

// Width is the width terminal outputs keep to (they must also fit 60 columns where they can).
const Width = 80

// DisplayWidth is the number of terminal columns s takes: a wide (East Asian) character takes
// two, a combining mark none.
func DisplayWidth(s string) int { return displaywidth.String(s) }

// Pad is s followed by spaces up to width columns (s unchanged when it is as wide or wider).
func Pad(s string, width int) string {
	if n := width - DisplayWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// Wrap breaks text into lines of at most width columns at spaces; a word longer than a line is
// cut. There is always at least one line. No-break spaces (U+00A0, U+202F: French puts them
// before : ; ? ! and %) hold their neighbours together.
func Wrap(text string, width int) []string {
	var lines []string
	var line strings.Builder
	// The line's width is its words' widths and the spaces between them: widths add up across
	// a space in valid UTF-8; where the text is not, a line is measured as joined.
	lineWidth := 0
	valid := utf8.ValidString(text)
	for word := range strings.FieldsFuncSeq(text, isBreakingSpace) {
		w := DisplayWidth(word)
		for w > width {
			if line.Len() > 0 {
				lines = append(lines, line.String())
				line.Reset()
			}
			cut := cutAt(word, width)
			lines = append(lines, word[:cut])
			word = word[cut:]
			w = DisplayWidth(word)
		}
		switch {
		case line.Len() == 0:
			line.WriteString(word)
			lineWidth = w
		case joinedWidth(&line, lineWidth, word, w, valid) <= width:
			lineWidth = joinedWidth(&line, lineWidth, word, w, valid)
			line.WriteByte(' ')
			line.WriteString(word)
		default:
			lines = append(lines, line.String())
			line.Reset()
			line.WriteString(word)
			lineWidth = w
		}
	}
	if line.Len() > 0 || len(lines) == 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// joinedWidth is the width of line, lineWidth wide, with a space and word (w wide) after it.
func joinedWidth(line *strings.Builder, lineWidth int, word string, w int, valid bool) int {
	if valid {
		return lineWidth + 1 + w
	}
	return DisplayWidth(line.String() + " " + word)
}

// Truncate returns s when it fits width display columns, else its widest prefix that leaves
// room for "…", then "…" (at word ends when words is true and a word end falls in the second
// half of the width).
func Truncate(s string, width int, words bool) string {
	if DisplayWidth(s) <= width {
		return s
	}
	if width < 1 {
		return ""
	}
	cut := s[:cutAt(s, width-1)]
	if DisplayWidth(cut) > width-1 {
		cut = "" // cutAt keeps a first rune that is wider than the room on its own
	}
	if words {
		if i := strings.LastIndexByte(cut, ' '); i > 0 && DisplayWidth(cut[:i]) > width/2 {
			cut = cut[:i]
		}
	}
	return cut + "…"
}

// cutAt is the byte index where the widest prefix of word fitting width ends (at least one rune).
func cutAt(word string, width int) int {
	w := 0
	for i, r := range word {
		rw := displaywidth.Rune(r)
		if w+rw > width && i > 0 {
			return i
		}
		w += rw
	}
	return len(word)
}

// WriteWrapped writes text wrapped to width columns, the first line after first, the others
// after rest (the text is wrapped to the width left after rest).
func WriteWrapped(w io.StringWriter, text, first, rest string, width int) {
	for i, l := range Wrap(text, width-DisplayWidth(rest)) {
		if i == 0 {
			w.WriteString(first)
		} else {
			w.WriteString(rest)
		}
		w.WriteString(l + "\n")
	}
}

// isBreakingSpace reports whether a line may break at r: an ASCII space, tab or line break.
func isBreakingSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
}
