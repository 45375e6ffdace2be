package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cbrn-tool/cbrn/internal/score"
)

// reportRun runs `cbrn report` in-process with a terminal or not on stdout and the given
// environment.
func reportRun(t *testing.T, tty bool, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &Streams{In: strings.NewReader(""), Out: &out, Err: &errb, OutTTY: tty,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }}
	code := Main(s, append([]string{"report"}, args...))
	return out.String(), errb.String(), code
}

var reportFixture = []string{"../../testdata/report/fixture.answers.yaml", "-q", "../../testdata/report/fixture.yaml"}

// TestReportColour: colour only on a terminal, never with NO_COLOR or TERM=dumb, never in a file
// or another format.
func TestReportColour(t *testing.T) {
	for _, c := range []struct {
		name   string
		tty    bool
		env    map[string]string
		args   []string
		colour bool
	}{
		{"terminal", true, nil, nil, true},
		{"pipe", false, nil, nil, false},
		{"NO_COLOR", true, map[string]string{"NO_COLOR": "1"}, nil, false},
		{"TERM=dumb", true, map[string]string{"TERM": "dumb"}, nil, false},
		{"markdown", true, nil, []string{"-o", "markdown"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := reportRun(t, c.tty, c.env, append(append([]string{}, reportFixture...), c.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if got := strings.Contains(out, "\x1b["); got != c.colour {
				t.Errorf("colour = %v, want %v", got, c.colour)
			}
		})
	}
	// --out on a terminal: the file has no colour, and is the same as the golden table.
	path := filepath.Join(t.TempDir(), "report.txt")
	if _, errOut, code := reportRun(t, true, nil, append(append([]string{}, reportFixture...), "--out", path)...); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../testdata/report/golden/fixture.table.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("--out on a terminal differs from the plain table")
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("--out file mode = %v, want 0600", info.Mode().Perm())
	}
}

func TestParseTarget(t *testing.T) {
	for in, want := range map[string]score.Target{"": {}, "next": {Next: true}, "1": {Level: 1}, "4": {Level: 4}, "12": {Level: 12}} {
		got, err := parseTarget(in)
		if err != nil || got != want {
			t.Errorf("parseTarget(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"0", "-1", "next2", "3.5", "NEXT", "four"} {
		if _, err := parseTarget(bad); err == nil {
			t.Errorf("parseTarget(%q) accepted", bad)
		} else if code := Report(err, &bytes.Buffer{}); code != ExitUsage {
			t.Errorf("parseTarget(%q): exit %d, want %d", bad, code, ExitUsage)
		}
	}
}

// TestReportFlags: the command hands its run function what the flags say.
func TestReportFlags(t *testing.T) {
	var got *ReportOptions
	cmd := newReportCmd(&Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}, Getenv: func(string) string { return "" }},
		func(o *ReportOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"a.yaml", "-q", "q.yaml", "-o", "json", "--out", "r.json", "--lang", "fr", "--target", "next"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := ReportOptions{answersDoc{Answers: "a.yaml", docFlags: docFlags{Questionnaire: "q.yaml", Output: "json", Out: "r.json", Lang: "fr", Target: "next",
		formats: []string{"table", "markdown", "json", "csv", "html"}}}}
	if got == nil || !reflect.DeepEqual(*got, want) {
		t.Errorf("options = %+v, want %+v", got, want)
	}
	// The default format is the table, on a terminal or not.
	cmd = newReportCmd(&Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}, Getenv: func(string) string { return "" }},
		func(o *ReportOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"a.yaml"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Output != "table" {
		t.Errorf("default output = %q, want table", got.Output)
	}
}
