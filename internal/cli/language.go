package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// outputLanguage is the --lang rule of every command that writes one document: flag when given, else the answers'
// language when the questionnaire has it, else the questionnaire's first. A language the tool
// speaks but the questionnaire does not is allowed, with a warning: the tool's words follow it,
// the questionnaire's texts stay in its first language.
func outputLanguage(s *Streams, q *questionnaire.Questionnaire, flag, answersLang string) (string, error) {
	switch {
	case flag != "" && q.HasLanguage(flag):
		return flag, nil
	case flag != "" && words.Has(flag):
		fmt.Fprintf(s.Err, "warning: questionnaire %s has no %q texts; its questions stay in %s\n", q.ID, flag, q.DefaultLanguage())
		return flag, nil
	case flag != "":
		return "", usageErrorf("unknown language %q; use one of: %s", flag, strings.Join(languageChoices(q.Languages), ", "))
	case answersLang != "" && q.HasLanguage(answersLang):
		return answersLang, nil
	}
	return q.DefaultLanguage(), nil
}

// languageChoices are the languages a report can be written in: the questionnaire's and the tool's.
func languageChoices(qLangs []string) []string {
	out := slices.Clone(qLangs)
	for _, l := range words.Languages() {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}
