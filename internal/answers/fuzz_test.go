package answers

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// FuzzParse feeds the answers loader arbitrary bytes, starting from every answers fixture. It
// must never panic or hang and must give the same answer twice; a refusal is a *diag.Error; and
// whatever it accepts must survive a check against the example questionnaire and a save: what is
// written reads back as the same answers.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join(fixtures, dir, "*.answers.yaml"))
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	q := exampleQuestionnaire(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("fuzz.yaml", data)
		_, err2 := Parse("fuzz.yaml", data)
		if (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) {
			t.Fatalf("two runs disagree:\n%v\n---\n%v", err, err2)
		}
		if err != nil {
			var de *diag.Error
			if !errors.As(err, &de) || len(de.Problems) == 0 {
				t.Fatalf("error %T without problems: %v", err, err)
			}
			return
		}
		if a.Questionnaire.ID == "" && a.refLine == 0 {
			t.Fatal("accepted without a questionnaire")
		}
		roundTrip(t, a, nil)
		// Checking may refuse, but must not panic; what it accepts must save, load and check the same.
		ws, err := a.Check(q)
		if err == nil {
			b := roundTrip(t, a, q)
			ws2, err := b.Check(q)
			if err != nil || len(ws2) != len(ws) {
				t.Fatalf("after a save: %d warnings (was %d), %v", len(ws2), len(ws), err)
			}
		}
	})
}

// roundTrip saves a and loads it back; when q is given, a was checked against it and so is the copy.
func roundTrip(t *testing.T, a *File, q *questionnaire.Questionnaire) *File {
	t.Helper()
	out, err := a.Marshal()
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	b, err := Parse("saved.yaml", out)
	if err != nil {
		t.Fatalf("the saved file does not load: %v\n%s", err, out)
	}
	if q != nil {
		if _, err := b.Check(q); err != nil {
			t.Fatalf("the saved file does not check: %v\n%s", err, out)
		}
	}
	sameFile(t, a, b)
	return b
}
