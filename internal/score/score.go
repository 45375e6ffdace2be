// Package score turns a questionnaire and its answers into scores, gaps and a ranking of the
// risk-mitigation activities that close them (DESIGN §5). It is pure: no I/O, no clock, no
// randomness; the same inputs give the same result.
package score

import (
	"cmp"
	"math"
	"slices"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// Status of a question in a result.
type Status string

// The statuses.
const (
	Answered   Status = "answered"
	NA         Status = "na"
	Unknown    Status = "unknown"
	Unanswered Status = "unanswered"
	Skipped    Status = "skipped"
	Unscored   Status = "unscored"
)

// Target chooses the target of scale questions. The zero value keeps each question's own target.
type Target struct {
	Level int  // every scale question's target becomes this level (capped at the scale's top)
	Next  bool // each scale question's target becomes one level above its current answer
}

// Options adjust scoring.
type Options struct {
	Target Target
}

// Group holds the figures of a set of questions: overall, a pillar, a hazard or a section.
// Nil figures are undefined (no question to compute them from).
type Group struct {
	ID     string // pillar, hazard or section id; "" for overall
	Pillar string // sections only

	Score        *float64
	Conservative *float64
	Target       *float64
	Gap          *float64
	Completeness *float64
	// MeanLevel is the mean level of the answered questions on a 1..5 scale, unweighted as SPAR
	// averages its indicators; SPAREquivalent is that mean × 20, the percentage the WHO SPAR
	// would give the same levels (cbrn scores level 3 as 50, SPAR as 60). Both are null when no
	// such question is answered.
	MeanLevel      *float64
	SPAREquivalent *float64

	Answered   int
	NA         int
	Unknown    int
	Unanswered int
	Skipped    int
}

// Question is one question's outcome.
type Question struct {
	Q        *questionnaire.Question
	ID       string
	Section  string
	Pillar   string
	Hazards  []string
	Status   Status
	Level    *int     // current level, for answered scale questions
	TargetLv *int     // target level, for scale questions that have a target
	Score    *float64 // 0..100
	Target   *float64 // 0..100
	Gap      *float64 // 0..100
	Weight   float64
	Priority float64 // weight × gap; 0 without a gap
	Critical bool
	// Activities are those the question's gap maps to; empty without a gap.
	Activities []string
	// TargetChoice is, on a choice question, the id of the choice that meets the target (the
	// best-scoring one); "" on other questions.
	TargetChoice string
	// sparLevel is the answered level when it counts in the SPAR equivalent (on a 1..5
	// scale), else 0: judged once here, not again in every group the question counts in.
	sparLevel int
}

// Activity is an activity type with the gaps mapped to it.
type Activity struct {
	ID        string
	Priority  float64
	Share     float64  // Priority over the result's WeightedGap (0 without a gap); shares add up to more than 1, as a gap maps to several activities
	Questions []string // critical first, then by priority, ties in file order
}

// Result is the scoring of one assessment.
type Result struct {
	Questionnaire *questionnaire.Questionnaire
	Options       Options
	Overall       Group
	Pillars       []Group // prevention, detection, preparedness, response
	Hazards       []Group // C, B, R, N
	Sections      []Group // file order
	// Grid crosses pillars and hazards: Grid[p][h] is pillar p's questions tagged with hazard h,
	// in the orders of Pillars and Hazards; its ID is "pillar/hazard".
	Grid       [][]Group
	Activities []Activity
	Questions  []Question // file order
	// WeightedGap is the sum of every question's priority (weight × gap).
	WeightedGap float64
	// WeakestPillar and WeakestHazard are the ids of the scored pillar and hazard with the
	// lowest score (the first of equal ones), "" when none is scored; ScoredPillars counts the
	// pillars that have a score.
	WeakestPillar, WeakestHazard string
	ScoredPillars                int
}

// Compute scores answers against q. The answers must have been checked against q
// (answers.(*File).Check) so that their values are normalised.
func Compute(q *questionnaire.Questionnaire, a *answers.File, opts Options) *Result {
	shown := q.Shown(a.Value)
	res := &Result{Questionnaire: q, Options: opts, Questions: make([]Question, len(q.Questions))}
	// The figures' pointers, the levels' and the lists of activities point into a few blocks
	// per result rather than into an allocation each.
	fs := &slab{}
	for i, qq := range q.Questions {
		question(&res.Questions[i], qq, a.Get(qq.ID), shown[i], opts, q, fs)
	}

	// Every group's sums, in one block: overall, pillars, hazards, pillar × hazard, sections.
	pillarIDs, hazardIDs := questionnaire.Pillars(), questionnaire.Hazards()
	np, nh := len(pillarIDs), len(hazardIDs)
	accs := make([]acc, 1+np+nh+np*nh+len(q.Sections))
	overall := &accs[0]
	pillars := accs[1 : 1+np]
	hazards := accs[1+np : 1+np+nh]
	grid := accs[1+np+nh : 1+np+nh+np*nh]
	sections := accs[1+np+nh+np*nh:]
	for i, p := range pillarIDs {
		pillars[i].group = Group{ID: p}
		for j, h := range hazardIDs {
			grid[i*nh+j].group = Group{ID: p + "/" + h, Pillar: p}
		}
	}
	for j, h := range hazardIDs {
		hazards[j].group = Group{ID: h}
	}
	for i, s := range q.Sections {
		sections[i].group = Group{ID: s.ID, Pillar: s.Pillar}
	}
	sec := 0 // questions come section by section: the last one found is nearly always the next one's
	for i := range res.Questions {
		r := &res.Questions[i]
		if r.Status == Unscored {
			continue
		}
		overall.add(r)
		p := indexOf(pillarIDs, r.Pillar)
		pillars[p].add(r)
		for _, h := range r.Hazards {
			j := indexOf(hazardIDs, h)
			hazards[j].add(r)
			grid[p*nh+j].add(r)
		}
		if sec >= len(q.Sections) || q.Sections[sec] != r.Q.Section {
			sec = slices.Index(q.Sections, r.Q.Section)
		}
		sections[max(sec, 0)].add(r)
	}
	res.Overall = overall.finish(fs)
	res.Pillars = make([]Group, 0, np)
	res.Hazards = make([]Group, 0, nh)
	if len(sections) > 0 {
		res.Sections = make([]Group, 0, len(sections))
	}
	res.Grid = make([][]Group, 0, np)
	for i := range pillars {
		res.Pillars = append(res.Pillars, pillars[i].finish(fs))
	}
	for i := range hazards {
		res.Hazards = append(res.Hazards, hazards[i].finish(fs))
	}
	for i := range sections {
		res.Sections = append(res.Sections, sections[i].finish(fs))
	}
	for i := range np {
		out := make([]Group, 0, nh)
		for j := range nh {
			out = append(out, grid[i*nh+j].finish(fs))
		}
		res.Grid = append(res.Grid, out)
	}
	res.Activities = rank(res.Questions)
	res.figures()
	return res
}

// question scores one question into r, which is zero (an element of a fresh slice): setting
// its fields one by one spares copying a whole Question over it, which the collector's write
// barrier made a good part of scoring.
func question(r *Question, qq *questionnaire.Question, a *answers.Answer, shown bool, opts Options, q *questionnaire.Questionnaire, fs *slab) {
	r.Q, r.ID, r.Section, r.Pillar, r.Hazards = qq, qq.ID, qq.Section.ID, qq.Section.Pillar, qq.Hazards
	r.Weight, r.Critical, r.Activities = qq.Weight, qq.Critical, []string{}
	switch {
	case !qq.Type.Scored():
		r.Status = Unscored
		return
	case !shown:
		r.Status = Skipped
		return
	case a == nil:
		r.Status = Unanswered
		return
	case a.NA:
		r.Status = NA
		return
	case a.Unknown:
		r.Status = Unknown
	case a.HasValue():
		r.Status = Answered
	default:
		r.Status = Unanswered
		return
	}

	var level *int
	if r.Status == Answered && qq.Type == questionnaire.TypeScale {
		if lv, ok := a.Value.(int); ok {
			level = fs.intPtr(lv)
		}
	}
	r.Level = level
	target := targetOf(qq, level, opts.Target)
	if qq.Type == questionnaire.TypeScale {
		r.TargetLv = fs.intPtr(target.level)
	}
	r.Target = fs.ptr(target.score)

	if r.Status == Unknown {
		// An information gap: the whole target is missing, and only an assessment can close it.
		r.Gap = fs.ptr(target.score)
		r.Priority = r.Weight * target.score
		if target.score > 0 {
			r.Activities = fs.strings("needs-assessment")
		}
		return
	}
	s, ok := ValueScore(qq, a.Value)
	if !ok {
		// A value the question cannot score (left by an older questionnaire): not an answer.
		r.Status, r.Target, r.TargetLv, r.Level = Unanswered, nil, nil, nil
		return
	}
	r.Score = fs.ptr(s)
	if level != nil && onFivePoints(qq.Scale) {
		r.sparLevel = *level
	}
	gap := math.Max(0, target.score-s)
	r.Gap = fs.ptr(gap)
	r.Priority = r.Weight * gap
	if gap > 0 {
		r.Activities = activitiesFor(qq, level, q, fs)
	}
	return
}

type targetValue struct {
	level int
	score float64
}

// targetOf is the question's target on 0..100: for scale questions the target level's score
// (after --target), for other scored questions full marks.
func targetOf(qq *questionnaire.Question, level *int, t Target) targetValue {
	if qq.Type != questionnaire.TypeScale {
		return targetValue{score: 100}
	}
	sc := qq.Scale
	lv := qq.Target
	switch {
	case t.Next && level != nil:
		lv = nextLevel(sc, *level)
	case t.Level != 0:
		lv = levelAtMost(sc, t.Level)
	}
	l, _ := sc.Level(lv)
	return targetValue{level: lv, score: l.Score * 100}
}

// nextLevel is the level just above current on the scale, or the top when already there.
func nextLevel(sc *questionnaire.ScaleDef, current int) int {
	for _, l := range sc.Levels {
		if l.Level > current {
			return l.Level
		}
	}
	return sc.Max()
}

// levelAtMost is the highest level not above n (capped at the top), or the lowest when n is
// below every level.
func levelAtMost(sc *questionnaire.ScaleDef, n int) int {
	best := sc.Min()
	for _, l := range sc.Levels {
		if l.Level <= n {
			best = l.Level
		}
	}
	return best
}

// ValueScore is the score on 0..100 of a normalised value of a scored question; false when the
// question cannot score it.
func ValueScore(qq *questionnaire.Question, v any) (float64, bool) {
	switch qq.Type {
	case questionnaire.TypeScale:
		lv, ok := v.(int)
		if !ok {
			return 0, false
		}
		l, ok := qq.Scale.Level(lv)
		if !ok {
			return 0, false
		}
		return l.Score * 100, true
	case questionnaire.TypeYesNo:
		b, ok := v.(bool)
		if !ok {
			return 0, false
		}
		if b {
			return 100, true
		}
		return 0, true
	case questionnaire.TypeChoice:
		id, ok := v.(string)
		if !ok {
			return 0, false
		}
		c, ok := qq.Choice(id)
		if !ok {
			return 0, false
		}
		return c.Score * 100, true
	case questionnaire.TypeMulti:
		ids, ok := v.([]string)
		if !ok {
			return 0, false
		}
		sum := 0.0
		for _, id := range ids {
			c, ok := qq.Choice(id)
			if !ok {
				return 0, false
			}
			sum += c.Score
		}
		// Choice scores are short decimals, whose float64 sum can miss by an ulp (0.6 + 0.3 + 0.1
		// gives 0.9999999999999999): rounding to 12 places gives back the decimal sum, so that
		// choices adding up to 1 score full marks and leave no phantom gap.
		sum = math.Round(sum*1e12) / 1e12
		return math.Min(1, sum) * 100, true
	}
	return 0, false
}

// activitiesFor maps a gap to activity types: the question's own list; else its own map's entry
// for its current level; else the questionnaire's ladder entry for that level. A question left
// with none (a non-scale question without a list, or a level missing from both maps) gets a
// needs assessment, so that no gap goes unaddressed.
// The list is a copy, taken from the result's slab.
func activitiesFor(qq *questionnaire.Question, level *int, q *questionnaire.Questionnaire, fs *slab) []string {
	if len(qq.Activities) > 0 {
		return fs.strings(qq.Activities...)
	}
	if qq.Type == questionnaire.TypeScale && level != nil {
		if acts := qq.ActivitiesByLevel[*level]; len(acts) > 0 {
			return fs.strings(acts...)
		}
		if acts := q.Ladder[*level]; len(acts) > 0 {
			return fs.strings(acts...)
		}
	}
	return fs.strings("needs-assessment")
}

func rank(qs []Question) []Activity {
	// Activities in the order their first gap comes, with their number of gaps and their
	// priority; a questionnaire has a few dozen activity types, found by a look along them.
	var out []Activity
	var counts []int
	find := func(id string) int {
		for k := range out {
			if out[k].ID == id {
				return k
			}
		}
		return -1
	}
	total := 0
	for i := range qs {
		r := &qs[i]
		for _, id := range r.Activities {
			k := find(id)
			if k < 0 {
				k = len(out)
				out = append(out, Activity{ID: id})
				counts = append(counts, 0)
			}
			out[k].Priority += r.Priority
			counts[k]++
			total++
		}
	}
	// Their gaps, in file order, in one block cut per activity; then ordered.
	members := make([]*Question, total)
	ids := make([]string, total)
	start := make([]int, len(out))
	for k, at := 0, 0; k < len(out); k++ {
		start[k] = at
		at += counts[k]
	}
	fill := slices.Clone(start)
	for i := range qs {
		r := &qs[i]
		for _, id := range r.Activities {
			k := find(id)
			members[fill[k]] = r
			fill[k]++
		}
	}
	for k := range out {
		m := members[start[k] : start[k]+counts[k]]
		sortGaps(m)
		q := ids[start[k] : start[k]+counts[k] : start[k]+counts[k]]
		for i, r := range m {
			q[i] = r.ID
		}
		out[k].Questions = q
	}
	slices.SortStableFunc(out, func(a, b Activity) int {
		switch {
		case PriorityAbove(a.Priority, b.Priority):
			return -1
		case PriorityAbove(b.Priority, a.Priority):
			return 1
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

// Gaps returns the questions with a gap (gap > 0), critical first, then by priority, ties in
// file order: the order in which an activity lists its gaps.
func (r *Result) Gaps() []*Question {
	var out []*Question
	for i := range r.Questions {
		if g := r.Questions[i].Gap; g != nil && *g > 0 {
			out = append(out, &r.Questions[i])
		}
	}
	sortGaps(out)
	return out
}

// sortGaps orders questions given in file order: critical first, then by priority; a stable
// sort keeps file order for ties.
func sortGaps(m []*Question) { SortBefore(m, GapBefore) }

// SortBefore sorts s stably by a strict order, before(x, y) telling that x comes first (the
// gaps critical first then by priority, the plan's objectives and agencies by priority).
//
// slices.SortStableFunc runs the very algorithm of sort.SliceStable and asks only whether
// cmp(a, b) < 0, that is before(a, b): the order is the same, without reflection.
func SortBefore[T any](s []T, before func(x, y T) bool) {
	slices.SortStableFunc(s, func(x, y T) int {
		switch {
		case before(x, y):
			return -1
		case before(y, x):
			return 1
		}
		return 0
	})
}

// GapBefore is the order of gaps everywhere they are listed: critical first, then by priority
// (ignoring rounding noise); a stable sort keeps file order for ties.
func GapBefore(a, b *Question) bool {
	if a.Critical != b.Critical {
		return a.Critical
	}
	return PriorityAbove(a.Priority, b.Priority)
}

// PriorityAbove reports whether priority a ranks above b. Priorities that differ only by
// floating-point rounding (45 and 44.99999999999999, from a choice scored 0.55) are equal, so
// that ties fall to the tie rule (id or file order) as DESIGN §5 says, not to rounding noise.
func PriorityAbove(a, b float64) bool {
	return a-b > 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// acc accumulates a group's sums over its questions, in file order.
type acc struct {
	group Group
	// over answered: Σw, Σws, Σwt, Σw·gap
	w, ws, wt, wg float64
	// over answered + unknown (unknown scoring 0): Σw, Σws
	cw, cws float64
	// over answered questions on a 1..5 scale: how many, and the sum of their levels
	levels, levelSum int
}

func (x *acc) add(r *Question) {
	g := &x.group
	switch r.Status {
	case Answered:
		g.Answered++
		x.w += r.Weight
		x.ws += r.Weight * *r.Score
		x.wt += r.Weight * *r.Target
		x.wg += r.Weight * *r.Gap
		x.cw += r.Weight
		x.cws += r.Weight * *r.Score
		if r.sparLevel > 0 {
			x.levels++
			x.levelSum += r.sparLevel
		}
	case Unknown:
		g.Unknown++
		x.cw += r.Weight
	case NA:
		g.NA++
	case Unanswered:
		g.Unanswered++
	case Skipped:
		g.Skipped++
	}
}

func (x *acc) finish(fs *slab) Group {
	g := x.group
	if x.w > 0 {
		g.Score = fs.ptr(x.ws / x.w)
		g.Target = fs.ptr(x.wt / x.w)
		g.Gap = fs.ptr(x.wg / x.w)
	}
	if x.cw > 0 {
		g.Conservative = fs.ptr(x.cws / x.cw)
	}
	if d := g.Answered + g.Unknown + g.Unanswered; d > 0 {
		g.Completeness = fs.ptr(float64(g.Answered) / float64(d))
	}
	if x.levels > 0 {
		mean := float64(x.levelSum) / float64(x.levels)
		g.MeanLevel, g.SPAREquivalent = fs.ptr(mean), fs.ptr(20*mean)
	}
	return g
}

// onFivePoints reports whether a scale has exactly the levels 1 to 5, as the JEE and SPAR
// capacity scales do: only on such a scale does a SPAR-equivalent percentage mean anything.
func onFivePoints(sc *questionnaire.ScaleDef) bool {
	if sc == nil || len(sc.Levels) != 5 {
		return false
	}
	for i, l := range sc.Levels {
		if l.Level != i+1 {
			return false
		}
	}
	return true
}

// slab hands out pointers to figures and levels, and copies of lists of activities, from
// blocks of a few dozen, for the hundreds of them in a result.
type slab struct {
	floats []float64
	ints   []int
	strs   []string
}

func (s *slab) ptr(x float64) *float64 { return grab(&s.floats, x) }

func (s *slab) intPtr(x int) *int { return grab(&s.ints, x) }

// grab puts x in the block b and returns where it is; a full block is left to the values that
// point into it, and a new one started.
func grab[T any](b *[]T, x T) *T {
	if len(*b) == cap(*b) {
		*b = make([]T, 0, 128)
	}
	*b = append(*b, x)
	return &(*b)[len(*b)-1]
}

// strings copies list into the block; the copy's capacity ends with it, so that appending to
// one list never writes over the next.
func (s *slab) strings(list ...string) []string {
	if len(s.strs)+len(list) > cap(s.strs) {
		s.strs = make([]string, 0, max(256, len(list)))
	}
	at := len(s.strs)
	s.strs = append(s.strs, list...)
	return s.strs[at:len(s.strs):len(s.strs)]
}

// indexOf is the index of id in ids; 0 when it is not there (the loader allows no other).
func indexOf(ids []string, id string) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return 0
}
