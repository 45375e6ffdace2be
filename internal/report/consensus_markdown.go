package report

import (
	"fmt"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/consensus"
)

// consensusMarkdown is the consensus as a document: who took part, each disputed (or settled)
// question with every participant's answer, confidence and note, then the other questions in a
// table, most disputed first.
func consensusMarkdown(in ConsensusInput) []byte {
	r, lang := in.Result, in.Lang
	q := r.Questionnaire
	w := consensusWordsFor(lang)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", markdownInline(fmt.Sprintf(w.title, q.Title.Get(lang))))
	fmt.Fprintf(&b, "%s %s · %s\n\n", markdownInline(q.ID), markdownInline(q.Version),
		markdownInline(fmt.Sprintf(w.summary, len(r.Items), r.Disputed())))
	names := make([]string, len(r.Participants))
	for i, p := range r.Participants {
		names[i] = consensusParticipant(p)
	}
	fmt.Fprintf(&b, "%s\n\n", markdownInline(fmt.Sprintf(w.participants, len(names), strings.Join(names, ", "))))
	fmt.Fprintf(&b, "%s %s\n", markdownInline(w.explain), markdownInline(w.order))

	var detailed, settled, others []*consensus.Item
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
	detail := func(heading string, items []*consensus.Item) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n## %s\n", markdownInline(heading))
		for _, it := range items {
			fmt.Fprintf(&b, "\n### %s — %s\n\n", markdownInline(it.Question.ID), markdownInline(it.Question.Text.Get(lang)))
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n|---|---|---|---|\n", w.participant, w.answer, w.confidence, w.note)
			for _, resp := range it.Responses {
				a := resp.Answer
				fmt.Fprintf(&b, "| %s | %s | %s | %s |\n",
					markdownInline(r.Participants[resp.Participant].Name),
					markdownInline(ConsensusAnswer(it.Question, a, lang)),
					markdownInline(a.Confidence), markdownInline(a.Note))
			}
			answer, how := consensusMerged(it, lang, w)
			fmt.Fprintf(&b, "\n%s: %s · %s: %s (%s)\n", markdownInline(consensusHeading(w.spread)),
				markdownInline(consensusSpread(it, w)), markdownInline(consensusHeading(w.merged)), markdownInline(answer), markdownInline(how))
			if res := it.Resolution; res != nil && res.Reason != "" {
				fmt.Fprintf(&b, "\n%s: %s\n", markdownInline(w.reason), markdownInline(res.Reason))
			}
		}
	}
	detail(w.disputedHeading, detailed)
	detail(w.settledHeading, settled)

	if len(others) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", markdownInline(w.otherHeading))
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n|---|---|---|---|\n",
			consensusHeading(w.question), consensusHeading(w.answers), consensusHeading(w.spread), consensusHeading(w.merged))
		var notes []string
		for _, it := range others {
			var groups []string
			for _, g := range consensusGroups(r, it, lang) {
				groups = append(groups, g.Answer+": "+strings.Join(g.Names, ", "))
			}
			answer, how := consensusMerged(it, lang, w)
			fmt.Fprintf(&b, "| **%s** %s | %s | %s | %s (%s) |\n",
				markdownInline(it.Question.ID), markdownInline(it.Question.Text.Get(lang)),
				markdownCellLines(groups), markdownInline(consensusSpread(it, w)), markdownInline(answer), markdownInline(how))
			for _, n := range consensusNotes(r, it) {
				notes = append(notes, fmt.Sprintf("- %s — %s", markdownInline(it.Question.ID), markdownInline(n)))
			}
		}
		if len(notes) > 0 {
			fmt.Fprintf(&b, "\n### %s\n\n%s\n", markdownInline(w.notesHeading), strings.Join(notes, "\n")+"\n")
		}
	}
	return []byte(b.String())
}

// consensusHeading turns an upper-case column title (SPREAD) into a heading word (Spread).
func consensusHeading(s string) string {
	r := []rune(strings.ToLower(s))
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
