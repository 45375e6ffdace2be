package words

import "github.com/cbrn-tool/cbrn/internal/questionnaire"

// ChosenLabels are the labels of the chosen choices, in the questionnaire's order; a set, not a
// search of the list per choice, as a question may have thousands of choices.
func ChosenLabels(qq *questionnaire.Question, ids []string, lang string) []string {
	chosen := make(map[string]bool, len(ids))
	for _, id := range ids {
		chosen[id] = true
	}
	var labels []string
	for _, c := range qq.Choices {
		if chosen[c.ID] {
			labels = append(labels, c.Label.Get(lang))
		}
	}
	return labels
}
