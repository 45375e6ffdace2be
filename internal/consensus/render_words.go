package consensus

import "github.com/cbrn-tool/cbrn/internal/words"

// consensusWords are the tool's words in consensus outputs.
type consensusWords struct {
	t                                           words.Words
	title, participants, explain, order         string
	summarySep                                  string
	disputedMark, settledMark                   string
	question, answers, spread, merged           string
	participant, answer, confidence, note       string
	disputedHeading, otherHeading, notesHeading string
	settledHeading                              string
	same, different                             string
	na                                          string // beside a spread of levels
	agreed, reason                              string
	rules                                       map[Rule]string
	colon                                       string // ": ", or "\u00a0: " in French
}

func consensusWordsFor(lang string) consensusWords {
	t := words.For(lang)
	k := func(key string) string { return t.Format("consensus." + key) }
	w := consensusWords{
		t:     t,
		title: k("title"), participants: k("participants"), summarySep: k("summarySep"), explain: k("explain"),
		order: k("order"), disputedMark: k("disputedMark"), settledMark: k("settledMark"),
		question: k("question"), answers: k("answers"), spread: k("spread"), merged: k("merged"),
		participant: k("participant"), answer: k("answer"), confidence: k("confidence"), note: k("note"),
		disputedHeading: k("disputedHeading"), otherHeading: k("otherHeading"), notesHeading: k("notesHeading"),
		settledHeading: k("settledHeading"), same: k("same"), different: k("different"),
		na:     k("na"),
		agreed: k("agreed"), reason: k("reason"), colon: k("colon"),
		rules: map[Rule]string{},
	}
	for _, r := range []Rule{Unanimous, Median, Disagreement, AllNA, NoValue} {
		w.rules[r] = k("rule." + string(r))
	}
	return w
}

// summary is "N questions have at least one answer; M are disputed.", each count in its own
// plural form.
func (w consensusWords) summary(items, disputed int) string {
	return w.t.Count("consensus.answered", items) + w.summarySep + w.t.Count("consensus.disputed", disputed)
}
