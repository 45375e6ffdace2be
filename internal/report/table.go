package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
)

// Table renders a plain text table for terminals: headers kept as written, numeric columns
// (right[i] true) right-aligned, cells sanitised of terminal control sequences.
func Table(w io.Writer, header []string, rows [][]string, right []bool) error {
	align := make(tw.Alignment, len(header))
	for i := range align {
		align[i] = tw.AlignLeft
		if i < len(right) && right[i] {
			align[i] = tw.AlignRight
		}
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
	)
	h := make([]any, len(header))
	for i, x := range header {
		h[i] = x
	}
	t.Header(h...)
	for _, r := range rows {
		clean := make([]string, len(r))
		for i, c := range r {
			clean[i] = Terminal(c)
		}
		if err := t.Append(clean); err != nil {
			return err
		}
	}
	return t.Render()
}

// Terminal makes a text from a user file safe to print on a terminal: control characters
// (escape sequences, carriage returns, bells…) are removed, tabs and line breaks become spaces.
func Terminal(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case isControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)
}

// Width is the width the terminal report keeps to.
const Width = 80

// renderTable is the terminal briefing: headline, pillars, hazards, the pillar × hazard grid,
// the top gaps and the ranked activities, within 80 columns.
func renderTable(in Input) []byte {
	v := newView(in)
	st := style{on: in.Color}
	var b bytes.Buffer
	para := func(s, indent string) { writeWrapped(&b, Terminal(s), indent, indent, Width) }

	b.WriteString(st.bold(Terminal(v.title)) + "\n")
	if v.who != "" {
		para(v.who, "")
	}
	para(v.source, "")
	b.WriteString("\n")
	v.headlineText(&b, st)

	section := func(title string) { b.WriteString("\n" + st.bold(title) + "\n") }
	section(v.w("inBrief"))
	for _, line := range v.brief() {
		writeWrapped(&b, Terminal(line), "- ", "  ", Width)
	}
	section(v.w("pillars"))
	v.groupTable(&b, v.w("pillar"), v.r.Pillars, func(id string) string { return PillarName(id, v.lang) })
	section(v.w("hazards"))
	v.groupTable(&b, v.w("hazard"), v.r.Hazards, func(id string) string { return HazardName(id, v.lang) })
	section(v.w("grid"))
	header, rows, right := v.gridRows()
	_ = Table(&b, header, rows, right)
	b.WriteString(v.w("gridNote") + "\n")

	if len(v.gaps) == 0 {
		section(v.w("allGaps"))
		para(v.w("gapsNone"), "")
	} else {
		n := min(TopGaps, len(v.gaps))
		if n == len(v.gaps) {
			section(v.w("allGaps"))
		} else {
			section(fmt.Sprintf(v.w("topGaps"), n))
		}
		for i, g := range v.gaps[:n] {
			v.gapText(&b, st, i+1, g)
		}
		switch rest := len(v.gaps) - n; {
		case rest == 1:
			b.WriteString("\n")
			para(v.w("moreGap"), "")
		case rest > 1:
			b.WriteString("\n")
			para(fmt.Sprintf(v.w("moreGaps"), rest), "")
		}
	}

	section(v.w("activities"))
	if len(v.activities) == 0 {
		para(v.w("activitiesNone"), "")
	}
	critical := false
	for i, a := range v.activities {
		fmt.Fprintf(&b, "%2d. %s\n", i+1, st.bold(Terminal(a.Title)))
		// The terminal names the first gaps only; the other formats name them all.
		var ids []string
		for j, x := range a.Questions {
			if x.Critical {
				critical = true
			}
			if j == TopGaps {
				ids = append(ids, fmt.Sprintf(v.w("andMore"), len(a.Questions)-TopGaps))
				break
			}
			id := x.ID
			if x.Critical {
				id += "*"
			}
			ids = append(ids, id)
		}
		line := v.priorityLine(a) + " · " + fmt.Sprintf(v.w("gapsList"), v.gapCount(len(a.Questions)), strings.Join(ids, ", "))
		writeWrapped(&b, Terminal(line), "    ", "    ", Width)
	}
	if critical {
		b.WriteString("    " + v.w("criticalMark") + "\n")
	}

	section(v.w("howToRead"))
	for _, k := range []string{"howScore", "howGap", "howComplete"} {
		writeWrapped(&b, v.w(k), "- ", "  ", Width)
	}
	return b.Bytes()
}

func (v *view) gapCount(n int) string {
	if n == 1 {
		return v.w("gapBehind")
	}
	return fmt.Sprintf(v.w("gapsBehind"), n)
}

