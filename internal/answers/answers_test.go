package answers

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

func loadValid(t *testing.T, name string) *File {
	t.Helper()
	f, err := Load(filepath.Join(fixtures, "valid", name))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestExampleAnswers(t *testing.T) {
	q := exampleQuestionnaire(t)
	f := loadValid(t, "example.answers.yaml")
	if f.Path != filepath.Join(fixtures, "valid", "example.answers.yaml") {
		t.Errorf("Path = %q", f.Path)
	}
	if want := (Ref{ID: "example-readiness", Version: "1.0.0"}); f.Questionnaire != want {
		t.Errorf("Questionnaire = %+v", f.Questionnaire)
	}
	want := Respondent{Name: "A. Focal Point", Organisation: "National CBRN authority", Country: "Examplia", Role: "National focal point"}
	if f.Respondent != want || f.Language != "en" {
		t.Errorf("Respondent = %+v, Language %q", f.Respondent, f.Language)
	}
	if !f.Created.Equal(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)) || !f.Updated.Equal(time.Date(2026, 11, 27, 10, 42, 0, 0, time.UTC)) {
		t.Errorf("Created %v, Updated %v", f.Created, f.Updated)
	}
	order := []string{"PRV-LEG-01", "PRV-LEG-02", "DET-BRD-01", "DET-BRD-02", "PRP-STF-01", "RSP-LSN-01"}
	if !reflect.DeepEqual(f.Order, order) || len(f.Answers) != 6 {
		t.Errorf("Order = %v", f.Order)
	}
	a := f.Get("PRV-LEG-01")
	if a.Confidence != "documented" || a.Note != "Law 12/2021, art. 4" || !a.At.Equal(time.Date(2026, 11, 27, 10, 5, 0, 0, time.UTC)) || a.Line != 13 || a.Col != 3 {
		t.Errorf("PRV-LEG-01 = %+v", a)
	}

	ws, err := f.Check(q)
	if err != nil || len(ws) != 0 {
		t.Fatalf("Check = %v, %v", ws, err)
	}
	// After Check every value has its question's Go type.
	values := map[string]any{
		"PRV-LEG-01": true,
		"PRV-LEG-02": 3,
		"DET-BRD-01": "some",
		"DET-BRD-02": []string{"portal", "handheld"},
		"RSP-LSN-01": "The 2025 border exercise: the hospitals were alerted too late.",
	}
	for id, want := range values {
		got, ok := f.Value(id)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("Value(%s) = %#v, %v; want %#v", id, got, ok, want)
		}
	}
	if a := f.Get("PRP-STF-01"); !a.Unknown || a.HasValue() || a.Note != "the training register is being rebuilt" {
		t.Errorf("PRP-STF-01 = %+v", a)
	}
	if _, ok := f.Value("PRP-STF-01"); ok {
		t.Error("an unknown answer has no value")
	}
	if _, ok := f.Value("NOPE"); ok || f.Get("NOPE") != nil {
		t.Error("an unanswered question has no value")
	}
}

// Before Check, values are what the YAML says; every spelling of a number YAML allows is read.
func TestRawValues(t *testing.T) {
	f := loadValid(t, "roundtrip.answers.yaml")
	raw := map[string]any{
		"PRV-LEG-01": true,
		"PRV-LEG-02": 3,
		"DET-BRD-02": []string{"portal", "handheld"},
		"PRP-STF-01": 1250, // 1_250
		"RSP-LSN-01": 2024,
		"OLD-01":     31,   // 0x1F
		"OLD-02":     "42", // quoted: a string
		"OLD-03":     math.Inf(1),
		"OLD-05":     []string{"a", "2", "true"},
		"OLD-06":     0.0025,
		"OLD-07":     "high",
	}
	for id, want := range raw {
		if got := f.Answers[id].Value; !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", id, got, want)
		}
	}
	if a := f.Get("DET-BRD-01"); !a.NA || a.Value != nil || a.Note != "No border crossings with \"radiation portals\" yet;\nsee the customs report." {
		t.Errorf("DET-BRD-01 = %+v", a)
	}
	// Check normalises: a number question's 1250 becomes 1250.0, a text question's 2024 the text "2024".
	if _, err := f.Check(exampleQuestionnaire(t)); err != nil {
		t.Fatal(err)
	}
	if v := f.Answers["PRP-STF-01"].Value; v != 1250.0 {
		t.Errorf("PRP-STF-01 = %#v, want 1250.0", v)
	}
	if v := f.Answers["RSP-LSN-01"].Value; v != "2024" {
		t.Errorf("RSP-LSN-01 = %#v, want the text \"2024\" as written", v)
	}
	if v := f.Answers["OLD-01"].Value; v != 31 {
		t.Errorf("OLD-01 = %#v: answers to unknown questions are left as they are", v)
	}
}

