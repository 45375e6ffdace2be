package consensus

import (
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// On the projector a long question reads across the table, on full lines above its answers,
// not down a narrow column: a question of 40 words of 7 letters (320 columns) takes 5 lines of
// 76, where a column of 20 took 16 and made the whole row that tall.
func TestConsensusTableShowsTheQuestionAcrossTheTable(t *testing.T) {
	text := strings.TrimSpace(strings.Repeat("abcdefg ", 40))
	q, err := questionnaire.Parse("long.yaml", []byte("schema: cbrn.questionnaire/v1\nid: long\nversion: 1.0.0\ntitle: Long\n"+
		"scales:\n  capacity:\n    levels:\n      - {level: 1, label: Absent}\n      - {level: 5, label: Sustained}\n"+
		"sections:\n  - id: s\n    pillar: prevention\n    title: S\n    questions:\n"+
		"      - id: Q\n        type: scale\n        scale: capacity\n        text: "+text+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*answers.File
	for _, a := range []string{"name: A}\nanswers:\n  Q: {value: 1}\n", "name: B}\nanswers:\n  Q: {value: 5}\n"} {
		f, err := answers.Parse("x.yaml", []byte("schema: cbrn.answers/v1\nquestionnaire: {id: long}\nrespondent: {"+a))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Check(q); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	table, err := Render("table", RenderInput{Result: Compute(q, files), Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	var withText int
	for _, line := range strings.Split(string(table), "\n") {
		if textfmt.DisplayWidth(line) > consensusWidth {
			t.Errorf("line wider than %d columns: %q", consensusWidth, line)
		}
		if strings.Contains(line, "abcdefg") {
			withText++
		}
	}
	// "Q · DISPUTED · " and 40 words: 15 + 319 = 334 columns, in lines of 76 (80 less the
	// borders): 9 words a line (9*8-1 = 71), the first line 7 after the 15 of the id: 5 lines.
	if withText != 5 {
		t.Errorf("the question takes %d lines, want 5:\n%s", withText, table)
	}
	if !strings.Contains(string(table), "│ Q · DISPUTED · abcdefg") {
		t.Errorf("no question line:\n%s", table)
	}
}
