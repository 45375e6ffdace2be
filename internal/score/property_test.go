package score

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// synthetic writes a random but valid questionnaire of n questions: every question type,
// random weights, hazards, targets, critical flags, activity lists and maps, N/A allowed on
// some, and conditions (leaves, all, any, not) on earlier yes/no and scale questions.
func synthetic(rng *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString("sections:\n")
	pillars := questionnaire.Pillars()
	hazards := questionnaire.Hazards()
	acts := []string{"needs-assessment", "action-plan", "capacity-building", "legal-review",
		"tabletop-exercise", "field-exercise", "best-practice-exchange"}
	var yesno, scale []string
	perSection := 25
	for i := 0; i < n; i++ {
		if i%perSection == 0 {
			fmt.Fprintf(&b, "  - id: s%d\n    pillar: %s\n    title: Section %d\n    questions:\n", i/perSection, pillars[(i/perSection)%4], i/perSection)
		}
		id := fmt.Sprintf("Q%04d", i)
		var kind string
		switch x := rng.IntN(20); {
		case x < 12:
			kind = "scale"
		case x < 15:
			kind = "yesno"
		case x < 17:
			kind = "choice"
		case x < 18:
			kind = "multi"
		case x < 19:
			kind = "number"
		default:
			kind = "text"
		}
		fmt.Fprintf(&b, "      - id: %s\n        type: %s\n        text: Question %d\n", id, kind, i)
		if kind == "number" || kind == "text" {
			continue
		}
		if rng.IntN(3) == 0 {
			var hs []string
			for _, h := range hazards {
				if rng.IntN(2) == 0 {
					hs = append(hs, h)
				}
			}
			if len(hs) == 0 {
				hs = []string{hazards[rng.IntN(4)]}
			}
			fmt.Fprintf(&b, "        hazards: [%s]\n", strings.Join(hs, ", "))
		}
		fmt.Fprintf(&b, "        weight: %v\n", []float64{0.5, 1, 1, 1, 2, 3}[rng.IntN(6)])
		if rng.IntN(8) == 0 {
			b.WriteString("        critical: true\n")
		}
		if rng.IntN(5) == 0 {
			b.WriteString("        na: allowed\n")
		}
		switch kind {
		case "scale":
			b.WriteString("        scale: capacity\n")
			if rng.IntN(4) == 0 {
				fmt.Fprintf(&b, "        target: %d\n", 1+rng.IntN(5))
			}
			switch rng.IntN(3) {
			case 0:
				fmt.Fprintf(&b, "        activities: [%s]\n", acts[rng.IntN(len(acts))])
			case 1:
				fmt.Fprintf(&b, "        activities: {1: [%s], 3: [%s]}\n", acts[rng.IntN(len(acts))], acts[rng.IntN(len(acts))])
			}
			scale = append(scale, id)
		case "yesno":
			if rng.IntN(2) == 0 {
				fmt.Fprintf(&b, "        activities: [%s, %s]\n", acts[0], acts[1+rng.IntN(len(acts)-1)])
			}
			yesno = append(yesno, id)
		case "choice", "multi":
			b.WriteString("        choices:\n          - {id: a, label: A, score: 0}\n          - {id: b, label: B, score: 0.35}\n          - {id: c, label: C, score: 0.7}\n          - {id: d, label: D, score: 1}\n")
		}
		if len(yesno) > 1 && len(scale) > 1 && rng.IntN(6) == 0 {
			y1 := yesno[rng.IntN(len(yesno))]
			s1 := scale[rng.IntN(len(scale))]
			if y1 == id || s1 == id {
				continue
			}
			switch rng.IntN(4) {
			case 0:
				fmt.Fprintf(&b, "        when: {question: %s, equals: true}\n", y1)
			case 1:
				fmt.Fprintf(&b, "        when: {all: [{question: %s, equals: true}, {question: %s, min: 2}]}\n", y1, s1)
			case 2:
				fmt.Fprintf(&b, "        when: {any: [{question: %s, equals: false}, {question: %s, max: 3}]}\n", y1, s1)
			default:
				fmt.Fprintf(&b, "        when: {not: {question: %s, in: [1, 2]}}\n", s1)
			}
		}
	}
	return b.String()
}

