package consensus

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// consensusWidth is the width the terminal consensus keeps to: a projector shows 80 columns well.
const consensusWidth = 80

// consensusTable is the terminal view for the projector: who took part, then one row per question,
// most disputed first, with the answers grouped by value, then the participants' notes.
func consensusTable(in RenderInput) ([]byte, error) {
	r, lang := in.Result, in.Lang
	q := r.Questionnaire
	w := consensusWordsFor(lang)
	var b bytes.Buffer
	bold := func(s string) string {
		if in.Color {
			return "\x1b[1m" + s + "\x1b[0m"
		}
		return s
	}
	b.WriteString(bold(textfmt.Terminal(fmt.Sprintf(w.title, q.Title.Get(lang)))) + "\n")
	names := make([]string, len(r.Participants))
	for i, p := range r.Participants {
		names[i] = consensusParticipant(p)
	}
	para := func(s string) { textfmt.WriteWrapped(&b, textfmt.Terminal(s), "", "", consensusWidth) }
	para(fmt.Sprintf(w.participants, len(names), strings.Join(names, ", ")))
	para(w.summary(len(r.Items), r.Disputed()) + " " + w.order)
	b.WriteString("\n")
	para(w.explain)
	b.WriteString("\n")
	if len(r.Items) == 0 {
		return b.Bytes(), nil
	}

	var rows [][]string
	for _, it := range r.Items {
		first := []string{it.Question.ID}
		switch {
		case it.Resolution != nil:
			first = append(first, w.settledMark)
		case it.Disputed:
			first = append(first, w.disputedMark)
		}
		first = append(first, textfmt.Terminal(it.Question.Text.Get(lang)))
		first = []string{strings.Join(first, " · ")}
		var groups []string
		for _, g := range consensusGroups(r, it, lang, w.t) {
			groups = append(groups, textfmt.Terminal(g.Answer+w.colon+strings.Join(g.Names, ", ")))
		}
		answer, how := consensusMerged(it, lang, w)
		rows = append(rows, []string{strings.Join(first, "\n"), clip(strings.Join(groups, "\n"), consensusCellMax), consensusSpread(it, w),
			clip(textfmt.Terminal(answer), consensusCellMax) + "\n(" + how + ")"})
	}
	var out bytes.Buffer
	boxTable(&out, []string{w.question, w.answers, w.spread, w.merged}, rows, consensusWidth)
	b.WriteString(out.String())

	var notes bytes.Buffer
	for _, it := range r.Items {
		lines := consensusNotes(r, it, w.colon)
		if it.Resolution != nil && it.Resolution.Reason != "" {
			lines = append([]string{w.reason + w.colon + it.Resolution.Reason}, lines...)
		}
		for i, n := range lines {
			head := strings.Repeat(" ", len(it.Question.ID)+2)
			if i == 0 {
				head = it.Question.ID + "  "
			}
			textfmt.WriteWrapped(&notes, textfmt.Terminal(n), head, strings.Repeat(" ", len(it.Question.ID)+4), consensusWidth)
		}
	}
	if notes.Len() > 0 {
		b.WriteString("\n" + bold(w.notesHeading) + "\n")
		b.WriteString(notes.String())
	}
	return b.Bytes(), nil
}

// consensusCellMax bounds the answers cells of the table: on a projector a multiple choice with
// thousands of chosen labels is cut (the Markdown and JSON outputs keep it whole), and the
// table's wrapping, slower than linear in a cell's words, stays quick on a hostile file.
const consensusCellMax = 2000

// clip cuts s to at most n characters, the last one an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// shareWidths gives each column its natural width when they all fit in avail; else, from the
// narrowest up, a column keeps its natural width when it is no wider than an even share of
// what is left, and the wider ones split the rest evenly (never below floor).
func shareWidths(natural, floor []int, avail int) []int {
	n := len(natural)
	widths := slices.Clone(natural)
	total := 0
	for _, w := range natural {
		total += w
	}
	if total <= avail {
		return widths
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return natural[a] - natural[b] })
	left := avail
	for k, i := range order {
		share := left / (n - k)
		if natural[i] <= share {
			left -= natural[i]
			continue
		}
		// This column and every wider one split what is left.
		rest := order[k:]
		for j, c := range rest {
			widths[c] = max(floor[c], left/len(rest))
			if j < left%len(rest) {
				widths[c]++
			}
		}
		break
	}
	return widths
}

// boxTable writes a table drawn with box characters within width columns, each row's first
// cell on lines of its own across the whole table, above the other cells: on a projector a
// question then reads on a few full lines instead of a narrow column that made every row as
// tall as its question. The other columns take their widest line when everything fits, else
// the narrow ones keep theirs and the wide ones share what is left. One pass over the cells:
// its cost is linear in their text, however many rows.
func boxTable(b *bytes.Buffer, header []string, rows [][]string, width int) {
	n := len(header) - 1
	natural := make([]int, n)
	floor := make([]int, n)
	for i, h := range header[1:] {
		natural[i] = textfmt.DisplayWidth(h)
		floor[i] = max(natural[i], 4)
	}
	for _, r := range rows {
		for i, c := range r[1:] {
			for line := range strings.SplitSeq(c, "\n") {
				natural[i] = max(natural[i], textfmt.DisplayWidth(line))
			}
		}
	}
	avail := width - 3*n - 1
	widths := shareWidths(natural, floor, avail)
	sum := 0
	for _, cw := range widths {
		sum += cw
	}
	widths[0] += max(0, avail-sum) // the whole width, so that the first cells read on long lines
	inner := width - 4

	rule := func(left, mid, right string) {
		b.WriteString(left)
		for i, cw := range widths {
			if i > 0 {
				b.WriteString(mid)
			}
			b.WriteString(strings.Repeat("─", cw+2))
		}
		b.WriteString(right + "\n")
	}
	span := func(c string) {
		for line := range strings.SplitSeq(c, "\n") {
			for _, l := range textfmt.Wrap(line, inner) {
				b.WriteString("│ " + textfmt.Pad(l, inner) + " │\n")
			}
		}
	}
	cells := func(cs []string) {
		wrapped := make([][]string, n)
		height := 1
		for i := range n {
			for line := range strings.SplitSeq(cs[i], "\n") {
				wrapped[i] = append(wrapped[i], textfmt.Wrap(line, widths[i])...)
			}
			height = max(height, len(wrapped[i]))
		}
		for l := range height {
			b.WriteString("│")
			for i := range n {
				text := ""
				if l < len(wrapped[i]) {
					text = wrapped[i][l]
				}
				b.WriteString(" " + textfmt.Pad(text, widths[i]) + " │")
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("┌" + strings.Repeat("─", width-2) + "┐\n")
	span(header[0])
	rule("├", "┬", "┤")
	cells(header[1:])
	for _, r := range rows {
		rule("├", "┴", "┤")
		span(r[0])
		rule("├", "┬", "┤")
		cells(r[1:])
	}
	rule("└", "┴", "┘")
}
