package score

import "github.com/cbrn-tool/cbrn/internal/questionnaire"

// The figures every output shows beside the scores, computed here once so that the formats
// cannot disagree about them and the JSON carries what the pages show.

// figures fills the derived figures of a result: the weighted gap and each activity's share
// of it, the weakest pillar and hazard, and each choice question's target choice.
func (r *Result) figures() {
	for i := range r.Questions {
		r.WeightedGap += r.Questions[i].Priority
	}
	for i := range r.Activities {
		if r.WeightedGap > 0 {
			r.Activities[i].Share = r.Activities[i].Priority / r.WeightedGap
		}
	}
	r.WeakestPillar, r.ScoredPillars = weakest(r.Pillars)
	r.WeakestHazard, _ = weakest(r.Hazards)
	for i := range r.Questions {
		if x := &r.Questions[i]; x.Q.Type == questionnaire.TypeChoice {
			x.TargetChoice = BestChoice(x.Q)
		}
	}
}

// weakest is the id of the scored group with the lowest score (the first of equal ones, with
// the engine's rounding tolerance), "" when none is scored, and how many are scored.
func weakest(gs []Group) (id string, scored int) {
	var low float64
	for _, g := range gs {
		if g.Score == nil {
			continue
		}
		if scored == 0 || PriorityAbove(low, *g.Score) {
			id, low = g.ID, *g.Score
		}
		scored++
	}
	return id, scored
}

// BestChoice is the id of the choice that scores highest (the first of equal ones): the target
// of a choice question, whose target is full marks. "" when the question has no choices.
func BestChoice(qq *questionnaire.Question) string {
	best, id := -1.0, ""
	for _, c := range qq.Choices {
		if c.Score > best {
			best, id = c.Score, c.ID
		}
	}
	return id
}
