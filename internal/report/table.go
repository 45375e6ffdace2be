package report

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// renderTable is the terminal briefing: headline, pillars, hazards, the pillar × hazard grid,
// the top gaps and the ranked activities, within 80 columns.
func renderTable(in Input) []byte {
	v := newView(in)
	st := style{on: in.Color}
	var b bytes.Buffer
	b.Grow(16 << 10) // the full sample's report is 11 KB: no buffer grown and copied four times
	para := func(s, indent string) { textfmt.WriteWrapped(&b, textfmt.Terminal(s), indent, indent, textfmt.Width) }

	b.WriteString(st.bold(textfmt.Terminal(v.title)) + "\n")
	if v.who != "" {
		para(v.who, "")
	}
	para(v.source, "")
	b.WriteString("\n")
	v.headlineText(&b, st)

	section := func(title string) { b.WriteString("\n" + st.bold(title) + "\n") }
	section(v.w("inBrief"))
	for _, line := range v.brief() {
		textfmt.WriteWrapped(&b, textfmt.Terminal(line), "- ", "  ", textfmt.Width)
	}
	section(v.w("pillars"))
	v.groupTable(&b, v.w("pillar"), v.r.Pillars, func(id string) string { return v.t.Pillar(id) })
	section(v.w("hazards"))
	v.groupTable(&b, v.w("hazard"), v.r.Hazards, func(id string) string { return v.t.Hazard(id) })
	section(v.w("grid"))
	header, rows, right := v.gridRows()
	_ = v.tables.Table(&b, header, rows, right)
	b.WriteString(v.w("gridNote") + "\n")

	if len(v.gaps) == 0 {
		section(v.w("allGaps"))
		para(v.w("gapsNone"), "")
	} else {
		n := min(TopGaps, len(v.gaps))
		if n == len(v.gaps) {
			section(v.w("allGaps"))
		} else {
			section(v.w("topGaps", n))
		}
		for i, g := range v.gaps[:n] {
			v.gapText(&b, st, i+1, g)
		}
		if rest := len(v.gaps) - n; rest > 0 {
			b.WriteString("\n")
			para(v.w("moreGaps", rest), "")
		}
	}

	section(v.w("activities"))
	if len(v.activities) == 0 {
		para(v.w("activitiesNone"), "")
	}
	critical := false
	for i, a := range v.activities {
		fmt.Fprintf(&b, "%2d. %s\n", i+1, st.bold(textfmt.Terminal(a.Title)))
		// The terminal names the first gaps only; the other formats name them all.
		var ids []string
		for j, x := range a.Questions {
			if x.Critical {
				critical = true
			}
			if j == TopGaps {
				ids = append(ids, v.w("andMore", len(a.Questions)-TopGaps))
				break
			}
			id := x.ID
			if x.Critical {
				id += "*"
			}
			ids = append(ids, id)
		}
		line := v.priorityLine(a) + " · " + v.w("gapsList", v.gapCount(len(a.Questions)), strings.Join(ids, ", "))
		textfmt.WriteWrapped(&b, textfmt.Terminal(line), "    ", "    ", textfmt.Width)
	}
	if critical {
		b.WriteString("    " + v.w("criticalMark") + "\n")
	}

	section(v.w("howToRead"))
	for _, k := range []string{"howScore", "howGap", "howComplete"} {
		textfmt.WriteWrapped(&b, v.w(k), "- ", "  ", textfmt.Width)
	}
	return b.Bytes()
}

func (v *view) gapCount(n int) string {
	return v.w("gaps", n)
}

// headlineText writes the overall figures: score, conservative score, completeness.
func (v *view) headlineText(b *bytes.Buffer, st style) {
	o := v.r.Overall
	labels := []string{v.w("overall"), v.w("conservativeLine"), v.w("completenessLine"), v.w("sparLine")}
	wid := 0
	for _, l := range labels {
		wid = max(wid, textfmt.DisplayWidth(l))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", wid-textfmt.DisplayWidth(s)+2) }
	if o.Score == nil {
		fmt.Fprintf(b, "%s%s\n", pad(labels[0]), v.w("noScore"))
	} else {
		fmt.Fprintf(b, "%s%s %s   %s %s   %s %s\n", pad(labels[0]), st.bold(v.t.Number(o.Score)), v.w("outOf100"),
			strings.ToLower(v.w("target")), v.t.Number(o.Target), strings.ToLower(v.w("gap")), v.t.Number(o.Gap))
	}
	if o.Conservative != nil {
		fmt.Fprintf(b, "%s%s %s   %s\n", pad(labels[1]), v.t.Number(o.Conservative), v.w("outOf100"), v.w("conservativeNote"))
	}
	if value, note := v.spar(); value != "" {
		fmt.Fprintf(b, "%s%s   %s\n", pad(labels[3]), value, note)
	}
	indent := strings.Repeat(" ", wid+2)
	fmt.Fprintf(b, "%s%s\n", pad(labels[2]), v.t.Percent(o.Completeness))
	textfmt.WriteWrapped(b, v.w("countsLine", o.Answered, o.Unknown, o.Unanswered), indent, indent, textfmt.Width)
	if o.NA+o.Skipped > 0 {
		textfmt.WriteWrapped(b, v.w("countsAside", o.NA, o.Skipped), indent, indent, textfmt.Width)
	}
	if v.indicative() {
		b.WriteString("\n")
		text := v.w("indicativeText", v.t.Percent(o.Completeness))
		lines := textfmt.Wrap(v.w("indicative")+": "+text, textfmt.Width)
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
		rows = append(rows, []string{name(g.ID), v.t.Number(g.Score), v.t.Number(g.Conservative), v.t.Number(g.Target),
			v.t.Number(g.Gap), v.t.Percent(g.Completeness), fmt.Sprintf("%d/%d", g.Answered, applicable(g))})
	}
	_ = v.tables.Table(b, header, rows, []bool{false, true, true, true, true, true, true})
}

// gridRows is the pillar × hazard grid of scores.
func (v *view) gridRows() (header []string, rows [][]string, right []bool) {
	header = []string{""}
	right = []bool{false}
	for _, h := range questionnaire.Hazards() {
		header = append(header, v.t.Hazard(h))
		right = append(right, true)
	}
	for i, p := range questionnaire.Pillars() {
		row := []string{v.t.Pillar(p)}
		for j := range questionnaire.Hazards() {
			row = append(row, v.t.Number(v.r.Grid[i][j].Score))
		}
		rows = append(rows, row)
	}
	return header, rows, right
}

// gapText writes one gap of the top list: id and figures, current → target, the question.
func (v *view) gapText(b *bytes.Buffer, st style, n int, g gap) {
	x := g.Q
	head := fmt.Sprintf("%2d. %s", n, textfmt.Terminal(x.ID))
	if x.Critical {
		head += " " + st.warn("("+v.w("critical")+")")
	}
	head += fmt.Sprintf(" · %s · %s %s · %s %s", v.t.Pillar(x.Pillar), strings.ToLower(v.w("gap")),
		v.t.Number(x.Gap), v.w("priority"), v.t.Decimal(x.Priority))
	b.WriteString(head + "\n")
	from, to := v.fromTo(g)
	textfmt.WriteWrapped(b, textfmt.Terminal(from+" → "+to), "    ", "    ", textfmt.Width)
	textfmt.WriteWrapped(b, textfmt.Terminal(g.Text), "    ", "    ", textfmt.Width)
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
