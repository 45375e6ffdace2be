// Package consensus compares several participants' answers to one questionnaire, question by
// question, and merges them into one answers file: the workshop's shared starting point. It is
// pure: no I/O, no clock; the same inputs give the same result.
package consensus

import (
	"cmp"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// DisputedLevels is how many levels apart answers to a scale question must be to be disputed.
const DisputedLevels = 2

// Participant is one answers file taking part: a person or an agency.
type Participant struct {
	Name string // the respondent's name, else the file's name; unique within a Result
	File *answers.File
}

// Response is one participant's answer to a question.
type Response struct {
	Participant int // index in Result.Participants
	Answer      *answers.Answer
}

// Rule says how a merged answer was reached.
type Rule string

// The rules.
const (
	Unanimous    Rule = "unanimous"    // every value given is the same (and, on scale questions, no N/A)
	Median       Rule = "median"       // scale values differ: their median, rounded down
	Disagreement Rule = "disagreement" // non-scale values differ: recorded as don't know
	AllNA        Rule = "na"           // no value, everyone said not applicable
	NoValue      Rule = "unknown"      // no value: don't know, or N/A mixed with don't know
)

// Resolution is the answer a workshop agreed on for a question, and why.
type Resolution struct {
	Answer answers.Answer // exactly one of Value, NA, Unknown
	Reason string
	At     time.Time
}

// Item is one question that at least one participant answered.
type Item struct {
	Question  *questionnaire.Question
	Responses []Response // in participant order; participants who did not answer are absent

	Values  int // responses giving a value
	NA      int
	Unknown int

	// Spread is, for a scale question with at least one level given, how many levels lie between
	// the lowest and the highest; nil otherwise.
	Spread *int
	// Distinct is the number of different answers given, counting N/A as one answer and leaving
	// "don't know" out: 1 or less means everyone who took a position agrees.
	Distinct int
	// ScoreSpread is the distance between the lowest and the highest score given (0..100), for
	// scored questions; it orders disputes across question types.
	ScoreSpread float64
	// Disputed: on a scale question, levels DisputedLevels or more apart, or N/A beside levels;
	// on any other question, any difference between the answers given.
	Disputed bool

	Rule       Rule            // how Proposal was merged
	Proposal   *answers.Answer // the answer merged by the rules
	Resolution *Resolution     // the workshop's agreed answer, once settled
}

// Merged is the item's answer in the merged file: the agreed one once settled, else the proposal.
func (it *Item) Merged() *answers.Answer {
	if it.Resolution != nil {
		a := it.Resolution.Answer
		a.Value = clone(a.Value)
		a.At = it.Resolution.At
		return &a
	}
	return it.Proposal
}

// Result is the comparison of several participants' answers.
type Result struct {
	Questionnaire *questionnaire.Questionnaire
	Participants  []Participant
	// Items holds every question answered by someone, most disputed first: disputed before the
	// rest, then by ScoreSpread, then by Distinct, ties in questionnaire order.
	Items []*Item

	// Answers of an earlier merged file to questions no participant answered (see Carry).
	kept      map[string]*answers.Answer
	keptOrder []string
}

// Disputed counts the disputed items.
func (r *Result) Disputed() int {
	n := 0
	for _, it := range r.Items {
		if it.Disputed {
			n++
		}
	}
	return n
}

// Compute compares the answers files, which must all have been checked against q
// (answers.(*File).Check) so that their values are normalised.
func Compute(q *questionnaire.Questionnaire, files []*answers.File) *Result {
	res := &Result{Questionnaire: q, Participants: participants(files)}
	for _, qq := range q.Questions {
		it := &Item{Question: qq}
		for i, f := range files {
			if a := f.Get(qq.ID); a != nil && (a.NA || a.Unknown || a.Value != nil) {
				it.Responses = append(it.Responses, Response{Participant: i, Answer: a})
			}
		}
		if len(it.Responses) == 0 {
			continue
		}
		measure(it)
		it.Rule, it.Proposal = merge(it)
		res.Items = append(res.Items, it)
	}
	slices.SortStableFunc(res.Items, func(a, b *Item) int {
		if a.Disputed != b.Disputed {
			if a.Disputed {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(b.ScoreSpread, a.ScoreSpread); c != 0 {
			return c
		}
		return cmp.Compare(b.Distinct, a.Distinct)
	})
	return res
}

// participants names each file by its respondent's name, else its file name, and tells apart
// files that would share a name by adding the file's name, then its path.
func participants(files []*answers.File) []Participant {
	ps := make([]Participant, len(files))
	base := make([]string, len(files))
	for i, f := range files {
		base[i] = strings.TrimSpace(f.Respondent.Name)
		if textfmt.Visible(base[i]) == "" {
			base[i] = filepath.Base(f.Path)
		}
		ps[i] = Participant{Name: base[i], File: f}
	}
	for _, extra := range []func(f *answers.File) string{
		func(f *answers.File) string { return filepath.Base(f.Path) },
		func(f *answers.File) string { return f.Path },
	} {
		// Names are compared as a reader sees them: "Ada" and "Ad\u200ba" are one name.
		count := map[string]int{}
		for _, p := range ps {
			count[textfmt.Visible(p.Name)]++
		}
		for i := range ps {
			if count[textfmt.Visible(ps[i].Name)] > 1 && base[i] != extra(ps[i].File) {
				ps[i].Name = base[i] + " (" + extra(ps[i].File) + ")"
			}
		}
	}
	return ps
}

// measure fills the counts, the spread, the distinct answers and whether the item is disputed.
func measure(it *Item) {
	qq := it.Question
	seen := map[string]bool{}
	var lo, hi int
	var slo, shi float64
	scored := 0
	for _, r := range it.Responses {
		a := r.Answer
		switch {
		case a.NA:
			it.NA++
			seen["\x00na"] = true
			continue
		case a.Unknown:
			it.Unknown++
			continue
		}
		it.Values++
		seen[Key(qq, a.Value)] = true
		if lv, ok := a.Value.(int); ok && qq.Type == questionnaire.TypeScale {
			if it.Values == 1 || lv < lo {
				lo = lv
			}
			if it.Values == 1 || lv > hi {
				hi = lv
			}
		}
		if s, ok := score.ValueScore(qq, a.Value); ok {
			if scored == 0 || s < slo {
				slo = s
			}
			if scored == 0 || s > shi {
				shi = s
			}
			scored++
		}
	}
	it.Distinct = len(seen)
	if qq.Type == questionnaire.TypeScale && it.Values > 0 {
		spread := hi - lo
		it.Spread = &spread
	}
	if scored > 0 {
		it.ScoreSpread = shi - slo
	}
	if qq.Type == questionnaire.TypeScale {
		it.Disputed = (it.Spread != nil && *it.Spread >= DisputedLevels) || (it.NA > 0 && it.Values > 0)
	} else {
		it.Disputed = it.Distinct >= 2
	}
}

// merge is the merged answer of an item by the rules: the median level rounded down (the
// conservative choice) on scale questions; the answer when unanimous on others, else don't know.
// N/A and don't know are left out of the median and of unanimity; with no value at all, N/A
// when everyone said so, else don't know.
func merge(it *Item) (Rule, *answers.Answer) {
	qq := it.Question
	var values []any
	for _, r := range it.Responses {
		if r.Answer.HasValue() {
			values = append(values, r.Answer.Value)
		}
	}
	switch {
	case len(values) == 0 && it.Unknown == 0 && qq.NAAllowed:
		return AllNA, &answers.Answer{NA: true, Confidence: weakestConfidence(it, func(a *answers.Answer) bool { return a.NA })}
	case len(values) == 0:
		return NoValue, &answers.Answer{Unknown: true}
	}
	counted := func(a *answers.Answer) bool { return a.HasValue() }
	if qq.Type == questionnaire.TypeScale {
		levels := make([]int, 0, len(values))
		for _, v := range values {
			if lv, ok := v.(int); ok {
				levels = append(levels, lv)
			}
		}
		if len(levels) == len(values) {
			slices.Sort(levels)
			// The lower middle for an even count: (n-1)/2 is the middle for odd n and the lower
			// of the two middles for even n.
			median := levels[(len(levels)-1)/2]
			rule := Median
			if levels[0] == levels[len(levels)-1] && it.NA == 0 {
				rule = Unanimous
			}
			return rule, &answers.Answer{Value: median, Confidence: weakestConfidence(it, counted)}
		}
	}
	first := Key(qq, values[0])
	for _, v := range values[1:] {
		if Key(qq, v) != first {
			return Disagreement, &answers.Answer{Unknown: true}
		}
	}
	return Unanimous, &answers.Answer{Value: clone(values[0]), Confidence: weakestConfidence(it, counted)}
}

// confidenceRank orders confidences from the weakest.
func confidenceRank(c string) int {
	switch c {
	case "assumed":
		return 1
	case "judgement":
		return 2
	}
	return 3
}

// weakestConfidence is the weakest confidence of the responses that count, when every one of
// them states one; else "" (a merged answer is no surer than its least sure part).
func weakestConfidence(it *Item, counts func(*answers.Answer) bool) string {
	best := ""
	for _, r := range it.Responses {
		c := r.Answer.Confidence
		if !counts(r.Answer) {
			continue
		}
		if c == "" {
			return ""
		}
		if best == "" || confidenceRank(c) < confidenceRank(best) {
			best = c
		}
	}
	return best
}

func clone(v any) any {
	if list, ok := v.([]string); ok {
		return slices.Clone(list)
	}
	return v
}

// Key is the canonical form of a value for comparing answers: a multi answer's choices in the
// question's order (an empty list as the question's own "none" choice when it has one), every
// other value in its canonical string form.
func Key(qq *questionnaire.Question, v any) string {
	if list, ok := v.([]string); ok {
		// In the questionnaire's order, "none of these" and no choice at all as the same.
		return "[" + strings.Join(words.ChosenIDs(qq, list), ",") + "]"
	}
	return questionnaire.Canonical(v)
}

// Resolve records the answer the workshop agreed on for item i and the reason. The answer must
// hold exactly one of a value (normalised to the question's type), N/A (when allowed) or
// don't know.
func (r *Result) Resolve(i int, agreed answers.Answer, reason string, at time.Time) {
	a := answers.Answer{Value: clone(agreed.Value), NA: agreed.NA, Unknown: agreed.Unknown}
	r.Items[i].Resolution = &Resolution{Answer: a, Reason: strings.TrimSpace(reason), At: at.UTC().Truncate(time.Second)}
}
