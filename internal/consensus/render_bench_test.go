package consensus

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/export/exporttest"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// bigWorkshop is three participants' answers to a questionnaire of n scale questions.
func bigWorkshop(tb testing.TB, n int) *Result {
	tb.Helper()
	var y strings.Builder
	y.WriteString("schema: cbrn.questionnaire/v1\nid: big\nversion: 1.0.0\ntitle: Big\ntarget: 4\n" +
		"scales:\n  capacity:\n    levels:\n")
	for l := 1; l <= 5; l++ {
		fmt.Fprintf(&y, "      - {level: %d, label: Level %d, description: What level %d means}\n", l, l, l)
	}
	y.WriteString("sections:\n  - id: s\n    pillar: prevention\n    title: Section\n    questions:\n")
	for i := range n {
		fmt.Fprintf(&y, "      - {id: Q-%05d, type: scale, scale: capacity, text: \"Is capability %d in place and exercised across the agencies concerned?\"}\n", i, i)
	}
	q, err := questionnaire.Parse("big.yaml", []byte(y.String()))
	if err != nil {
		tb.Fatal(err)
	}
	var files []*answers.File
	for p := range 3 {
		f := exporttest.Assessment(q, uint64(p+1))
		f.Path = fmt.Sprintf("p%d.answers.yaml", p)
		if _, err := f.Check(q); err != nil {
			tb.Fatal(err)
		}
		files = append(files, f)
	}
	return Compute(q, files)
}

// BenchmarkConsensusTable renders the terminal consensus of three participants over 5,000
// questions: it must stay linear in the questions (well under a second).
func BenchmarkConsensusTable(b *testing.B) {
	for _, n := range []int{500, 5000} {
		r := bigWorkshop(b, n)
		b.Run(fmt.Sprintf("questions=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Render("table", RenderInput{Result: r, Lang: "en"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
