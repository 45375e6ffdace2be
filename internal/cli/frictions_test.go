package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clipperhouse/displaywidth"
)

// runMain runs cbrn with args in dir, stdin empty, stderr a terminal of the given width (0: not
// a terminal), and returns the exit code, stdout and stderr.
func runMain(t *testing.T, dir string, width int, args ...string) (int, string, string) {
	t.Helper()
	s, out, errb := assessStreams("", nil)
	s.ErrWidth = width
	if width > 0 {
		s.ErrTTY = true
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if dir != "" {
		t.Chdir(dir)
	}
	code := Main(s, args)
	if dir != "" {
		t.Chdir(wd)
	}
	return code, out.String(), errb.String()
}

// "About you" is asked once, when the file is made; not on a resumed file whose four items were
// skipped, nor on a file that already holds them.
func TestAboutYouIsAskedOnlyWhenTheFileIsMade(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.answers.yaml")
	// Made now: asked, every item skipped; then the input ends.
	s, _, errb := assessStreams("\n\n\n\n", nil)
	_ = runAssess(s, &AssessOptions{Answers: path, Questionnaire: miniPath, Accessible: true})
	if !strings.Contains(errb.String(), "About you") {
		t.Fatalf("a new file: About you not asked:\n%s", errb)
	}
	// Resumed with nothing answered and the four items skipped: the first question comes first.
	s, _, errb = assessStreams("", nil)
	_ = runAssess(s, &AssessOptions{Answers: path, Questionnaire: miniPath, Accessible: true})
	if strings.Contains(errb.String(), "About you") || !strings.Contains(errb.String(), "GOV-01") {
		t.Errorf("resumed after skipping About you:\n%s", errb)
	}
	// A file that holds the four items already, no answer yet.
	full := filepath.Join(dir, "full.answers.yaml")
	writeAnswers(t, full, "assess-mini", "en", "respondent: {name: A, organisation: B, country: C, role: D}\n", "")
	s, _, errb = assessStreams("", nil)
	_ = runAssess(s, &AssessOptions{Answers: full, Questionnaire: miniPath, Accessible: true})
	if strings.Contains(errb.String(), "About you") || strings.Contains(errb.String(), "Your name") {
		t.Errorf("a file with the four items: About you asked:\n%s", errb)
	}
}

// Messages are wrapped to the terminal's width, between words and by display width.
func TestMessagesAreWrappedToTheTerminal(t *testing.T) {
	dir := t.TempDir()
	// A long error: an unknown agency, with the list of those the questionnaire has.
	_, _, errb := runMain(t, "", 40, "assess", filepath.Join(dir, "x.answers.yaml"), "-q", "cbrn-core", "--agency", "nobody", "--accessible")
	lines := strings.Split(strings.TrimRight(errb, "\n"), "\n")
	if len(lines) < 3 {
		t.Fatalf("not wrapped:\n%s", errb)
	}
	for _, l := range lines {
		if w := displaywidth.String(l); w > 39 {
			t.Errorf("line of %d columns on a 40-column terminal: %q", w, l)
		}
	}
	// No word is cut: the words are those of the message unwrapped.
	_, _, flat := runMain(t, "", 0, "assess", filepath.Join(dir, "x.answers.yaml"), "-q", "cbrn-core", "--agency", "nobody", "--accessible")
	if strings.Join(strings.Fields(errb), " ") != strings.Join(strings.Fields(flat), " ") {
		t.Errorf("wrapped:\n%s\nunwrapped:\n%s", errb, flat)
	}
	if strings.Contains(flat, "\n  ") && !strings.Contains(errb, "cbrn: --agency nobody") {
		t.Errorf("unexpected message:\n%s", flat)
	}
}

// The words of consensus under --lang fr, with their plurals right.
func TestConsensusWordsInFrenchAndPlurals(t *testing.T) {
	dir := consensusDir(t)
	code, _, errb := runMain(t, dir, 0, "consensus", "alice.answers.yaml", "bruno.answers.yaml", "-q", "workshop.yaml",
		"--out", "m.yaml", "--lang", "fr", "-o", "json")
	if code != 0 || !strings.Contains(errb, "m.yaml écrit\u00a0: ") || strings.Contains(errb, "wrote") {
		t.Errorf("exit %d:\n%s", code, errb)
	}
	// Any --out of a command in French.
	code, _, errb = runMain(t, dir, 0, "report", "alice.answers.yaml", "-q", "workshop.yaml", "--lang", "fr", "--out", "r.md", "-o", "markdown")
	if code != 0 || errb != "r.md écrit\n" {
		t.Errorf("report --out --lang fr: exit %d, stderr %q", code, errb)
	}
	// One disputed question and one answered: the singular, in both languages.
	one := filepath.Join(dir, "one")
	if err := os.Mkdir(one, 0o700); err != nil {
		t.Fatal(err)
	}
	writeAnswers(t, filepath.Join(one, "a.answers.yaml"), "workshop-test", "en", "respondent: {name: A}\n", "  WS-GOV-01: {value: 1}\n")
	writeAnswers(t, filepath.Join(one, "b.answers.yaml"), "workshop-test", "en", "respondent: {name: B}\n", "  WS-GOV-01: {value: 4}\n")
	q := filepath.Join(dir, "workshop.yaml")
	_, out, errb := runMain(t, one, 0, "consensus", "a.answers.yaml", "b.answers.yaml", "-q", q, "--out", "m.yaml")
	if !strings.Contains(out, "1 question has at least one answer; 1 is disputed.") {
		t.Errorf("English summary:\n%s", out)
	}
	if !strings.Contains(errb, "wrote m.yaml: 1 merged answer, 1 disputed") {
		t.Errorf("English stderr:\n%s", errb)
	}
	_, out, errb = runMain(t, one, 0, "consensus", "a.answers.yaml", "b.answers.yaml", "-q", q, "--lang", "fr")
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "1 question a au moins une réponse ; 1 est contestée.") {
		t.Errorf("French summary:\n%s", out)
	}
	if !strings.Contains(errb, "1 question contestée\u202f; écrivez les réponses fusionnées avec --out") {
		t.Errorf("French hint:\n%s", errb)
	}
}

