package consensus

import (
	"fmt"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// consensusMarkdown is the consensus as a document: who took part, each disputed (or settled)
// question with every participant's answer, confidence and note, then the other questions in a
// table, most disputed first.
func consensusMarkdown(in RenderInput) []byte {
	r, lang := in.Result, in.Lang
	q := r.Questionnaire
	w := consensusWordsFor(lang)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", textfmt.Markdown(fmt.Sprintf(w.title, q.Title.Get(lang))))
	fmt.Fprintf(&b, "%s %s · %s\n\n", textfmt.Markdown(q.ID), textfmt.Markdown(q.Version),
		textfmt.Markdown(w.summary(len(r.Items), r.Disputed())))
	names := make([]string, len(r.Participants))
	for i, p := range r.Participants {
		names[i] = consensusParticipant(p)
	}
	fmt.Fprintf(&b, "%s\n\n", textfmt.Markdown(fmt.Sprintf(w.participants, len(names), strings.Join(names, ", "))))
	fmt.Fprintf(&b, "%s %s\n", textfmt.Markdown(w.explain), textfmt.Markdown(w.order))

	var detailed, settled, others []*Item
	for _, it := range r.Items {
		switch {
		case it.Resolution != nil:
			settled = append(settled, it)
		case it.Disputed:
			detailed = append(detailed, it)
		default:
			others = append(others, it)
		}
	}
	detail := func(heading string, items []*Item) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n## %s\n", textfmt.Markdown(heading))
		for _, it := range items {
			fmt.Fprintf(&b, "\n### %s — %s\n\n", textfmt.Markdown(it.Question.ID), textfmt.Markdown(it.Question.Text.Get(lang)))
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n|---|---|---|---|\n", w.participant, w.answer, w.confidence, w.note)
			for _, resp := range it.Responses {
				a := resp.Answer
				fmt.Fprintf(&b, "| %s | %s | %s | %s |\n",
					textfmt.Markdown(r.Participants[resp.Participant].Name),
					textfmt.Markdown(w.t.Answer(it.Question, a, lang)),
					textfmt.Markdown(a.Confidence), textfmt.Markdown(a.Note))
			}
			answer, how := consensusMerged(it, lang, w)
			fmt.Fprintf(&b, "\n%s%s%s · %s%s%s (%s)\n", textfmt.Markdown(consensusHeading(w.spread)), w.colon,
				textfmt.Markdown(consensusSpread(it, w)), textfmt.Markdown(consensusHeading(w.merged)), w.colon, textfmt.Markdown(answer), textfmt.Markdown(how))
			if res := it.Resolution; res != nil && res.Reason != "" {
				fmt.Fprintf(&b, "\n%s%s%s\n", textfmt.Markdown(w.reason), w.colon, textfmt.Markdown(res.Reason))
			}
		}
	}
	detail(w.disputedHeading, detailed)
	detail(w.settledHeading, settled)

	if len(others) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", textfmt.Markdown(w.otherHeading))
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n|---|---|---|---|\n",
			consensusHeading(w.question), consensusHeading(w.answers), consensusHeading(w.spread), consensusHeading(w.merged))
		var notes []string
		for _, it := range others {
			var groups []string
			for _, g := range consensusGroups(r, it, lang, w.t) {
				groups = append(groups, g.Answer+w.colon+strings.Join(g.Names, ", "))
			}
			answer, how := consensusMerged(it, lang, w)
			fmt.Fprintf(&b, "| **%s** %s | %s | %s | %s (%s) |\n",
				textfmt.Markdown(it.Question.ID), textfmt.Markdown(it.Question.Text.Get(lang)),
				consensusCellLines(groups), textfmt.Markdown(consensusSpread(it, w)), textfmt.Markdown(answer), textfmt.Markdown(how))
			for _, n := range consensusNotes(r, it, w.colon) {
				notes = append(notes, fmt.Sprintf("- %s — %s", textfmt.Markdown(it.Question.ID), textfmt.Markdown(n)))
			}
		}
		if len(notes) > 0 {
			fmt.Fprintf(&b, "\n### %s\n\n%s\n", textfmt.Markdown(w.notesHeading), strings.Join(notes, "\n")+"\n")
		}
	}
	return []byte(b.String())
}

// consensusHeading turns an upper-case column title (SPREAD) into a heading word (Spread).
func consensusHeading(s string) string {
	return textfmt.Capitalise(strings.ToLower(s))
}

// consensusCellLines joins lines inside one Markdown table cell, each escaped.
func consensusCellLines(lines []string) string {
	esc := make([]string, len(lines))
	for i, l := range lines {
		esc[i] = textfmt.Markdown(l)
	}
	return strings.Join(esc, "<br>")
}
