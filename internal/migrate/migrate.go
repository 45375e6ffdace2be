// Package migrate moves answers given to one version of a questionnaire to a later version,
// following the `migrations` of the versions in between (DESIGN §3). It is pure: questionnaires
// and answers in, the migrated answers and an account of every answer out.
//
// A question with the same id carries its answer over when the answer is still valid there; a
// renamed one carries it under its new id; a removed one drops it. A reworded question, or one
// whose answer is no longer valid (a choice that is gone, a level outside the new scale), is
// left to answer again: its old answer goes into its note ("Answer under 1.0.0: 3 Established").
package migrate

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/semver"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// Chain finds the versions answers to version from go through to reach target: the
// questionnaires from the one of version from to target, each next one holding a migration from
// the one before. known returns the questionnaire of a version, or nil. The chain with the
// fewest steps wins (a direct migration beats a path through other versions).
func Chain(from string, target *questionnaire.Questionnaire, known func(version string) *questionnaire.Questionnaire) ([]*questionnaire.Questionnaire, error) {
	switch c := semver.Compare(from, target.Version); {
	case from == target.Version:
		return nil, fmt.Errorf("the answers are already for %s %s", target.ID, target.Version)
	case c > 0:
		return nil, fmt.Errorf("the answers are for %s %s, which is newer than %s", target.ID, from, target.Version)
	}
	// Breadth first, from the target back towards from: next[v] is the version v migrates to.
	next := map[string]*questionnaire.Questionnaire{target.Version: nil}
	queue := []*questionnaire.Questionnaire{target}
	for len(queue) > 0 {
		q := queue[0]
		queue = queue[1:]
		for _, m := range q.Migrations {
			if _, seen := next[m.From]; seen {
				continue
			}
			if m.From == from {
				start := known(from)
				if start == nil {
					return nil, fmt.Errorf("questionnaire %s %s, which the answers name, is not available", target.ID, from)
				}
				chain := []*questionnaire.Questionnaire{start}
				for x := q; x != nil; x = next[x.Version] {
					chain = append(chain, x)
				}
				return chain, nil
			}
			// Only versions between from and the target can lead from one to the other.
			if semver.Compare(m.From, from) <= 0 {
				continue
			}
			if prev := known(m.From); prev != nil && prev.ID == target.ID && prev.Version == m.From {
				next[m.From] = q
				queue = append(queue, prev)
			}
		}
	}
	var froms []string
	for _, m := range target.Migrations {
		froms = append(froms, m.From)
	}
	if len(froms) == 0 {
		return nil, fmt.Errorf("%s %s says nothing of how answers to earlier versions carry over (it has no migrations), so answers to %s cannot be moved to it", target.ID, target.Version, from)
	}
	return nil, fmt.Errorf("no migration path from %s %s to %s: %s migrates from %s only", target.ID, from, target.Version, target.Version, strings.Join(froms, ", "))
}

// Kind says what became of an answer.
type Kind string

// The kinds of outcome.
const (
	Carried  Kind = "carried"  // same id, still valid
	Renamed  Kind = "renamed"  // carried under a new id
	Removed  Kind = "removed"  // the question was removed: the answer is dropped
	Gone     Kind = "gone"     // the new version has no such question and no migration says why: dropped
	Reworded Kind = "reworded" // the meaning changed: the old answer is in the note, to answer again
	Invalid  Kind = "invalid"  // the answer is no longer valid: in the note, to answer again
	Pending  Kind = "pending"  // it held only a note already (still to answer): kept so
)

// Item is what became of one answer.
type Item struct {
	Kind    Kind
	From    string                  // the question id the answer was given under
	To      string                  // its id in the new version; "" when dropped
	Old     *questionnaire.Question // the question it answered (nil when the old version lacks it)
	New     *questionnaire.Question // the question it now answers (nil when dropped)
	Answer  string                  // the old answer as people read it (for what is not carried)
	Reason  string                  // why it was not carried, in words, for people
	Version string                  // the version where the change happened
}

// Result is a migration: the new answers file and what became of every answer.
type Result struct {
	File  *answers.File
	Path  []string // the versions gone through, from the answers' to the target
	Items []Item   // one per answer, in the order of the answers file
	// New lists the questions of the target that no earlier answer could reach: new questions.
	New []*questionnaire.Question
}

// Of lists the items of the given kinds, in order.
func (r *Result) Of(kinds ...Kind) []Item {
	var out []Item
	for _, it := range r.Items {
		if slices.Contains(kinds, it.Kind) {
			out = append(out, it)
		}
	}
	return out
}

