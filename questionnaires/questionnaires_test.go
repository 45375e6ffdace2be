package questionnaires_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// These tests hold the shipped content to the coverage the product promises (issue 3), so that
// an edit cannot silently drop a pillar, a hazard, a translation or the sample's validity.

// sameInEveryLanguage lists the texts that are rightly identical in English and French: proper
// names and acronyms. Anything else equal in both languages is an untranslated text.
var sameInEveryLanguage = []string{
	"INTERPOL",
}

func load(t *testing.T, id string) *questionnaire.Questionnaire {
	t.Helper()
	data, name, ok := questionnaires.File(id)
	if !ok {
		t.Fatalf("questionnaire %s is not shipped (shipped: %v)", id, questionnaires.IDs())
	}
	q, err := questionnaire.Parse(name, data)
	if err != nil {
		t.Fatalf("questionnaire %s does not load:\n%v", id, err)
	}
	return q
}

// loadVersion loads the shipped version of a questionnaire that an answers file names.
func loadVersion(t *testing.T, id, version string) *questionnaire.Questionnaire {
	t.Helper()
	data, name, ok := questionnaires.Version(id, version)
	if !ok {
		t.Fatalf("questionnaire %s %s is not shipped (shipped: %v)", id, version, questionnaires.Versions(id))
	}
	q, err := questionnaire.Parse(name, data)
	if err != nil {
		t.Fatalf("questionnaire %s %s does not load:\n%v", id, version, err)
	}
	return q
}

func TestEveryShippedQuestionnaireLoads(t *testing.T) {
	ids := questionnaires.IDs()
	for _, want := range []string{"cbrn-core", "cbrn-quick"} {
		if !slices.Contains(ids, want) {
			t.Errorf("%s is not shipped (shipped: %v)", want, ids)
		}
	}
	for _, id := range ids {
		q := load(t, id)
		if q.ID != id {
			t.Errorf("questionnaires/%s/ holds a file that declares id %q", id, q.ID)
		}
		if !slices.Equal(q.Languages, []string{"en", "fr"}) {
			t.Errorf("%s: languages %v, want [en fr]", id, q.Languages)
		}
	}
}

// scoredBy counts the scored questions for which keep holds.
func scoredBy(q *questionnaire.Questionnaire, keep func(*questionnaire.Question) bool) int {
	n := 0
	for _, x := range q.Questions {
		if x.Type.Scored() && keep(x) {
			n++
		}
	}
	return n
}

func TestCoreCoverage(t *testing.T) {
	q := load(t, "cbrn-core")

	if n := q.ScoredQuestions(); n < 80 {
		t.Errorf("cbrn-core has %d scored questions, want at least 80", n)
	}
	for _, p := range questionnaire.Pillars() {
		n := scoredBy(q, func(x *questionnaire.Question) bool { return x.Section.Pillar == p })
		if n < 15 {
			t.Errorf("pillar %s has %d scored questions, want at least 15", p, n)
		}
		sections := 0
		for _, s := range q.Sections {
			if s.Pillar == p {
				sections++
			}
		}
		if sections < 3 {
			t.Errorf("pillar %s has %d sections, want at least 3 themes", p, sections)
		}
	}
	for _, h := range questionnaire.Hazards() {
		n := scoredBy(q, func(x *questionnaire.Question) bool { return x.InHazard(h) })
		if n < 25 {
			t.Errorf("hazard %s is tagged on %d scored questions, want at least 25", h, n)
		}
	}

	conditional := 0
	for _, x := range q.Questions {
		if x.When != nil {
			conditional++
		}
	}
	if conditional < 5 {
		t.Errorf("%d questions have a `when` condition, want at least 5", conditional)
	}

	if q.Target == 0 {
		t.Error("cbrn-core has no default target")
	}
	if len(q.Ladder) == 0 {
		t.Error("cbrn-core has no activity_ladder")
	}
	used := map[string]bool{}
	for _, ids := range q.Ladder {
		for _, id := range ids {
			used[id] = true
		}
	}
	for _, x := range q.Questions {
		for _, id := range x.Activities {
			used[id] = true
		}
		for _, ids := range x.ActivitiesByLevel {
			for _, id := range ids {
				used[id] = true
			}
		}
	}
	for _, a := range questionnaire.BuiltinActivities() {
		if !used[a.ID] {
			t.Errorf("built-in activity %s is used by no question and not by the ladder", a.ID)
		}
	}

	for _, x := range q.Questions {
		if !x.Type.Scored() {
			continue
		}
		if len(x.Agencies) == 0 {
			t.Errorf("%s names no agency holding the answer", x.ID)
		}
		if len(x.Activities) == 0 && len(x.ActivitiesByLevel) == 0 {
			t.Errorf("%s names no activities (a list or a map by level)", x.ID)
		}
		if x.Critical && x.NAAllowed {
			t.Errorf("%s is critical but allows N/A", x.ID)
		}
	}
	if n := scoredBy(q, func(x *questionnaire.Question) bool { return x.Critical }); n < 5 {
		t.Errorf("%d questions are critical, want the core governance items (at least 5)", n)
	}
}

