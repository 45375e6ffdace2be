package answers

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

const fixtures = "../../testdata/answers"

// exampleQuestionnaire is the questionnaire every answers fixture answers.
func exampleQuestionnaire(t testing.TB) *questionnaire.Questionnaire {
	t.Helper()
	q, err := questionnaire.Load("../../testdata/questionnaire/valid/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// outcome loads an answers file and checks it against q, rendering what a user sees: the
// warnings as "warning: FILE:LINE:COL: message", then the errors, one per line.
func outcome(q *questionnaire.Questionnaire, name string, data []byte) (string, error) {
	f, err := Parse(name, data)
	if err != nil {
		return err.Error(), err
	}
	warnings, err := f.Check(q)
	var lines []string
	for _, w := range warnings {
		lines = append(lines, "warning: "+w.String())
	}
	if err != nil {
		lines = append(lines, err.Error())
	}
	return strings.Join(lines, "\n"), err
}

func readWant(t *testing.T, path string) string {
	t.Helper()
	want, err := os.ReadFile(strings.TrimSuffix(path, ".yaml") + ".want")
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return ""
		}
		t.Fatal(err)
	}
	return strings.TrimRight(string(want), "\n")
}

// TestInvalidFixtures checks every rule of the answers format: each
// testdata/answers/invalid/NAME.answers.yaml breaks one (a few several), and NAME.answers.want
// holds exactly what the user is told, warnings first.
func TestInvalidFixtures(t *testing.T) {
	q := exampleQuestionnaire(t)
	files, _ := filepath.Glob(filepath.Join(fixtures, "invalid", "*.answers.yaml"))
	if len(files) < 40 {
		t.Fatalf("found %d invalid fixtures; expected one per rule", len(files))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".answers.yaml"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want := readWant(t, path)
			if want == "" {
				t.Fatal("no expected output")
			}
			got, err := outcome(q, name, data)
			if err == nil {
				t.Fatalf("accepted; want\n%s", want)
			}
			var de *diag.Error
			if !errors.As(err, &de) {
				t.Fatalf("error is %T, want *diag.Error: %v", err, err)
			}
			if got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestValidFixtures: each file in testdata/answers/valid is accepted, with exactly the warnings
// in its .want file (none when there is no such file).
func TestValidFixtures(t *testing.T) {
	q := exampleQuestionnaire(t)
	files, _ := filepath.Glob(filepath.Join(fixtures, "valid", "*.answers.yaml"))
	if len(files) < 4 {
		t.Fatalf("found %d valid fixtures", len(files))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := outcome(q, name, data)
			if err != nil {
				t.Fatalf("refused:\n%s", got)
			}
			if want := readWant(t, path); got != want {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestEveryWantHasAFixture(t *testing.T) {
	for _, dir := range []string{"valid", "invalid"} {
		wants, _ := filepath.Glob(filepath.Join(fixtures, dir, "*.want"))
		for _, w := range wants {
			if _, err := os.Stat(strings.TrimSuffix(w, ".want") + ".yaml"); err != nil {
				t.Errorf("%s has no fixture", w)
			}
		}
	}
}
