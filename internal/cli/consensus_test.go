package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
