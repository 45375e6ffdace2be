package consensus

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// A multiple choice with thousands of chosen labels is cut in the terminal table, which keeps
// to its width, and kept whole in Markdown.
func TestConsensusTableClipsHugeAnswers(t *testing.T) {
	const n = 3000
	var qb, ab strings.Builder
	qb.WriteString("schema: cbrn.questionnaire/v1\nid: wide\nversion: 1.0.0\ntitle: Wide\nsections:\n  - id: s\n    pillar: prevention\n    title: S\n    questions:\n      - id: M\n        type: multi\n        text: Which?\n        choices:\n")
	ab.WriteString("schema: cbrn.answers/v1\nquestionnaire: {id: wide}\nanswers:\n  M: {value: [")
	for i := range n {
		fmt.Fprintf(&qb, "          - {id: c%d, label: Label-%04d, score: 0}\n", i, i)
		if i > 0 {
			ab.WriteString(", ")
		}
		fmt.Fprintf(&ab, "c%d", i)
	}
	ab.WriteString("]}\n")
	q, err := questionnaire.Parse("wide.yaml", []byte(qb.String()))
	if err != nil {
		t.Fatal(err)
	}
	var files []*answers.File
	for _, name := range []string{"a.yaml", "b.yaml"} {
		a, err := answers.Parse(name, []byte(ab.String()))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.Check(q); err != nil {
			t.Fatal(err)
		}
		files = append(files, a)
	}
	res := Compute(q, files)
	table, err := Render("table", RenderInput{Result: res, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(table), "…") || strings.Contains(string(table), "Label-2999") {
		t.Error("the answers cell is not cut")
	}
	for _, line := range strings.Split(string(table), "\n") {
		if textfmt.DisplayWidth(line) > consensusWidth {
			t.Fatalf("line wider than %d columns: %q", consensusWidth, line)
		}
	}
	md, err := Render("markdown", RenderInput{Result: res, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "Label-2999") {
		t.Error("the Markdown output lost the last label")
	}
}

func TestClip(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven char", 10, "eleven ch…"},
		{"ééééé", 3, "éé…"},
	} {
		if got := clip(c.in, c.n); got != c.want {
			t.Errorf("clip(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}
