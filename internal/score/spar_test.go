package score

import (
	"strings"
	"testing"
)

// The SPAR equivalent of a group is its mean level on 1..5 scales × 20, unweighted as SPAR
// averages its indicators, whatever the scores of the levels: on the linear capacity scale
// level 3 scores 50 but is 60 % in SPAR terms.
func TestSPAREquivalent(t *testing.T) {
	withOther := strings.Replace(header, "activity_ladder:", `  other:
    levels:
      - {level: 0, label: No}
      - {level: 1, label: Yes}
activity_ladder:`, 1)
	// The file's target must be a level of every scale: give E its own instead.
	withOther = strings.Replace(withOther, "target: 4\n", "", 1)
	q := parseRaw(t, withOther+"sections:\n"+section("s", "prevention",
		scaleQ("A", "weight: 3"),
		scaleQ("B", ""),
		scaleQ("C", ""),
		scaleQ("D", ""),
		"      - {id: E, type: scale, scale: other, text: E, target: 1}\n",
		"      - {id: F, type: yesno, text: F}\n",
	)+section("t", "detection", scaleQ("G", ""))+section("u", "response", "      - {id: H, type: yesno, text: H}\n"))
	a := parseA(t, q, `
  A: {value: 3}
  B: {value: 4}
  C: {unknown: true}
  D: {value: 1}
  E: {value: 1}
  F: {value: true}
  G: {value: 5}
  H: {value: false}
`)
	r := Compute(q, a, Options{})
	// Section s: levels on 1..5 scales 3, 4, 1 (C is don't know; E's scale is 0..1, F a yes/no)
	// → mean 8/3, SPAR 20 × 8/3 = 160/3; the weight 3 of A does not count.
	s := group(t, r.Sections, "s")
	mean := 8.0 / 3 // a float64, so that 20 × mean rounds as the engine's does
	figure(t, "s mean level", s.MeanLevel, mean)
	figure(t, "s SPAR", s.SPAREquivalent, 20*mean)
	// Overall: 3, 4, 1, 5 → mean 13/4 = 3.25, SPAR 65.
	figure(t, "overall mean level", r.Overall.MeanLevel, 3.25)
	figure(t, "overall SPAR", r.Overall.SPAREquivalent, 65)
	// A pillar whose questions are all yes/no has no level to average.
	null(t, "response SPAR", group(t, r.Pillars, "response").SPAREquivalent)
	null(t, "response mean level", group(t, r.Pillars, "response").MeanLevel)
	// Its cbrn score differs: level 3 is 50 on the linear scale, 60 % in SPAR terms.
	figure(t, "A score", qr(t, r, "A").Score, 50)
}
