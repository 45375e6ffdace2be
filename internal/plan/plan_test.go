package plan

import (
	"fmt"
	"slices"
	"strings"
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

func questionIDs(acts []Action) []string {
	out := []string{}
	for _, a := range acts {
		out = append(out, a.Q.ID)
	}
	return out
}

func agencyIDs(ags []*questionnaire.Agency) []string {
	out := []string{}
	for _, a := range ags {
		out = append(out, a.ID)
	}
	return out
}

// The fixture, on the linear 1-5 scale (level score = (level-1)/4), target level 4 (75):
//
//	governance  GOV-01 level 2, weight 2, critical: gap 50, priority 100, agencies health, civil-protection
//	                   → ladder 2: action-plan, capacity-building; climbs 4-2 = 2
//	            GOV-02 no: gap 100, priority 100, agencies health → its own list: action-plan;
//	                   not a scale: climbs 100/25 = 4
//	            (GOV-03 skipped: GOV-02 is no)
//	detection   DET-01 don't know: information gap 75, priority 75, health → the needs assessment
//	            DET-02 [lab] = 0.5: gap 50, priority 50, health, customs → needs-assessment; climbs 2
//	            DET-03 level 3: gap 25, priority 25, customs → its own list: equipment,
//	                   capacity-building; climbs 1
//	preparedness PRP-01 unanswered
//	response    RSP-05 level 1: gap 75, priority 75, health, civil-protection → ladder 1:
//	                   needs-assessment, legal-review; climbs 3 (RSP-04 N/A, RSP-01 skipped)
//
// Objectives: governance 100+100 = 200; detection 50+25 = 75 and response 75 tie, so file order
// keeps detection first; the needs assessment (DET-01) comes last.
func TestBuild(t *testing.T) {
	p := build(t, score.Target{}, "en")
	type want struct {
		id         string
		priority   float64
		actions    []string
		lead       string
		supporting []string
		timeframe  Timeframe
		categories []Category
		critical   int
	}
	cases := []want{
		// lead: health is first on both (100 + 100); civil-protection is named on GOV-01 (100).
		// Climb 4 is long; the critical GOV-01 brings it to medium.
		{"governance", 200, []string{"WS-GOV-01", "WS-GOV-02"}, "health", []string{"civil-protection"}, Medium,
			[]Category{Planning, Planning}, 1},
		// lead: health first on DET-02 (50) against customs first on DET-03 (25); customs is also
		// named on DET-02: supporting. Climb 2: medium. DET-03's first activity is the file's own
		// "equipment": the equipment category by its id.
		{"detection", 75, []string{"WS-DET-02", "WS-DET-03"}, "health", []string{"customs"}, Medium,
			[]Category{Planning, Equipment}, 0},
		// Climb 1 → 4 = 3: long.
		{"response", 75, []string{"WS-RSP-05"}, "health", []string{"civil-protection"}, Long, []Category{Planning}, 0},
		{NeedsAssessmentID, 75, []string{"WS-DET-01"}, "health", []string{}, Short, []Category{Planning}, 0},
	}
	if len(p.Objectives) != len(cases) {
		t.Fatalf("%d objectives, want %d", len(p.Objectives), len(cases))
	}
	for i, w := range cases {
		o := p.Objectives[i]
		var cats []Category
		for _, a := range o.Actions {
			cats = append(cats, a.Category)
		}
		lead := ""
		if o.Lead != nil {
			lead = o.Lead.ID
		}
		if o.Rank != i+1 || o.ID != w.id || o.Priority != w.priority || !slices.Equal(questionIDs(o.Actions), w.actions) ||
			lead != w.lead || !slices.Equal(agencyIDs(o.Supporting), w.supporting) || o.Timeframe != w.timeframe ||
			!slices.Equal(cats, w.categories) || o.Critical != w.critical {
			t.Errorf("objective %d: %s priority %v actions %q lead %s supporting %q timeframe %s categories %q critical %d\nwant %+v",
				o.Rank, o.ID, o.Priority, questionIDs(o.Actions), lead, agencyIDs(o.Supporting), o.Timeframe, cats, o.Critical, w)
		}
	}
	na := p.Objectives[3]
	if na.Pillar != "detection" || len(na.Sections) != 1 || na.Sections[0].ID != "detection" || !na.NeedsAssessment() {
		t.Errorf("needs assessment: pillar %q sections %v", na.Pillar, na.Sections)
	}
	if a := na.Actions[0]; a.From != nil || a.To == nil || *a.To != 4 {
		t.Errorf("DET-01: from %v to %v, want null → 4", a.From, a.To)
	}
	if a := p.Objectives[0].Actions[0]; a.From == nil || *a.From != 2 || *a.To != 4 || a.Climb != 2 {
		t.Errorf("GOV-01: %v → %v climbs %d, want 2 → 4 climbs 2", a.From, a.To, a.Climb)
	}
	if a := p.Objectives[0].Actions[1]; a.From != nil || a.To != nil || a.Climb != 4 {
		t.Errorf("GOV-02: %v → %v climbs %d, want null levels and a climb of 4", a.From, a.To, a.Climb)
	}

	// Portfolio: needs-assessment is called for by DET-02, RSP-05, DET-01 (3); action-plan by
	// GOV-01, GOV-02 (2); capacity-building by GOV-01, DET-03 (2); legal-review by RSP-05 and
	// equipment by DET-03 (1 each); ties in the questionnaire's order of activity types.
	var port []string
	for _, c := range p.Portfolio {
		port = append(port, fmt.Sprintf("%s:%d:%s", c.Activity.ID, c.Actions, c.Category))
	}
	if want := []string{"needs-assessment:3:planning", "action-plan:2:planning", "capacity-building:2:training",
		"legal-review:1:organisation", "equipment:1:equipment"}; !slices.Equal(port, want) {
		t.Errorf("portfolio = %q\nwant %q", port, want)
	}

	// Indicators: the target level's text (no question has levels of its own: the scale's
	// description of level 4), "Yes", the scoring choices not chosen yet, a documented answer.
	ind := map[string]string{}
	for _, o := range p.Objectives {
		for i := range o.Actions {
			ind[o.Actions[i].Q.ID] = Indicator(&o.Actions[i], "en")
		}
	}
	for id, w := range map[string]string{
		"WS-GOV-01": "Tested in an exercise.", "WS-GOV-02": "Yes", "WS-DET-02": "Also: Field kits; Radiation portals",
		"WS-DET-03": "Tested in an exercise.", "WS-RSP-05": "Tested in an exercise.",
		"WS-DET-01": "A documented answer replaces “don't know”",
	} {
		if ind[id] != w {
			t.Errorf("%s indicator = %q, want %q", id, ind[id], w)
		}
	}
	if got := questionIDs(gapsAsActions(p.InformationGaps)); !slices.Equal(got, []string{"WS-DET-01"}) || p.Unanswered != 1 {
		t.Errorf("information gaps %q, unanswered %d (want WS-DET-01, 1: WS-PRP-01)", got, p.Unanswered)
	}
}

func gapsAsActions(gs []Gap) []Action {
	var out []Action
	for _, g := range gs {
		out = append(out, Action{Gap: g})
	}
	return out
}

func TestBuildTargetNext(t *testing.T) {
	// --target next: GOV-01 2 → 3 (gap 25, priority 50, climbs 1) with GOV-02 (no, 100, climbs 4):
	// governance 150, long brought to medium by the critical GOV-01. RSP-05 1 → 2: climbs 1, short.
	p := build(t, score.Target{Next: true}, "en")
	o := p.Objectives[0]
	if o.ID != "governance" || o.Priority != 150 || o.Timeframe != Medium {
		t.Errorf("first objective %s %v %s, want governance 150 medium", o.ID, o.Priority, o.Timeframe)
	}
	for _, o := range p.Objectives {
		if o.ID == "response" && (o.Timeframe != Short || *o.Actions[0].To != 2) {
			t.Errorf("response: %s, to %d", o.Timeframe, *o.Actions[0].To)
		}
	}
}

func TestTimeframeOf(t *testing.T) {
	for _, c := range []struct {
		climb, critical int
		want            Timeframe
	}{{1, 0, Short}, {1, 2, Short}, {2, 0, Medium}, {2, 1, Short}, {3, 0, Long}, {4, 0, Long}, {3, 1, Medium}, {5, 1, Medium}} {
		if got := TimeframeOf(&Objective{ID: "x", Climb: c.climb, Critical: c.critical}); got != c.want {
			t.Errorf("climb %d critical %d: %s, want %s", c.climb, c.critical, got, c.want)
		}
	}
	if got := TimeframeOf(&Objective{ID: NeedsAssessmentID, Climb: 4, information: true}); got != Short {
		t.Errorf("needs assessment: %s, want short", got)
	}
}

func TestCategoryOf(t *testing.T) {
	q, err := questionnaire.Parse("q.yaml", []byte(`schema: cbrn.questionnaire/v1
id: cat
version: 1.0.0
languages: [en]
title: Categories
scales:
  s:
    levels:
      - {level: 1, label: Absent}
      - {level: 2, label: Present}
activities:
  - {id: equipment, title: Equipment}
  - {id: training-of-trainers, title: Training of trainers}
  - {id: exercises, title: Exercises}
  - {id: donor-round-table, title: Donor round table}
  - {id: equipmentish, title: Not a category}
sections:
  - id: s1
    pillar: prevention
    title: S1
    questions:
      - {id: Q1, type: yesno, text: Q1}
`))
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]Category{
		"needs-assessment": Planning, "action-plan": Planning, "legal-review": Organisation,
		"capacity-building": Training, "best-practice-exchange": Training, "tabletop-exercise": Exercises,
		"field-exercise": Exercises, "equipment": Equipment, "training-of-trainers": Training, "exercises": Exercises,
		"donor-round-table": Planning, "equipmentish": Planning,
	} {
		if got := CategoryOf(q, id); got != want {
			t.Errorf("%s: %s, want %s", id, got, want)
		}
	}
}

