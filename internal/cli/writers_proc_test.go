package cli

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// startAccessible starts the real binary on a piped accessible session in dir, answers the
// respondent's fields and the first question, and returns once the second question is asked.
func startAccessible(t *testing.T, dir string, args ...string) (*exec.Cmd, io.WriteCloser, *screen) {
	t.Helper()
	cmd := exec.Command(cbrnBinary(t), args...)
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
	t.Cleanup(func() {
		in.Close()
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	if _, err := io.WriteString(in, "\n\n\n\n1\n\n"); err != nil {
		t.Fatal(err)
	}
	scr.waitFor(t, "question 2 of 8")
	scr.waitFor(t, "Answer (1-4, d, b):")
	return cmd, in, scr
}

// Two sessions on one answers file: the second is refused at once, naming the file, whatever
// command it is (assess, consensus writing the file), and the first goes on unharmed.
func TestSecondWriterIsRefused(t *testing.T) {
	dir := miniDir(t)
	first, in, scr := startAccessible(t, dir, "assess", "-q", "mini.yaml", "--accessible", "a.answers.yaml")

	bin := cbrnBinary(t)
	second := exec.Command(bin, "assess", "-q", "mini.yaml", "--accessible", "--pillar", "response", "a.answers.yaml")
	second.Dir = dir
	second.Env = procEnv()
	second.Stdin = strings.NewReader("\n\n\n\n1\n\n")
	out, err := second.CombinedOutput()
	if code := exitCode(err); code != ExitError || !strings.Contains(string(out), "a.answers.yaml is open in another cbrn session") {
		t.Errorf("second assess: exit %d, %q; want exit 1 naming the file", code, out)
	}

	// A merged file being answered is refused to consensus --out just the same.
	copyFile(t, filepath.Join(dir, "a.answers.yaml"), filepath.Join(dir, "p1.answers.yaml"))
	copyFile(t, filepath.Join(dir, "a.answers.yaml"), filepath.Join(dir, "p2.answers.yaml"))
	merge := exec.Command(bin, "consensus", "-q", "mini.yaml", "p1.answers.yaml", "p2.answers.yaml", "--out", "a.answers.yaml")
	merge.Dir = dir
	merge.Env = procEnv()
	out, err = merge.CombinedOutput()
	if code := exitCode(err); code != ExitError || !strings.Contains(string(out), "a.answers.yaml is open in another cbrn session") {
		t.Errorf("consensus --out onto a file in session: exit %d, %q; want exit 1 naming the file", code, out)
	}

	// The first session answers on and ends normally, with its answers on disk.
	if _, err := io.WriteString(in, "3\n\n1\n"); err != nil {
		t.Fatal(err)
	}
	scr.waitFor(t, "question 3 of 8")
	in.Close()
	if code := exitCode(first.Wait()); code != ExitCancelled {
		t.Errorf("first session: exit %d, want %d at the end of its input", code, ExitCancelled)
	}
	a := checkedAnswers(t, dir, "a.answers.yaml")
	if got := a.Get("GOV-02"); got == nil || got.Value != 3 {
		t.Errorf("GOV-02 = %+v, want the first session's 3", got)
	}
	if _, err := os.Stat(filepath.Join(dir, ".a.answers.yaml.lock")); !os.IsNotExist(err) {
		t.Errorf("the lock file outlives the session: %v", err)
	}
}

// A session never saves over a change another program made to its file: it stops, says so,
// and keeps its pending answer in a recovery file beside it.
func TestSessionStopsOnAChangeByAnotherProgram(t *testing.T) {
	dir := miniDir(t)
	cmd, in, scr := startAccessible(t, dir, "assess", "-q", "mini.yaml", "--accessible", "a.answers.yaml")
	path := filepath.Join(dir, "a.answers.yaml")
	edited, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited = append(edited, "# answered elsewhere meanwhile\n"...)
	if err := os.WriteFile(path, edited, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(in, "4\n"); err != nil {
		t.Fatal(err)
	}
	in.Close()
	if code := exitCode(cmd.Wait()); code != ExitError {
		t.Errorf("exit %d, want 1", code)
	}
	msg := scr.text()
	if !strings.Contains(msg, "a.answers.yaml was changed by another program since this session read it: not saving over it") {
		t.Fatalf("the session does not say why it stopped:\n%s", msg)
	}
	if got, _ := os.ReadFile(path); string(got) != string(edited) {
		t.Errorf("the other program's change was overwritten:\n%s", got)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "a.answers.recovered-*.yaml"))
	if len(matches) != 1 || !strings.Contains(msg, matches[0]) && !strings.Contains(msg, filepath.Base(matches[0])) {
		t.Fatalf("recovery files %v, not named in:\n%s", matches, msg)
	}
	rec := checkedAnswers(t, dir, filepath.Base(matches[0]))
	if got := rec.Get("GOV-02"); got == nil || got.Value != 4 {
		t.Errorf("the recovery file lacks the pending answer: GOV-02 = %+v", got)
	}
	if st, _ := os.Stat(matches[0]); st.Mode().Perm() != 0o600 {
		t.Errorf("recovery file mode %v, want 0600", st.Mode().Perm())
	}
}
