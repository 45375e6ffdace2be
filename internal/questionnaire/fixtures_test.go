package questionnaire

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

const fixtures = "../../testdata/questionnaire"

// TestInvalidFixtures checks every validation rule against its fixture: each
// testdata/questionnaire/invalid/NAME.yaml breaks one rule (a few break several, to show that all
// problems are reported), and NAME.want holds the exact messages, one per line, as
// NAME.yaml:LINE:COL: message.
func TestInvalidFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtures, "invalid", "*.yaml"))
	if err != nil || len(files) < 90 {
		t.Fatalf("found %d invalid fixtures (%v); expected one per rule", len(files), err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(path, ".yaml") + ".want")
			if err != nil {
				t.Fatalf("no expected output: %v", err)
			}
			q, err := Parse(name, data)
			if err == nil {
				t.Fatalf("Parse accepted the file (questionnaire %s); want\n%s", q.ID, want)
			}
			if q != nil {
				t.Error("Parse returned a questionnaire along with an error")
			}
			var de *diag.Error
			if !errors.As(err, &de) {
				t.Fatalf("error is %T, want *diag.Error: %v", err, err)
			}
			if got := err.Error(); got != strings.TrimRight(string(want), "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// Every .want file belongs to a fixture, so that a renamed fixture cannot leave its expectation
// unchecked.
func TestEveryWantHasAFixture(t *testing.T) {
	wants, _ := filepath.Glob(filepath.Join(fixtures, "invalid", "*.want"))
	for _, w := range wants {
		if _, err := os.Stat(strings.TrimSuffix(w, ".want") + ".yaml"); err != nil {
			t.Errorf("%s has no fixture", w)
		}
	}
}

func TestValidFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "valid", "*.yaml"))
	if len(files) < 3 {
		t.Fatalf("found %d valid fixtures, want at least 3", len(files))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			q, err := Load(path)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if len(q.Questions) == 0 {
				t.Error("no questions")
			}
		})
	}
}

func TestShippedQuestionnairesAreValid(t *testing.T) {
	ids := questionnaires.IDs()
	if len(ids) == 0 {
		t.Fatal("no shipped questionnaire")
	}
	for _, id := range ids {
		data, name, ok := questionnaires.File(id)
		if !ok {
			t.Fatalf("File(%q) not found though IDs lists it", id)
		}
		q, err := Parse(name, data)
		if err != nil {
			t.Errorf("%s:\n%v", name, err)
			continue
		}
		if q.ID != id {
			t.Errorf("%s has id %q; the file name and the id must agree", name, q.ID)
		}
	}
}

var yamlBlockRE = regexp.MustCompile("(?s)```ya?ml\n(.*?)```")

// TestDocumentedExamplesValidate keeps the documentation honest: the reference example is this
// fixture, and every questionnaire shown in README.md must validate.
func TestDocumentedExamplesValidate(t *testing.T) {
	example, err := os.ReadFile(filepath.Join(fixtures, "valid", "example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse("example.yaml", example); err != nil {
		t.Fatalf("the reference example does not validate:\n%v", err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Skipf("no README.md: %v", err)
	}
	checked := 0
	for _, m := range yamlBlockRE.FindAllSubmatch(readme, -1) {
		block := m[1]
		if !bytes.Contains(block, []byte("schema: "+Schema)) || bytes.Contains(block, []byte("...")) {
			continue // a fragment, or the format sketch with elided texts
		}
		checked++
		if _, err := Parse("README.md example", block); err != nil {
			t.Errorf("a questionnaire in README.md does not validate:\n%v\n---\n%s", err, block)
		}
	}
	t.Logf("%d complete questionnaires in README.md validated", checked)
}