func TestNormalise(t *testing.T) {
	q := exampleQuestionnaire(t)
	qq := func(id string) *questionnaire.Question {
		x, ok := q.Question(id)
		if !ok {
			t.Fatalf("no %s", id)
		}
		return x
	}
	scale, yesno, choice, multi, number, text := qq("PRV-LEG-02"), qq("PRV-LEG-01"), qq("DET-BRD-01"), qq("DET-BRD-02"), qq("PRP-STF-01"), qq("RSP-LSN-01")
	tests := []struct {
		q    *questionnaire.Question
		v    any
		raw  string
		want any
		msg  string
	}{
		{scale, 2, "2", 2, ""},
		{scale, 4.0, "4.0", 4, ""}, // a whole float is a level
		{scale, 2.5, "2.5", nil, `question PRV-LEG-02 is a scale question: its value must be a level from 1 to 4, not 2.5`},
		{scale, 0, "0", nil, `question PRV-LEG-02: level 0 is not on its scale; the value must be a level from 1 to 4`},
		{scale, "3", "3", nil, `question PRV-LEG-02 is a scale question: its value must be a level from 1 to 4, not "3"`},
		{yesno, false, "false", false, ""},
		{yesno, "no", "no", nil, `question PRV-LEG-01 is a yesno question: its value must be true or false, not "no"`},
		{yesno, 1, "1", nil, `question PRV-LEG-01 is a yesno question: its value must be true or false, not 1`},
		{choice, "all", "all", "all", ""},
		{choice, "ALL", "ALL", nil, `question DET-BRD-01 has no choice "ALL"; did you mean "all"?`},
		{choice, "maybe", "maybe", nil, `question DET-BRD-01 has no choice "maybe" (choices: none, some, all)`},
		{choice, 1, "", nil, `question DET-BRD-01 is a choice question: its value must be one of none, some, all, not 1`},
		{multi, []string{}, "", []string{}, ""}, // none chosen is an answer
		{multi, []string{"handheld"}, "", []string{"handheld"}, ""},
		{multi, []string{"portal", "x"}, "", nil, `question DET-BRD-02 has no choice "x" (choices: portal, handheld)`},
		{number, 12, "12", 12.0, ""},
		{number, 0.5, "0.5", 0.5, ""},
		{number, 100000, "100000", 100000.0, ""}, // the bounds are included
		{number, 100001, "100001", nil, `question PRP-STF-01: 100001 is above the maximum 100000`},
		{number, -0.5, "-0.5", nil, `question PRP-STF-01: -0.5 is below the minimum 0`},
		{number, math.NaN(), ".nan", nil, `question PRP-STF-01 is a number question: its value must be a finite number, not NaN`},
		{number, true, "true", nil, `question PRP-STF-01 is a number question: its value must be a number, not true`},
		{text, "hello", "hello", "hello", ""},
		{text, 3.50, "3.50", "3.50", ""}, // as written, not as the number
		{text, true, "", "true", ""},     // no raw form (made in memory): the canonical one
		{text, []string{"a"}, "", nil, `question RSP-LSN-01 is a text question: its value must be a text, not [a]`},
	}
	for _, tt := range tests {
		got, msg := Normalise(tt.q, tt.v, tt.raw)
		if msg != tt.msg || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Normalise(%s, %#v) = %#v, %q\n want %#v, %q", tt.q.ID, tt.v, got, msg, tt.want, tt.msg)
		}
	}
}