// --agency and --section complete the questionnaire's ids, from -q or from the answers file;
// consensus --lang completes the languages.
func TestFlagsCompleteTheQuestionnairesIDs(t *testing.T) {
	dir := t.TempDir()
	writeAnswers(t, filepath.Join(dir, "q.answers.yaml"), "cbrn-quick", "en", "", "")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "assess", "--agency", ""}, "customs\tCustoms administration"},
		{[]string{"__complete", "assess", "-q", "cbrn-core", "--section", ""}, "prevention-legal\t"},
		{[]string{"__complete", "assess", "q.answers.yaml", "--section", ""}, "\t"},
		{[]string{"__complete", "print", "--agency", "he"}, "health\t"},
		{[]string{"__complete", "consensus", "a", "b", "--lang", ""}, "fr\n"},
	} {
		_, out, _ := runMain(t, dir, 0, c.args...)
		if !strings.Contains(out, c.want) || strings.Contains(out, ".yaml\n") {
			t.Errorf("%q: completions\n%s\nwant %q", c.args, out, c.want)
		}
	}
	// The answers file's questionnaire, not the default one: cbrn-quick's sections.
	_, quick, _ := runMain(t, dir, 0, "__complete", "assess", "q.answers.yaml", "--section", "")
	_, core, _ := runMain(t, dir, 0, "__complete", "assess", "--section", "")
	if quick == core {
		t.Errorf("the answers file's questionnaire was not used:\n%s", quick)
	}
}

// A questionnaire given instead of answers is said once, with what to pass instead; a long
// flag with one dash is named.
func TestTwoErrorMessages(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../../testdata/assess/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mini.yaml"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errb := runMain(t, dir, 0, "report", "mini.yaml")
	lines := strings.Split(strings.TrimRight(errb, "\n"), "\n")
	if code != ExitError || len(lines) != 1 || !strings.Contains(lines[0], "this is a questionnaire") ||
		!strings.Contains(lines[0], "cbrn assess -q mini.yaml") {
		t.Errorf("exit %d:\n%s", code, errb)
	}
	code, _, errb = runMain(t, dir, 0, "report", "x.yaml", "-output", "json")
	if code != ExitUsage || !strings.HasPrefix(errb, "cbrn: unknown shorthand flag 'u' in -output; did you mean --output?\n") {
		t.Errorf("exit %d:\n%s", code, errb)
	}
	code, _, errb = runMain(t, dir, 0, "report", "x.yaml", "-lang", "fr")
	if code != ExitUsage || !strings.HasPrefix(errb, "cbrn: unknown shorthand flag 'l' in -lang; did you mean --lang?\n") {
		t.Errorf("exit %d:\n%s", code, errb)
	}
	// After "--", a dash is an argument.
	_, _, errb = runMain(t, dir, 0, "report", "x.yaml", "--", "-output")
	if strings.Contains(errb, "did you mean") {
		t.Errorf("after --:\n%s", errb)
	}
}
