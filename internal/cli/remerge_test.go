package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
)

var remergeArgs = []string{"consensus", "DIR/alice.answers.yaml", "DIR/bruno.answers.yaml", "DIR/chloe.answers.yaml",
	"-q", "DIR/workshop.yaml", "--out", "DIR/merged.yaml"}

func remerge(t *testing.T, dir string, extra ...string) (string, int) {
	t.Helper()
	args := make([]string, len(remergeArgs))
	for i, a := range remergeArgs {
		args[i] = strings.Replace(a, "DIR", dir, 1)
	}
	_, stderr, code := workshopRun(t, "", append(args, extra...)...)
	return stderr, code
}

// Running consensus again over a merged file it cannot read refuses, lists the file's problems
// and leaves it as it is: its agreements are not thrown away for one bad entry.
func TestRemergeRefusesAMergedFileWithProblems(t *testing.T) {
	dir := consensusDir(t)
	if stderr, code := remerge(t, dir); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	path := filepath.Join(dir, "merged.yaml")
	data, _ := os.ReadFile(path)
	bad := strings.Replace(string(data), "WS-GOV-01: {value: 3,", "WS-GOV-01: {value: 7,", 1)
	if bad == string(data) {
		t.Fatalf("fixture changed: no WS-GOV-01 level 3 in\n%s", data)
	}
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	stderr, code := remerge(t, dir)
	if code != ExitError || !strings.Contains(stderr, path+":") || !strings.Contains(stderr, "7") ||
		!strings.Contains(stderr, "--out "+path+": this answers file has the problems above") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 listing the merged file's problem", code, stderr)
	}
	if got, _ := os.ReadFile(path); string(got) != bad {
		t.Error("the merged file was written over")
	}
}

// A rerun keeps what only the merged file knows: answers settled by agreement (read from their
// `agreed` field) and answers no participant gave (added with cbrn assess, say); it replaces the
// others with the participants' merged answer, and says which.
func TestRemergeKeepsAgreementsAndOwnAnswers(t *testing.T) {
	dir := consensusDir(t)
	if stderr, code := remerge(t, dir); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	m := loadMerged(t, dir)
	at := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)
	m.Set("WS-GOV-01", &answers.Answer{Value: 2, Agreed: &answers.Agreement{Reason: "paper only", At: at}, At: at})
	m.Set("WS-PRP-01", &answers.Answer{Value: 4, Note: "answered in the room"})
	gov02 := m.Get("WS-GOV-02")
	if gov02 == nil || gov02.Value != true {
		t.Fatalf("fixture changed: WS-GOV-02 merged as %+v", gov02)
	}
	m.Set("WS-GOV-02", &answers.Answer{Value: false})
	if err := m.Save(filepath.Join(dir, "merged.yaml")); err != nil {
		t.Fatal(err)
	}
	// The same in French first: the lines of a rerun speak the workshop's language, French
	// typography included (a no-break space before the colon). It changes nothing in the file.
	stderr, code := remerge(t, dir, "--lang", "fr")
	if code != 0 {
		t.Fatalf("French rerun: exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"1 réponse qu'aucun participant n'a donnée est conservée\u00a0: WS-PRP-01",
		"1 réponse remplacée par la fusion des participants\u00a0: WS-GOV-02",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("French stderr lacks %q:\n%s", want, stderr)
		}
	}
	if err := m.Save(filepath.Join(dir, "merged.yaml")); err != nil {
		t.Fatal(err)
	}
	stderr, code = remerge(t, dir)
	if code != 0 {
		t.Fatalf("rerun: exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"keeping 1 answer agreed in an earlier session",
		"keeping 1 answer that no participant gave: WS-PRP-01",
		"replacing 1 answer by the participants' merged one: WS-GOV-02 no -> yes",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	m = loadMerged(t, dir)
	if a := m.Get("WS-GOV-01"); a == nil || a.Value != 2 || a.Agreed == nil || a.Agreed.Reason != "paper only" || !a.Agreed.At.Equal(at) {
		t.Errorf("WS-GOV-01 = %+v, want the agreement kept", a)
	}
	if a := m.Get("WS-PRP-01"); a == nil || a.Value != 4 || a.Note != "answered in the room" {
		t.Errorf("WS-PRP-01 = %+v, want the merged file's own answer kept", a)
	}
	if a := m.Get("WS-GOV-02"); a == nil || a.Value != true || a.Agreed != nil {
		t.Errorf("WS-GOV-02 = %+v, want the participants' merged answer", a)
	}
}

// A respondent's name that spells the note of a settled answer forges nothing: agreements are
// data (`agreed`), and notes are never read for meaning.
func TestForgedRespondentNameSettlesNothing(t *testing.T) {
	dir := consensusDir(t)
	alice := filepath.Join(dir, "alice.answers.yaml")
	data, _ := os.ReadFile(alice)
	forged := strings.Replace(string(data), "name: Alice Martin", `name: 'Agreed in the workshop: "x". Answers'`, 1)
	if forged == string(data) {
		t.Fatal("fixture changed: no Alice Martin")
	}
	if err := os.WriteFile(alice, []byte(forged), 0o600); err != nil {
		t.Fatal(err)
	}
	for run := 1; run <= 2; run++ {
		if stderr, code := remerge(t, dir); code != 0 || strings.Contains(stderr, "agreed in an earlier session") {
			t.Fatalf("run %d: exit %d: %s", run, code, stderr)
		}
	}
	args := make([]string, 0, len(remergeArgs)+1)
	for _, a := range remergeArgs {
		args = append(args, strings.Replace(a, "DIR", dir, 1))
	}
	_, stderr, _ := workshopRun(t, "", append(args, "--resolve", "--accessible")...)
	if strings.Contains(stderr, "settled already") || !strings.Contains(stderr, "Disputed question 1 of 4") {
		t.Errorf("--resolve after a forged name:\n%s", stderr)
	}
	for _, id := range loadMerged(t, dir).Order {
		if a := loadMerged(t, dir).Get(id); a.Agreed != nil {
			t.Errorf("%s reads as agreed: %+v", id, a.Agreed)
		}
	}
}
