package consensus

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// noteWords are the words of the notes written into a merged answers file.
type noteWords struct {
	t               words.Words // the answers, as words.ShortAnswer writes them
	rules           map[Rule]string
	agreed, answers string
	respondent      string // with the number of participants
	colon           string // ": ", or "\u00a0: " in French
}

func wordsFor(lang string) noteWords {
	t := words.For(lang)
	k := func(key string) string { return t.Format("consensus.note." + key) }
	w := noteWords{t: t,
		agreed: k("agreed"), answers: k("answers"), respondent: k("respondent"), colon: k("colon"),
		rules: map[Rule]string{}}
	for _, r := range []Rule{Unanimous, Median, Disagreement, AllNA, NoValue} {
		w.rules[r] = k("rule." + string(r))
	}
	return w
}

// File is the merged answers file: one answer per item in questionnaire order, each with a note
// recording who answered what and how the answer was reached. lang is the file's language and
// that of the notes; now stamps the file.
func (r *Result) File(lang string, now time.Time) *answers.File {
	q := r.Questionnaire
	f := answers.New(q, now)
	f.Language = lang
	w := wordsFor(lang)
	f.Respondent = answers.Respondent{
		Name:         fmt.Sprintf(w.respondent, len(r.Participants)),
		Organisation: r.common(func(x answers.Respondent) string { return x.Organisation }),
		Country:      r.common(func(x answers.Respondent) string { return x.Country }),
	}
	byID := map[string]*Item{}
	for _, it := range r.Items {
		byID[it.Question.ID] = it
	}
	for _, qq := range q.Questions {
		if it, ok := byID[qq.ID]; ok {
			a := *it.Merged()
			a.Note = r.Note(it, lang)
			if res := it.Resolution; res != nil {
				a.Agreed = &answers.Agreement{Reason: res.Reason, At: res.At}
			}
			f.Set(qq.ID, &a)
		} else if a, ok := r.kept[qq.ID]; ok {
			f.Set(qq.ID, a)
		}
	}
	// Answers the merged file held to questions this version of the questionnaire lacks.
	for _, id := range r.keptOrder {
		if _, ok := f.Answers[id]; !ok {
			f.Set(id, r.kept[id])
		}
	}
	return f
}

// common is a respondent field on which every participant who filled it in agrees, or "".
func (r *Result) common(field func(answers.Respondent) string) string {
	v := ""
	for _, p := range r.Participants {
		x := strings.TrimSpace(field(p.File.Respondent))
		switch {
		case x == "":
		case v == "":
			v = x
		case x != v:
			return ""
		}
	}
	return v
}

// Note is the merged answer's note: the agreed reason when settled, then each participant's
// answer with their own note, then the rule that merged them.
func (r *Result) Note(it *Item, lang string) string {
	w := wordsFor(lang)
	parts := make([]string, len(it.Responses))
	for i, resp := range it.Responses {
		s := r.Participants[resp.Participant].Name + ": " + w.t.ShortAnswer(it.Question, resp.Answer)
		if n := strings.TrimSpace(resp.Answer.Note); n != "" {
			s += " (" + strconv.Quote(n) + ")"
		}
		parts[i] = s
	}
	answered := strings.Join(parts, "; ")
	if it.Resolution != nil {
		// For people only: the decision itself is the answer's `agreed` field.
		return w.agreed + w.colon + strconv.Quote(it.Resolution.Reason) + ". " + w.answers + w.colon + answered + "."
	}
	return answered + ". " + textfmt.Capitalise(w.rules[it.Rule]) + "."
}

// Carried is what writing over an earlier merged file kept of it and replaced in it.
type Carried struct {
	Agreements int           // answers settled in an earlier session, kept as agreed
	Kept       []string      // question ids answered only in the merged file (by cbrn assess, say), kept
	Replaced   []Replacement // answers of the merged file that the participants' files now decide otherwise
}

// Replacement is an answer of the merged file replaced by the participants' merged one.
type Replacement struct {
	ID       string
	Old, New string // as words.ShortAnswer writes them
}

// Carry folds an earlier merged file (checked against r.Questionnaire) into r before it is
// written over: an answer with `agreed` stays settled, whatever the participants say now; an
// answer to a question no participant answered stays as it is; any other answer gives way to
// the participants' merged one, and Carried lists those it replaced with another answer.
func (r *Result) Carry(prev *answers.File, lang string) Carried {
	var c Carried
	t := words.For(lang)
	byID := make(map[string]int, len(r.Items))
	for i, it := range r.Items {
		byID[it.Question.ID] = i
	}
	for _, id := range prev.Order {
		a := prev.Answers[id]
		if a == nil {
			continue
		}
		i, ok := byID[id]
		switch {
		case ok && a.Agreed != nil:
			r.Resolve(i, *a, a.Agreed.Reason, a.Agreed.At)
			c.Agreements++
		case ok:
			it := r.Items[i]
			old, now := t.ShortAnswer(it.Question, a), t.ShortAnswer(it.Question, it.Merged())
			if old != now {
				c.Replaced = append(c.Replaced, Replacement{ID: id, Old: old, New: now})
			}
		default:
			if r.kept == nil {
				r.kept = map[string]*answers.Answer{}
			}
			kept := *a
			r.kept[id] = &kept
			r.keptOrder = append(r.keptOrder, id)
			c.Kept = append(c.Kept, id)
		}
	}
	return c
}
