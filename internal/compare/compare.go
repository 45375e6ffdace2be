// Package compare tells what changed between two scorings of assessments of one questionnaire:
// deltas per pillar, hazard and section, the questions that improved, worsened, were newly
// answered or newly unknown, the activity types whose priority rose or fell, and a one-line
// verdict per pillar. It is pure: two score results in, a comparison out.
package compare

import (
	"math"
	"sort"

	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// Schema is the value of the `schema` key of the JSON comparison.
const Schema = "cbrn.compare/v1"

// Trend of a figure between the two assessments.
type Trend string

// The trends.
const (
	Improved  Trend = "improved"
	Worsened  Trend = "worsened"
	Unchanged Trend = "unchanged"
	New       Trend = "new"     // scored in NEW only
	Dropped   Trend = "dropped" // scored in BASE only
	None      Trend = "none"    // scored in neither
)

// Delta is a group's figures in both assessments and their changes (NEW − BASE; nil when either
// side is undefined).
type Delta struct {
	ID     string
	Pillar string // sections only
	Base   score.Group
	New    score.Group

	Score        *float64
	Conservative *float64
	Target       *float64
	Gap          *float64
	Completeness *float64

	Trend Trend
}

// Change is the kind of change of a question.
type Change string

// The kinds of change of a question. Questions whose status and score did not change are not
// listed.
const (
	QImproved     Change = "improved"       // answered in both, higher score
	QWorsened     Change = "worsened"       // answered in both, lower score
	NewlyAnswered Change = "newly_answered" // answered in NEW, not in BASE
	NewlyUnknown  Change = "newly_unknown"  // "don't know" in NEW, not in BASE
	StatusChanged Change = "status_changed" // any other change of status (for example answered → not applicable)
	Same          Change = "unchanged"
)

// QuestionDelta is one scored question in both assessments.
type QuestionDelta struct {
	ID       string
	Section  string
	Pillar   string
	Critical bool
	Weight   float64
	Base     *score.Question
	New      *score.Question
	Change   Change
	// Score is the change of score for questions answered in both; nil otherwise.
	Score *float64
	// Priority is the change of priority (weight × gap).
	Priority float64
}

// ActivityDelta is an activity type's priority in both assessments.
type ActivityDelta struct {
	ID           string
	BasePriority float64
	NewPriority  float64
	BaseRank     int // 1-based among activity types with a gap; 0 without one
	NewRank      int
	Change       float64 // NewPriority − BasePriority
}

// Rose reports whether the priority rose; a change within floating-point rounding (the same
// gaps summed in another order) is none.
func (a ActivityDelta) Rose() bool { return score.PriorityAbove(a.NewPriority, a.BasePriority) }

// Fell reports whether the priority fell.
func (a ActivityDelta) Fell() bool { return score.PriorityAbove(a.BasePriority, a.NewPriority) }

// Result is a comparison.
type Result struct {
	Overall   Delta
	Pillars   []Delta // prevention, detection, preparedness, response
	Hazards   []Delta // C, B, R, N
	Sections  []Delta // questionnaire order
	Questions []QuestionDelta
	// Improved, Worsened, NewlyAnswered, NewlyUnknown and StatusChanged list the changed
	// questions of each kind: by size of change (largest first) for the first two, else in
	// questionnaire order.
	Improved, Worsened, NewlyAnswered, NewlyUnknown, StatusChanged []QuestionDelta
	// Activities holds every activity type of the questionnaire (built-ins first); Rose and
	// Fell those whose priority changed, largest change first (ties by id).
	Activities []ActivityDelta
	Rose, Fell []ActivityDelta
}

// Compute compares two results of the same questionnaire. base and next must come from the
// same questionnaire (the same question set).
func Compute(base, next *score.Result) *Result {
	r := &Result{Overall: delta(base.Overall, next.Overall)}
	for i := range base.Pillars {
		r.Pillars = append(r.Pillars, delta(base.Pillars[i], next.Pillars[i]))
	}
	for i := range base.Hazards {
		r.Hazards = append(r.Hazards, delta(base.Hazards[i], next.Hazards[i]))
	}
	for i := range base.Sections {
		r.Sections = append(r.Sections, delta(base.Sections[i], next.Sections[i]))
	}
	for i := range next.Questions {
		b, n := &base.Questions[i], &next.Questions[i]
		if n.Status == score.Unscored {
			continue
		}
		d := QuestionDelta{ID: n.ID, Section: n.Section, Pillar: n.Pillar, Critical: n.Critical, Weight: n.Weight,
			Base: b, New: n, Priority: n.Priority - b.Priority}
		d.Change = questionChange(b, n)
		if b.Score != nil && n.Score != nil {
			d.Score = ptr(*n.Score - *b.Score)
		}
		r.Questions = append(r.Questions, d)
		switch d.Change {
		case QImproved:
			r.Improved = append(r.Improved, d)
		case QWorsened:
			r.Worsened = append(r.Worsened, d)
		case NewlyAnswered:
			r.NewlyAnswered = append(r.NewlyAnswered, d)
		case NewlyUnknown:
			r.NewlyUnknown = append(r.NewlyUnknown, d)
		case StatusChanged:
			r.StatusChanged = append(r.StatusChanged, d)
		}
	}
	bySize := func(list []QuestionDelta) {
		sort.SliceStable(list, func(i, j int) bool {
			return score.PriorityAbove(math.Abs(*list[i].Score), math.Abs(*list[j].Score))
		})
	}
	bySize(r.Improved)
	bySize(r.Worsened)
	r.Activities = activities(base, next)
	for _, a := range r.Activities {
		switch {
		case a.Rose():
			r.Rose = append(r.Rose, a)
		case a.Fell():
			r.Fell = append(r.Fell, a)
		}
	}
	byChange := func(list []ActivityDelta) {
		sort.SliceStable(list, func(i, j int) bool {
			ci, cj := math.Abs(list[i].Change), math.Abs(list[j].Change)
			if score.PriorityAbove(ci, cj) || score.PriorityAbove(cj, ci) {
				return score.PriorityAbove(ci, cj)
			}
			return list[i].ID < list[j].ID
		})
	}
	byChange(r.Rose)
	byChange(r.Fell)
	return r
}

func questionChange(b, n *score.Question) Change {
	switch {
	case b.Status == score.Answered && n.Status == score.Answered:
		switch {
		case score.PriorityAbove(*n.Score, *b.Score):
			return QImproved
		case score.PriorityAbove(*b.Score, *n.Score):
			return QWorsened
		}
		return Same
	case n.Status == score.Answered:
		return NewlyAnswered
	case n.Status == score.Unknown && b.Status != score.Unknown:
		return NewlyUnknown
	case n.Status != b.Status:
		return StatusChanged
	}
	return Same
}

func delta(b, n score.Group) Delta {
	d := Delta{ID: n.ID, Pillar: n.Pillar, Base: b, New: n,
		Score: diff(b.Score, n.Score), Conservative: diff(b.Conservative, n.Conservative),
		Target: diff(b.Target, n.Target), Gap: diff(b.Gap, n.Gap), Completeness: diff(b.Completeness, n.Completeness)}
	switch {
	case b.Score == nil && n.Score == nil:
		d.Trend = None
	case b.Score == nil:
		d.Trend = New
	case n.Score == nil:
		d.Trend = Dropped
	// A change that rounds to 0.0, as people see scores, is no change.
	case math.Round(*d.Score*10) > 0:
		d.Trend = Improved
	case math.Round(*d.Score*10) < 0:
		d.Trend = Worsened
	default:
		d.Trend = Unchanged
	}
	return d
}

func diff(b, n *float64) *float64 {
	if b == nil || n == nil {
		return nil
	}
	return ptr(*n - *b)
}

func ptr(f float64) *float64 { return &f }

// activities lines up the activity types of both results: those of the questionnaire in its
// order, then any other id a result names (none, for results of one questionnaire).
func activities(base, next *score.Result) []ActivityDelta {
	var ids []string
	seen := map[string]bool{}
	addID := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, a := range next.Questionnaire.Activities {
		addID(a.ID)
	}
	for _, res := range []*score.Result{base, next} {
		for _, a := range res.Activities {
			addID(a.ID)
		}
	}
	rank := func(res *score.Result) map[string]int {
		m := map[string]int{}
		for i, a := range res.Activities {
			m[a.ID] = i
		}
		return m
	}
	br, nr := rank(base), rank(next)
	out := make([]ActivityDelta, 0, len(ids))
	for _, id := range ids {
		d := ActivityDelta{ID: id}
		if i, ok := br[id]; ok {
			d.BasePriority, d.BaseRank = base.Activities[i].Priority, i+1
		}
		if i, ok := nr[id]; ok {
			d.NewPriority, d.NewRank = next.Activities[i].Priority, i+1
		}
		d.Change = d.NewPriority - d.BasePriority
		out = append(out, d)
	}
	return out
}

// Verdict is a one-line summary of a group's change for people, scores with one decimal.
func Verdict(d Delta) string { return verdict(d, words.For("en")) }

// verdict is Verdict in the words of t.
func verdict(d Delta, t words.Words) string {
	s := ""
	switch d.Trend {
	case None:
		return t.T("compare.verdictNone")
	case New:
		s = t.T("compare.verdictNew", t.Decimal(*d.New.Score))
	case Dropped:
		s = t.T("compare.verdictDropped", t.Decimal(*d.Base.Score))
	case Improved:
		s = t.T("compare.verdictImproved", t.Decimal(*d.Score), t.Decimal(*d.Base.Score), t.Decimal(*d.New.Score))
	case Worsened:
		s = t.T("compare.verdictWorsened", t.Decimal(-*d.Score), t.Decimal(*d.Base.Score), t.Decimal(*d.New.Score))
	case Unchanged:
		s = t.T("compare.verdictUnchanged", t.Decimal(*d.New.Score))
	}
	if b, n := d.Base.Completeness, d.New.Completeness; b != nil && n != nil {
		if bw, nw := t.WholePercent(b), t.WholePercent(n); bw != nw {
			s += t.T("compare.verdictCompleteness", bw, nw)
		}
	}
	if bu, nu := d.Base.Unknown, d.New.Unknown; bu != nu {
		s += t.T("compare.verdictUnknown", bu, nu)
	}
	return s
}