func TestQuickCoverage(t *testing.T) {
	q := load(t, "cbrn-quick")
	if n := q.ScoredQuestions(); n != 20 {
		t.Errorf("cbrn-quick has %d scored questions, want exactly 20", n)
	}
	for _, p := range questionnaire.Pillars() {
		n := scoredBy(q, func(x *questionnaire.Question) bool { return x.Section.Pillar == p })
		if n != 5 {
			t.Errorf("pillar %s has %d scored questions, want exactly 5", p, n)
		}
	}
}

// The quick check and the full instrument rate on one scale, so that their levels mean the same.
func TestQuickUsesTheCoreScale(t *testing.T) {
	core, quick := load(t, "cbrn-core"), load(t, "cbrn-quick")
	if core.Target != quick.Target {
		t.Errorf("default target: cbrn-core %d, cbrn-quick %d", core.Target, quick.Target)
	}
	if len(core.Scales) != 1 || len(quick.Scales) != 1 {
		t.Fatalf("want one scale in each file, got %d and %d", len(core.Scales), len(quick.Scales))
	}
	a, b := core.Scales[0], quick.Scales[0]
	if len(a.Levels) != len(b.Levels) {
		t.Fatalf("cbrn-core's scale has %d levels, cbrn-quick's %d", len(a.Levels), len(b.Levels))
	}
	for i := range a.Levels {
		x, y := a.Levels[i], b.Levels[i]
		for _, lang := range core.Languages {
			if x.Level != y.Level || x.Score != y.Score ||
				x.Label.Get(lang) != y.Label.Get(lang) || x.Description.Get(lang) != y.Description.Get(lang) {
				t.Errorf("level %d (%s) differs between cbrn-core and cbrn-quick", x.Level, lang)
			}
		}
	}
}

type place struct {
	where string
	text  questionnaire.Text
}

// texts lists every translatable text of a questionnaire with where it stands.
func texts(q *questionnaire.Questionnaire) []place {
	out := []place{{"title", q.Title}, {"description", q.Description}}
	for _, s := range q.Scales {
		for _, l := range s.Levels {
			out = append(out,
				place{fmt.Sprintf("scale %s level %d label", s.ID, l.Level), l.Label},
				place{fmt.Sprintf("scale %s level %d description", s.ID, l.Level), l.Description})
		}
	}
	for _, a := range q.Activities {
		if !a.BuiltIn {
			out = append(out, place{"activity " + a.ID, a.Title})
		}
	}
	for _, a := range q.Agencies {
		out = append(out, place{"agency " + a.ID, a.Title})
	}
	for _, s := range q.Sections {
		out = append(out, place{"section " + s.ID, s.Title})
	}
	for _, x := range q.Questions {
		out = append(out, place{x.ID + " text", x.Text})
		if !x.Help.IsZero() {
			out = append(out, place{x.ID + " help", x.Help})
		}
		for _, c := range x.Choices {
			out = append(out, place{x.ID + " choice " + c.ID, c.Label})
		}
	}
	return out
}

func TestEveryTextIsInEveryLanguage(t *testing.T) {
	for _, id := range questionnaires.IDs() {
		q := load(t, id)
		for _, p := range texts(q) {
			for _, lang := range q.Languages {
				if strings.TrimSpace(p.text.Get(lang)) == "" {
					t.Errorf("%s: %s has no %s text", id, p.where, lang)
				}
			}
			en, fr := p.text.Get("en"), p.text.Get("fr")
			if en != "" && en == fr && !slices.Contains(sameInEveryLanguage, en) {
				t.Errorf("%s: %s is the same in English and French (%q): translate it, or allow it as a proper name", id, p.where, en)
			}
		}
		for _, x := range q.Questions {
			if !x.Type.Scored() {
				continue
			}
			if x.Help.IsZero() {
				t.Errorf("%s: scored question %s has no help saying what evidence justifies an answer", id, x.ID)
			}
		}
	}
}

