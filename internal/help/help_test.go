package help

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// The examples the topics show are copies of fixtures the questionnaire and answers tests
// validate; a copy that drifts from its fixture would show users a file nobody checked.
func TestExamplesAreTheValidatedFixtures(t *testing.T) {
	for name, fixture := range map[string]string{
		"example.yaml":         "../../testdata/questionnaire/valid/example.yaml",
		"minimal.yaml":         "../../testdata/questionnaire/valid/minimal.yaml",
		"example.answers.yaml": "../../testdata/answers/valid/example.answers.yaml",
	} {
		got, err := Example(name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.FromSlash(fixture))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("examples/%s differs from %s: copy the fixture over it", name, fixture)
		}
	}
}

// Every topic renders, fills in its examples and fits an 80-column terminal.
func TestTopicsFitATerminal(t *testing.T) {
	var names []string
	for _, topic := range Topics() {
		names = append(names, topic.Name)
	}
	if want := "questionnaire-format answers-format scoring output-formats"; strings.Join(names, " ") != want {
		t.Fatalf("topics %v, want %s (DESIGN §6 names the first three)", names, want)
	}
	for _, topic := range Topics() {
		text, err := Text(topic.Name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(text, "@example") {
			t.Errorf("%s: an @example line was not filled in", topic.Name)
		}
		for i, line := range strings.Split(text, "\n") {
			if n := utf8.RuneCountInString(line); n > 80 {
				t.Errorf("%s line %d is %d characters wide: %q", topic.Name, i+1, n, line)
			}
			if strings.ContainsRune(line, '\t') {
				t.Errorf("%s line %d holds a tab", topic.Name, i+1)
			}
		}
		if len(topic.Short) > 70 {
			t.Errorf("%s: the one-line summary is %d characters", topic.Name, len(topic.Short))
		}
	}
}

func TestExampleLinesAreIndented(t *testing.T) {
	text, err := Text("questionnaire-format")
	if err != nil {
		t.Fatal(err)
	}
	// The first line of the complete example, indented by four spaces.
	if !strings.Contains(text, "\n  schema: cbrn.questionnaire/v1\n  id: example-readiness\n") {
		t.Errorf("the complete example is not shown indented:\n%s", text)
	}
	if _, err := Text("no-such-topic"); err == nil {
		t.Error("an unknown topic gave no error")
	}
}
