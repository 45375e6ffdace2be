// Package plan turns a scored assessment into the first draft of a national CBRN action plan,
// laid out as national action plans are (thematic area → objective → actions): one objective per
// section with gaps, titled as the outcome it seeks, with a lead agency, supporting agencies, a
// timeframe, possible partners and its actions; each action a question's gap with its levels,
// activity types, cost category and indicator. The "don't know" answers form one more objective:
// a needs assessment to gather the facts. Build is pure: no I/O; the same inputs give the same
// plan. The renderers (markdown, html, json, xlsx) sit beside it, one file per format.
package plan

import (
	"math"
	"slices"
	"strconv"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
)

// MaxActions is the most actions one objective holds: a section with more gaps is split into
// objectives of at most MaxActions actions each, in priority order, so that each can be assigned.
const MaxActions = 15

// NeedsAssessmentID is the id of the objective that gathers the "don't know" answers.
const NeedsAssessmentID = "needs-assessment"

// Plan is a draft action plan.
type Plan struct {
	Result  *score.Result
	Answers *answers.File
	Lang    string
	Target  score.Target // the targets the result was scored against

	// Objectives are in priority order (the sum of their actions' priorities, ties in the
	// questionnaire's order of sections, the needs assessment last).
	Objectives []Objective
	// Portfolio counts, for each activity type, the actions that call for it: most first, ties
	// in the questionnaire's order of activity types. Only types with an action are listed.
	Portfolio []ActivityCount
	// Gaps are the answered questions with a gap, critical first, then by priority, ties in
	// questionnaire order.
	Gaps []Gap
	// InformationGaps are the questions answered "don't know", in the same order.
	InformationGaps []Gap
	// Unanswered counts the applicable scored questions not answered yet.
	Unanswered int
}

// Objective is one objective of the plan: a section's gaps (or part of them), or the
// information gaps.
type Objective struct {
	Rank     int    // from 1
	ID       string // the section id ("governance", "governance.2" for a second part: a dot, which no section id has), or NeedsAssessmentID
	Part     int    // 1, 2… when a section is split; 0 when it is not
	Sections []*questionnaire.Section
	Pillar   string // "" when the objective spans pillars (the needs assessment)
	Priority float64
	Critical int // critical actions
	// Lead is the first agency of its actions' questions, weighted by their priority; nil when
	// no question names an agency.
	Lead *questionnaire.Agency
	// Supporting are the other agencies named on its questions, by the priority they carry.
	Supporting []*questionnaire.Agency
	Timeframe  Timeframe
	Climb      int // the most levels one of its actions climbs
	Partners   []*questionnaire.Partner
	Actions    []Action

	information bool // the needs assessment
}

// NeedsAssessment reports whether the objective is the needs assessment of the "don't know" answers.
func (o *Objective) NeedsAssessment() bool { return o.information }

// Action is one question's gap and what closes it.
type Action struct {
	Gap
	From, To   *int     // levels of a scale question (From nil for "don't know"); nil otherwise
	Activities []string // activity type ids, as the engine maps the gap
	Category   Category
	Climb      int // levels to climb: see ClimbOf
}

// Gap is a question with a gap (or a don't-know) and its answer.
type Gap struct {
	Q      *score.Question
	Answer *answers.Answer
}

// ActivityCount is how many actions call for an activity type.
type ActivityCount struct {
	Activity questionnaire.Activity
	Actions  int
	Category Category
}

// Build drafts the plan of a scored assessment. target is what res was scored against, lang the
// language of the texts.
func Build(res *score.Result, a *answers.File, target score.Target, lang string) *Plan {
	q := res.Questionnaire
	p := &Plan{Result: res, Answers: a, Lang: lang, Target: target}
	for i := range res.Questions {
		x := &res.Questions[i]
		switch x.Status {
		case score.Unknown:
			if x.Gap != nil && *x.Gap > 0 {
				p.InformationGaps = append(p.InformationGaps, Gap{Q: x, Answer: a.Get(x.ID)})
			}
		case score.Answered:
			if x.Gap != nil && *x.Gap > 0 {
				p.Gaps = append(p.Gaps, Gap{Q: x, Answer: a.Get(x.ID)})
			}
		case score.Unanswered:
			p.Unanswered++
		}
	}
	gapBefore := func(x, y Gap) bool { return score.GapBefore(x.Q, y.Q) }
	score.SortBefore(p.Gaps, gapBefore)
	score.SortBefore(p.InformationGaps, gapBefore)

	bySection := map[*questionnaire.Section][]Gap{}
	for _, g := range p.Gaps {
		bySection[g.Q.Q.Section] = append(bySection[g.Q.Q.Section], g)
	}
	for _, s := range q.Sections {
		gs := bySection[s]
		parts := (len(gs) + MaxActions - 1) / MaxActions
		for i := 0; i < parts; i++ {
			chunk := gs[i*MaxActions : min(len(gs), (i+1)*MaxActions)]
			o := Objective{ID: s.ID, Sections: []*questionnaire.Section{s}, Pillar: s.Pillar}
			if parts > 1 {
				o.Part = i + 1
				if i > 0 {
					o.ID = s.ID + "." + strconv.Itoa(i+1)
				}
			}
			fill(q, &o, chunk)
			p.Objectives = append(p.Objectives, o)
		}
	}
	score.SortBefore(p.Objectives, func(x, y Objective) bool { return score.PriorityAbove(x.Priority, y.Priority) })
	for i := 0; i < len(p.InformationGaps); i += MaxActions {
		chunk := p.InformationGaps[i:min(len(p.InformationGaps), i+MaxActions)]
		o := Objective{ID: NeedsAssessmentID, information: true}
		if len(p.InformationGaps) > MaxActions {
			o.Part = i/MaxActions + 1
			if i > 0 {
				o.ID = NeedsAssessmentID + "." + strconv.Itoa(o.Part)
			}
		}
		for _, g := range chunk {
			if !slices.Contains(o.Sections, g.Q.Q.Section) {
				o.Sections = append(o.Sections, g.Q.Q.Section)
			}
		}
		slices.SortFunc(o.Sections, func(x, y *questionnaire.Section) int {
			return x.Questions[0].Index - y.Questions[0].Index
		})
		o.Pillar = o.Sections[0].Pillar
		for _, s := range o.Sections {
			if s.Pillar != o.Pillar {
				o.Pillar = ""
			}
		}
		fill(q, &o, chunk)
		p.Objectives = append(p.Objectives, o)
	}
	for i := range p.Objectives {
		p.Objectives[i].Rank = i + 1
	}
	p.Portfolio = portfolio(q, p.Objectives)
	return p
}

