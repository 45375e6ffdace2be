package plan

import (
	"fmt"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// renderMarkdown is the draft plan as Markdown: a summary (figures, objectives by priority, the
// activity types across the plan, pillars), then one section per objective with its lead,
// supporting agencies, timeframe, partners, actions and the fields to agree.
func renderMarkdown(v *view) []byte {
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
	if len(v.Objectives) == 0 {
		fmt.Fprintf(&b, "%s\n\n", md(w.noGaps))
	} else {
		fmt.Fprintf(&b, "### %s\n\n", md(w.objectivesHeading))
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n|---:|---|---:|---|---|\n",
			md(w.rank), md(w.objective), md(w.actions), md(w.lead), md(w.timeframe))
		for _, o := range v.Objectives {
			fmt.Fprintf(&b, "| %d | [%s](#objective-%s) | %s | %s | %s |\n", o.Rank, md(o.Title), o.ID,
				md(o.ActionsLine), md(o.LeadShort), md(o.TimeframeShort))
		}
		fmt.Fprintf(&b, "\n### %s\n\n%s\n\n| %s | %s | %s |\n|---|---:|---|\n", md(w.portfolioHeading),
			md(w.portfolioIntro), md(w.activityType), md(w.actions), md(w.category))
		for _, c := range v.Portfolio {
			fmt.Fprintf(&b, "| %s | %d | %s |\n", md(c.Title), c.Actions, md(c.Category))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "### %s\n\n| %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|\n", md(w.pillarsHeading),
		md(w.pillar), md(w.score), md(textfmt.Capitalise(w.target)), md(textfmt.Capitalise(w.completeness)), md(w.gaps))
	for _, p := range v.Pillars {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %d |\n", md(p.Name), p.Score, p.Target, md(p.Comp), p.Gaps)
	}

	for _, o := range v.Objectives {
		fmt.Fprintf(&b, "\n<a id=\"objective-%s\"></a>\n\n## %d. %s\n\n", o.ID, o.Rank, md(o.Title))
		if o.Needs {
			fmt.Fprintf(&b, "%s\n\n", md(w.needsIntro))
		}
		fmt.Fprintf(&b, "- %s%s%s (%s)\n", md(w.theme), w.colon, md(o.Theme), md(o.Pillar))
		fmt.Fprintf(&b, "- %s%s**%s**\n", md(w.lead), w.colon, md(o.Lead))
		fmt.Fprintf(&b, "- %s%s%s\n", md(w.supporting), w.colon, md(o.Supporting))
		fmt.Fprintf(&b, "- %s%s%s\n", md(w.timeframe), w.colon, md(o.Timeframe))
		fmt.Fprintf(&b, "- %s%s%s\n", md(w.partners), w.colon, md(o.Partners))
		fmt.Fprintf(&b, "- %s%s%s\n\n", md(w.actions), w.colon, md(o.ActionsLine))
		fmt.Fprintf(&b, "| %s (%s) | %s | %s | %s | %s |\n|---|---|---|---|---|\n", md(w.question), md(w.starLegend),
			md(w.nowTarget), md(w.activities), md(w.cost), md(w.indicator))
		for _, a := range o.Actions {
			id := "**" + md(a.ID) + "**"
			if a.Critical {
				id += " ★"
			}
			fmt.Fprintf(&b, "| %s %s | %s → %s | %s | %s | %s |\n", id, md(a.Text), md(a.From), md(a.To),
				md(a.Activities), md(a.Category), md(a.Indicator))
		}
		fmt.Fprintf(&b, "\n| %s | |\n|---|---|\n", md(w.toAgree))
		for _, f := range fields(w) {
			fmt.Fprintf(&b, "| %s | |\n", md(f))
		}
	}
	return []byte(b.String())
}

// fields are the planning boxes each objective leaves to the national team.
func fields(w words) []string {
	return []string{w.leadConfirmed, w.officer, w.budget, w.startEnd, w.status}
}
