package cli_test

import (
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/consensus"
	"github.com/cbrn-tool/cbrn/internal/plan"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/report"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/words"
)

const multiQ = `schema: cbrn.questionnaire/v1
id: multi
version: 1.0.0
title: Multi
sections:
  - id: det
    pillar: detection
    title: Detection
    questions:
      - id: M
        type: multi
        text: Which means of detection exist?
        activities: [capacity-building]
        choices:
          - {id: portal, label: Radiation portals, score: 0.3}
          - {id: expert, label: Expert support, score: 0.3}
          - {id: lab, label: Laboratories, score: 0.4}
`

// A multiple answer reads with the same labels in the same order (the questionnaire's, not
// the order the answer lists them in) in the report, in consensus and in the plan.
func TestMultiAnswerReadsAlikeEverywhere(t *testing.T) {
	q, err := questionnaire.Parse("multi.yaml", []byte(multiQ))
	if err != nil {
		t.Fatal(err)
	}
	// The answer lists lab before portal; the questionnaire has portal first.
	a, err := answers.Parse("a.yaml", []byte("schema: cbrn.answers/v1\nquestionnaire: {id: multi}\nanswers:\n  M: {value: [lab, portal]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Check(q); err != nil {
		t.Fatal(err)
	}
	const want = "Radiation portals, Laboratories"

	res := score.Compute(q, a, score.Options{})
	for _, format := range []string{"table", "markdown", "html"} {
		out, err := report.Render(format, report.Input{Result: res, Answers: a, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), want+" → ") {
			t.Errorf("report -o %s does not read the answer as %q:\n%s", format, want, out)
		}
	}

	if got := words.For("en").Answer(q.Questions[0], a.Get("M"), "en"); got != want {
		t.Errorf("consensus reads %q, want %q", got, want)
	}
	b, err := answers.Parse("b.yaml", []byte("schema: cbrn.answers/v1\nquestionnaire: {id: multi}\nanswers:\n  M: {value: [portal, lab]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Check(q); err != nil {
		t.Fatal(err)
	}
	out, err := consensus.Render("markdown", consensus.RenderInput{Result: consensus.Compute(q, []*answers.File{a, b}), Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), want) {
		t.Errorf("consensus -o markdown does not read the answer as %q:\n%s", want, out)
	}

	// The plan names the scoring choices still to add, in the same order: with nothing chosen,
	// all three; with lab and portal chosen, the one left.
	none, err := answers.Parse("n.yaml", []byte("schema: cbrn.answers/v1\nquestionnaire: {id: multi}\nanswers:\n  M: {value: []}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := none.Check(q); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		a    *answers.File
		want string
	}{{none, "Radiation portals; Expert support; Laboratories"}, {a, "Expert support"}} {
		p := plan.Build(score.Compute(q, c.a, score.Options{}), c.a, score.Target{}, "en")
		var got []string
		for _, o := range p.Objectives {
			for i := range o.Actions {
				got = append(got, plan.Indicator(&o.Actions[i], "en"))
			}
		}
		if len(got) != 1 || !strings.HasSuffix(got[0], c.want) {
			t.Errorf("plan indicators = %q, want one ending %q", got, c.want)
		}
	}
}
