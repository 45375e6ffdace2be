package plan

import (
	"fmt"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// Title is an objective's title, worded as the outcome it seeks, in lang (English for a
// language the tool does not speak). The shipped questionnaires' sections have outcomes of their
// own; any other section's objective is its title followed by "capacities reach their targets".
func Title(q *questionnaire.Questionnaire, o *Objective, lang string) string {
	return title(q, o, lang, wordsFor(lang))
}

// title is Title with the plan's words in lang already at hand.
func title(q *questionnaire.Questionnaire, o *Objective, lang string, w words) string {
	var s string
	switch {
	case o.NeedsAssessment():
		s = w.needsTitle
	default:
		sec := o.Sections[0]
		if t, ok := w.t.Outcome(q.ID, sec.ID); ok {
			s = t
		} else {
			s = fmt.Sprintf(w.genericTitle, sec.Title.Get(lang))
		}
	}
	if o.Part > 0 {
		s += fmt.Sprintf(w.part, o.Part)
	}
	return s
}
