package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func compareRun(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var out, errb bytes.Buffer
	s := &Streams{In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }}
	code = Main(s, append([]string{"compare"}, args...))
	return out.String(), errb.String(), code
}

// Golden outputs of beta → alpha (newly answered, improved, activities that rose and fell) and
// alpha → beta (newly unknown, worsened, other changes of status); the figures are checked by
// hand in internal/compare/compare_test.go.
func TestCompareGolden(t *testing.T) {
	golden := filepath.Join(exportDir(t), "..", "compare", "golden")
	for _, c := range []struct {
		base, new, format, file string
	}{
		{"beta", "alpha", "table", "beta-alpha.txt"},
		{"beta", "alpha", "markdown", "beta-alpha.md"},
		{"alpha", "beta", "json", "alpha-beta.json"},
		{"alpha", "beta", "csv", "alpha-beta.csv"},
		{"alpha", "gamma", "table", "alpha-gamma.txt"},
	} {
		t.Run(c.file, func(t *testing.T) {
			out, errOut, code := compareRun(t, exportDir(t), "assessments/"+c.base+".answers.yaml", "assessments/"+c.new+".answers.yaml", "-o", c.format)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			goldenFile(t, filepath.Join(golden, c.file), []byte(out))
		})
	}
}

func goldenFile(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	golden(t, path, got)
}

func TestCompareTableFits80Columns(t *testing.T) {
	for _, pair := range [][2]string{{"beta", "alpha"}, {"alpha", "beta"}, {"alpha", "gamma"}} {
		out, _, _ := compareRun(t, exportDir(t), "assessments/"+pair[0]+".answers.yaml", "assessments/"+pair[1]+".answers.yaml")
		for _, line := range strings.Split(out, "\n") {
			if n := len([]rune(line)); n > 80 {
				t.Errorf("%v: line of %d columns: %s", pair, n, line)
			}
		}
	}
}

func TestCompareJSONShape(t *testing.T) {
	out, _, code := compareRun(t, exportDir(t), "assessments/beta.answers.yaml", "assessments/alpha.answers.yaml", "-o", "json")
	if code != 0 {
		t.Fatal(code)
	}
	var doc struct {
		Schema  string `json:"schema"`
		Pillars []struct {
			ID      string `json:"id"`
			Trend   string `json:"trend"`
			Verdict string `json:"verdict"`
			Change  struct {
				Score *float64 `json:"score"`
			} `json:"change"`
		} `json:"pillars"`
		Questions map[string][]struct {
			ID string `json:"id"`
		} `json:"questions"`
		Activities map[string][]struct {
			ID     string  `json:"id"`
			Change float64 `json:"change"`
		} `json:"activities"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != "cbrn.compare/v1" || len(doc.Pillars) != 4 || doc.Pillars[1].Trend != "new" || doc.Pillars[1].Change.Score != nil {
		t.Errorf("%+v", doc)
	}
	if len(doc.Questions["newly_answered"]) != 4 || len(doc.Questions["improved"]) != 1 || doc.Questions["worsened"] == nil {
		t.Errorf("questions = %+v (empty lists are [], not null)", doc.Questions)
	}
	if len(doc.Activities["rose"]) != 4 || doc.Activities["fell"][0].ID != "legal-review" || doc.Activities["fell"][0].Change != -100 {
		t.Errorf("activities = %+v", doc.Activities)
	}
}

func TestCompareRefusals(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "quick.answers.yaml"), []byte("schema: cbrn.answers/v1\nquestionnaire: {id: cbrn-quick}\nanswers: {}\n"), 0o600)
	alpha := filepath.Join(exportDir(t), "assessments", "alpha.answers.yaml")
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{alpha, "quick.answers.yaml"}, ExitError, "cannot compare " + alpha + " (questionnaire fixture) with quick.answers.yaml (questionnaire cbrn-quick): compare two assessments of the same questionnaire"},
		{[]string{alpha}, ExitUsage, "needs two answers files: BASE and NEW"},
		{[]string{alpha, alpha, "-o", "html"}, ExitUsage, `unknown output format "html"; use one of: table, markdown, json, csv`},
		{[]string{alpha, alpha, "--target", "x"}, ExitUsage, `--target must be a level (a whole number from 1) or "next", not "x"`},
		{[]string{alpha, "missing.answers.yaml"}, ExitError, "missing.answers.yaml"},
		{[]string{alpha, alpha, "-q", "cbrn-quick"}, ExitError, `these answers are for questionnaire "fixture", not "cbrn-quick"`},
		{[]string{alpha, alpha, "--out", alpha}, ExitUsage, "is one of the input files"},
	} {
		out, errOut, code := compareRun(t, dir, c.args...)
		if code != c.code || !strings.Contains(errOut, c.msg) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d and %q", c.args, code, out, errOut, c.code, c.msg)
		}
	}
}

// A change of questionnaire version is compared, with a warning; --target and --lang apply.
func TestCompareVersionWarning(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"fixture.yaml", "alpha.answers.yaml"} {
		data, _ := os.ReadFile(filepath.Join(exportDir(t), "assessments", name))
		os.WriteFile(filepath.Join(dir, name), data, 0o600)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "alpha.answers.yaml"))
	os.WriteFile(filepath.Join(dir, "later.answers.yaml"), bytes.Replace(data, []byte("version: 1.0.0"), []byte("version: 0.9.0"), 1), 0o600)
	out, errOut, code := compareRun(t, dir, "later.answers.yaml", "alpha.answers.yaml", "--lang", "fr", "--target", "next")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if errOut != "warning: later.answers.yaml answered fixture 0.9.0 and alpha.answers.yaml answered 1.0.0; both are scored with fixture 1.0.0, questions matched by id\n" {
		t.Errorf("stderr = %q", errOut)
	}
	// French throughout: the pillar names and the tool's sentences alike.
	if !strings.Contains(out, "Prévention") || !strings.Contains(out, "Aucune question n'a changé.") || strings.Contains(out, "No question changed.") {
		t.Errorf("stdout:\n%s", out)
	}
}