// syntheticAnswers answers q at random (values, N/A where allowed, don't know, nothing), in a
// random order, and returns the lines under `answers:` one per answer.
func syntheticAnswers(rng *rand.Rand, q *questionnaire.Questionnaire) []string {
	var lines []string
	for _, x := range q.Questions {
		r := rng.IntN(10)
		var v string
		switch {
		case r == 0:
			continue
		case r == 1:
			v = "{unknown: true}"
		case r == 2 && x.NAAllowed:
			v = "{na: true}"
		default:
			switch x.Type {
			case questionnaire.TypeScale:
				v = fmt.Sprintf("{value: %d}", 1+rng.IntN(5))
			case questionnaire.TypeYesNo:
				v = fmt.Sprintf("{value: %v}", rng.IntN(2) == 0)
			case questionnaire.TypeChoice:
				v = fmt.Sprintf("{value: %c}", 'a'+rng.IntN(4))
			case questionnaire.TypeMulti:
				var ids []string
				for _, c := range "abcd" {
					if rng.IntN(2) == 0 {
						ids = append(ids, string(c))
					}
				}
				v = "{value: [" + strings.Join(ids, ", ") + "]}"
			case questionnaire.TypeNumber:
				v = fmt.Sprintf("{value: %d}", rng.IntN(100))
			default:
				v = "{value: some text}"
			}
		}
		lines = append(lines, "  "+x.ID+": "+v+"\n")
	}
	rng.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	return lines
}

func checkGroupBounds(t *testing.T, where string, g Group) {
	t.Helper()
	for name, p := range map[string]*float64{"score": g.Score, "conservative": g.Conservative, "target": g.Target, "gap": g.Gap} {
		if p != nil && (*p < 0 || *p > 100) {
			t.Errorf("%s %s = %v, outside 0..100", where, name, *p)
		}
	}
	if c := g.Completeness; c != nil && (*c < 0 || *c > 1) {
		t.Errorf("%s completeness = %v, outside 0..1", where, *c)
	}
	// Counting "don't know" as 0 can only lower the score.
	if g.Score != nil && g.Conservative != nil && *g.Conservative > *g.Score+1e-9 {
		t.Errorf("%s conservative %v above score %v", where, *g.Conservative, *g.Score)
	}
	// Gaps are clipped at 0 question by question, so the group gap is at least target − score.
	if g.Score != nil && *g.Gap < *g.Target-*g.Score-1e-9 {
		t.Errorf("%s gap %v below target − score %v", where, *g.Gap, *g.Target-*g.Score)
	}
}

// TestProperties: on random questionnaires and answers, every score is within 0..100, every
// completeness within 0..1, counts add up, and the order of the answers in the file changes
// nothing.
func TestProperties(t *testing.T) {
	for seed := uint64(1); seed <= 60; seed++ {
		rng := rand.New(rand.NewPCG(seed, 2026))
		q := parseRaw(t, synthetic(rng, 20+rng.IntN(120)))
		lines := syntheticAnswers(rng, q)
		a := parseA(t, q, strings.Join(lines, ""))
		r := Compute(q, a, Options{})

		scored := 0
		for _, x := range q.Questions {
			if x.Type.Scored() {
				scored++
			}
		}
		o := r.Overall
		if n := o.Answered + o.NA + o.Unknown + o.Unanswered + o.Skipped; n != scored {
			t.Errorf("seed %d: counts add up to %d, want the %d scored questions", seed, n, scored)
		}
		checkGroupBounds(t, fmt.Sprintf("seed %d overall", seed), o)
		for _, gs := range [][]Group{r.Pillars, r.Hazards, r.Sections} {
			for _, g := range gs {
				checkGroupBounds(t, fmt.Sprintf("seed %d %s", seed, g.ID), g)
			}
		}
		for _, row := range r.Grid {
			for _, g := range row {
				checkGroupBounds(t, fmt.Sprintf("seed %d %s", seed, g.ID), g)
			}
		}
		for _, x := range r.Questions {
			for name, p := range map[string]*float64{"score": x.Score, "target": x.Target, "gap": x.Gap} {
				if p != nil && (*p < 0 || *p > 100) {
					t.Errorf("seed %d: %s %s = %v, outside 0..100", seed, x.ID, name, *p)
				}
			}
			if x.Priority < 0 || (x.Priority > 0) != (len(x.Activities) > 0) {
				t.Errorf("seed %d: %s priority %v with activities %v", seed, x.ID, x.Priority, x.Activities)
			}
		}
		for i := 1; i < len(r.Activities); i++ {
			if PriorityAbove(r.Activities[i].Priority, r.Activities[i-1].Priority) {
				t.Errorf("seed %d: activities out of order at %d", seed, i)
			}
		}

		for _, opts := range []Options{{}, {Target: Target{Level: 3}}, {Target: Target{Next: true}}} {
			base := Compute(q, a, opts)
			for k := range 3 {
				rng.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
				other := Compute(q, parseA(t, q, strings.Join(lines, "")), opts)
				if !reflect.DeepEqual(base, other) {
					t.Fatalf("seed %d, options %+v, shuffle %d: the order of the answers changed the result", seed, opts, k)
				}
			}
		}
	}
}

// BenchmarkScore scores a synthetic questionnaire of 1,000 questions.
func BenchmarkScore(b *testing.B) {
	rng := rand.New(rand.NewPCG(1000, 2026))
	q := parseRaw(b, synthetic(rng, 1000))
	a := parseA(b, q, strings.Join(syntheticAnswers(rng, q), ""))
	b.ReportAllocs()
	for b.Loop() {
		Compute(q, a, Options{})
	}
}
