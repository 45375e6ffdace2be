package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/prompt"
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

// workshopGolden compares got with the golden file at path; -update rewrites it.
func workshopGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it; review the diff)\n%s", path, firstDifference(string(want), got))
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
	workshopGolden(t, "golden/consensus.json", out)
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

// TestConsensusProcess runs the real binary as a workshop would: --resolve in the full-screen mode
// in a pseudo-terminal, and stopped by signals in the line-based mode.
func TestConsensusProcess(t *testing.T) {
	cbrnBinary(t) // built before the subtests, or skipped
	t.Run("full-screen resolve", func(t *testing.T) { testResolveFullScreen(t) })
	t.Run("line-based resolve stops on signals", func(t *testing.T) { testResolveSignals(t) })
}

// testResolveFullScreen settles a dispute in the full-screen mode, in a pseudo-terminal: the
// arrow keys to a level, Enter, a reason; then Ctrl-C on the next one. The agreement is on disk,
// the exit status is 130, and the report printed says what was settled.
func testResolveFullScreen(t *testing.T) {
	dir := consensusDir(t)
	p := startPTY(t, dir, consensusArgs...)
	log, send := p.scr, func(keys ...string) { p.send(t, keys...) }
	stdout := p.stdout

	log.waitFor(t, "Disputed question 1 of 4: WS-GOV-01")
	log.waitFor(t, "Leave it open (keep 3 Established)")
	// The cursor starts on "leave it open", below don't know and the five levels: up five times
	// is level 2.
	for range 5 {
		send("\x1b[A")
	}
	send("\r")
	log.waitFor(t, "Reason agreed (recorded in the merged file)")
	send("Paper only", "\r")
	log.waitFor(t, "settled: WS-GOV-01 = 2 Initiated; saved merged.yaml")
	log.waitFor(t, "Disputed question 2 of 4: WS-GOV-03")
	send("\x03")
	if code := p.wait(t); code != 130 {
		t.Errorf("exit status %d, want 130", code)
	}
	log.waitFor(t, "stopped: 1 of 4 disputed questions settled, saved in merged.yaml")
	a := loadMerged(t, dir)
	if got := a.Get("WS-GOV-01"); got.Value != 2 || !strings.HasPrefix(got.Note, `Agreed in the workshop: "Paper only". Answers: Alice Martin: 4`) {
		t.Errorf("WS-GOV-01 = %+v", got)
	}
	if got := a.Get("WS-GOV-03"); !got.Unknown {
		t.Errorf("WS-GOV-03 = %+v, want the rules' don't know", got)
	}
	if !strings.Contains(stdout.String(), "SETTLED") {
		t.Errorf("the report on stdout should mark the settled question:\n%s", stdout.String())
	}
}

// testResolveSignals: in the line-based mode, SIGINT, SIGTERM and SIGHUP stop the walk cleanly:
// exit 130, the agreements already made on disk, no temporary file left.
func testResolveSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := consensusDir(t)
			p := startPiped(t, dir, nil, append(consensusArgs, "--accessible")...)
			log := p.scr
			p.write(t, "1\nNot met since 2019\n")
			log.waitFor(t, "settled: WS-GOV-01 = 1 Absent")
			log.waitFor(t, "Agreed answer (1-3, d)")
			if code := p.signal(t, sig); code != 130 {
				t.Errorf("exit status %d, want 130", code)
			}
			log.waitFor(t, "stopped: 1 of 4 disputed questions settled, saved in merged.yaml")
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

// An answer typed in --resolve for a number or a text question is read as the question's type,
// or refused with the reason.
func TestTypedAnswer(t *testing.T) {
	q, err := questionnaire.Load("../../testdata/consensus/workshop.yaml")
	if err != nil {
		t.Fatal(err)
	}
	num, _ := q.Question("WS-RSP-02") // a number, min 0
	text, _ := q.Question("WS-RSP-03")
	msg := prompt.Catalogue("en")
	cases := []struct {
		q    *questionnaire.Question
		in   string
		want any
		err  string
	}{
		{num, " 12 ", 12.0, ""},
		{num, "2,5", 2.5, ""}, // a decimal comma, as typed in French
		{num, "twelve", nil, `"twelve" is not a number`},
		{num, "-1", nil, "below the minimum"},
		{num, "  ", nil, "type an answer"},
		{text, "Plan adopted in 2025", "Plan adopted in 2025", ""},
		{text, "", nil, "type an answer"},
	}
	for _, c := range cases {
		got, err := typedAnswer(c.q, c.in, msg)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s %q: error %v, want %q", c.q.ID, c.in, err, c.err)
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("%s %q = %v, %v; want %v", c.q.ID, c.in, got, err, c.want)
		}
	}
}

// The projector table fits 80 columns in both languages, however long the texts.
func TestConsensusTableFits80Columns(t *testing.T) {
	t.Chdir("../../testdata/consensus")
	for _, lang := range []string{"en", "fr"} {
		out, errOut, code := workshopRun(t, "", "consensus", "alice.answers.yaml", "bruno.answers.yaml", "chloe.answers.yaml",
			"-q", "workshop.yaml", "--lang", lang)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", lang, code, errOut)
		}
		for _, line := range strings.Split(out, "\n") {
			if n := len([]rune(line)); n > 80 {
				t.Errorf("%s: %d columns: %s", lang, n, line)
			}
		}
	}
}
