package textfmt

import (
	"bytes"
	"strings"
	"testing"
)

// One Tables writes each table exactly as Table alone would: nothing of a table (its widths,
// its alignment, its rows) carries over to the next.
func TestTablesReused(t *testing.T) {
	tables := []struct {
		header []string
		rows   [][]string
		right  []bool
	}{
		{[]string{"Pillar", "Score"}, [][]string{{"Prevention", "30.2"}, {"Detection", "5.0"}}, []bool{false, true}},
		{[]string{"H", "Gap", "Note"}, [][]string{{"C", "1", "a much longer cell than before"}}, []bool{false, true, false}},
		{[]string{"Pillar", "Score"}, [][]string{{"Response", "100.0"}}, []bool{false, true}},
	}
	var ts Tables
	for i, x := range tables {
		var alone, reused bytes.Buffer
		if err := Table(&alone, x.header, x.rows, x.right); err != nil {
			t.Fatal(err)
		}
		if err := ts.Table(&reused, x.header, x.rows, x.right); err != nil {
			t.Fatal(err)
		}
		if alone.String() != reused.String() {
			t.Errorf("table %d reused:\n%s\nalone:\n%s", i, reused.String(), alone.String())
		}
	}
	// The first table, by hand: the score column right-aligned under its header.
	var b bytes.Buffer
	_ = Table(&b, tables[0].header, tables[0].rows, tables[0].right)
	if !strings.Contains(b.String(), "│ Detection  │   5.0 │") {
		t.Errorf("first table:\n%s", b.String())
	}
}
