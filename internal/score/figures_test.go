package score

import (
	"math"
	"testing"
)

// The figures the outputs show beside the scores, by hand.
func TestFigures(t *testing.T) {
	r := run(t, section("p", "prevention",
		"      - {id: P, type: scale, scale: capacity, text: p, hazards: [C], activities: [legal-review]}\n",
	)+section("d", "detection",
		"      - {id: Y, type: yesno, text: y, weight: 3, hazards: [B], activities: [action-plan]}\n",
		"      - id: C\n        type: choice\n        text: c\n        hazards: [B]\n        choices:\n          - {id: none, label: None, score: 0}\n          - {id: full, label: Full, score: 1}\n          - {id: also, label: Also full, score: 1}\n",
	), `
  P: {value: 2}
  Y: {value: false}
  C: {value: full}
`, Options{})
	// P: level 2 = 25 against 75, gap 50, weight 1 → priority 50.
	// Y: no = 0 against 100, gap 100, weight 3 → priority 300. C: full = 100, no gap.
	// Weighted gap 50 + 300 = 350.
	if r.WeightedGap != 350 {
		t.Errorf("weighted gap = %v, want 350", r.WeightedGap)
	}
	// Each activity's share is its priority over the weighted gap: P's own legal-review holds
	// 50 (50/350 = 1/7), Y's action-plan 300 (6/7).
	shares := map[string]float64{}
	for _, a := range r.Activities {
		shares[a.ID] = a.Share
		if want := a.Priority / 350; math.Abs(a.Share-want) > 1e-12 {
			t.Errorf("%s share = %v, want %v", a.ID, a.Share, want)
		}
	}
	if math.Abs(shares["legal-review"]-1.0/7) > 1e-12 || math.Abs(shares["action-plan"]-6.0/7) > 1e-12 {
		t.Errorf("shares = %v, want legal-review 1/7 and action-plan 6/7", shares)
	}
	// Pillars: prevention 25, detection (0·3 + 100·1)/4 = 25: a tie, the first (prevention)
	// is the weakest. Hazards: C 25, B 25: a tie, C first.
	if r.WeakestPillar != "prevention" || r.ScoredPillars != 2 {
		t.Errorf("weakest pillar = %q of %d scored, want prevention of 2", r.WeakestPillar, r.ScoredPillars)
	}
	if r.WeakestHazard != "C" {
		t.Errorf("weakest hazard = %q, want C", r.WeakestHazard)
	}
	// C's target is the best choice, the first of the two that score 1.
	if got := qr(t, r, "C").TargetChoice; got != "full" {
		t.Errorf("target choice = %q, want full", got)
	}
	if got := qr(t, r, "Y").TargetChoice; got != "" {
		t.Errorf("a yes/no question has no target choice, got %q", got)
	}
}

func TestFiguresWithoutScores(t *testing.T) {
	r := run(t, section("p", "prevention",
		"      - {id: P, type: scale, scale: capacity, text: p}\n",
	), "", Options{})
	if r.WeakestPillar != "" || r.WeakestHazard != "" || r.ScoredPillars != 0 || r.WeightedGap != 0 {
		t.Errorf("nothing answered: weakest %q/%q, %d scored, weighted gap %v",
			r.WeakestPillar, r.WeakestHazard, r.ScoredPillars, r.WeightedGap)
	}
}
