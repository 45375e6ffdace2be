package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/cbrn-tool/cbrn/internal/answers"
)

func assessStreams(stdin string, env map[string]string) (*Streams, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &Streams{In: strings.NewReader(stdin), Out: &out, Err: &errb,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }}, &out, &errb
}

func TestAssessFlags(t *testing.T) {
	var got *AssessOptions
	s, _, _ := assessStreams("", nil)
	cmd := newAssessCmd(s, func(o *AssessOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"x.answers.yaml", "-q", "cbrn-quick", "--lang", "fr", "--pillar", "detection,response",
		"--pillar", "prevention", "--hazard", "C", "--section", "labs", "--agency", "health", "--agency", "customs",
		"--accessible", "--review"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := AssessOptions{Answers: "x.answers.yaml", Questionnaire: "cbrn-quick", Lang: "fr",
		Pillars: []string{"detection", "response", "prevention"}, Hazards: []string{"C"}, Sections: []string{"labs"},
		Agencies: []string{"health", "customs"}, Accessible: true, Review: true}
	if got.Answers != want.Answers || got.Questionnaire != want.Questionnaire || got.Lang != want.Lang ||
		!slices.Equal(got.Pillars, want.Pillars) || !slices.Equal(got.Hazards, want.Hazards) ||
		!slices.Equal(got.Sections, want.Sections) || !slices.Equal(got.Agencies, want.Agencies) ||
		!got.Accessible || !got.Review {
		t.Fatalf("options %+v, want %+v", *got, want)
	}

	cmd = newAssessCmd(s, func(o *AssessOptions) error { t.Fatal("ran with two files"); return nil })
	cmd.SetArgs([]string{"a.yaml", "b.yaml"})
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	err := cmd.Execute()
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != ExitUsage {
		t.Fatalf("two files: %v, want a usage error", err)
	}
}

func TestAccessibleMode(t *testing.T) {
	cases := []struct {
		flag bool
		env  map[string]string
		want bool
	}{
		{false, nil, false},
		{true, nil, true},
		{false, map[string]string{"ACCESSIBLE": "1"}, true},
		{false, map[string]string{"ACCESSIBLE": "yes"}, true},
		{false, map[string]string{"ACCESSIBLE": "0"}, false},
		{false, map[string]string{"ACCESSIBLE": "false"}, false},
		{false, map[string]string{"TERM": "dumb"}, true},
		{false, map[string]string{"TERM": "xterm-256color"}, false},
	}
	for _, c := range cases {
		s, _, _ := assessStreams("", c.env)
		if got := accessibleMode(s, c.flag); got != c.want {
			t.Errorf("flag %v, env %v: %v, want %v", c.flag, c.env, got, c.want)
		}
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"a.answers.yaml":           "a.answers.yaml",
		"answers/health-2026.yaml": "answers/health-2026.yaml",
		"my answers.yaml":          "'my answers.yaml'",
		"it's.yaml":                `'it'\''s.yaml'`,
		"":                         "''",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCommandLine(t *testing.T) {
	opts := &AssessOptions{Questionnaire: "cbrn-quick"}
	if got := commandLine("cbrn report", "a b.yaml", opts, false); got != "cbrn report 'a b.yaml'" {
		t.Errorf("shipped questionnaire: %q", got)
	}
	// A questionnaire given as a file must be named again: report could not find it.
	opts.Questionnaire = "qs/mine.yaml"
	if got := commandLine("cbrn assess", "a.yaml", opts, true); got != "cbrn assess -q qs/mine.yaml a.yaml --review" {
		t.Errorf("questionnaire file: %q", got)
	}
}

const miniPath = "../../testdata/assess/mini.yaml"

func TestRunAssessInProcess(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.answers.yaml")
	// Respondent skipped; GOV-01 no; GOV-03 every year; then the input ends.
	s, out, errb := assessStreams("\n\n\n\n2\n\n3\n\n", nil)
	err := runAssess(s, &AssessOptions{Answers: path, Questionnaire: miniPath, Accessible: true})
	if !errors.Is(err, ErrCancelled) || Report(err, errb) != ExitCancelled {
		t.Fatalf("err = %v, want cancelled (130)", err)
	}
	if !strings.HasSuffix(errb.String(), "saved 2 answers to "+path+" — run the same command to resume\n") {
		t.Errorf("stderr ends with\n%s", lastLines(errb.String(), 2))
	}
	if out.Len() != 0 {
		t.Errorf("stdout %q, want nothing when stopped", out)
	}
	a, err := answers.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Order, []string{"GOV-01", "GOV-03"}) || a.Get("GOV-03").Value != "yearly" {
		t.Fatalf("answers %v", a.Order)
	}

	// Resumed with a filter: only RSP-01 and RSP-02 (response), then the summary.
	s, out, errb = assessStreams("4\n\n\nthe civil protection agency\n\n", nil)
	if err := runAssess(s, &AssessOptions{Answers: path, Questionnaire: miniPath, Accessible: true,
		Pillars: []string{"response"}}); err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}
	if !strings.Contains(errb.String(), "Resuming "+path+": 0 of 2 questions answered.") {
		t.Errorf("stderr:\n%s", errb)
	}
	for _, want := range []string{"│ Response     │        2 │          0 │   0 │", "All 2 questions are answered.",
		"Next: cbrn report -q " + miniPath + " " + path} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

func TestRunAssessNeedsATerminalOrAccessibleMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.answers.yaml")
	s, _, errb := assessStreams("", nil)
	err := runAssess(s, &AssessOptions{Answers: path, Questionnaire: miniPath})
	if code := Report(err, errb); code != ExitUsage {
		t.Fatalf("exit %d, want 2: %v", code, err)
	}
	if !strings.Contains(errb.String(), "stdin is not one") || !strings.Contains(errb.String(), "--accessible") {
		t.Errorf("message:\n%s", errb)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("a file was written although nothing could be asked")
	}
	// A terminal on stdin but not on stderr is no better: the prompts go to stderr.
	s, _, errb = assessStreams("", nil)
	s.InTTY = true
	err = runAssess(s, &AssessOptions{Answers: path, Questionnaire: miniPath})
	if Report(err, errb) != ExitUsage || !strings.Contains(errb.String(), "stderr is not one") {
		t.Errorf("stderr not a terminal: %v\n%s", err, errb)
	}
}

func TestRunAssessRefusesToReviewNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.answers.yaml")
	s, _, errb := assessStreams("", nil)
	err := runAssess(s, &AssessOptions{Answers: path, Questionnaire: miniPath, Accessible: true, Review: true})
	if Report(err, errb) != ExitError || !strings.Contains(errb.String(), "does not exist yet") {
		t.Fatalf("%v\n%s", err, errb)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("--review created the file")
	}
}

func TestRunAssessReportsASaveFailure(t *testing.T) {
	// /proc is a folder nobody can create files in, root included.
	if st, err := os.Stat("/proc"); err != nil || !st.IsDir() {
		t.Skip("no /proc here")
	}
	s, _, errb := assessStreams("\n", nil)
	err := runAssess(s, &AssessOptions{Answers: "/proc/a.answers.yaml", Questionnaire: miniPath, Accessible: true})
	if Report(err, errb) != ExitError || !strings.Contains(errb.String(), "cannot write /proc/a.answers.yaml") {
		t.Fatalf("%v\n%s", err, errb)
	}
}

// The end-to-end scripts carry their own copy of the test questionnaire; it must stay the one
// in testdata/assess, whose digest their golden answers files hold.
func TestScriptsCarryTheTestQuestionnaire(t *testing.T) {
	want, err := os.ReadFile(miniPath)
	if err != nil {
		t.Fatal(err)
	}
	scripts, _ := filepath.Glob("../../testdata/script/assess_*.txtar")
	if len(scripts) == 0 {
		t.Fatal("no assess scripts found")
	}
	for _, p := range scripts {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == "mini.yaml" && !bytes.Equal(f.Data, want) {
				t.Errorf("%s: its mini.yaml differs from %s; copy it again", p, miniPath)
			}
		}
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
