package answers

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// Check checks the answers against their questionnaire and normalises every value to its
// question's type (see Answer). Problems that make an answer unusable are errors; answers to
// questions the questionnaire does not have, a changed questionnaire and an undeclared language
// are warnings: such answers are kept in the file and left out of scoring.
func (f *File) Check(q *questionnaire.Questionnaire) (warnings []diag.Problem, err error) {
	l := &diag.List{Path: f.Path}
	w := &diag.List{Path: f.Path}
	if f.Questionnaire.ID != q.ID {
		l.AtPos(f.refLine, f.refCol, "these answers are for questionnaire %q, not %q", f.Questionnaire.ID, q.ID)
		return nil, l.Err()
	}
	if f.Questionnaire.Digest != "" && f.Questionnaire.Digest != q.Digest {
		w.AtPos(f.refLine, f.refCol, "the questionnaire %s has changed since these answers were given (version %s, now %s); answers are matched by question id",
			q.ID, orUnknown(f.Questionnaire.Version), orUnknown(q.Version))
	}
	if f.Language != "" && !q.HasLanguage(f.Language) {
		w.AtPos(f.langLine, f.langCol, "language %q is not one of the questionnaire's (%s); using %s", f.Language, strings.Join(q.Languages, ", "), q.DefaultLanguage())
	}
	for _, id := range f.Order {
		a := f.Answers[id]
		qq, ok := q.Question(id)
		if !ok {
			w.AtPos(a.Line, a.Col, "question %s is not in questionnaire %s %s; its answer is kept but not scored", id, q.ID, q.Version)
			continue
		}
		checkAnswer(l, qq, a)
	}
	// Sorted by position like errors, and at most diag.MaxProblems of them with a count of the rest.
	if e, ok := w.Err().(*diag.Error); ok {
		warnings = e.Problems
	}
	return warnings, l.Err()
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

func checkAnswer(l *diag.List, q *questionnaire.Question, a *Answer) {
	at := func(format string, args ...any) { l.AtPos(a.Line, a.Col, format, args...) }
	if a.NA && !q.NAAllowed {
		at("question %s does not allow N/A (not applicable); answer it, or use `unknown: true` for \"don't know\"", q.ID)
		return
	}
	if a.NA || a.Unknown || a.Value == nil {
		return
	}
	v, msg := Normalise(q, a.Value, a.raw)
	if msg != "" {
		at("%s", msg)
		return
	}
	a.Value = v
}

// Normalise turns a raw value into the form of its question's type, or explains why it cannot.
// raw is the scalar as written, used for text questions; pass "" when there is none.
func Normalise(q *questionnaire.Question, v any, raw string) (any, string) {
	bad := func(want string) (any, string) {
		return nil, fmt.Sprintf("question %s is a %s question: its value must be %s, not %s", q.ID, q.Type, want, describeValue(v))
	}
	switch q.Type {
	case questionnaire.TypeScale:
		n, ok := v.(int)
		if !ok {
			if x, isFloat := v.(float64); isFloat && x == math.Trunc(x) && math.Abs(x) < 1e9 {
				n, ok = int(x), true
			}
		}
		// Worded only when needed: most answers are levels on the scale.
		want := func() string { return fmt.Sprintf("a level from %d to %d", q.Scale.Min(), q.Scale.Max()) }
		if !ok {
			return bad(want())
		}
		if _, found := q.Scale.Level(n); !found {
			return nil, fmt.Sprintf("question %s: level %d is not on its scale; the value must be %s", q.ID, n, want())
		}
		return n, ""
	case questionnaire.TypeYesNo:
		b, ok := v.(bool)
		if !ok {
			return bad("true or false")
		}
		return b, ""
	case questionnaire.TypeChoice:
		s, ok := v.(string)
		if !ok {
			if raw == "" {
				return bad("one of " + choiceIDs(q))
			}
			s = raw
		}
		if _, found := q.Choice(s); !found {
			return nil, unknownChoice(q, s)
		}
		return s, ""
	case questionnaire.TypeMulti:
		list, ok := v.([]string)
		if !ok {
			return bad("a list of choices among " + choiceIDs(q))
		}
		seen := map[string]bool{}
		for _, s := range list {
			if _, found := q.Choice(s); !found {
				return nil, unknownChoice(q, s)
			}
			if seen[s] {
				return nil, fmt.Sprintf("question %s: choice %q is listed twice", q.ID, s)
			}
			seen[s] = true
		}
		return slices.Clone(list), ""
	case questionnaire.TypeNumber:
		var x float64
		switch n := v.(type) {
		case int:
			x = float64(n)
		case float64:
			x = n
		default:
			return bad("a number")
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return bad("a finite number")
		}
		if q.Min != nil && x < *q.Min {
			return nil, fmt.Sprintf("question %s: %s is below the minimum %s", q.ID, number(x), number(*q.Min))
		}
		if q.Max != nil && x > *q.Max {
			return nil, fmt.Sprintf("question %s: %s is above the maximum %s", q.ID, number(x), number(*q.Max))
		}
		return x, ""
	case questionnaire.TypeText:
		switch s := v.(type) {
		case string:
			return s, ""
		case []string:
			return bad("a text")
		}
		if raw != "" {
			return raw, ""
		}
		return questionnaire.Canonical(v), ""
	}
	return v, ""
}

func choiceIDs(q *questionnaire.Question) string {
	ids := make([]string, len(q.Choices))
	for i, c := range q.Choices {
		ids[i] = c.ID
	}
	return strings.Join(ids, ", ")
}

func unknownChoice(q *questionnaire.Question, s string) string {
	ids := make([]string, len(q.Choices))
	for i, c := range q.Choices {
		ids[i] = c.ID
	}
	if sug := diag.Suggest(s, ids); sug != "" {
		return fmt.Sprintf("question %s has no choice %q; did you mean %q?", q.ID, s, sug)
	}
	return fmt.Sprintf("question %s has no choice %q (choices: %s)", q.ID, s, strings.Join(ids, ", "))
}

// number writes a number as people do: 1000000, not 1e+06.
func number(x float64) string {
	if math.Abs(x) < 1e21 {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}
