package export

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
)

const fixtureDir = "../../testdata/export/assessments"

// fixture loads the fixture questionnaire and one of its assessments, scored.
func fixture(t testing.TB, name string, opts score.Options) *Assessment {
	t.Helper()
	q, err := questionnaire.Load(filepath.Join(fixtureDir, "fixture.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(fixtureDir, name+".answers.yaml")
	a, err := answers.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Check(q); err != nil {
		t.Fatal(err)
	}
	return &Assessment{Path: name + ".answers.yaml", Q: q, A: a, Result: score.Compute(q, a, opts)}
}

// cell finds a column's value in a full row.
func cell(t *testing.T, level Level, row []Value, name string) Value {
	t.Helper()
	for i, c := range Columns(level) {
		if c.Name == name {
			return row[i]
		}
	}
	t.Fatalf("level %s has no column %s", level, name)
	return Value{}
}

func wantFloat(t *testing.T, what string, v Value, want float64) {
	t.Helper()
	if v.Null || v.F != want {
		t.Errorf("%s = %+v, want %v", what, v, want)
	}
}

func wantNull(t *testing.T, what string, v Value) {
	t.Helper()
	if !v.Null {
		t.Errorf("%s = %+v, want null", what, v)
	}
}

func TestColumnsMatchRows(t *testing.T) {
	x := fixture(t, "alpha", score.Options{})
	for _, l := range Levels() {
		b := Build(l, x, "")
		if b.Len() == 0 {
			t.Errorf("%s: no rows", l)
		}
		for i := range b.Rows {
			if got, want := len(b.Row(i)), len(Columns(l)); got != want {
				t.Errorf("%s row %d: %d cells, %d columns", l, i, got, want)
			}
		}
	}
}

func TestRowCountsAndOrder(t *testing.T) {
	x := fixture(t, "alpha", score.Options{})
	// Fixed vocabularies: 4 pillars and 4 hazards even when empty; 3 sections, 7 questions and
	// the 7 built-in activity types plus the fixture's own `equipment`, in questionnaire order.
	for level, want := range map[Level][]string{
		Pillar:   {"prevention", "detection", "preparedness", "response"},
		Hazard:   {"C", "B", "R", "N"},
		Section:  {"prv-gov", "det-lab", "prp-ctx"},
		Question: {"P1", "P2", "D1", "D2", "D3", "X1", "X2"},
		Activity: {"needs-assessment", "action-plan", "capacity-building", "legal-review", "tabletop-exercise",
			"field-exercise", "best-practice-exchange", "equipment"},
	} {
		b := Build(level, x, "")
		if b.Len() != len(want) {
			t.Fatalf("%s: %d rows, want %d", level, b.Len(), len(want))
		}
		for i, id := range want {
			if got := b.Rows[i][0].S; got != id {
				t.Errorf("%s row %d: %s, want %s", level, i, got, id)
			}
		}
	}
	if n := Build(Overview, x, "").Len(); n != 1 {
		t.Errorf("overview: %d rows, want 1", n)
	}
}

func TestAssessmentColumns(t *testing.T) {
	x := fixture(t, "alpha", score.Options{})
	row := Build(Pillar, x, "").Row(0)
	for name, want := range map[string]string{"file": "alpha.answers.yaml", "questionnaire": "fixture",
		"questionnaire_version": "1.0.0", "country": "Examplia", "organisation": "National Authority, CBRN",
		"respondent": "Ana Alvarez", "role": "focal point"} {
		if got := cell(t, Pillar, row, name); got.S != want || got.Null {
			t.Errorf("%s = %+v, want %q", name, got, want)
		}
	}
	if got := cell(t, Pillar, row, "created").Time().Format("2006-01-02T15:04:05Z"); got != "2025-03-01T09:00:00Z" {
		t.Errorf("created = %s", got)
	}
	// beta has no respondent name and no dates: null, not empty text.
	b := fixture(t, "beta", score.Options{})
	row = Build(Pillar, b, "").Row(0)
	for _, name := range []string{"organisation", "respondent", "role", "created", "updated"} {
		wantNull(t, name, cell(t, Pillar, row, name))
	}
}

// The figures of alpha, by hand. Answered: P1 level 3 (w2, s50, t75), P2 yes (w1, 100, 100),
// D1 partial (w1, 50, 100), D2 lab+police 0.5+0.25 (w1, 75, 100), D3 level 2 of target 5
// (w1, 25, 100). X1 and X2 are context.
func TestAlphaFigures(t *testing.T) {
	x := fixture(t, "alpha", score.Options{})

	ov := Build(Overview, x, "").Row(0)
	// score = (2·50 + 100 + 50 + 75 + 25) / 6 = 350/6
	wantFloat(t, "overall score", cell(t, Overview, ov, "score"), 350.0/6)
	// target = (2·75 + 4·100) / 6 = 550/6; gap = (2·25 + 0 + 50 + 25 + 75) / 6 = 200/6
	wantFloat(t, "overall target", cell(t, Overview, ov, "target"), 550.0/6)
	wantFloat(t, "overall gap", cell(t, Overview, ov, "gap"), 200.0/6)
	wantFloat(t, "overall completeness", cell(t, Overview, ov, "completeness"), 1)
	wantFloat(t, "answered", cell(t, Overview, ov, "answered"), 5)
	// prevention = (2·50 + 100) / 3; detection = (50 + 75 + 25) / 3 = 50; response has no question
	wantFloat(t, "prevention_score", cell(t, Overview, ov, "prevention_score"), 200.0/3)
	wantFloat(t, "detection_score", cell(t, Overview, ov, "detection_score"), 50)
	wantNull(t, "preparedness_score", cell(t, Overview, ov, "preparedness_score"))
	wantNull(t, "response_score", cell(t, Overview, ov, "response_score"))
	// B: P1, D1, D3 → (2·50 + 50 + 25) / 4 = 43.75
	wantFloat(t, "B_score", cell(t, Overview, ov, "B_score"), 43.75)

	hz := Build(Hazard, x, "")
	b := hz.Row(1)
	if got := cell(t, Hazard, b, "hazard_title").S; got != "Biological" {
		t.Errorf("hazard_title = %q", got)
	}
	// B target = (2·75 + 100 + 100) / 4 = 87.5; gap = (2·25 + 50 + 75) / 4 = 43.75
	wantFloat(t, "B target", cell(t, Hazard, b, "target"), 87.5)
	wantFloat(t, "B gap", cell(t, Hazard, b, "gap"), 43.75)

	qs := Build(Question, x, "")
	d3 := qs.Row(4)
	wantFloat(t, "D3 level", cell(t, Question, d3, "level"), 2)
	wantFloat(t, "D3 target_level", cell(t, Question, d3, "target_level"), 5)
	wantFloat(t, "D3 priority", cell(t, Question, d3, "priority"), 75) // 1 × (100 − 25)
	if got := cell(t, Question, d3, "activities").L; len(got) != 2 || got[0] != "action-plan" || got[1] != "capacity-building" {
		t.Errorf("D3 activities = %v, want the ladder's level 2", got)
	}
	d2 := qs.Row(3)
	if v := cell(t, Question, d2, "value"); v.Kind != List || len(v.L) != 2 {
		t.Errorf("D2 value = %+v, want the two choices", v)
	}
	x1 := qs.Row(5)
	if v := cell(t, Question, x1, "value"); v.Kind != Number || v.F != 12 {
		t.Errorf("X1 value = %+v, want the number 12", v)
	}
	if s := cell(t, Question, x1, "status").S; s != "unscored" {
		t.Errorf("X1 status = %s", s)
	}
	wantNull(t, "X1 score", cell(t, Question, x1, "score"))

	// Activities: capacity-building = P1 50 + D3 75 = 125 (rank 1); action-plan 75 (2);
	// needs-assessment 50 and tabletop-exercise 50 tie, by id (3, 4); equipment 25 (5).
	acts := Build(Activity, x, "")
	ranks := map[string]float64{}
	for i := range acts.Rows {
		r := acts.Row(i)
		if v := cell(t, Activity, r, "rank"); !v.Null {
			ranks[cell(t, Activity, r, "activity").S] = v.F
		}
	}
	want := map[string]float64{"capacity-building": 1, "action-plan": 2, "needs-assessment": 3, "tabletop-exercise": 4, "equipment": 5}
	if len(ranks) != len(want) {
		t.Errorf("ranked activities = %v, want %v", ranks, want)
	}
	for id, r := range want {
		if ranks[id] != r {
			t.Errorf("rank of %s = %v, want %v", id, ranks[id], r)
		}
	}
	cb := acts.Row(2)
	wantFloat(t, "capacity-building priority", cell(t, Activity, cb, "priority"), 125)
	wantFloat(t, "capacity-building critical_gaps", cell(t, Activity, cb, "critical_gaps"), 1) // P1
	legal := acts.Row(3)
	wantNull(t, "legal-review rank", cell(t, Activity, legal, "rank"))
	wantFloat(t, "legal-review priority", cell(t, Activity, legal, "priority"), 0)
}

// beta: P1 don't know (w2, t75), P2 no (w1, s0), D1 N/A, D2 unanswered, D3 skipped (D1 has no
// value, so its condition is undefined).
func TestBetaFigures(t *testing.T) {
	x := fixture(t, "beta", score.Options{})
	ov := Build(Overview, x, "").Row(0)
	wantFloat(t, "score", cell(t, Overview, ov, "score"), 0)
	// conservative = (2·0 + 0) / 3 = 0; completeness = 1 / (1 + 1 + 1)
	wantFloat(t, "conservative", cell(t, Overview, ov, "conservative"), 0)
	wantFloat(t, "completeness", cell(t, Overview, ov, "completeness"), 1.0/3)
	for name, want := range map[string]float64{"answered": 1, "na": 1, "unknown": 1, "unanswered": 1, "skipped": 1} {
		wantFloat(t, name, cell(t, Overview, ov, name), want)
	}
	det := Build(Pillar, x, "").Row(1)
	wantNull(t, "detection score", cell(t, Pillar, det, "score"))
	wantFloat(t, "detection completeness", cell(t, Pillar, det, "completeness"), 0) // 0 / (0 + 0 + 1)
	p1 := Build(Question, x, "").Row(0)
	wantFloat(t, "P1 gap", cell(t, Question, p1, "gap"), 75)
	wantFloat(t, "P1 priority", cell(t, Question, p1, "priority"), 150)
	wantNull(t, "P1 value", cell(t, Question, p1, "value"))
}

func TestTargetAndLanguage(t *testing.T) {
	// --target next: P1 at level 3 aims at 4 (75): unchanged; D3 at level 2 aims at 3 (50).
	x := fixture(t, "alpha", score.Options{Target: score.Target{Next: true}})
	d3 := Build(Question, x, "").Row(4)
	wantFloat(t, "D3 target", cell(t, Question, d3, "target"), 50)
	wantFloat(t, "D3 target_level", cell(t, Question, d3, "target_level"), 3)

	fr := Build(Section, x, "fr").Row(0)
	if got := cell(t, Section, fr, "section_title").S; got != "Gouvernance et droit" {
		t.Errorf("section_title in French = %q", got)
	}
	if got := Build(Pillar, x, "fr").Row(2); cell(t, Pillar, got, "pillar_title").S != "Préparation" {
		t.Errorf("pillar_title in French = %q", cell(t, Pillar, got, "pillar_title").S)
	}
	// A language the questionnaire lacks falls back to its default.
	if got := cell(t, Section, Build(Section, x, "de").Row(0), "section_title").S; got != "Governance, law" {
		t.Errorf("section_title in an unknown language = %q", got)
	}
}

func TestParseLevel(t *testing.T) {
	for _, l := range Levels() {
		got, err := ParseLevel(string(l))
		if err != nil || got != l {
			t.Errorf("ParseLevel(%s) = %s, %v", l, got, err)
		}
	}
	if _, err := ParseLevel("country"); err == nil {
		t.Error("ParseLevel(country) accepted an unknown level")
	}
	if Question.Comparable() || Section.Comparable() || Activity.Comparable() || !Pillar.Comparable() || !Hazard.Comparable() {
		t.Error("only overview, pillar and hazard line up across questionnaires")
	}
}

// The workers of an export lay the question cells of every file in one reused array: a
// scratch array left full of another assessment's cells gives the same rows, in that array.
func TestBuildReusesScratch(t *testing.T) {
	alpha, beta := fixture(t, "alpha", score.Options{}), fixture(t, "beta", score.Options{})
	_, scratch := build(Question, beta, "", make([]Value, 0, 1000))
	if cap(scratch) != 1000 {
		t.Fatalf("scratch of capacity 1000 not used: capacity %d", cap(scratch))
	}
	got, used := build(Question, alpha, "", scratch)
	if &used[:1][0] != &scratch[:1][0] {
		t.Error("a large enough scratch array was not reused")
	}
	want := Build(Question, alpha, "")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows built in a used scratch array differ:\n got %+v\nwant %+v", got, want)
	}
	// Too small: a new array, the same rows.
	got, used = build(Question, alpha, "", make([]Value, 0, 1))
	if cap(used) < questionCells*len(alpha.Result.Questions) || !reflect.DeepEqual(got, want) {
		t.Errorf("with a small scratch array: capacity %d, rows equal %v", cap(used), reflect.DeepEqual(got, want))
	}
	if n := len(Columns(Question)) - len(assessmentColumns); questionCells != n {
		t.Errorf("questionCells = %d, question rows have %d cells after the head", questionCells, n)
	}
}