// fill makes the actions of an objective from its gaps (already in order) and derives its
// priority, lead and supporting agencies, timeframe and partners from them.
func fill(q *questionnaire.Questionnaire, o *Objective, gaps []Gap) {
	for _, g := range gaps {
		x := g.Q
		act := Action{Gap: g, Activities: x.Activities, Climb: ClimbOf(x)}
		if x.Q.Type == questionnaire.TypeScale {
			act.From, act.To = x.Level, x.TargetLv
		}
		act.Category = CategoryOf(q, firstOr(x.Activities, NeedsAssessmentID))
		o.Actions = append(o.Actions, act)
		o.Priority += x.Priority
		if x.Critical {
			o.Critical++
		}
		o.Climb = max(o.Climb, act.Climb)
	}
	o.Lead, o.Supporting = agencies(q, o.Actions)
	o.Partners = partners(q, o.Actions)
	o.Timeframe = TimeframeOf(o)
}

// agencies weighs each agency named on the actions' questions by the priority of the gaps it
// holds. The lead is the agency named first on the questions carrying the most priority (ties:
// the one that comes first in the actions' order); the supporting agencies are all the others
// named on the questions, lead or not, by the priority of the questions that name them (ties in
// the questionnaire's order of agencies).
func agencies(q *questionnaire.Questionnaire, acts []Action) (lead *questionnaire.Agency, supporting []*questionnaire.Agency) {
	first := map[string]float64{}
	var firstOrder []string
	named := map[string]float64{}
	for _, a := range acts {
		ag := a.Q.Q.Agencies
		if len(ag) == 0 {
			continue
		}
		if _, seen := first[ag[0]]; !seen {
			firstOrder = append(firstOrder, ag[0])
		}
		first[ag[0]] += a.Q.Priority
		for _, id := range ag {
			named[id] += a.Q.Priority
		}
	}
	leadID := ""
	for _, id := range firstOrder {
		if leadID == "" || score.PriorityAbove(first[id], first[leadID]) {
			leadID = id
		}
	}
	if leadID != "" {
		lead, _ = q.Agency(leadID)
	}
	for i := range q.Agencies {
		ag := &q.Agencies[i]
		if _, ok := named[ag.ID]; ok && ag.ID != leadID {
			supporting = append(supporting, ag)
		}
	}
	score.SortBefore(supporting, func(x, y *questionnaire.Agency) bool { return score.PriorityAbove(named[x.ID], named[y.ID]) })
	return lead, supporting
}

// partners are the partners the actions' questions name, in the questionnaire's order.
func partners(q *questionnaire.Questionnaire, acts []Action) []*questionnaire.Partner {
	named := map[string]bool{}
	for _, a := range acts {
		for _, id := range a.Q.Q.Partners {
			named[id] = true
		}
	}
	var out []*questionnaire.Partner
	for i := range q.Partners {
		if named[q.Partners[i].ID] {
			out = append(out, &q.Partners[i])
		}
	}
	return out
}

// portfolio counts the actions calling for each activity type.
func portfolio(q *questionnaire.Questionnaire, objs []Objective) []ActivityCount {
	count := map[string]int{}
	for _, o := range objs {
		for _, a := range o.Actions {
			for _, id := range a.Activities {
				count[id]++
			}
		}
	}
	var out []ActivityCount
	for _, act := range q.Activities {
		if n := count[act.ID]; n > 0 {
			out = append(out, ActivityCount{Activity: act, Actions: n, Category: CategoryOf(q, act.ID)})
		}
	}
	slices.SortStableFunc(out, func(x, y ActivityCount) int { return y.Actions - x.Actions })
	return out
}

// ClimbOf is the number of levels a gap climbs: for a scale question with a current level, its
// target level minus its current level; for any other gap (a question that is not a scale, or a
// "don't know"), one level per 25 points of gap, rounded up (a "no" climbs 4, as a linear
// five-level scale from its bottom to its top).
func ClimbOf(x *score.Question) int {
	if x.Level != nil && x.TargetLv != nil && x.Q.Type == questionnaire.TypeScale {
		if n := *x.TargetLv - *x.Level; n > 0 {
			return n
		}
	}
	if x.Gap == nil {
		return 0
	}
	return max(1, int(math.Ceil(*x.Gap/25-1e-9)))
}

func firstOr(ids []string, def string) string {
	if len(ids) > 0 {
		return ids[0]
	}
	return def
}
