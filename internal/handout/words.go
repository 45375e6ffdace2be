package handout

import (
	"fmt"

	"github.com/cbrn-tool/cbrn/internal/words"
)

// printWords are the tool's words in a printed handout.
type printWords struct {
	t                                                           words.Words
	handout, contents                                           string
	respondent                                                  []string // the fields to fill in on the cover
	howTitle                                                    string
	how                                                         []string
	critical, criticalNote, hazards, weight, heldBy, sources    string
	refSep                                                      string // between references
	guidance, askOnlyIf                                         string
	dontKnow, notApplicable, yes, no, tickAll, tickOne          string
	answer, from, upTo, between                                 string
	confidence, documented, judgement, assumed, notes, selected string
	is, isOneOf, atLeast, atMost, includes, includesOneOf       string
	and, or, not                                                string
	colon                                                       string // ": ", or "\u00a0: " in French
}

func printWordsFor(lang string) printWords {
	t := words.For(lang)
	k := func(key string) string { return t.Format("handout." + key) }
	w := printWords{
		t:       t,
		handout: k("handout"), contents: k("contents"), howTitle: k("howTitle"),
		critical: k("critical"), criticalNote: k("criticalNote"), hazards: k("hazards"), weight: k("weight"),
		heldBy: k("heldBy"), sources: k("sources"), refSep: k("refSep"), guidance: k("guidance"),
		askOnlyIf: k("askOnlyIf"), dontKnow: k("dontKnow"), notApplicable: k("notApplicable"),
		yes: k("yes"), no: k("no"), tickAll: k("tickAll"), tickOne: k("tickOne"),
		answer: k("answer"), from: k("from"), upTo: k("upTo"), between: k("between"),
		confidence: k("confidence"), documented: k("documented"), judgement: k("judgement"),
		assumed: k("assumed"), notes: k("notes"), selected: k("selected"),
		is: k("is"), isOneOf: k("isOneOf"), atLeast: k("atLeast"), atMost: k("atMost"),
		includes: k("includes"), includesOneOf: k("includesOneOf"),
		and: k("and"), or: k("or"), not: k("not"), colon: k("colon"),
	}
	for i := 1; i <= 5; i++ {
		w.respondent = append(w.respondent, k(fmt.Sprintf("respondent.%d", i)))
	}
	for i := 1; i <= 4; i++ {
		w.how = append(w.how, k(fmt.Sprintf("how.%d", i)))
	}
	return w
}
