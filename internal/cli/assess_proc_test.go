package cli

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// These tests run the real binary as a respondent would: in a pseudo-terminal for the
// full-screen mode, and killed with SIGKILL in the middle of a piped accessible session.

// miniDir is a fresh folder holding the test questionnaire as mini.yaml.
func miniDir(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/assess/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "mini.yaml"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// checkedAnswers reads an answers file and checks it against the test questionnaire.
func checkedAnswers(t *testing.T, dir, name string) *answers.File {
	t.Helper()
	q, err := questionnaire.Load(filepath.Join(dir, "mini.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := answers.Load(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("the answers file does not parse: %v", err)
	}
	if _, err := a.Check(q); err != nil {
		t.Fatalf("the answers file does not check: %v", err)
	}
	return a
}

// skipRespondent passes the four respondent items with Enter.
func (p *ptySession) skipRespondent(t *testing.T) {
	t.Helper()
	for _, item := range []string{"Your name", "Organisation", "Country", "Role"} {
		p.scr.waitFor(t, item)
		p.send(t, keyEnter)
	}
}

// TestAssessFullScreenKeepsAnswersOnCtrlC drives the full-screen mode in a pseudo-terminal:
// two questions answered with the arrow keys and Enter, then Ctrl-C. Both answers are on disk
// and the exit status is 130.
func TestAssessFullScreenKeepsAnswersOnCtrlC(t *testing.T) {
	dir := miniDir(t)
	p := startPTY(t, dir, "assess", "-q", "mini.yaml", "a.answers.yaml")
	p.skipRespondent(t)
	// GOV-01: down to "No", Enter; Enter skips the note.
	p.scr.waitFor(t, "question 1 of 7")
	p.scr.waitFor(t, "Is there a national CBRN coordination body?")
	p.send(t, keyDown, keyEnter)
	p.scr.waitFor(t, "Note (Enter to skip)")
	p.send(t, keyEnter)
	// GOV-02 is skipped; GOV-03: down twice to "Every year", Enter, Enter.
	p.scr.waitFor(t, "question 2 of 7")
	p.scr.waitFor(t, "How often is the national risk assessment updated?")
	p.send(t, keyDown, keyDown, keyEnter)
	p.scr.waitFor(t, "Note (Enter to skip)")
	p.send(t, keyEnter)
	p.scr.waitFor(t, "question 3 of 7")
	p.send(t, keyCtrlC)

	if code := p.wait(t); code != 130 {
		t.Errorf("exit status %d, want 130", code)
	}
	p.scr.waitFor(t, "saved 2 answers to a.answers.yaml — run the same command to resume")
	a := checkedAnswers(t, dir, "a.answers.yaml")
	if !slices.Equal(a.Order, []string{"GOV-01", "GOV-03"}) {
		t.Fatalf("answers %v, want GOV-01 and GOV-03", a.Order)
	}
	if a.Get("GOV-01").Value != false || a.Get("GOV-03").Value != "yearly" {
		t.Errorf("GOV-01 = %v, GOV-03 = %v; want false and yearly", a.Get("GOV-01").Value, a.Get("GOV-03").Value)
	}
	if p.stdout.Len() != 0 {
		t.Errorf("stdout should stay empty when stopped, got %q", p.stdout.String())
	}
	st, err := os.Stat(filepath.Join(dir, "a.answers.yaml"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("answers file mode %v, %v; want 0600", st.Mode().Perm(), err)
	}
}

// TestAssessFullScreenStopsOnSIGTERM: a signal ends the full-screen form like Ctrl-C; the
// highlighted but unconfirmed option is not taken as an answer.
func TestAssessFullScreenStopsOnSIGTERM(t *testing.T) {
	dir := miniDir(t)
	p := startPTY(t, dir, "assess", "-q", "mini.yaml", "a.answers.yaml")
	p.skipRespondent(t)
	p.scr.waitFor(t, "question 1 of 7")
	p.send(t, keyEnter) // Yes
	p.scr.waitFor(t, "Note (Enter to skip)")
	p.send(t, keyEnter)
	p.scr.waitFor(t, "question 2 of 8")
	p.send(t, keyDown, keyDown) // highlighted, not chosen
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := p.wait(t); code != 130 {
		t.Errorf("exit status %d, want 130", code)
	}
	p.scr.waitFor(t, "saved 1 answer to a.answers.yaml — run the same command to resume")
	a := checkedAnswers(t, dir, "a.answers.yaml")
	if !slices.Equal(a.Order, []string{"GOV-01"}) {
		t.Fatalf("answers %v, want GOV-01 only", a.Order)
	}
}

// TestAssessAccessibleStopsOnSignals: in the line-based mode huh does not catch Ctrl-C; the
// command does, for SIGINT, SIGTERM and SIGHUP (the terminal closed), and stops cleanly.
func TestAssessAccessibleStopsOnSignals(t *testing.T) {
	cbrnBinary(t) // built before the subtests, or skipped
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := miniDir(t)
			p := startPiped(t, dir, nil, "assess", "-q", "mini.yaml", "--accessible", "a.answers.yaml")
			scr := p.scr
			p.write(t, "\n\n\n\n1\nfirst note\n")
			scr.waitFor(t, "question 2 of 8")
			scr.waitFor(t, "Answer (1-4, d, b):")
			if code := p.signal(t, sig); code != 130 {
				t.Errorf("exit status %d, want 130", code)
			}
			scr.waitFor(t, "saved 1 answer to a.answers.yaml — run the same command to resume")
			a := checkedAnswers(t, dir, "a.answers.yaml")
			if got := a.Get("GOV-01"); got == nil || got.Value != true || got.Note != "first note" {
				t.Fatalf("GOV-01 = %+v", got)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 2 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("files left in the folder: %v, want only mini.yaml and a.answers.yaml", names)
			}
		})
	}
}

