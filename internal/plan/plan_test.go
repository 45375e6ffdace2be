package plan

import (
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
)

func build(t *testing.T, target score.Target, lang string) *Plan {
	t.Helper()
	q, err := questionnaire.Load("../../testdata/consensus/workshop.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, err := answers.Load("../../testdata/plan/workshop.answers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Check(q); err != nil {
		t.Fatal(err)
	}
	return Build(score.Compute(q, a, score.Options{Target: target}), a, target, lang)
}

func ids(gs []Gap) []string {
	out := []string{}
	for _, g := range gs {
		out = append(out, g.Q.ID)
	}
	return out
}

// The fixture, on the linear 1-5 scale (level score = (level-1)/4), target level 4 (75):
//
//	GOV-01 level 2, weight 2, critical: gap 75-25 = 50, priority 100 → ladder 2: action-plan, capacity-building
//	GOV-02 no: gap 100, priority 100 → its own list: action-plan
//	GOV-03 skipped (GOV-02 is no); RSP-01 skipped (its condition is undefined or false)
//	DET-01 don't know: information gap 75, priority 75 → needs-assessment
//	DET-02 [lab] = 0.5: gap 50, priority 50 → a non-scale question without a list: needs-assessment
//	DET-03 level 3: gap 75-50 = 25, priority 25 → its own list: equipment, capacity-building
//	PRP-01 unanswered; RSP-04 N/A
//	RSP-05 level 1: gap 75, priority 75 → ladder 1: needs-assessment, legal-review
//
// Activities: action-plan 100+100 = 200, needs-assessment 75+50+75 = 200 (tie: by id, action-plan
// first), capacity-building 100+25 = 125, legal-review 75, equipment 25.
func TestBuild(t *testing.T) {
	p := build(t, score.Target{}, "en")

	var order []string
	for _, a := range p.Actions {
		order = append(order, a.Activity.ID)
	}
	if want := []string{"action-plan", "needs-assessment", "capacity-building", "legal-review", "equipment"}; !slices.Equal(order, want) {
		t.Fatalf("actions = %q, want %q", order, want)
	}
	type want struct {
		priority float64
		gaps     []string
		info     []string
		leads    []string
		critical int
	}
	cases := []want{
		{200, []string{"WS-GOV-01", "WS-GOV-02"}, []string{}, []string{"health:2", "civil-protection:1"}, 1},
		// The engine ranks DET-01 (75, don't know), RSP-05 (75), DET-02 (50); the don't-know goes apart.
		{200, []string{"WS-RSP-05", "WS-DET-02"}, []string{"WS-DET-01"}, []string{"health:3", "customs:1", "civil-protection:1"}, 0},
		{125, []string{"WS-GOV-01", "WS-DET-03"}, []string{}, []string{"health:1", "customs:1", "civil-protection:1"}, 1},
		{75, []string{"WS-RSP-05"}, []string{}, []string{"health:1", "civil-protection:1"}, 0},
		{25, []string{"WS-DET-03"}, []string{}, []string{"customs:1"}, 0},
	}
	for i, w := range cases {
		a := p.Actions[i]
		var leads []string
		for _, l := range a.Leads {
			leads = append(leads, l.Agency.ID+":"+strconv.Itoa(l.Gaps))
		}
		if a.Rank != i+1 || a.Priority != w.priority || !slices.Equal(ids(a.Gaps), w.gaps) ||
			!slices.Equal(ids(a.InformationGaps), w.info) || !slices.Equal(leads, w.leads) || a.Critical() != w.critical {
			t.Errorf("%s: rank %d priority %v gaps %q info %q leads %q critical %d\nwant %+v",
				a.Activity.ID, a.Rank, a.Priority, ids(a.Gaps), ids(a.InformationGaps), leads, a.Critical(), w)
		}
	}

	if got, want := ids(p.Gaps), []string{"WS-GOV-01", "WS-GOV-02", "WS-RSP-05", "WS-DET-02", "WS-DET-03"}; !slices.Equal(got, want) {
		t.Errorf("gaps = %q, want %q (critical first, then by priority 100, 75, 50, 25)", got, want)
	}
	if got := ids(p.InformationGaps); !slices.Equal(got, []string{"WS-DET-01"}) {
		t.Errorf("information gaps = %q", got)
	}
	if p.Unanswered != 1 {
		t.Errorf("unanswered = %d, want 1 (WS-PRP-01)", p.Unanswered)
	}
	// Overall over the answered: Σw = 2+1+1+1+1 = 6, Σws = 50+0+50+50+0 = 150 → 25.
	if s := p.Result.Overall.Score; s == nil || math.Abs(*s-25) > 1e-9 {
		t.Errorf("overall score = %v, want 25", s)
	}
	if p.Actions[0].Objective == "" || p.Actions[4].Objective != "Close the gaps listed below through this activity: Equipment and infrastructure." {
		t.Errorf("objectives: %q / %q", p.Actions[0].Objective, p.Actions[4].Objective)
	}
}

func TestBuildTargetNext(t *testing.T) {
	// --target next: GOV-01 level 2 → 3 (gap 50-25 = 25, priority 50); DET-03 3 → 4 (gap 25);
	// RSP-05 1 → 2 (gap 25). action-plan: 50 + 100 (GOV-02, not a scale question) = 150.
	p := build(t, score.Target{Next: true}, "en")
	if p.Actions[0].Activity.ID != "action-plan" || p.Actions[0].Priority != 150 {
		t.Errorf("first action %s %v, want action-plan 150", p.Actions[0].Activity.ID, p.Actions[0].Priority)
	}
	if lv := p.Gaps[0].Q.TargetLv; lv == nil || *lv != 3 {
		t.Errorf("GOV-01 target level = %v, want 3", lv)
	}
}

func TestObjectives(t *testing.T) {
	for _, a := range questionnaire.BuiltinActivities() {
		en, fr := Objective(a, "en"), Objective(a, "fr")
		if en == "" || fr == "" || en == fr {
			t.Errorf("%s: objectives en %q fr %q", a.ID, en, fr)
		}
		if generic := Objective(questionnaire.Activity{ID: a.ID, Title: a.Title}, "en"); generic == en {
			t.Errorf("%s: a custom activity of the same id must get the generic objective", a.ID)
		}
		if Objective(a, "de") != en {
			t.Errorf("%s: an unknown language must fall back to English", a.ID)
		}
	}
	custom := questionnaire.Activity{ID: "equipment", Title: questionnaire.Text{Default: "en",
		Values: map[string]string{"en": "Equipment", "fr": "Équipement"}}}
	if got := Objective(custom, "fr"); got != "Combler les écarts ci-dessous par cette activité : Équipement." {
		t.Errorf("custom fr = %q", got)
	}
}