func TestNewSetDelete(t *testing.T) {
	q := exampleQuestionnaire(t)
	now := time.Date(2026, 11, 27, 11, 30, 15, 999, time.FixedZone("CET", 3600))
	f := New(q, now)
	if f.Questionnaire != (Ref{ID: q.ID, Version: q.Version, Digest: q.Digest}) || f.Language != "en" {
		t.Errorf("New = %+v", f)
	}
	// Times are kept in UTC to the second.
	if want := time.Date(2026, 11, 27, 10, 30, 15, 0, time.UTC); f.Created != want || f.Updated != want {
		t.Errorf("Created %v, Updated %v, want %v", f.Created, f.Updated, want)
	}
	f.Set("PRV-LEG-02", &Answer{Value: 2})
	f.Set("PRV-LEG-01", &Answer{Value: true})
	f.Set("PRV-LEG-02", &Answer{Value: 3}) // a new answer keeps the question's place
	f.Set("DET-BRD-01", &Answer{NA: true})
	if want := []string{"PRV-LEG-02", "PRV-LEG-01", "DET-BRD-01"}; !reflect.DeepEqual(f.Order, want) {
		t.Errorf("Order = %v, want %v", f.Order, want)
	}
	if v, _ := f.Value("PRV-LEG-02"); v != 3 {
		t.Errorf("Value = %v", v)
	}
	f.Delete("PRV-LEG-01")
	f.Delete("NEVER-ANSWERED")
	if want := []string{"PRV-LEG-02", "DET-BRD-01"}; !reflect.DeepEqual(f.Order, want) || f.Get("PRV-LEG-01") != nil {
		t.Errorf("after Delete: Order %v", f.Order)
	}
	var empty File
	empty.Set("X", &Answer{Unknown: true})
	if empty.Get("X") == nil {
		t.Error("Set on a zero File must work")
	}
}

func TestMarshal(t *testing.T) {
	f := &File{
		Questionnaire: Ref{ID: "example-readiness", Version: "1.0.0", Digest: "sha256:abc"},
		Respondent:    Respondent{Name: "A: B", Country: "Examplia"},
		Language:      "fr",
		Created:       time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC),
		Updated:       time.Date(2026, 11, 27, 11, 0, 0, 0, time.FixedZone("CET", 3600)),
	}
	f.Set("PRV-LEG-02", &Answer{Value: 3, Confidence: "documented", Note: "Decree \"12\"", At: time.Date(2026, 11, 27, 10, 5, 0, 0, time.UTC)})
	f.Set("PRV-LEG-01", &Answer{Value: true})
	f.Set("DET-BRD-01", &Answer{NA: true, Note: "no border"})
	f.Set("DET-BRD-02", &Answer{Value: []string{"portal", "handheld"}})
	f.Set("PRP-STF-01", &Answer{Value: 12.0})
	f.Set("RSP-LSN-01", &Answer{Value: "true"}) // a text that looks like a boolean stays a text
	f.Set("X-01", &Answer{Unknown: true})
	f.Set("X-02", &Answer{Value: 0.25})
	got, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	want := `schema: cbrn.answers/v1
questionnaire: {id: example-readiness, version: 1.0.0, digest: 'sha256:abc'}
respondent:
  name: 'A: B'
  country: Examplia
language: fr
created: "2026-11-27T10:00:00Z"
updated: "2026-11-27T10:00:00Z"
answers:
  PRV-LEG-02: {value: 3, confidence: documented, note: "Decree \"12\"", at: "2026-11-27T10:05:00Z"}
  PRV-LEG-01: {value: true}
  DET-BRD-01: {na: true, note: "no border"}
  DET-BRD-02: {value: [portal, handheld]}
  PRP-STF-01: {value: 12}
  RSP-LSN-01: {value: "true"}
  X-01: {unknown: true}
  X-02: {value: 0.25}
`
	if string(got) != want {
		t.Errorf("Marshal:\n%s\nwant:\n%s", got, want)
	}
	// With no answers yet the file still says so explicitly.
	empty, _ := (&File{Questionnaire: Ref{ID: "q"}}).Marshal()
	if string(empty) != "schema: cbrn.answers/v1\nquestionnaire: {id: q}\nanswers: {}\n" {
		t.Errorf("empty Marshal:\n%s", empty)
	}
}

// TestSaveRoundTrip: load → save → load gives the same answers, including answers to questions
// the questionnaire does not have and every kind of value, checked or not.
func TestSaveRoundTrip(t *testing.T) {
	q := exampleQuestionnaire(t)
	for _, checked := range []bool{false, true} {
		orig := loadValid(t, "roundtrip.answers.yaml")
		if checked {
			if _, err := orig.Check(q); err != nil {
				t.Fatal(err)
			}
		}
		path := filepath.Join(t.TempDir(), "saved.answers.yaml")
		if err := orig.Save(path); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if mode := st.Mode().Perm(); mode != 0o600 {
			t.Errorf("mode = %o, want 600", mode)
		}
		again, err := Load(path)
		if err != nil {
			data, _ := os.ReadFile(path)
			t.Fatalf("the saved file does not load: %v\n%s", err, data)
		}
		if checked {
			if _, err := again.Check(q); err != nil {
				t.Fatal(err)
			}
		}
		sameFile(t, orig, again)

		// Saving what was loaded changes nothing: byte for byte.
		first, _ := os.ReadFile(path)
		if err := again.Save(path); err != nil {
			t.Fatal(err)
		}
		second, _ := os.ReadFile(path)
		if string(first) != string(second) {
			t.Errorf("second save differs:\n%s\n---\n%s", first, second)
		}
	}
}

