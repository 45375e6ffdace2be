package export

import (
	"strings"
	"testing"
)

// A block cut by a sheet's end keeps its head columns (file, questionnaire, respondent...) in
// the continuation sheet.
func TestXLSXContinuedBlockKeepsItsHead(t *testing.T) {
	// 7 questions an assessment, 10 rows a sheet: the header and alpha's 7 rows, then beta's
	// first 2; "Questions (2)" opens with beta's other 5 rows, then gamma's first 4.
	f := workbook(t, []Level{Question}, 10, "alpha", "beta", "gamma")
	for _, c := range []struct {
		sheet string
		row   int
		file  string
	}{
		{"Questions", 10, "beta.answers.yaml"},
		{"Questions (2)", 2, "beta.answers.yaml"},
		{"Questions (2)", 6, "beta.answers.yaml"},
		{"Questions (2)", 7, "gamma.answers.yaml"},
		{"Questions (3)", 2, "gamma.answers.yaml"},
	} {
		rows, err := f.GetRows(c.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if got := rows[c.row-1][0]; !strings.HasSuffix(got, c.file) || rows[c.row-1][1] != "fixture" {
			t.Errorf("%s row %d: file %q, questionnaire %q; want %s of fixture", c.sheet, c.row, got, rows[c.row-1][1], c.file)
		}
	}
}