// Run moves f, checked against chain[0], along chain (see Chain). The new file keeps the
// respondent, language, created time, notes, confidences and agreements of every answer it
// carries; it names the last questionnaire of the chain, and was updated at now. lang is the
// language of the notes it writes. f is not changed.
func Run(f *answers.File, chain []*questionnaire.Questionnaire, lang string, now time.Time) *Result {
	target := chain[len(chain)-1]
	out := &answers.File{
		Questionnaire: answers.Ref{ID: target.ID, Version: target.Version, Digest: target.Digest},
		Respondent:    f.Respondent,
		Language:      f.Language,
		Created:       f.Created,
		Updated:       now.UTC().Truncate(time.Second),
		Answers:       map[string]*answers.Answer{},
	}
	res := &Result{File: out}
	for _, q := range chain {
		res.Path = append(res.Path, q.Version)
	}
	w := wordsFor(lang)
	for _, id := range f.Order {
		a := f.Answers[id]
		if a == nil {
			continue
		}
		it, moved := follow(id, a, chain, lang, w)
		res.Items = append(res.Items, it)
		if moved == nil {
			continue
		}
		if _, taken := out.Answers[it.To]; taken {
			// Two old answers reach one question (a file answering both an old and a new id):
			// the first in the file stays, the other is dropped and said so.
			it.Kind, it.To, it.New, it.Reason = Gone, "", nil, fmt.Sprintf(w.taken, it.To)
			res.Items[len(res.Items)-1] = it
			continue
		}
		out.Set(it.To, moved)
	}
	// New questions: those of the target that no question of the first version leads to.
	reached := map[string]bool{}
	for _, x := range chain[0].Questions {
		if id, ok := followID(x.ID, chain); ok {
			reached[id] = true
		}
	}
	for _, x := range target.Questions {
		if !reached[x.ID] {
			res.New = append(res.New, x)
		}
	}
	return res
}

// followID is the id a question of the first version has in the last, if it still has one.
func followID(id string, chain []*questionnaire.Questionnaire) (string, bool) {
	for _, q := range chain[1:] {
		m := migrationFrom(q, chain)
		if slices.Contains(m.Removed, id) {
			return "", false
		}
		if to, ok := m.Renamed[id]; ok {
			id = to
		}
		if _, ok := q.Question(id); !ok {
			return "", false
		}
	}
	return id, true
}

// migrationFrom is q's migration from the version before it in the chain.
func migrationFrom(q *questionnaire.Questionnaire, chain []*questionnaire.Questionnaire) questionnaire.Migration {
	i := slices.Index(chain, q)
	for _, m := range q.Migrations {
		if m.From == chain[i-1].Version {
			return m
		}
	}
	return questionnaire.Migration{From: chain[i-1].Version}
}

// follow moves one answer along the chain: what became of it, and the answer to write (nil
// when dropped).
func follow(id string, a *answers.Answer, chain []*questionnaire.Questionnaire, lang string, w texts) (Item, *answers.Answer) {
	it := Item{Kind: Carried, From: id, To: id}
	it.Old, _ = chain[0].Question(id)
	switch {
	case !a.Given():
		it.Kind = Pending
	case it.Old != nil:
		it.Answer = w.t.Answer(it.Old, a, lang)
	default:
		it.Answer = questionnaire.Canonical(a.Value)
	}
	cur := id
	for _, q := range chain[1:] {
		m := migrationFrom(q, chain)
		if slices.Contains(m.Removed, cur) {
			it.Kind, it.To, it.Version, it.Reason = Removed, "", q.Version, fmt.Sprintf(w.removed, q.Version)
			return it, nil
		}
		if to, ok := m.Renamed[cur]; ok {
			cur = to
			if it.Kind == Carried {
				it.Kind = Renamed
			}
		}
		x, ok := q.Question(cur)
		if !ok {
			it.Kind, it.To, it.Version, it.Reason = Gone, "", q.Version, fmt.Sprintf(w.gone, q.Version)
			return it, nil
		}
		it.To, it.New = cur, x
		if it.Kind == Reworded || it.Kind == Invalid || it.Kind == Pending {
			continue // already to answer again: the note says what the answer was
		}
		if slices.Contains(m.Reworded, cur) {
			it.Kind, it.Version, it.Reason = Reworded, q.Version, fmt.Sprintf(w.reworded, q.Version)
			continue
		}
		if why := invalid(x, a); why != "" {
			it.Kind, it.Version, it.Reason = Invalid, q.Version, why
		}
	}
	switch it.Kind {
	case Reworded, Invalid:
		// Asked again: the old answer, as people read it, goes into the note.
		note := fmt.Sprintf(w.note, chain[0].Version, it.Answer)
		if a.Note != "" {
			note += " — " + a.Note
		}
		return it, &answers.Answer{Note: note}
	}
	moved := *a
	moved.Line, moved.Col = 0, 0
	if a.Given() {
		// The value was checked against the first version; check it again against the last.
		moved.Value, _ = answers.Normalise(it.New, a.Value, questionnaire.Canonical(a.Value))
	}
	return it, &moved
}

// invalid says why answer a cannot answer question x as it is, or "".
func invalid(x *questionnaire.Question, a *answers.Answer) string {
	switch {
	case a.NA && !x.NAAllowed:
		return fmt.Sprintf("question %s no longer allows N/A", x.ID)
	case !a.HasValue():
		return ""
	}
	if _, msg := answers.Normalise(x, a.Value, questionnaire.Canonical(a.Value)); msg != "" {
		return msg
	}
	return ""
}

// texts are the words migrate writes into files and reasons.
type texts struct {
	t                                    words.Words // the old answers, as people read them
	note, removed, gone, reworded, taken string
}

func wordsFor(lang string) texts {
	t := words.For(lang)
	k := func(key string) string { return t.Format("migrate." + key) }
	return texts{t: t, note: k("note"), removed: k("removed"), gone: k("gone"), reworded: k("reworded"), taken: k("taken")}
}
