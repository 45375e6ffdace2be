package report

import (
	"fmt"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// planMarkdown is the draft plan as Markdown: a one-page summary (figures, actions by priority,
// pillars, critical gaps), one section per action with its objective, likely leads, gaps and the
// fields to agree, then the information gaps.
func planMarkdown(v *planView) []byte {
	w := v.W
	md := textfmt.Markdown
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", md(v.Title))
	if v.Who != "" {
		fmt.Fprintf(&b, "**%s**\n\n", md(v.Who))
	}
	fmt.Fprintf(&b, "%s\n\n*%s*\n\n", md(v.Src), md(w.draftNote))

	fmt.Fprintf(&b, "## %s\n\n", md(w.summary))
	if v.HasScore {
		fmt.Fprintf(&b, "%s%s**%s** %s (%s %s) · %s %s · %s %s\n\n", md(w.overall), w.colon, v.Score, md(w.outOf100),
			md(w.target), v.Target, md(w.conservative), v.Conservative, md(w.completeness), md(v.Comp))
	}
	fmt.Fprintf(&b, "%s\n\n", md(v.Counts))
	if v.Unanswered != "" {
		fmt.Fprintf(&b, "%s\n\n", md(v.Unanswered))
	}
	if len(v.Actions) == 0 {
		fmt.Fprintf(&b, "%s\n\n", md(w.noGaps))
	} else {
		fmt.Fprintf(&b, "### %s\n\n", md(w.actionsHeading))
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n|---:|---|---:|---:|---:|---|\n",
			md(w.rank), md(w.activityType), md(w.gaps), md(w.critical), md(w.priority), md(w.likelyLead))
		for _, a := range v.Actions {
			fmt.Fprintf(&b, "| %d | [%s](#action-%s) | %d | %d | %s | %s |\n", a.Rank, md(a.Title), a.ID,
				a.GapCount, a.Critical, a.Priority, md(a.LeadTop))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "### %s\n\n| %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|\n", md(w.pillarsHeading),
		md(w.pillar), md(w.score), md(planTitleCase(w.target)), md(planTitleCase(w.completeness)), md(w.gaps))
	for _, p := range v.Pillars {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %d |\n", md(p.Name), p.Score, p.Target, md(p.Comp), p.Gaps)
	}
	if len(v.TopCritical) > 0 {
		fmt.Fprintf(&b, "\n### %s\n\n", md(w.criticalHeading))
		for _, g := range v.TopCritical {
			fmt.Fprintf(&b, "- **%s** %s (%s → %s)\n", md(g.ID), md(g.Text), md(g.From), md(g.To))
		}
		if v.MoreCrit != "" {
			fmt.Fprintf(&b, "- %s\n", md(v.MoreCrit))
		}
	}

	for _, a := range v.Actions {
		fmt.Fprintf(&b, "\n<a id=\"action-%s\"></a>\n\n## %d. %s\n\n", a.ID, a.Rank, md(a.Title))
		fmt.Fprintf(&b, "**%s.** %s\n\n", md(w.objective), md(a.Objective))
		fmt.Fprintf(&b, "- %s%s%s\n", md(w.priorityLine), w.colon, a.Priority)
		fmt.Fprintf(&b, "- %s%s%s\n", md(w.gapsLine), w.colon, md(a.GapsLine))
		leads := md(w.noLead)
		if len(a.Leads) > 0 {
			esc := make([]string, len(a.Leads))
			for i, l := range a.Leads {
				esc[i] = md(l)
			}
			leads = strings.Join(esc, ", ")
		}
		fmt.Fprintf(&b, "- %s%s%s\n", md(w.leadsLine), w.colon, leads)
		if len(a.Others) > 0 {
			esc := make([]string, len(a.Others))
			for i, l := range a.Others {
				esc[i] = md(l)
			}
			fmt.Fprintf(&b, "- %s%s%s\n", md(w.alsoConcerned), w.colon, strings.Join(esc, ", "))
		}
		b.WriteString("\n")
		if len(a.Gaps) > 0 {
			planGapTable(&b, a.Gaps, w)
		}
		if a.InfoNote != "" {
			fmt.Fprintf(&b, "%s\n\n", md(a.InfoNote))
		}
		fmt.Fprintf(&b, "| %s | |\n|---|---|\n", md(w.toAgree))
		for _, f := range []string{w.leadAgency, w.partners, w.timeframe, w.budget, w.indics} {
			fmt.Fprintf(&b, "| %s | |\n", md(f))
		}
	}

	fmt.Fprintf(&b, "\n<a id=\"information-gaps\"></a>\n\n## %s\n\n", md(w.infoHeading))
	if len(v.InfoGaps) == 0 {
		fmt.Fprintf(&b, "%s\n", md(w.noInfo))
	} else {
		fmt.Fprintf(&b, "%s\n\n", md(w.infoIntro))
		fmt.Fprintf(&b, "| %s (%s) | %s | %s | %s |\n|---|---|---|---|\n", md(w.question), md(w.starLegend), md(w.pillar), md(w.hazards), md(w.whoMayKnow))
		for _, g := range v.InfoGaps {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", planQuestionCell(g), md(g.Pillar), md(g.Hazards), md(g.Agencies))
		}
	}
	return []byte(b.String())
}

// planGapTable lists an action's gaps.
func planGapTable(b *strings.Builder, gaps []planGap, w planWords) {
	md := textfmt.Markdown
	fmt.Fprintf(b, "| %s (%s) | %s | %s | %s |\n|---|---|---|---|\n", md(w.question), md(w.starLegend), md(w.nowTarget), md(w.pillar), md(w.hazards))
	for _, g := range gaps {
		fmt.Fprintf(b, "| %s | %s → %s | %s | %s |\n", planQuestionCell(g), md(g.From), md(g.To), md(g.Pillar), md(g.Hazards))
	}
	b.WriteString("\n")
}

// planQuestionCell is a question in a table cell: id (starred when critical) and text.
func planQuestionCell(g planGap) string {
	id := "**" + textfmt.Markdown(g.ID) + "**"
	if g.Critical {
		id += " ★"
	}
	return id + " " + textfmt.Markdown(g.Text)
}

// planTitleCase capitalises a word for a column title.
func planTitleCase(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
