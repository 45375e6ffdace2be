package compare

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/words"
)

const fixtureDir = "../../testdata/export/assessments"

func load(t *testing.T, names ...string) (*questionnaire.Questionnaire, []*answers.File, []*score.Result) {
	t.Helper()
	q, err := questionnaire.Load(filepath.Join(fixtureDir, "fixture.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*answers.File
	var results []*score.Result
	for _, n := range names {
		a, err := answers.Load(filepath.Join(fixtureDir, n+".answers.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.Check(q); err != nil {
			t.Fatal(err)
		}
		files = append(files, a)
		results = append(results, score.Compute(q, a, score.Options{}))
	}
	return q, files, results
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func wantDelta(t *testing.T, what string, p *float64, want float64) {
	t.Helper()
	if p == nil || !near(*p, want) {
		t.Errorf("%s = %v, want %v", what, deref(p), want)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func ids(list []QuestionDelta) string {
	var s []string
	for _, d := range list {
		s = append(s, d.ID)
	}
	return strings.Join(s, " ")
}

func activityIDs(list []ActivityDelta) string {
	var s []string
	for _, d := range list {
		s = append(s, d.ID)
	}
	return strings.Join(s, " ")
}

// alpha → gamma: every answered question rises to full marks.
// alpha: P1 L3 (w2) 50, P2 100, D1 50, D2 75, D3 L2 25. gamma: all 100.
func TestAlphaToGamma(t *testing.T) {
	_, _, rs := load(t, "alpha", "gamma")
	r := Compute(rs[0], rs[1])

	wantDelta(t, "overall", r.Overall.Score, 100-350.0/6)   // 100 − (2·50+100+50+75+25)/6
	wantDelta(t, "prevention", r.Pillars[0].Score, 100.0/3) // 100 − (2·50+100)/3
	wantDelta(t, "detection", r.Pillars[1].Score, 50)       // 100 − (50+75+25)/3
	wantDelta(t, "B", r.Hazards[1].Score, 56.25)            // 100 − (2·50+50+25)/4
	wantDelta(t, "det-lab", r.Sections[1].Score, 50)
	// gap: alpha (2·25+0+50+25+75)/6 = 200/6; gamma: P1 at level 5 is above its target: 0
	wantDelta(t, "overall gap", r.Overall.Gap, -200.0/6)
	wantDelta(t, "overall completeness", r.Overall.Completeness, 0)
	for i, want := range []Trend{Improved, Improved, None, None} {
		if r.Pillars[i].Trend != want {
			t.Errorf("pillar %s: %s, want %s", r.Pillars[i].ID, r.Pillars[i].Trend, want)
		}
	}
	if r.Pillars[2].Score != nil {
		t.Error("preparedness has no scored question: its change must be undefined")
	}

	// Improved by size: D3 +75, P1 +50, D1 +50 (file order on ties), D2 +25; P2 stays at 100.
	if got := ids(r.Improved); got != "D3 P1 D1 D2" {
		t.Errorf("improved = %s", got)
	}
	wantDelta(t, "D3 change", r.Improved[0].Score, 75)
	if len(r.Worsened)+len(r.NewlyAnswered)+len(r.NewlyUnknown)+len(r.StatusChanged) != 0 {
		t.Errorf("other changes: %s / %s / %s / %s", ids(r.Worsened), ids(r.NewlyAnswered), ids(r.NewlyUnknown), ids(r.StatusChanged))
	}
	if len(r.Questions) != 5 {
		t.Errorf("%d scored questions, want 5 (X1, X2 are context)", len(r.Questions))
	}

	// gamma has no gap: every activity of alpha falls to 0. capacity-building 125 (P1 50 + D3
	// 75), action-plan 75, needs-assessment 50 and tabletop-exercise 50 (ties by id), equipment 25.
	if len(r.Rose) != 0 || activityIDs(r.Fell) != "capacity-building action-plan needs-assessment tabletop-exercise equipment" {
		t.Errorf("rose %s, fell %s", activityIDs(r.Rose), activityIDs(r.Fell))
	}
	cb := r.Fell[0]
	if cb.BasePriority != 125 || cb.NewPriority != 0 || cb.Change != -125 || cb.BaseRank != 1 || cb.NewRank != 0 {
		t.Errorf("capacity-building = %+v", cb)
	}
	if len(r.Activities) != 8 {
		t.Errorf("%d activity types, want the 7 built-ins and equipment", len(r.Activities))
	}

	if got := Verdict(r.Pillars[0]); got != "improved by 33.3 points, 66.7 → 100.0" {
		t.Errorf("prevention verdict = %q", got)
	}
	if got := Verdict(r.Pillars[3]); got != "no answered question in either assessment" {
		t.Errorf("response verdict = %q", got)
	}
}

// beta → alpha: beta has P1 don't know (w2), P2 no, D1 N/A, D2 unanswered, D3 skipped.
func TestBetaToAlpha(t *testing.T) {
	_, _, rs := load(t, "beta", "alpha")
	r := Compute(rs[0], rs[1])
	if got := ids(r.NewlyAnswered); got != "P1 D1 D2 D3" {
		t.Errorf("newly answered = %s", got)
	}
	if got := ids(r.Improved); got != "P2" {
		t.Errorf("improved = %s", got)
	}
	wantDelta(t, "P2 change", r.Improved[0].Score, 100)
	// P1: priority 2·75 = 150 as an information gap, then 2·25 = 50
	if d := r.NewlyAnswered[0]; d.Priority != -100 || d.Score != nil {
		t.Errorf("P1 = %+v", d)
	}
	if r.Pillars[1].Trend != New {
		t.Errorf("detection trend = %s, want new (nothing answered in beta)", r.Pillars[1].Trend)
	}
	// prevention: beta 0 (P2 only) → alpha 200/3; completeness 1/(1+1) → 2/2; don't know 1 → 0
	if got := Verdict(r.Pillars[0]); got != "improved by 66.7 points, 0.0 → 66.7; completeness 50 % → 100 %; don't know 1 → 0" {
		t.Errorf("prevention verdict = %q", got)
	}
	if got := Verdict(r.Pillars[1]); got != "scored for the first time: 50.0; completeness 0 % → 100 %" {
		t.Errorf("detection verdict = %q", got)
	}
	// beta: needs-assessment 150 (P1), legal-review 100 (P2). alpha: capacity-building 125,
	// action-plan 75, needs-assessment 50, tabletop-exercise 50, equipment 25.
	if got := activityIDs(r.Rose); got != "capacity-building action-plan tabletop-exercise equipment" {
		t.Errorf("rose = %s", got)
	}
	if got := activityIDs(r.Fell); got != "legal-review needs-assessment" { // both −100: by id
		t.Errorf("fell = %s", got)
	}
	na := r.Fell[1]
	if na.BaseRank != 1 || na.NewRank != 3 || na.Change != -100 {
		t.Errorf("needs-assessment = %+v", na)
	}
}

// alpha → beta: the reverse, with the kinds beta → alpha cannot show.
func TestAlphaToBeta(t *testing.T) {
	_, _, rs := load(t, "alpha", "beta")
	r := Compute(rs[0], rs[1])
	if ids(r.NewlyUnknown) != "P1" || ids(r.Worsened) != "P2" || ids(r.StatusChanged) != "D1 D2 D3" {
		t.Errorf("newly unknown %s, worsened %s, status changed %s", ids(r.NewlyUnknown), ids(r.Worsened), ids(r.StatusChanged))
	}
	if r.Pillars[1].Trend != Dropped {
		t.Errorf("detection trend = %s, want dropped", r.Pillars[1].Trend)
	}
	if got := Verdict(r.Pillars[1]); got != "no longer scored (was 50.0): no answered question now; completeness 100 % → 0 %" {
		t.Errorf("detection verdict = %q", got)
	}
	if got := Verdict(r.Pillars[0]); !strings.HasPrefix(got, "worsened by 66.7 points, 66.7 → 0.0") {
		t.Errorf("prevention verdict = %q", got)
	}
}

func TestSameAssessment(t *testing.T) {
	_, _, rs := load(t, "alpha", "alpha")
	r := Compute(rs[0], rs[1])
	if len(r.Improved)+len(r.Worsened)+len(r.NewlyAnswered)+len(r.NewlyUnknown)+len(r.StatusChanged)+len(r.Rose)+len(r.Fell) != 0 {
		t.Error("an assessment compared with itself changed")
	}
	if got := Verdict(r.Pillars[0]); got != "unchanged at 66.7" {
		t.Errorf("verdict = %q", got)
	}
	for _, d := range r.Questions {
		if d.Change != Same {
			t.Errorf("%s: %s", d.ID, d.Change)
		}
	}
}

// A change smaller than the rounding of people's figures is no change.
func TestTrendThreshold(t *testing.T) {
	g := func(s float64) score.Group { return score.Group{Score: &s} }
	for _, c := range []struct {
		b, n float64
		want Trend
	}{{50, 50.04, Unchanged}, {50, 50.06, Improved}, {50, 49.96, Unchanged}, {50, 49.94, Worsened}, {0, 0, Unchanged}} {
		if got := delta(g(c.b), g(c.n)).Trend; got != c.want {
			t.Errorf("%v → %v: %s, want %s", c.b, c.n, got, c.want)
		}
	}
}

// Priorities that differ only by floating-point rounding did not change.
func TestActivityChangeTolerance(t *testing.T) {
	same := ActivityDelta{BasePriority: 45, NewPriority: 44.99999999999999}
	if same.Rose() || same.Fell() {
		t.Error("a change of 1e-14 counted")
	}
	if up := (ActivityDelta{BasePriority: 45, NewPriority: 45.5}); !up.Rose() || up.Fell() {
		t.Error("a real rise not seen")
	}
}

// The completeness of a verdict reads as the tables write it, whole percentages by
// words.WholePercent; it is left out when both read the same.
func TestVerdictCompleteness(t *testing.T) {
	fifty := 50.0
	group := func(c float64) score.Group { return score.Group{Score: &fifty, Completeness: &c} }
	for _, c := range []struct {
		lang      string
		base, new float64
		want      string
	}{
		// 62.5 % (exact in binary) rounds to even, 62 %, and 62.4 % to 62 %: the same figure,
		// so no completeness (math.Round took them for 63 and 62 and wrote "62% → 62%").
		{"en", 0.625, 0.624, "unchanged at 50.0"},
		// 2/3 = 66.7 % → 67 %; 3/4 = 75 %
		{"en", 2.0 / 3, 0.75, "unchanged at 50.0; completeness 67 % → 75 %"},
		// French: a narrow no-break space before each percent sign and before the semicolon
		{"fr", 0.5, 1, "inchangé à 50,0\u202f; complétude 50\u202f% → 100\u202f%"},
	} {
		d := Delta{Base: group(c.base), New: group(c.new), Trend: Unchanged}
		if got := verdict(d, words.For(c.lang)); got != c.want {
			t.Errorf("%s %v → %v: %q, want %q", c.lang, c.base, c.new, got, c.want)
		}
	}
}
