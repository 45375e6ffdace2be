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

// drawBoth draws a table directly with the renderer and through a tablewriter Table; ok is
// false when the direct path declines it.
func drawBoth(header []string, rows [][]string, right []bool) (direct_, table string, ok bool) {
	var d bytes.Buffer
	if !direct(&d, header, rows, right) {
		return "", "", false
	}
	var ts Tables
	if err := ts.table(header, rows, right); err != nil {
		return d.String(), "error: " + err.Error(), true
	}
	return d.String(), ts.buf.String(), true
}

// The renderer driven directly draws the very bytes a tablewriter Table draws, for the tables
// cbrn writes: a header wider or narrower than its cells, an empty header cell (the corner of
// the pillar × hazard grid), empty cells, one row, wide and combining characters, and
// right-aligned columns.
func TestTablesDirectAsTablewriter(t *testing.T) {
	cases := []struct {
		header []string
		rows   [][]string
		right  []bool
	}{
		{[]string{"Pillar", "Score"}, [][]string{{"Prevention", "30.2"}, {"Detection", "5.0"}}, []bool{false, true}},
		{[]string{"", "Chemical", "Biological"}, [][]string{{"Prevention", "36.6", "34.9"}, {"Response", "–", ""}}, []bool{false, true, true}},
		{[]string{"A very long header", "B"}, [][]string{{"x", "1"}}, []bool{false, true}},
		{[]string{"Pays", "Réponse"}, [][]string{{"Côte d’Ivoire", "100\u202f%"}, {"日本", "é"}, {"e\u0301", ""}}, nil},
		{[]string{"Id", "Answer", "Note"}, [][]string{{"PRV-LEG-01", "3 · Established", "Decree 2021-14"}, {"DET-LAB-02", "don't know", ""}}, []bool{false, false, false}},
	}
	for i, c := range cases {
		d, tb, ok := drawBoth(c.header, c.rows, c.right)
		if !ok {
			t.Errorf("case %d: declined", i)
			continue
		}
		if d != tb {
			t.Errorf("case %d: direct:\n%s\ntablewriter:\n%s", i, d, tb)
		}
	}
	// The first case by hand: borders, the header left-aligned, the score right-aligned.
	d, _, _ := drawBoth(cases[0].header, cases[0].rows, cases[0].right)
	want := "┌────────────┬───────┐\n" +
		"│ Pillar     │ Score │\n" +
		"├────────────┼───────┤\n" +
		"│ Prevention │  30.2 │\n" +
		"│ Detection  │   5.0 │\n" +
		"└────────────┴───────┘\n"
	if d != want {
		t.Errorf("first case:\n%s\nwant:\n%s", d, want)
	}
}

// The direct path declines what a tablewriter Table would change or split: a cell of two
// lines, a tab, surrounding space, a row shorter than the header, no rows.
func TestTablesDirectDeclines(t *testing.T) {
	for i, c := range []struct {
		header []string
		rows   [][]string
	}{
		{[]string{"A"}, [][]string{{"two\nlines"}}},
		{[]string{"A"}, [][]string{{"a\tb"}}},
		{[]string{"A"}, [][]string{{" padded"}}},
		{[]string{"A "}, [][]string{{"x"}}},
		{[]string{"A", "B"}, [][]string{{"x"}}},
		{[]string{"A"}, nil},
		{nil, [][]string{{"x"}}},
	} {
		var b bytes.Buffer
		if direct(&b, c.header, c.rows, nil) || b.Len() != 0 {
			t.Errorf("case %d: drawn directly:\n%s", i, b.String())
		}
	}
}

// FuzzTablesDirect: whatever the direct path draws, a tablewriter Table draws the same.
func FuzzTablesDirect(f *testing.F) {
	f.Add(uint8(2), "Pillar|Score|Prevention|30.2|Detection|5.0", uint8(2))
	f.Add(uint8(3), "|Chemical|Biological|Prevention|36.6|34.9", uint8(6))
	f.Add(uint8(2), "日本|é|e\u0301||x|100\u202f%", uint8(0))
	f.Fuzz(func(t *testing.T, cols uint8, cells string, right uint8) {
		n := int(cols%6) + 1
		parts := strings.Split(cells, "|")
		if len(parts) < 2*n {
			return
		}
		header := parts[:n]
		var rows [][]string
		for i := n; i+n <= len(parts); i += n {
			rows = append(rows, parts[i:i+n])
		}
		r := make([]bool, n)
		for i := range r {
			r[i] = right&(1<<i) != 0
		}
		d, tb, ok := drawBoth(header, rows, r)
		if ok && d != tb {
			t.Errorf("header %q rows %q right %v: direct:\n%s\ntablewriter:\n%s", header, rows, r, d, tb)
		}
	})
}

// benchTable is a report's pillar table.
var benchTable = struct {
	header []string
	rows   [][]string
	right  []bool
}{
	[]string{"Pillar", "Score", "Conserv.", "Target", "Gap", "Complete", "Answered"},
	[][]string{
		{"Prevention", "42.7", "40.9", "77.3", "35.3", "94.3 %", "33/35"},
		{"Detection", "50.7", "47.9", "77.5", "28.3", "91.7 %", "22/24"},
		{"Preparedness", "36.9", "36.9", "76.8", "39.9", "100.0 %", "30/30"},
		{"Response", "33.3", "31.8", "75.0", "41.7", "93.5 %", "29/31"},
	},
	[]bool{false, true, true, true, true, true, true},
}

// BenchmarkTables draws a report's pillar table with the renderer directly, and through a
// tablewriter Table (a new one each time, as each run of cbrn makes one).
func BenchmarkTables(b *testing.B) {
	b.Run("direct", func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			direct(&buf, benchTable.header, benchTable.rows, benchTable.right)
		}
	})
	b.Run("tablewriter", func(b *testing.B) {
		for b.Loop() {
			var ts Tables
			_ = ts.table(benchTable.header, benchTable.rows, benchTable.right)
		}
	})
}
