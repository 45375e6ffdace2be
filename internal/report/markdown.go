package report

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// renderMarkdown is the briefing for pasting into a report: the figures of the table format,
// the sections, and every gap (not only the top ones).
func renderMarkdown(in Input) []byte {
	v := newView(in)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", textfmt.Markdown(v.title))
	if v.who != "" {
		fmt.Fprintf(&b, "%s  \n", textfmt.Markdown(v.who))
	}
	fmt.Fprintf(&b, "%s\n\n", textfmt.Markdown(v.source))

	o := v.r.Overall
	b.WriteString("| | |\n|---|---|\n")
	if o.Score == nil {
		fmt.Fprintf(&b, "| **%s** | %s |\n", v.w("overall"), v.w("noScore"))
	} else {
		fmt.Fprintf(&b, "| **%s** | **%s** %s · %s %s · %s %s |\n", v.w("overall"), v.t.Number(o.Score), v.w("outOf100"),
			strings.ToLower(v.w("target")), v.t.Number(o.Target), strings.ToLower(v.w("gap")), v.t.Number(o.Gap))
	}
	if o.Conservative != nil {
		fmt.Fprintf(&b, "| %s | %s %s %s |\n", v.w("conservativeLine"), v.t.Number(o.Conservative), v.w("outOf100"), v.w("conservativeNote"))
	}
	if value, note := v.spar(); value != "" {
		fmt.Fprintf(&b, "| %s | %s %s |\n", v.w("sparLine"), value, note)
	}
	counts := v.w("countsLine", o.Answered, o.Unknown, o.Unanswered)
	if o.NA+o.Skipped > 0 {
		counts += v.w("listSep") + v.w("countsAside", o.NA, o.Skipped)
	}
	fmt.Fprintf(&b, "| %s | %s (%s) |\n", v.w("completenessLine"), v.t.Percent(o.Completeness), counts)
	if v.indicative() {
		fmt.Fprintf(&b, "\n> **%s:** %s\n", v.w("indicative"), v.w("indicativeText", v.t.Percent(o.Completeness)))
	}

	fmt.Fprintf(&b, "\n## %s\n\n", v.w("inBrief"))
	for _, line := range v.brief() {
		fmt.Fprintf(&b, "- %s\n", textfmt.Markdown(line))
	}

	fmt.Fprintf(&b, "\n## %s\n\n", v.w("pillars"))
	v.mdGroups(&b, v.w("pillar"), v.r.Pillars, func(g score.Group) string { return v.t.Pillar(g.ID) })
	fmt.Fprintf(&b, "\n## %s\n\n", v.w("hazards"))
	v.mdGroups(&b, v.w("hazard"), v.r.Hazards, func(g score.Group) string { return v.t.Hazard(g.ID) })

	fmt.Fprintf(&b, "\n## %s\n\n", v.w("grid"))
	header, rows, right := v.gridRows()
	textfmt.MarkdownTable(&b, header, rows, right)
	fmt.Fprintf(&b, "\n%s\n", v.w("gridNote"))

	fmt.Fprintf(&b, "\n## %s\n\n", v.w("sections"))
	titles := map[string]string{}
	for _, s := range v.q.Sections {
		titles[s.ID] = s.Title.Get(v.lang)
	}
	v.mdGroups(&b, v.w("section"), v.r.Sections, func(g score.Group) string {
		return textfmt.Markdown(titles[g.ID]) + " (" + v.t.Pillar(g.Pillar) + ")"
	})

	fmt.Fprintf(&b, "\n## %s\n\n", v.w("allGaps"))
	if len(v.gaps) == 0 {
		fmt.Fprintf(&b, "%s\n", v.w("gapsNone"))
	} else {
		rows := make([][]string, 0, len(v.gaps))
		for i, g := range v.gaps {
			q := "**" + textfmt.Markdown(g.Q.ID) + "**"
			if g.Q.Critical {
				q += " (" + v.w("critical") + ")"
			}
			q += " " + textfmt.Markdown(g.Text)
			titles := make([]string, len(g.Q.Activities))
			for j, id := range g.Q.Activities {
				titles[j] = textfmt.Markdown(v.q.ActivityTitle(id, v.lang))
			}
			from, to := v.fromTo(g)
			rows = append(rows, []string{fmt.Sprint(i + 1), q, textfmt.Markdown(from + " → " + to),
				v.t.Number(g.Q.Gap), v.t.Decimal(g.Q.Priority), strings.Join(titles, v.w("listSep"))})
		}
		textfmt.MarkdownTable(&b, []string{"#", v.w("question"), v.w("nowTarget"), v.w("gap"), v.w("priorityLong"), v.w("activityColumn")}, rows,
			[]bool{true, false, false, true, true, false})
	}

	fmt.Fprintf(&b, "\n## %s\n\n", v.w("activities"))
	if len(v.activities) == 0 {
		fmt.Fprintf(&b, "%s\n", v.w("activitiesNone"))
	}
	critical := false
	for i, a := range v.activities {
		ids := make([]string, len(a.Questions))
		for j, x := range a.Questions {
			ids[j] = textfmt.Markdown(x.ID)
			if x.Critical {
				ids[j] += "\\*"
				critical = true
			}
		}
		fmt.Fprintf(&b, "%d. **%s** — %s · %s\n", i+1, textfmt.Markdown(a.Title), v.priorityLine(a),
			v.w("gapsList", v.gapCount(len(ids)), strings.Join(ids, ", ")))
	}
	if critical {
		fmt.Fprintf(&b, "\n\\%s\n", v.w("criticalMark"))
	}

	fmt.Fprintf(&b, "\n## %s\n\n", v.w("howToRead"))
	for _, k := range []string{"howScore", "howGap", "howComplete"} {
		fmt.Fprintf(&b, "- %s\n", v.w(k))
	}
	return b.Bytes()
}

// mdGroups writes a table of group figures.
func (v *view) mdGroups(b *bytes.Buffer, first string, groups []score.Group, name func(score.Group) string) {
	header := []string{first, v.w("score"), v.w("conservativeLong"), v.w("target"), v.w("gap"), v.w("complete"), v.w("answered")}
	rows := make([][]string, 0, len(groups))
	for _, g := range groups {
		rows = append(rows, []string{name(g), v.t.Number(g.Score), v.t.Number(g.Conservative), v.t.Number(g.Target),
			v.t.Number(g.Gap), v.t.Percent(g.Completeness), fmt.Sprintf("%d/%d", g.Answered, applicable(g))})
	}
	textfmt.MarkdownTable(b, header, rows, []bool{false, true, true, true, true, true, true})
}