func TestIDsAreUnique(t *testing.T) {
	owner := map[string]string{} // question id → the questionnaire that has it
	for _, id := range questionnaires.IDs() {
		q := load(t, id)
		sections := map[string]bool{}
		for _, s := range q.Sections {
			if sections[s.ID] {
				t.Errorf("%s: section id %s is used twice", id, s.ID)
			}
			sections[s.ID] = true
		}
		for _, x := range q.Questions {
			if other, ok := owner[x.ID]; ok {
				t.Errorf("question id %s is used in %s and in %s", x.ID, other, id)
			}
			owner[x.ID] = id
			choices := map[string]bool{}
			for _, c := range x.Choices {
				if choices[c.ID] {
					t.Errorf("%s: %s has choice %s twice", id, x.ID, c.ID)
				}
				choices[c.ID] = true
			}
		}
	}
}

// loadSample parses a shipped sample and checks it against the questionnaire it names.
func loadSample(t *testing.T, name string) (*answers.File, *questionnaire.Questionnaire) {
	t.Helper()
	data, shownAs, ok := questionnaires.Sample(name)
	if !ok {
		t.Fatalf("sample %s is not shipped (shipped: %v)", name, questionnaires.Samples())
	}
	f, err := answers.Parse(shownAs, data)
	if err != nil {
		t.Fatalf("sample %s does not parse:\n%v", name, err)
	}
	q := loadVersion(t, f.Questionnaire.ID, f.Questionnaire.Version)
	warnings, err := f.Check(q)
	if err != nil {
		t.Fatalf("sample %s does not validate against %s:\n%v", name, q.ID, err)
	}
	for _, w := range warnings {
		t.Errorf("sample %s: warning: %v", name, w)
	}
	return f, q
}

func TestSamplesValidateAndAnswerEveryVisibleQuestion(t *testing.T) {
	names := questionnaires.Samples()
	for _, want := range []string{"examplia", "examplia-quick"} {
		if !slices.Contains(names, want) {
			t.Errorf("sample %s is not shipped (shipped: %v)", want, names)
		}
	}
	for _, name := range names {
		f, q := loadSample(t, name)
		shown := q.Shown(f.Value)
		for _, x := range q.Questions {
			a := f.Answers[x.ID]
			switch {
			case shown[x.Index] && a == nil:
				t.Errorf("sample %s leaves %s unanswered", name, x.ID)
			case !shown[x.Index] && a != nil:
				t.Errorf("sample %s answers %s, which its conditions hide", name, x.ID)
			}
			if a != nil && a.NA && strings.TrimSpace(a.Note) == "" {
				t.Errorf("sample %s: the N/A on %s has no note saying why", name, x.ID)
			}
		}
	}
}

// The full sample shows what a real assessment looks like: mixed levels, "don't know" kept
// apart from "no", N/A where a question cannot apply, and evidence cited in notes.
func TestCoreSampleIsVaried(t *testing.T) {
	f, q := loadSample(t, "examplia")
	if q.ID != "cbrn-core" {
		t.Fatalf("examplia answers %s, want cbrn-core", q.ID)
	}
	levels := map[int]int{}
	var unknown, na, notes int
	for _, a := range f.Answers {
		if n, ok := a.Value.(int); ok {
			levels[n]++
		}
		if a.Unknown {
			unknown++
		}
		if a.NA {
			na++
		}
		if a.Note != "" {
			notes++
		}
	}
	for level := 1; level <= 5; level++ {
		if levels[level] == 0 {
			t.Errorf("no scale answer is at level %d; the sample should use the whole scale", level)
		}
	}
	if unknown < 3 {
		t.Errorf("%d don't-know answers, want several", unknown)
	}
	if na < 1 {
		t.Errorf("%d N/A answers, want at least one", na)
	}
	if notes < 15 {
		t.Errorf("%d answers cite evidence in a note, want at least 15", notes)
	}
}

func TestHas(t *testing.T) {
	for _, id := range questionnaires.IDs() {
		for _, v := range questionnaires.Versions(id) {
			if !questionnaires.Has(id, v) {
				t.Errorf("Has(%s, %s) is false", id, v)
			}
		}
	}
	for _, bad := range [][2]string{{"cbrn-core", "9.9.9"}, {"cbrn-core", "../cbrn-quick/1.0.0"}, {"..", "cbrn-core"}, {"samples", "README"}, {"", "1.0.0"}, {"cbrn-core", ""}} {
		if questionnaires.Has(bad[0], bad[1]) {
			t.Errorf("Has(%q, %q) is true", bad[0], bad[1])
		}
	}
}
