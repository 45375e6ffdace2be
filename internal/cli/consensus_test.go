package cli

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// workshopNow is the fixed clock of the workshop commands' tests: 2026-11-27T10:00:00Z.
var workshopNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// workshopRun runs cbrn in-process with the given stdin and returns stdout, stderr and the exit code.
func workshopRun(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &Streams{In: strings.NewReader(stdin), Out: &out, Err: &errb,
		Getenv: func(string) string { return "" }, Now: func() time.Time { return workshopNow }}
	code := Main(s, args)
	return out.String(), errb.String(), code
}

// workshopGolden compares got with the golden file at path; CBRN_UPDATE_GOLDEN=1 rewrites it.
func workshopGolden(t *testing.T, path, got string) {
	t.Helper()
	if os.Getenv("CBRN_UPDATE_GOLDEN") == "1" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with CBRN_UPDATE_GOLDEN=1 to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (CBRN_UPDATE_GOLDEN=1 rewrites it after review)\n%s", path, firstDifference(string(want), got))
	}
}

// firstDifference shows the first line where two texts part.
func firstDifference(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + w + "\n  got: " + g
		}
	}
	return ""
}

// The golden JSON of three fixture participants; the spreads and medians in it are checked by
// hand in internal/consensus (TestComputeOnThreeParticipants): WS-GOV-01 levels 4, 1, 3 →
// spread 3, median 3; WS-DET-01 2, N/A, 3 → spread 1, disputed, median 2 (lower middle);
// WS-RSP-01 3, don't know, 4 → spread 1, median 3.
func TestConsensusJSONGolden(t *testing.T) {
	t.Chdir("../../testdata/consensus")
	out, errOut, code := workshopRun(t, "", "consensus", "alice.answers.yaml", "bruno.answers.yaml", "chloe.answers.yaml",
		"-q", "workshop.yaml", "-o", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	workshopGolden(t, "consensus.json", out)
}

func TestConsensusMergedFile(t *testing.T) {
	dir := t.TempDir()
	merged := filepath.Join(dir, "merged.yaml")
	fx := "../../testdata/consensus/"
	_, errOut, code := workshopRun(t, "", "consensus", fx+"alice.answers.yaml", fx+"bruno.answers.yaml", fx+"chloe.answers.yaml",
		"-q", fx+"workshop.yaml", "--out", merged)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "wrote "+merged+": 11 merged answers, 4 disputed") {
		t.Errorf("stderr = %q", errOut)
	}
	info, err := os.Stat(merged)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	q, err := questionnaire.Load(fx + "workshop.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, err := answers.Load(merged)
	if err != nil {
		t.Fatal(err)
	}
	if ws, err := a.Check(q); err != nil || len(ws) > 0 {
		t.Fatalf("merged file: %v %v", ws, err)
	}
	if got := a.Get("WS-GOV-01"); got.Value != 3 || !strings.Contains(got.Note, `Alice Martin: 4 ("Decree 12/2021")`) {
		t.Errorf("WS-GOV-01 = %+v", got)
	}
	if !a.Created.Equal(workshopNow) {
		t.Errorf("created %v, want the clock's %v", a.Created, workshopNow)
	}
	// It round-trips through report.
	out, errOut, code := workshopRun(t, "", "report", merged, "-q", fx+"workshop.yaml", "-o", "json")
	if code != 0 || !strings.Contains(out, `"schema": "cbrn.report/v1"`) {
		t.Fatalf("report on the merged file: exit %d\n%s\n%s", code, errOut, out)
	}
}

// consensusDir is a fresh folder holding the three fixture participants and their questionnaire.
func consensusDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"workshop.yaml", "alice.answers.yaml", "bruno.answers.yaml", "chloe.answers.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../testdata/consensus", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func loadMerged(t *testing.T, dir string) *answers.File {
	t.Helper()
	q, err := questionnaire.Load(filepath.Join(dir, "workshop.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := answers.Load(filepath.Join(dir, "merged.yaml"))
	if err != nil {
		t.Fatalf("the merged file does not parse: %v", err)
	}
	if _, err := a.Check(q); err != nil {
		t.Fatalf("the merged file does not check: %v", err)
	}
	return a
}

var consensusArgs = []string{"consensus", "alice.answers.yaml", "bruno.answers.yaml", "chloe.answers.yaml",
	"-q", "workshop.yaml", "--out", "merged.yaml", "--resolve"}

// TestConsensusResolveFullScreen settles a dispute in the full-screen mode, in a pseudo-terminal:
// the arrow keys to a level, Enter, a reason; then Ctrl-C on the next one. The agreement is on
// disk, the exit status is 130, and the report printed says what was settled.
func TestConsensusResolveFullScreen(t *testing.T) {
	dir := consensusDir(t)
	p := startPTY(t, dir, consensusArgs...)
	p.scr.waitFor(t, "Disputed question 1 of 4: WS-GOV-01")
	p.scr.waitFor(t, "Leave it open (keep 3 Established)")
	// The cursor starts on "leave it open", below don't know and the five levels: up five times
	// is level 2.
	for range 5 {
		p.send(t, "\x1b[A")
	}
	p.send(t, keyEnter)
	p.scr.waitFor(t, "Reason agreed (recorded in the merged file)")
	p.send(t, "Paper only", keyEnter)
	p.scr.waitFor(t, "settled: WS-GOV-01 = 2 Initiated; saved merged.yaml")
	p.scr.waitFor(t, "Disputed question 2 of 4: WS-GOV-03")
	p.send(t, keyCtrlC)
	if code := p.wait(t); code != 130 {
		t.Errorf("exit status %d, want 130", code)
	}
	p.scr.waitFor(t, "stopped: 1 of 4 disputed questions settled, saved in merged.yaml")
	a := loadMerged(t, dir)
	if got := a.Get("WS-GOV-01"); got.Value != 2 || !strings.HasPrefix(got.Note, `Agreed in the workshop: "Paper only". Answers: Alice Martin: 4`) {
		t.Errorf("WS-GOV-01 = %+v", got)
	}
	if got := a.Get("WS-GOV-03"); !got.Unknown {
		t.Errorf("WS-GOV-03 = %+v, want the rules' don't know", got)
	}
	if !strings.Contains(p.stdout.String(), "SETTLED") {
		t.Errorf("the report on stdout should mark the settled question:\n%s", p.stdout.String())
	}
}

// TestConsensusResolveStopsOnSignals: in the line-based mode, SIGINT, SIGTERM and SIGHUP stop the
// walk cleanly: exit 130, the agreements already made on disk, no temporary file left.
func TestConsensusResolveStopsOnSignals(t *testing.T) {
	bin := cbrnBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := consensusDir(t)
			cmd := exec.Command(bin, append(consensusArgs, "--accessible")...)
			cmd.Dir = dir
			cmd.Env = procEnv()
			in, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			scr := &screen{}
			cmd.Stderr = scr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if _, err := io.WriteString(in, "1\nNot met since 2019\n"); err != nil {
				t.Fatal(err)
			}
			scr.waitFor(t, "settled: WS-GOV-01 = 1 Absent")
			scr.waitFor(t, "Agreed answer (1-3, d)")
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if code := exitCode(cmd.Wait()); code != 130 {
				t.Errorf("exit status %d, want 130", code)
			}
			scr.waitFor(t, "stopped: 1 of 4 disputed questions settled, saved in merged.yaml")
			if got := loadMerged(t, dir).Get("WS-GOV-01"); got.Value != 1 {
				t.Errorf("WS-GOV-01 = %+v, want the agreed level 1", got)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 5 {
				t.Errorf("%d files in the folder, want the four inputs and merged.yaml", len(entries))
			}
		})
	}
}
