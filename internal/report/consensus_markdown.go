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
	fmt.Fprintf(&b, "# %s\n\n", mdText(fmt.Sprintf(w.title, q.Title.Get(lang))))
	fmt.Fprintf(&b, "%s %s · %s\n\n", mdText(q.ID), mdText(q.Version),
		mdText(fmt.Sprintf(w.summary, len(r.Items), r.Disputed())))
	names := make([]string, len(r.Participants))
	for i, p := range r.Participants {
		names[i] = consensusParticipant(p)
	}
	fmt.Fprintf(&b, "%s\n\n", mdText(fmt.Sprintf(w.participants, len(names), strings.Join(names, ", "))))
	fmt.Fprintf(&b, "%s %s\n", mdText(w.explain), mdText(w.order))

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
		fmt.Fprintf(&b, "\n## %s\n", mdText(heading))
		for _, it := range items {
			fmt.Fprintf(&b, "\n### %s — %s\n\n", mdText(it.Question.ID), mdText(it.Question.Text.Get(lang)))
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n|---|---|---|---|\n", w.participant, w.answer, w.confidence, w.note)
			for _, resp := range it.Responses {
				a := resp.Answer
				fmt.Fprintf(&b, "| %s | %s | %s | %s |\n",
					mdText(r.Participants[resp.Participant].Name),
					mdText(ConsensusAnswer(it.Question, a, lang)),
					mdText(a.Confidence), mdText(a.Note))
			}
			answer, how := consensusMerged(it, lang, w)
			fmt.Fprintf(&b, "\n%s%s%s · %s%s%s (%s)\n", mdText(consensusHeading(w.spread)), w.colon,
				mdText(consensusSpread(it, w)), mdText(consensusHeading(w.merged)), w.colon, mdText(answer), mdText(how))
			if res := it.Resolution; res != nil && res.Reason != "" {
				fmt.Fprintf(&b, "\n%s%s%s\n", mdText(w.reason), w.colon, mdText(res.Reason))
			}
		}
	}
	detail(w.disputedHeading, detailed)
	detail(w.settledHeading, settled)

	if len(others) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", mdText(w.otherHeading))
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n|---|---|---|---|\n",
			consensusHeading(w.question), consensusHeading(w.answers), consensusHeading(w.spread), consensusHeading(w.merged))
		var notes []string
		for _, it := range others {
			var groups []string
			for _, g := range consensusGroups(r, it, lang) {
				groups = append(groups, g.Answer+w.colon+strings.Join(g.Names, ", "))
			}
			answer, how := consensusMerged(it, lang, w)
			fmt.Fprintf(&b, "| **%s** %s | %s | %s | %s (%s) |\n",
				mdText(it.Question.ID), mdText(it.Question.Text.Get(lang)),
				consensusCellLines(groups), mdText(consensusSpread(it, w)), mdText(answer), mdText(how))
			for _, n := range consensusNotes(r, it, w.colon) {
				notes = append(notes, fmt.Sprintf("- %s — %s", mdText(it.Question.ID), mdText(n)))
			}
		}
		if len(notes) > 0 {
			fmt.Fprintf(&b, "\n### %s\n\n%s\n", mdText(w.notesHeading), strings.Join(notes, "\n")+"\n")
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

// consensusCellLines joins lines inside one Markdown table cell, each escaped.
func consensusCellLines(lines []string) string {
	esc := make([]string, len(lines))
	for i, l := range lines {
		esc[i] = mdText(l)
	}
	return strings.Join(esc, "<br>")
}