func sameFile(t *testing.T, a, b *File) {
	t.Helper()
	if a.Questionnaire != b.Questionnaire || a.Respondent != b.Respondent || a.Language != b.Language ||
		!a.Created.Equal(b.Created) || !a.Updated.Equal(b.Updated) {
		t.Errorf("header differs:\n%+v\n%+v", a, b)
	}
	if !reflect.DeepEqual(a.Order, b.Order) {
		t.Errorf("Order %v, then %v", a.Order, b.Order)
	}
	for _, id := range a.Order {
		x, y := a.Answers[id], b.Answers[id]
		if y == nil {
			t.Errorf("%s lost", id)
			continue
		}
		if !sameValue(x.Value, y.Value) || x.NA != y.NA || x.Unknown != y.Unknown || x.Confidence != y.Confidence ||
			x.Note != y.Note || !x.At.Equal(y.At) {
			t.Errorf("%s: %#v, then %#v", id, x, y)
		}
	}
}

func sameValue(a, b any) bool {
	if x, ok := a.(float64); ok {
		if y, ok := b.(float64); ok && math.IsNaN(x) && math.IsNaN(y) {
			return true
		}
	}
	return reflect.DeepEqual(a, b)
}

func TestSaveReplacesAFileWithLooserPermissions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.answers.yaml")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := loadValid(t, "minimal.answers.yaml")
	if err := f.Save(path); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	data, _ := os.ReadFile(path)
	// The fixture's comment is kept (see TestCommentsAndBlankLinesSurviveASave).
	if st.Mode().Perm() != 0o600 || !strings.HasPrefix(string(data), "# The smallest answers file: only the required keys.\nschema: cbrn.answers/v1\n") {
		t.Errorf("mode %o, content %q", st.Mode().Perm(), data)
	}
}

func TestSaveIntoMissingFolderFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "no", "such", "a.answers.yaml")
	err := loadValid(t, "minimal.answers.yaml").Save(path)
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("Save = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Save left %v behind", entries)
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml")); err == nil || !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
	big := make([]byte, MaxFileSize+1)
	if _, err := Parse("big.yaml", big); err == nil || err.Error() != "big.yaml: the file is larger than 4 MiB" {
		t.Errorf("Parse(4 MiB + 1) = %v", err)
	}
}

func TestCheckCapsWarnings(t *testing.T) {
	var b strings.Builder
	b.WriteString("schema: cbrn.answers/v1\nquestionnaire: {id: example-readiness}\nanswers:\n")
	for i := range 250 {
		fmt.Fprintf(&b, "  GONE-%03d: {unknown: true}\n", i)
	}
	f, err := Parse("many.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	ws, err := f.Check(exampleQuestionnaire(t))
	if err != nil || len(ws) != 201 || ws[200].String() != "many.yaml: 50 more problems not shown; fix the ones above and run again" {
		t.Fatalf("%d warnings, last %v, err %v", len(ws), ws[len(ws)-1], err)
	}
}

// An answer that holds only a note is a question to answer again (cbrn migrate writes the old
// answer to a reworded question that way): it is read, written back as it was, and not given.
func TestNoteOnlyAnswerIsNotGiven(t *testing.T) {
	src := "schema: cbrn.answers/v1\nquestionnaire: {id: example-readiness}\nanswers:\n  PRV-LEG-02: {note: \"Answer under 1.0.0: 3 Established\"}\n"
	f, err := Parse("a.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a := f.Get("PRV-LEG-02")
	if a == nil || a.Given() || a.HasValue() || a.Note != "Answer under 1.0.0: 3 Established" {
		t.Fatalf("answer %+v, given %v", a, a.Given())
	}
	out, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "  PRV-LEG-02: {note: \"Answer under 1.0.0: 3 Established\"}\n") {
		t.Errorf("written as:\n%s", out)
	}
	for _, x := range []*Answer{{NA: true}, {Unknown: true}, {Value: 3}} {
		if !x.Given() {
			t.Errorf("%+v is not given", x)
		}
	}
	if (*Answer)(nil).Given() {
		t.Error("a missing answer is given")
	}
}
