package questionnaire

import "fmt"

// Assemble links a questionnaire built field by field, as the code generated for the shipped
// questionnaires builds it (see questionnaires/compiled), the way the loader links what it
// parses: each question to its section (section[i], an index into q.Sections) and to its scale
// (scale[i], an index into q.Scales, or -1 for none), each section to its questions in file
// order, and the lookups by id. The questions' other fields are taken as they are: Assemble is
// for a questionnaire that was loaded and checked when its code was generated, not a check.
func Assemble(q *Questionnaire, section, scale []int) (*Questionnaire, error) {
	if len(section) != len(q.Questions) || len(scale) != len(q.Questions) {
		return nil, fmt.Errorf("questionnaire %s: %d questions, %d sections and %d scales given", q.ID, len(q.Questions), len(section), len(scale))
	}
	for i, x := range q.Questions {
		si, ci := section[i], scale[i]
		if x == nil || si < 0 || si >= len(q.Sections) || ci < -1 || ci >= len(q.Scales) {
			return nil, fmt.Errorf("questionnaire %s: question %d: no such question, section or scale", q.ID, i)
		}
		x.Section = q.Sections[si]
		x.Section.Questions = append(x.Section.Questions, x)
		if ci >= 0 {
			x.Scale = q.Scales[ci]
		}
	}
	q.index()
	return q, nil
}

// Links returns, of each question, the index of its section in q.Sections and of its scale in
// q.Scales (-1 for none): what Assemble takes.
func (q *Questionnaire) Links() (section, scale []int, err error) {
	sections := make(map[*Section]int, len(q.Sections))
	for i, x := range q.Sections {
		sections[x] = i
	}
	scales := make(map[*ScaleDef]int, len(q.Scales))
	for i, x := range q.Scales {
		scales[x] = i
	}
	section, scale = make([]int, len(q.Questions)), make([]int, len(q.Questions))
	for i, x := range q.Questions {
		var ok bool
		if section[i], ok = sections[x.Section]; !ok {
			return nil, nil, fmt.Errorf("question %s: its section is not among the questionnaire's", x.ID)
		}
		scale[i] = -1
		if x.Scale != nil {
			if scale[i], ok = scales[x.Scale]; !ok {
				return nil, nil, fmt.Errorf("question %s: its scale is not among the questionnaire's", x.ID)
			}
		}
	}
	return section, scale, nil
}

// index builds the lookups the loader builds, as it builds them.
func (q *Questionnaire) index() {
	q.activityIndex = make(map[string]*Activity, len(q.Activities))
	for i := range q.Activities {
		q.activityIndex[q.Activities[i].ID] = &q.Activities[i]
	}
	if q.Agencies != nil {
		q.agencyIndex = make(map[string]*Agency, len(q.Agencies))
		for i := range q.Agencies {
			q.agencyIndex[q.Agencies[i].ID] = &q.Agencies[i]
		}
	}
	if q.Partners != nil {
		q.partnerIndex = make(map[string]*Partner, len(q.Partners))
		for i := range q.Partners {
			q.partnerIndex[q.Partners[i].ID] = &q.Partners[i]
		}
	}
	q.questionIndex = make(map[string]*Question, len(q.Questions))
	for _, x := range q.Questions {
		q.questionIndex[x.ID] = x
		if x.Type == TypeChoice || x.Type == TypeMulti {
			x.choiceIndex = make(map[string]int, len(x.Choices))
			for i, c := range x.Choices {
				x.choiceIndex[c.ID] = i
			}
		}
	}
}
