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

const reverseQ = `schema: cbrn.questionnaire/v1
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
          - {id: portal, label: Radiation portals, score: 0.25}
          - {id: handheld, label: Handheld detectors, score: 0.25}
          - {id: expert, label: Expert support, score: 0.25}
          - {id: lab, label: Laboratories, score: 0.25}
`

// An answer that gives its ids in the reverse of the questionnaire's order, [expert, portal],
// reads "Radiation portals, Expert support" in every output of the report and of consensus
// (where [portal, expert] from another participant is the same answer), and as
// [portal,expert] in the merged file's note; the plan counts the choices (2 of 4) and names
// the two still to add in the questionnaire's order too.
func TestReversedMultiAnswerReadsInQuestionnaireOrder(t *testing.T) {
	q, err := questionnaire.Parse("multi.yaml", []byte(reverseQ))
	if err != nil {
		t.Fatal(err)
	}
	file := func(name, ids string) *answers.File {
		f, err := answers.Parse(name, []byte("schema: cbrn.answers/v1\nquestionnaire: {id: multi}\nrespondent: {name: "+name+"}\nanswers:\n  M: {value: "+ids+"}\n"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Check(q); err != nil {
			t.Fatal(err)
		}
		return f
	}
	a, b := file("Ana", "[expert, portal]"), file("Ben", "[portal, expert]")
	const labels = "Radiation portals, Expert support"

	res := score.Compute(q, a, score.Options{})
	for _, format := range []string{"table", "markdown", "html"} {
		out, err := report.Render(format, report.Input{Result: res, Answers: a, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		// The gap: the answer, then its target (a multiple choice's is full).
		if !strings.Contains(string(out), labels+" → full") {
			t.Errorf("report -o %s does not read %q:\n%s", format, labels+" → full", out)
		}
		if strings.Contains(string(out), "Expert support, Radiation portals") {
			t.Errorf("report -o %s reads the answer in the file's order", format)
		}
	}

	c := consensus.Compute(q, []*answers.File{a, b})
	for format, want := range map[string][]string{
		// The table wraps its 80 columns: the group of both participants, then the merged answer.
		"table": {"│ Radiation portals, Expert        │ same   │ Radiation portals, Expert        │\n" +
			"│ support: Ana, Ben                │        │ support                          │\n"},
		"markdown": {"| **M** Which means of detection exist? | " + labels + ": Ana, Ben | same | " + labels + " (unanimous) |\n"},
	} {
		out, err := consensus.Render(format, consensus.RenderInput{Result: c, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(out), w) {
				t.Errorf("consensus -o %s does not read %q:\n%s", format, w, out)
			}
		}
	}
	// Both participants gave the same answer: unanimous, each written in the questionnaire's
	// order in the merged answer's note.
	if got, want := c.Note(c.Items[0], "en"), "Ana: [portal,expert]; Ben: [portal,expert]. The same answer from all who gave one."; got != want {
		t.Errorf("merged note %q, want %q", got, want)
	}

	p := plan.Build(res, a, score.Target{}, "en")
	for _, format := range []string{"markdown", "html"} {
		out, err := plan.Render(format, p)
		if err != nil {
			t.Fatal(err)
		}
		// 2 of the 4 choices chosen; portal and expert score, handheld and lab are still to add,
		// in the questionnaire's order (handheld before lab).
		for _, want := range []string{"2 of 4 chosen → full", "Also: Handheld detectors; Laboratories"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("plan -o %s does not read %q:\n%s", format, want, out)
			}
		}
	}
}
