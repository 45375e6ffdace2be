// Package plan turns a scored assessment into the first draft of a national CBRN action plan:
// one action per activity type with a gap, in priority order, with its objective, the gaps it
// addresses and the agencies likely to lead it; and the information gaps (don't know) apart.
// It is pure: no I/O; the same inputs give the same plan.
package plan

import (
	"cmp"
	"slices"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
)

// Plan is a draft action plan.
type Plan struct {
	Result  *score.Result
	Answers *answers.File
	Lang    string
	Target  score.Target // the targets the result was scored against

	// Actions are the activity types with a gap, in the engine's priority order.
	Actions []Action
	// Gaps are the answered questions with a gap, critical first, then by priority, ties in
	// questionnaire order.
	Gaps []Gap
	// InformationGaps are the questions answered "don't know", in the same order.
	InformationGaps []Gap
	// Unanswered counts the applicable scored questions not answered yet.
	Unanswered int
}

// Action is one activity type of the plan.
type Action struct {
	Rank      int // from 1
	Activity  questionnaire.Activity
	Objective string
	Priority  float64 // Σ weight × gap over the questions behind it (as the engine ranks them)
	// Gaps are the answered questions it addresses, critical first, then by priority.
	Gaps []Gap
	// InformationGaps are the don't-knows it closes (only a needs assessment closes them).
	InformationGaps []Gap
	// Leads are the agencies tagged on the questions behind the action, those holding the most
	// gaps first (ties in the questionnaire's order of agencies).
	Leads []Lead
}

// Critical counts the critical questions behind the action.
func (a *Action) Critical() int {
	n := 0
	for _, g := range append(slices.Clone(a.Gaps), a.InformationGaps...) {
		if g.Q.Critical {
			n++
		}
	}
	return n
}

// Gap is a question with a gap (or a don't-know) and its answer.
type Gap struct {
	Q      *score.Question
	Answer *answers.Answer
}

// Lead is an agency likely to lead an action and how many of its questions it holds.
type Lead struct {
	Agency questionnaire.Agency
	Gaps   int
}

// Build drafts the plan of a scored assessment. target is what res was scored against, lang the
// language of the objectives.
func Build(res *score.Result, a *answers.File, target score.Target, lang string) *Plan {
	q := res.Questionnaire
	p := &Plan{Result: res, Answers: a, Lang: lang, Target: target}
	byID := map[string]*score.Question{}
	for i := range res.Questions {
		x := &res.Questions[i]
		byID[x.ID] = x
		switch x.Status {
		case score.Unknown:
			p.InformationGaps = append(p.InformationGaps, Gap{Q: x, Answer: a.Get(x.ID)})
		case score.Answered:
			if x.Gap != nil && *x.Gap > 0 {
				p.Gaps = append(p.Gaps, Gap{Q: x, Answer: a.Get(x.ID)})
			}
		case score.Unanswered:
			p.Unanswered++
		}
	}
	order := func(gs []Gap) {
		slices.SortStableFunc(gs, func(x, y Gap) int {
			switch {
			case score.GapBefore(x.Q, y.Q):
				return -1
			case score.GapBefore(y.Q, x.Q):
				return 1
			}
			return 0
		})
	}
	order(p.Gaps)
	order(p.InformationGaps)

	for i, act := range res.Activities {
		def, ok := q.Activity(act.ID)
		if !ok {
			def = &questionnaire.Activity{ID: act.ID, Title: questionnaire.Plain(q.DefaultLanguage(), act.ID)}
		}
		x := Action{Rank: i + 1, Activity: *def, Priority: act.Priority, Objective: Objective(*def, lang)}
		for _, id := range act.Questions {
			r := byID[id]
			g := Gap{Q: r, Answer: a.Get(id)}
			if r.Status == score.Unknown {
				x.InformationGaps = append(x.InformationGaps, g)
			} else {
				x.Gaps = append(x.Gaps, g)
			}
		}
		x.Leads = leads(q, append(slices.Clone(x.Gaps), x.InformationGaps...))
		p.Actions = append(p.Actions, x)
	}
	return p
}

// leads ranks the agencies tagged on the questions by how many of them each holds.
func leads(q *questionnaire.Questionnaire, gaps []Gap) []Lead {
	count := map[string]int{}
	for _, g := range gaps {
		for _, id := range g.Q.Q.Agencies {
			count[id]++
		}
	}
	var out []Lead
	for _, ag := range q.Agencies {
		if n := count[ag.ID]; n > 0 {
			out = append(out, Lead{Agency: ag, Gaps: n})
		}
	}
	slices.SortStableFunc(out, func(a, b Lead) int { return cmp.Compare(b.Gaps, a.Gaps) })
	return out
}
