package answers

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
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

var yamlBlockRE = regexp.MustCompile("(?s)```ya?ml\n(.*?)```")

// TestDocumentedExamplesValidate keeps the documentation honest: the answers files shown in
// README.md for the example questionnaire must load and check without a warning, like the
// fixture they are copied from.
func TestDocumentedExamplesValidate(t *testing.T) {
	q := exampleQuestionnaire(t)
	data, err := os.ReadFile(filepath.Join(fixtures, "valid", "example.answers.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := outcome(q, "example.answers.yaml", data); err != nil || got != "" {
		t.Fatalf("the documented example is not clean:\n%s", got)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Skipf("no README.md: %v", err)
	}
	checked := 0
	for _, m := range yamlBlockRE.FindAllSubmatch(readme, -1) {
		block := string(m[1])
		if !strings.Contains(block, "schema: "+Schema) || !strings.Contains(block, "id: "+q.ID) {
			continue
		}
		checked++
		if got, err := outcome(q, "README.md example", []byte(block)); err != nil || got != "" {
			t.Errorf("an answers file in README.md does not check cleanly:\n%s\n---\n%s", got, block)
		}
	}
	t.Logf("%d answers files in README.md checked", checked)
}
