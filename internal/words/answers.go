package words

import (
	"strconv"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// The one way answers are written for people, in every product: a multiple-choice answer
// always reads with its choices' labels in the questionnaire's order, whatever order the file
// gives its ids in. The questionnaire's own texts are read in lang, which may be a language
// the questionnaire speaks and the tool does not (its words are then in English).

// Answer is an answer as people read it: a level with its label ("3 Established"), yes or no,
// a choice's label, the chosen choices' labels, none when nothing is chosen, a number as
// given (with the language's decimal mark), a quoted text, not applicable or don't know; "" for no answer at all.
func (w Words) Answer(qq *questionnaire.Question, a *answers.Answer, lang string) string {
	switch {
	case a == nil:
		return ""
	case a.NA:
		return w.T("answer.na")
	case a.Unknown:
		return w.T("answer.unknown")
	}
	return w.Value(qq, a.Value, lang)
}

// Value is a value given to qq, as Answer writes it.
func (w Words) Value(qq *questionnaire.Question, v any, lang string) string {
	switch qq.Type {
	case questionnaire.TypeScale:
		if lv, ok := v.(int); ok {
			return Level(qq, lv, lang)
		}
	case questionnaire.TypeYesNo:
		if b, ok := v.(bool); ok {
			if b {
				return w.T("answer.yes")
			}
			return w.T("answer.no")
		}
	case questionnaire.TypeChoice:
		if id, ok := v.(string); ok {
			if c, ok := qq.Choice(id); ok {
				return c.Label.Get(lang)
			}
		}
	case questionnaire.TypeMulti:
		if ids, ok := v.([]string); ok {
			if len(ids) == 0 {
				return w.T("answer.none")
			}
			return strings.Join(ChosenLabels(qq, ids, lang), ", ")
		}
	case questionnaire.TypeNumber:
		if x, ok := v.(float64); ok {
			return w.Exact(x)
		}
	case questionnaire.TypeText:
		if s, ok := v.(string); ok {
			return "“" + s + "”"
		}
	}
	return questionnaire.Canonical(v)
}

// Target is a question's target in words, as it reads after the answer ("3 Established →
// 4 Demonstrated"): a level with its label, yes, the choice that meets it (choice: the
// TargetChoice the score engine sets on a choice question), or full, for a multiple choice or
// a number.
func (w Words) Target(qq *questionnaire.Question, level *int, choice, lang string) string {
	switch {
	case level != nil:
		return Level(qq, *level, lang)
	case qq.Type == questionnaire.TypeYesNo:
		return w.T("answer.yes")
	case choice != "":
		if c, ok := qq.Choice(choice); ok {
			return c.Label.Get(lang)
		}
	}
	return w.T("answer.full")
}

// Level is level n of qq's scale with its label, "3 Established", or the bare number when the
// scale has no such level.
func Level(qq *questionnaire.Question, n int, lang string) string {
	if qq.Scale != nil {
		if l, ok := qq.Scale.Level(n); ok {
			return strconv.Itoa(n) + " " + l.Label.Get(lang)
		}
	}
	return strconv.Itoa(n)
}

// ShortAnswer is an answer in a few characters, as a merged file's notes show it: a level's
// number, yes or no, the chosen ids in the questionnaire's order ([portal,expert]), a choice's
// id, a number, a quoted text, N/A or don't know.
func (w Words) ShortAnswer(qq *questionnaire.Question, a *answers.Answer) string {
	switch {
	case a.NA:
		return w.T("answer.short.na")
	case a.Unknown:
		return w.T("answer.short.unknown")
	}
	switch v := a.Value.(type) {
	case bool:
		if v {
			return w.T("answer.short.yes")
		}
		return w.T("answer.short.no")
	case []string:
		return "[" + strings.Join(ChosenIDs(qq, v), ",") + "]"
	case string:
		if qq.Type == questionnaire.TypeText {
			return strconv.Quote(v)
		}
		return v
	}
	return questionnaire.Canonical(a.Value)
}

// ChosenIDs are the ids of a multiple-choice answer in the questionnaire's order, ids the
// question does not have first, each as often as it is given; an empty list is the question's
// own "none of these" choice when it has one (choosing it and choosing nothing mean the same).
// It is one pass over the choices: a question may have thousands of them.
func ChosenIDs(qq *questionnaire.Question, list []string) []string {
	if none, ok := qq.NoneChoice(); ok && len(list) == 0 {
		return []string{none.ID}
	}
	count := make(map[string]int, len(list))
	ids := make([]string, 0, len(list))
	for _, id := range list {
		count[id]++
		if _, known := qq.Choice(id); !known {
			ids = append(ids, id)
		}
	}
	for _, c := range qq.Choices {
		for range count[c.ID] {
			ids = append(ids, c.ID)
		}
		delete(count, c.ID)
	}
	return ids
}

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
