package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

func TestCSVCell(t *testing.T) {
	for _, c := range []struct {
		v    Value
		want string
	}{
		{Value{Kind: Score, F: 350.0 / 6}, "58.333333333333336"}, // full precision
		{Value{Kind: Score, F: 75}, "75"},
		{Value{Kind: Fraction, F: 1.0 / 3}, "0.3333333333333333"},
		{Value{Kind: Number, F: 1e-7}, "1e-7"},
		{Value{Kind: Score, Null: true}, ""},
		{Value{Kind: Integer, F: 3}, "3"},
		{Value{Kind: Bool, B: true}, "true"},
		{Value{Kind: Time, F: 1740819600}, "2025-03-01T09:00:00Z"},
		{Value{Kind: List, L: []string{"C", "B"}}, "C B"},
		{Value{Kind: List, L: []string{}}, ""},
		{Value{Kind: Text, S: "=cmd"}, "'=cmd"},
		{Value{Kind: Text, S: "-1"}, "'-1"}, // text that looks like a number stays text
	} {
		if got := CSVCell(c.v); got != c.want {
			t.Errorf("CSVCell(%+v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// The CSV encoder quotes as encoding/csv does: what it writes reads back as the same fields.
func TestCSVEncodingReadsBack(t *testing.T) {
	fields := []string{"", "plain", "a,b", `say "hi"`, "two\nlines", "cr\rhere", " lead", `\.`, "été"}
	var buf bytes.Buffer
	w, err := NewCSV(&buf, []Column{{Name: "a,b"}})
	if err != nil {
		t.Fatal(err)
	}
	row := make([]Value, len(fields))
	for i, f := range fields {
		row[i] = Value{Kind: Text, S: f}
	}
	if err := w.Write(w.Encode(nil, Block{Head: row[:2], Rows: [][]Value{row[2:]}})); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&buf)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%v in:\n%s", err, buf.String())
	}
	if len(recs) != 2 || recs[0][0] != "a,b" {
		t.Fatalf("records = %q", recs)
	}
	for i, f := range fields {
		if want := textfmt.Cell(f); recs[1][i] != want {
			t.Errorf("field %d = %q, want %q", i, recs[1][i], want)
		}
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", `"\`, "\x00\x1f\u2028\u2029", "été", "\xff\xfe", "<&>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := appendJSONString(nil, s)
		var back string
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%q encodes as invalid JSON %s: %v", s, b, err)
		}
		// The same string as encoding/json's: invalid bytes become U+FFFD.
		var viaStd string
		std, _ := json.Marshal(s)
		if err := json.Unmarshal(std, &viaStd); err != nil {
			t.Fatal(err)
		}
		if back != viaStd {
			t.Fatalf("%q reads back as %q, encoding/json gives %q", s, back, viaStd)
		}
	})
}

func TestJSONTableParsesBack(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewJSON(&buf, Question, Columns(Question))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"alpha", "beta"} {
		if err := w.Write(w.Encode(nil, Build(Question, fixture(t, name, score.Options{}), ""))); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	var doc struct {
		Schema  string           `json:"schema"`
		Level   string           `json:"level"`
		Columns []string         `json:"columns"`
		Rows    []map[string]any `json:"rows"`
	}
	dec := json.NewDecoder(&buf)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != "cbrn.export/v1" || doc.Level != "question" || len(doc.Columns) != len(Columns(Question)) {
		t.Fatalf("schema %q level %q columns %d", doc.Schema, doc.Level, len(doc.Columns))
	}
	if len(doc.Rows) != 14 { // 2 assessments × 7 questions
		t.Fatalf("%d rows, want 14", len(doc.Rows))
	}
	p1 := doc.Rows[0]
	if p1["question"] != "P1" || p1["score"] != json.Number("50") || p1["critical"] != true || p1["created"] != "2025-03-01T09:00:00Z" {
		t.Errorf("alpha P1 = %v", p1)
	}
	if hz, ok := p1["hazards"].([]any); !ok || len(hz) != 4 {
		t.Errorf("hazards = %#v, want an array of 4", p1["hazards"])
	}
	if v, ok := doc.Rows[3]["value"].([]any); !ok || len(v) != 2 {
		t.Errorf("D2 value = %#v, want an array", doc.Rows[3]["value"])
	}
	if doc.Rows[6]["value"] != `=HYPERLINK("http://example.invalid")` {
		t.Errorf("text value = %v: JSON keeps text as it is", doc.Rows[6]["value"])
	}
	beta := doc.Rows[7]
	for _, k := range []string{"score", "respondent", "created", "value", "level"} {
		if v, ok := beta[k]; !ok || v != nil {
			t.Errorf("beta P1 %s = %#v, want null", k, v)
		}
	}
	if acts, ok := beta["activities"].([]any); !ok || len(acts) != 1 || acts[0] != "needs-assessment" {
		t.Errorf("beta P1 activities = %#v", beta["activities"])
	}
	// Key order is column order.
	line := strings.Split(text, "\n")[1]
	if !strings.HasPrefix(line, `{"file":"alpha.answers.yaml","questionnaire":"fixture",`) {
		t.Errorf("first row starts %q", line[:60])
	}
}

func TestJSONTableEmpty(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewJSON(&buf, Pillar, Columns(Pillar))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var doc struct{ Rows []any }
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil || doc.Rows == nil || len(doc.Rows) != 0 {
		t.Errorf("empty table %s: %v", buf.String(), err)
	}
}

// The encoder's fast path writes exactly what CSVCell gives, quoted as encoding/csv would.
func TestAppendCSVValueMatchesCSVCell(t *testing.T) {
	values := []Value{
		{Kind: Text, S: "=1+1"}, {Kind: Text, S: "-a,b"}, {Kind: Text, S: `@"q"`}, {Kind: Text, S: "\tx\ny"},
		{Kind: Text, S: " lead"}, {Kind: Text, S: `\.`}, {Kind: Text, S: "plain"}, {Kind: Text, S: ""},
		{Kind: List, L: []string{"C", "B"}}, {Kind: List, L: []string{"=x", "y"}}, {Kind: List, L: []string{"a,b"}},
		{Kind: List, L: []string{}}, {Kind: Score, F: 2.0 / 3}, {Kind: Integer, F: -4}, {Kind: Bool},
		{Kind: Time, F: 1740819600}, {Kind: Number, Null: true},
	}
	for _, v := range values {
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		w.Write([]string{CSVCell(v)})
		w.Flush()
		if got := string(appendCSVValue(nil, v)) + "\n"; got != want.String() {
			t.Errorf("%+v: %q, encoding/csv writes %q", v, got, want.String())
		}
	}
}