// headlineText writes the overall figures: score, conservative score, completeness.
func (v *view) headlineText(b *bytes.Buffer, st style) {
	o := v.r.Overall
	labels := []string{v.w("overall"), v.w("conservativeLine"), v.w("completenessLine")}
	wid := 0
	for _, l := range labels {
		wid = max(wid, displayWidth(l))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", wid-displayWidth(s)+2) }
	if o.Score == nil {
		fmt.Fprintf(b, "%s%s\n", pad(labels[0]), v.w("noScore"))
	} else {
		fmt.Fprintf(b, "%s%s %s   %s %s   %s %s\n", pad(labels[0]), st.bold(num(v.lang, o.Score)), v.w("outOf100"),
			strings.ToLower(v.w("target")), num(v.lang, o.Target), strings.ToLower(v.w("gap")), num(v.lang, o.Gap))
	}
	if o.Conservative != nil {
		fmt.Fprintf(b, "%s%s %s   %s\n", pad(labels[1]), num(v.lang, o.Conservative), v.w("outOf100"), v.w("conservativeNote"))
	}
	indent := strings.Repeat(" ", wid+2)
	fmt.Fprintf(b, "%s%s\n", pad(labels[2]), percent(v.lang, o.Completeness))
	writeWrapped(b, fmt.Sprintf(v.w("countsLine"), o.Answered, o.Unknown, o.Unanswered), indent, indent, Width)
	if o.NA+o.Skipped > 0 {
		writeWrapped(b, fmt.Sprintf(v.w("countsAside"), o.NA, o.Skipped), indent, indent, Width)
	}
	if v.indicative() {
		b.WriteString("\n")
		text := fmt.Sprintf(v.w("indicativeText"), percent(v.lang, o.Completeness))
		lines := wrap(v.w("indicative")+": "+text, Width)
		lines[0] = strings.Replace(lines[0], v.w("indicative"), st.warn(v.w("indicative")), 1)
		for _, l := range lines {
			b.WriteString(l + "\n")
		}
	}
}

// groupTable writes the figures of pillars or hazards as a table.
func (v *view) groupTable(b *bytes.Buffer, first string, groups []score.Group, name func(string) string) {
	header := []string{first, v.w("score"), v.w("conservative"), v.w("target"), v.w("gap"), v.w("complete"), v.w("answered")}
	rows := make([][]string, 0, len(groups))
	for _, g := range groups {
		rows = append(rows, []string{name(g.ID), num(v.lang, g.Score), num(v.lang, g.Conservative), num(v.lang, g.Target),
			num(v.lang, g.Gap), percent(v.lang, g.Completeness), fmt.Sprintf("%d/%d", g.Answered, applicable(g))})
	}
	_ = Table(b, header, rows, []bool{false, true, true, true, true, true, true})
}

// gridRows is the pillar × hazard grid of scores.
func (v *view) gridRows() (header []string, rows [][]string, right []bool) {
	header = []string{""}
	right = []bool{false}
	for _, h := range questionnaire.Hazards() {
		header = append(header, HazardName(h, v.lang))
		right = append(right, true)
	}
	for i, p := range questionnaire.Pillars() {
		row := []string{PillarName(p, v.lang)}
		for j := range questionnaire.Hazards() {
			row = append(row, num(v.lang, v.r.Grid[i][j].Score))
		}
		rows = append(rows, row)
	}
	return header, rows, right
}

// gapText writes one gap of the top list: id and figures, current → target, the question.
func (v *view) gapText(b *bytes.Buffer, st style, n int, g gap) {
	x := g.Q
	head := fmt.Sprintf("%2d. %s", n, Terminal(x.ID))
	if x.Critical {
		head += " " + st.warn("("+v.w("critical")+")")
	}
	head += fmt.Sprintf(" · %s · %s %s · %s %s", PillarName(x.Pillar, v.lang), strings.ToLower(v.w("gap")),
		num(v.lang, x.Gap), v.w("priority"), decimal(v.lang, x.Priority))
	b.WriteString(head + "\n")
	writeWrapped(b, Terminal(g.From+" → "+g.To), "    ", "    ", Width)
	writeWrapped(b, Terminal(g.Text), "    ", "    ", Width)
}

// style adds ANSI bold and colour when on.
type style struct{ on bool }

func (s style) bold(t string) string {
	if !s.on {
		return t
	}
	return "\x1b[1m" + t + "\x1b[0m"
}

func (s style) warn(t string) string {
	if !s.on {
		return t
	}
	return "\x1b[1;31m" + t + "\x1b[0m"
}

// displayWidth is the number of terminal columns s takes.
func displayWidth(s string) int { return twwidth.Width(s) }

// wrap breaks text into lines of at most width columns at spaces; a word longer than a line is
// cut.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		for displayWidth(word) > width {
			if line != "" {
				lines = append(lines, line)
				line = ""
			}
			cut := cutAt(word, width)
			lines = append(lines, word[:cut])
			word = word[cut:]
		}
		switch {
		case line == "":
			line = word
		case displayWidth(line)+1+displayWidth(word) <= width:
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

// cutAt is the byte index where the widest prefix of word fitting width ends (at least one rune).
func cutAt(word string, width int) int {
	w := 0
	for i, r := range word {
		rw := displayWidth(string(r))
		if w+rw > width && i > 0 {
			return i
		}
		w += rw
	}
	return len(word)
}

// writeWrapped writes text wrapped to width, the first line after first, the others after rest.
func writeWrapped(b *bytes.Buffer, text, first, rest string, width int) {
	for i, l := range wrap(text, width-displayWidth(rest)) {
		if i == 0 {
			b.WriteString(first)
		} else {
			b.WriteString(rest)
		}
		b.WriteString(l + "\n")
	}
}
