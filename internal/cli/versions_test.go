package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// The report of an assessment made with 1.0.0 reads the same forever: the figures of the
// Examplia 1.0.0 sample, scored as it names against cbrn-core 1.0.0 whatever newer version
// ships, are those in testdata/versions/golden/examplia-1.0.0.report.json, written when 1.0.0 was the
// newest. That file never changes. The report may gain fields (DESIGN §6): every value the
// golden file holds must be in the report, unchanged.
func TestExamplia100ReportNeverChanges(t *testing.T) {
	out, errOut, code := reportRun(t, false, nil, "../../questionnaires/samples/examplia-1.0.0.answers.yaml", "-o", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden, err := os.ReadFile("../../testdata/versions/golden/examplia-1.0.0.report.json")
	if err != nil {
		t.Fatal(err)
	}
	var want, got any
	if err := json.Unmarshal(golden, &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("report -o json is not JSON: %v", err)
	}
	var diffs []string
	containsJSON("", got, want, &diffs)
	if len(diffs) > 0 {
		if len(diffs) > 20 {
			diffs = append(diffs[:20], fmt.Sprintf("… and %d more", len(diffs)-20))
		}
		t.Errorf("the report of the 1.0.0 sample changed:\n%s", strings.Join(diffs, "\n"))
	}
}

// containsJSON records where got lacks or differs from a value of want: objects may gain keys,
// lists keep their length, and every other value is equal.
func containsJSON(path string, got, want any, diffs *[]string) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v, want an object", path, got))
			return
		}
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				*diffs = append(*diffs, fmt.Sprintf("%s.%s: missing", path, k))
				continue
			}
			containsJSON(path+"."+k, gv, wv, diffs)
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v, want %v", path, got, want))
			return
		}
		for i := range w {
			containsJSON(fmt.Sprintf("%s[%d]", path, i), g[i], w[i], diffs)
		}
	default:
		if !reflect.DeepEqual(got, want) {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v, want %v", path, got, want))
		}
	}
}

// The check above would not notice a golden file that holds nothing: it holds the figures.
func TestExamplia100GoldenHoldsTheFigures(t *testing.T) {
	golden, err := os.ReadFile("../../testdata/versions/golden/examplia-1.0.0.report.json")
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Questionnaire struct{ ID, Version string }
		Overall       struct{ Score *float64 }
		Questions     []json.RawMessage
	}
	if err := json.Unmarshal(golden, &r); err != nil {
		t.Fatal(err)
	}
	if r.Questionnaire.ID != "cbrn-core" || r.Questionnaire.Version != "1.0.0" || r.Overall.Score == nil || len(r.Questions) != 114 {
		t.Errorf("golden: %s %s, overall %v, %d questions", r.Questionnaire.ID, r.Questionnaire.Version, r.Overall.Score, len(r.Questions))
	}
}

// The finder: -q ID is the newest version, ID@VERSION exactly that one, an unknown version is
// refused with the shipped ones, and answers are scored against the version they name.
func TestQuestionnaireSources(t *testing.T) {
	src, err := refSource("cbrn-core@1.0.0")
	if err != nil || src.key != "shipped:cbrn-core@1.0.0" || src.file != "" {
		t.Errorf("cbrn-core@1.0.0: %+v, %v", src, err)
	}
	newest := "shipped:cbrn-core@" + mustNewest(t, "cbrn-core")
	if src, err := refSource("cbrn-core"); err != nil || src.key != newest {
		t.Errorf("cbrn-core: %+v, %v; want %s", src, err, newest)
	}
	if src, err := refSource(""); err != nil || src.key != newest {
		t.Errorf("default: %+v, %v; want %s", src, err, newest)
	}
	_, err = refSource("cbrn-core@0.1.0")
	if err == nil || !strings.Contains(err.Error(), `questionnaire cbrn-core has no version "0.1.0"; the shipped versions are 1.0.0`) {
		t.Errorf("unknown version: %v", err)
	}
	if _, err := refSource("cbrn-core@../cbrn-quick/1.0.0"); err == nil {
		t.Error("a version that is a path was accepted")
	}
	if src, err := refSource("../../testdata/report/fixture.yaml"); err != nil || src.file != "../../testdata/report/fixture.yaml" {
		t.Errorf("a path: %+v, %v", src, err)
	}
}

func mustNewest(t *testing.T, id string) string {
	t.Helper()
	src, err := refSource(id)
	if err != nil {
		t.Fatal(err)
	}
	_, v, _ := strings.Cut(src.key, "@")
	return v
}

func TestMigratedName(t *testing.T) {
	for in, want := range map[string]string{
		"examplia.answers.yaml":   "examplia-1.1.0.answers.yaml",
		"data/a b.yaml":           "data/a b-1.1.0.yaml",
		"answers":                 "answers-1.1.0",
		"x/cbrn-core.answers.yml": "x/cbrn-core-1.1.0.answers.yml",
	} {
		if got := migratedName(in, "1.1.0"); got != want {
			t.Errorf("migratedName(%q) = %q, want %q", in, got, want)
		}
	}
}

// report names the newer version and the exact command that moves the answers to it, on
// stderr; not when -q chose the questionnaire, nor for a questionnaire from a file.
func TestNoteNewerVersion(t *testing.T) {
	data, name, _ := questionnaires.Version("cbrn-quick", "1.0.0")
	// The same questionnaire as an earlier release 0.9.0 would be: 1.0.0 is then newer.
	q, err := questionnaire.Parse(name, bytes.Replace(data, []byte("\nversion: 1.0.0\n"), []byte("\nversion: 0.9.0\n"), 1))
	if err != nil || q.Version != "0.9.0" {
		t.Fatalf("%v (version %q)", err, q.Version)
	}
	newest, _ := questionnaires.Newest("cbrn-quick")
	as := &assessment{Q: q, A: &answers.File{Path: "data/team a.answers.yaml"}}
	var errb bytes.Buffer
	noteNewerVersion(&Streams{Err: &errb}, as, "")
	want := "note: scored against cbrn-quick 0.9.0, the version the answers name; " + newest + "\n" +
		"is newer. To move the answers to it:\n" +
		"  cbrn migrate 'data/team a.answers.yaml' --out 'data/team a-" + newest + ".answers.yaml'\n"
	if errb.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", errb.String(), want)
	}
	for _, c := range []struct {
		qRef, qFile string
	}{{"cbrn-quick@0.9.0", ""}, {"", "cbrn-quick.yaml"}} {
		errb.Reset()
		as.QFile = c.qFile
		noteNewerVersion(&Streams{Err: &errb}, as, c.qRef)
		if errb.Len() != 0 {
			t.Errorf("-q %q, file %q: %s", c.qRef, c.qFile, errb.String())
		}
	}
	// Answers to the newest version get no note.
	q.Version = newest
	as.QFile = ""
	errb.Reset()
	noteNewerVersion(&Streams{Err: &errb}, as, "")
	if errb.Len() != 0 {
		t.Errorf("newest: %s", errb.String())
	}
}

// migrate's help teaches within 80 columns, with examples and the exit statuses.
func TestMigrateHelpFits80Columns(t *testing.T) {
	out, _, code := workshopRun(t, "", "migrate", "--help")
	if code != 0 || !strings.Contains(out, "Examples:") || !strings.Contains(out, "Exit status:") || !strings.Contains(out, "cbrn.migrate/v1") {
		t.Errorf("migrate --help: exit %d, want a Long description with its JSON shape, examples and the exit statuses", code)
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("migrate --help: %d columns: %s", n, line)
		}
	}
}
