package questionnaire

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// FuzzParse feeds the loader arbitrary bytes, starting from every fixture and shipped
// questionnaire. It must never panic or hang; it must give the same answer twice; a refusal is
// a *diag.Error naming the file; and what it accepts must keep the promises of the model.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join(fixtures, dir, "*.yaml"))
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, id := range questionnaires.IDs() {
		data, _, _ := questionnaires.File(id)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := Parse("fuzz.yaml", data)
		q2, err2 := Parse("fuzz.yaml", data)
		if (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) {
			t.Fatalf("two runs disagree:\n%v\n---\n%v", err, err2)
		}
		if err != nil {
			var de *diag.Error
			if !errors.As(err, &de) || len(de.Problems) == 0 {
				t.Fatalf("error %T without problems: %v", err, err)
			}
			for _, p := range de.Problems {
				if p.Path != "fuzz.yaml" || p.Msg == "" {
					t.Fatalf("problem without file or message: %#v", p)
				}
			}
			if q != nil {
				t.Fatal("a questionnaire returned along with an error")
			}
			return
		}
		checkInvariants(t, q)
		if q2.Digest != q.Digest {
			t.Fatal("digest differs between two runs")
		}
	})
}

// checkInvariants verifies what the scoring engine and the commands rely on in a valid questionnaire.
func checkInvariants(t *testing.T, q *Questionnaire) {
	t.Helper()
	if q.ID == "" || len(q.Languages) == 0 || len(q.Questions) == 0 || len(q.Questions) > MaxQuestions {
		t.Fatalf("id %q, languages %v, %d questions", q.ID, q.Languages, len(q.Questions))
	}
	for _, s := range q.Scales {
		if len(s.Levels) == 0 {
			t.Fatalf("scale %s without levels", s.ID)
		}
		for i, l := range s.Levels {
			if i > 0 && l.Level <= s.Levels[i-1].Level {
				t.Fatalf("scale %s levels not ascending", s.ID)
			}
			if l.Score < 0 || l.Score > 1 {
				t.Fatalf("scale %s level %d score %v", s.ID, l.Level, l.Score)
			}
		}
	}
	seen := map[string]bool{}
	for i, x := range q.Questions {
		if x.ID == "" || seen[x.ID] || x.Index != i || x.Section == nil {
			t.Fatalf("question %d: id %q (seen %v), index %d, section %v", i, x.ID, seen[x.ID], x.Index, x.Section)
		}
		seen[x.ID] = true
		if got, ok := q.Question(x.ID); !ok || got != x {
			t.Fatalf("Question(%q) does not find it", x.ID)
		}
		if !slices.Contains(Pillars(), x.Section.Pillar) {
			t.Fatalf("pillar %q", x.Section.Pillar)
		}
		if x.Type.Scored() && (x.Weight <= 0 || len(x.Hazards) == 0) {
			t.Fatalf("%s: weight %v, hazards %v", x.ID, x.Weight, x.Hazards)
		}
		for _, h := range x.Hazards {
			if !slices.Contains(Hazards(), h) {
				t.Fatalf("%s: hazard %q", x.ID, h)
			}
		}
		switch x.Type {
		case TypeScale:
			if x.Scale == nil {
				t.Fatalf("%s: scale question without scale", x.ID)
			}
			if _, ok := x.Scale.Level(x.Target); !ok {
				t.Fatalf("%s: target %d not on its scale", x.ID, x.Target)
			}
		case TypeChoice, TypeMulti:
			if len(x.Choices) == 0 {
				t.Fatalf("%s: no choices", x.ID)
			}
			for _, c := range x.Choices {
				if c.Score < 0 || c.Score > 1 {
					t.Fatalf("%s: choice %s score %v", x.ID, c.ID, c.Score)
				}
			}
		case TypeYesNo, TypeNumber, TypeText:
		default:
			t.Fatalf("%s: type %q", x.ID, x.Type)
		}
		for _, a := range x.Activities {
			if _, ok := q.Activity(a); !ok {
				t.Fatalf("%s: activity %q unknown", x.ID, a)
			}
		}
		for _, a := range x.Agencies {
			if _, ok := q.Agency(a); !ok {
				t.Fatalf("%s: agency %q unknown", x.ID, a)
			}
		}
		if x.When != nil {
			checkCondition(t, q, x, x.When)
		}
		if x.Text.Get(q.DefaultLanguage()) == "" {
			t.Fatalf("%s: no text in the default language", x.ID)
		}
	}
	// Shown must cope with any values, including none.
	q.Shown(func(string) (any, bool) { return nil, false })
	q.Shown(func(string) (any, bool) { return 1, true })
}

func checkCondition(t *testing.T, q *Questionnaire, owner *Question, c *Condition) {
	t.Helper()
	switch c.Op {
	case OpAll, OpAny, OpNot:
		if len(c.Children) == 0 || (c.Op == OpNot && len(c.Children) != 1) {
			t.Fatalf("%s: %v condition with %d children", owner.ID, c.Op, len(c.Children))
		}
		for _, ch := range c.Children {
			checkCondition(t, q, owner, ch)
		}
		return
	}
	ref, ok := q.Question(c.Question)
	if !ok || ref.Index >= owner.Index {
		t.Fatalf("%s: condition on %q, which is not an earlier question", owner.ID, c.Question)
	}
}
