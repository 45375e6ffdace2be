package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The draft plan of the shipped sample assessment (Republic of Examplia, cbrn-core).
func TestPlanMarkdownGolden(t *testing.T) {
	out, errOut, code := workshopRun(t, "", "plan", "../../questionnaires/samples/examplia.answers.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	workshopGolden(t, "../../testdata/plan/golden/examplia.md", out)
}

// The fixture plan, whose figures internal/plan checks by hand, in French and in HTML.
func TestPlanFixtureHTMLGolden(t *testing.T) {
	out, errOut, code := workshopRun(t, "", "plan", "../../testdata/plan/workshop.answers.yaml",
		"-q", "../../testdata/consensus/workshop.yaml", "-o", "html", "--lang", "fr")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	workshopGolden(t, "../../testdata/plan/golden/workshop.fr.html", out)
}

func TestPlanTargets(t *testing.T) {
	fx := []string{"plan", "../../testdata/plan/workshop.answers.yaml", "-q", "../../testdata/consensus/workshop.yaml"}
	next, _, code := workshopRun(t, "", append(fx, "--target", "next")...)
	if code != 0 || !strings.Contains(next, "targets: one level above each current answer") ||
		!strings.Contains(next, "2 Initiated → 3 Established") {
		t.Errorf("--target next: exit %d\n%s", code, next)
	}
	five, _, _ := workshopRun(t, "", append(fx, "--target", "5")...)
	if !strings.Contains(five, "targets: level 5 on every scale question") || !strings.Contains(five, "2 Initiated → 5 Sustained and shared") {
		t.Errorf("--target 5:\n%s", five)
	}
	_, errOut, code := workshopRun(t, "", append(fx, "--target", "high")...)
	if code != 2 || !strings.Contains(errOut, `--target must be a level`) {
		t.Errorf("--target high: exit %d %s", code, errOut)
	}
}

// A workbook is binary: refused on a terminal without --out, written with it (0600).
func TestPlanXLSXOut(t *testing.T) {
	var out, errb bytes.Buffer
	s := &Streams{In: strings.NewReader(""), Out: &out, Err: &errb, OutTTY: true,
		Getenv: func(string) string { return "" }, Now: func() time.Time { return workshopNow }}
	fx := []string{"plan", "../../testdata/plan/workshop.answers.yaml", "-q", "../../testdata/consensus/workshop.yaml", "-o", "xlsx"}
	if code := Main(s, fx); code != 2 || !strings.Contains(errb.String(), "--out FILE.xlsx") || out.Len() != 0 {
		t.Errorf("xlsx to a terminal: exit %d, %d bytes out, %s", code, out.Len(), errb.String())
	}
	path := filepath.Join(t.TempDir(), "plan.xlsx")
	if _, errOut, code := workshopRun(t, "", append(fx, "--out", path)...); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("%v %v", fi, err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Objectives" || got[1] != "Actions" {
		t.Errorf("sheets %q", got)
	}
}

func TestPlanJSON(t *testing.T) {
	out, errOut, code := workshopRun(t, "", "plan", "../../questionnaires/samples/examplia.answers.yaml", "-o", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	workshopGolden(t, "../../testdata/plan/golden/examplia.json", out)
}