// killStep is one line typed in an accessible session, what the session shows once it has
// taken the line, and the answer that line confirms (id "" when it confirms none).
type killStep struct {
	line, next string
	id         string
	check      func(*answers.Answer) bool
}

func valueIs(v any) func(*answers.Answer) bool {
	return func(a *answers.Answer) bool {
		if got, ok := a.Value.([]string); ok {
			want, _ := v.([]string)
			return slices.Equal(got, want)
		}
		return a.Value == v
	}
}

var killScript = []killStep{
	{line: "", next: "Organisation"},
	{line: "", next: "Country"},
	{line: "Examplia", next: "Role"},
	{line: "", next: "question 1 of 7"},
	{line: "1", next: "Note (Enter to skip)", id: "GOV-01", check: valueIs(true)},
	{line: "", next: "question 2 of 8"},
	{line: "3", next: "Note (Enter to skip)", id: "GOV-02", check: valueIs(3)},
	{line: "decree 12", next: "Confidence", id: "GOV-02", check: func(a *answers.Answer) bool { return a.Note == "decree 12" }},
	{line: "1", next: "question 3 of 8", id: "GOV-02", check: func(a *answers.Answer) bool { return a.Confidence == "documented" }},
	{line: "n", next: "Note (Enter to skip)", id: "GOV-03", check: func(a *answers.Answer) bool { return a.NA }},
	{line: "", next: "question 4 of 8"},
	{line: "d", next: "Note (Enter to skip)", id: "LAB-01", check: func(a *answers.Answer) bool { return a.Unknown }},
	{line: "", next: "question 5 of 8"},
	{line: "2 1", next: "Note (Enter to skip)", id: "LAB-02", check: valueIs([]string{"chem", "bio"})},
	{line: "", next: "question 6 of 8"},
	{line: "12", next: "Note (Enter to skip)", id: "LAB-03", check: valueIs(12.0)},
	{line: "", next: "question 7 of 8"},
}

// TestAssessSurvivesSIGKILL kills the real binary at several points of a piped accessible
// session: the answers file always parses and holds every answer confirmed before the kill.
// An answer counts as confirmed once the next prompt has shown; a kill right after a line is
// typed may or may not keep that line's answer, but never a torn file.
func TestAssessSurvivesSIGKILL(t *testing.T) {
	bin := cbrnBinary(t)
	for stop := 3; stop <= len(killScript); stop += 2 {
		for _, waitForIt := range []bool{true, false} {
			t.Run(fmt.Sprintf("after line %d, waited %v", stop, waitForIt), func(t *testing.T) {
				dir := miniDir(t)
				cmd := exec.Command(bin, "assess", "-q", "mini.yaml", "--accessible", "a.answers.yaml")
				cmd.Dir = dir
				cmd.Env = procEnv()
				in, err := cmd.StdinPipe()
				if err != nil {
					t.Fatal(err)
				}
				scr := &screen{}
				cmd.Stderr = scr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				defer in.Close()
				scr.waitFor(t, "Your name (Enter to skip):")
				for i, st := range killScript[:stop] {
					if _, err := io.WriteString(in, st.line+"\n"); err != nil {
						t.Fatal(err)
					}
					if i < stop-1 || waitForIt {
						scr.waitFor(t, st.next)
					}
				}
				if err := cmd.Process.Kill(); err != nil {
					t.Fatal(err)
				}
				_ = cmd.Wait()

				a := checkedAnswers(t, dir, "a.answers.yaml")
				confirmed := stop
				if !waitForIt {
					confirmed-- // the last line may or may not have been taken
				}
				for i, st := range killScript[:confirmed] {
					if st.id == "" {
						continue
					}
					if got := a.Get(st.id); got == nil || !st.check(got) {
						t.Errorf("line %d (%q for %s) was confirmed before the kill, but the file has %+v", i+1, st.line, st.id, got)
					}
				}
				// The line typed just before the kill: its answer is either not there yet or
				// right, never anything else.
				if last := killScript[stop-1]; !waitForIt && last.id != "" && killScript[stop-2].id != last.id {
					if got := a.Get(last.id); got != nil && !last.check(got) {
						t.Errorf("the answer typed just before the kill is in the file, wrong: %+v", got)
					}
				}
				if country := a.Respondent.Country; confirmed >= 3 && country != "Examplia" {
					t.Errorf("respondent country %q, want Examplia", country)
				}
			})
		}
	}
}