// A section with more gaps than MaxActions is split into parts of at most MaxActions, in
// priority order; so is the needs assessment.
func TestSplit(t *testing.T) {
	var b strings.Builder
	b.WriteString("schema: cbrn.questionnaire/v1\nid: big\nversion: 1.0.0\nlanguages: [en]\ntitle: Big\n" +
		"agencies:\n  - {id: a, title: A}\n  - {id: b, title: B}\n" +
		"sections:\n  - id: s\n    pillar: detection\n    title: S\n    questions:\n")
	var ans strings.Builder
	ans.WriteString("schema: cbrn.answers/v1\nquestionnaire: {id: big}\nanswers:\n")
	for i := 1; i <= 2*MaxActions+1; i++ { // 31 gaps
		fmt.Fprintf(&b, "      - {id: Q%02d, type: yesno, text: Q%d, weight: %d, agencies: [a, b]}\n", i, i, i)
		fmt.Fprintf(&ans, "  Q%02d: {value: false}\n", i)
	}
	for i := 1; i <= MaxActions+2; i++ { // 17 don't knows
		fmt.Fprintf(&b, "      - {id: U%02d, type: yesno, text: U%d, agencies: [b]}\n", i, i)
		fmt.Fprintf(&ans, "  U%02d: {unknown: true}\n", i)
	}
	q, err := questionnaire.Parse("big.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	a, err := answers.Parse("big.answers.yaml", []byte(ans.String()))
	if err != nil {
		t.Fatal(err)
	}
	p := Build(score.Compute(q, a, score.Options{}), a, score.Target{}, "en")
	var got []string
	for _, o := range p.Objectives {
		got = append(got, fmt.Sprintf("%s/%d:%d:%s", o.ID, o.Part, len(o.Actions), Title(q, &o, "en")))
	}
	// Q31..Q17 (weights 31..17, priority 100 × weight) in the first part, Q16..Q02 in the second,
	// Q01 alone in the third; the 17 don't-knows in 15 + 2.
	want := []string{"s/1:15:S: capacities reach their targets (part 1)", "s.2/2:15:S: capacities reach their targets (part 2)",
		"s.3/3:1:S: capacities reach their targets (part 3)",
		"needs-assessment/1:15:The facts behind every “don't know” answer are established (part 1)",
		"needs-assessment.2/2:2:The facts behind every “don't know” answer are established (part 2)"}
	if !slices.Equal(got, want) {
		t.Errorf("objectives:\n%q\nwant\n%q", got, want)
	}
	if first := p.Objectives[0].Actions[0].Q.ID; first != "Q31" {
		t.Errorf("first action %s, want Q31", first)
	}
}
