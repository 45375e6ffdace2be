package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cbrn-tool/cbrn/internal/prompt"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// These tests drive the real binary's full-screen prompts in tmux at the sizes respondents use,
// and read the screen as they would (capture-pane): at every step the cursor's line and the
// option under it must be on screen.

// tmuxPath finds tmux: a test that needs it is skipped without it, except in CI, which has it.
func tmuxPath(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is not installed, and CI must run the full-screen tests")
		}
		t.Skip("tmux is not installed")
	}
	return p
}

// tmuxSession is one program running in a tmux window of a fixed size, on a server of its own.
type tmuxSession struct {
	t      *testing.T
	tmux   string
	socket string
}

// startTmux runs command (a shell line) in dir, in a w×h window.
func startTmux(t *testing.T, w, h int, dir, command string) *tmuxSession {
	t.Helper()
	// A socket of its own in a short folder of its own (a socket path is limited to about 100
	// bytes), removed with the server.
	sockDir, err := os.MkdirTemp("", "cbrn-tmux-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(sockDir) })
	s := &tmuxSession{t: t, tmux: tmuxPath(t), socket: filepath.Join(sockDir, "s")}
	// The shell stays after the command, so that its last words can be read.
	line := "env NO_COLOR=1 LANG=C.UTF-8 " + command + "; echo \"[exit $?]\"; sleep 600"
	cmd := s.cmd("-f", "/dev/null", "new-session", "-d", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), "-c", dir, line)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() { _ = s.cmd("kill-server").Run() })
	return s
}

func (s *tmuxSession) cmd(args ...string) *exec.Cmd {
	c := exec.Command(s.tmux, append([]string{"-u", "-S", s.socket}, args...)...)
	c.Env = append(os.Environ(), "LANG=C.UTF-8", "TMUX=")
	return c
}

func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	if out, err := s.cmd(append([]string{"send-keys", "-t", "0"}, keys...)...).CombinedOutput(); err != nil {
		s.t.Fatalf("tmux send-keys %q: %v\n%s", keys, err, out)
	}
}

func (s *tmuxSession) screen() string {
	s.t.Helper()
	out, err := s.cmd("capture-pane", "-p", "-t", "0").Output()
	if err != nil {
		s.t.Fatalf("tmux capture-pane: %v", err)
	}
	return string(out)
}

// waitFor polls the screen until ok holds, for a generous while: a loaded machine may be slow
// to draw, and nothing here depends on how fast.
func (s *tmuxSession) waitFor(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		sc := s.screen()
		if ok(sc) {
			return sc
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waiting for %s; the screen is:\n%s", what, sc)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// cursorLines are the lines of the screen that start with the cursor.
func cursorLines(screen string) []string {
	var out []string
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, ">") {
			out = append(out, l)
		}
	}
	return out
}

// step is one option of a list as the respondent sees it: what its cursor line shows, and a
// piece of its description that must be on screen with it.
type step struct{ label, detail string }

// walkList steps ↓ through a list from its first option: at each step exactly one cursor line
// is on screen, it is the option expected, the option's description shows, and so does the key
// help.
func walkList(t *testing.T, s *tmuxSession, steps []step, help string) {
	t.Helper()
	for i, st := range steps {
		if i > 0 {
			s.keys("Down")
		}
		sc := s.waitFor(fmt.Sprintf("the cursor on option %d %q", i+1, st.label), func(sc string) bool {
			c := cursorLines(sc)
			return len(c) == 1 && strings.Contains(c[0], st.label)
		})
		if st.detail != "" && !strings.Contains(strings.Join(strings.Fields(sc), " "), st.detail) {
			t.Errorf("option %d %q: its description %q is not on screen:\n%s", i+1, st.label, st.detail, sc)
		}
		if !strings.Contains(sc, help) {
			t.Errorf("option %d: the key help %q is not on screen:\n%s", i+1, help, sc)
		}
	}
}

// firstWords is the start of a text, as it shows on a screen whatever the wrapping.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// longest returns the question of type typ whose text and options are the longest in lang, among
// those always asked (no condition).
func longest(q *questionnaire.Questionnaire, typ questionnaire.QuestionType, lang string) *questionnaire.Question {
	var best *questionnaire.Question
	bestN := 0
	for _, x := range q.Questions {
		if x.Type != typ || x.When != nil {
			continue
		}
		n := len(x.Text.Get(lang))
		for _, c := range x.Choices {
			n += len(c.Label.Get(lang))
		}
		if x.Scale != nil {
			for _, l := range x.Scale.Levels {
				n = max(n, len(x.Text.Get(lang))+len(x.LevelText(l.Level).Get(lang))*len(x.Scale.Levels))
			}
		}
		if n > bestN {
			best, bestN = x, n
		}
	}
	return best
}

// unknownBefore is the answers of an answers file in which every question of qq's section before
// it is answered "don't know", so that `--section` starts at qq.
func unknownBefore(qq *questionnaire.Question) string {
	var b strings.Builder
	for _, x := range qq.Section.Questions {
		if x == qq {
			break
		}
		fmt.Fprintf(&b, "  %s: {unknown: true}\n", x.ID)
	}
	return b.String()
}

func writeAnswers(t *testing.T, path, q, lang, respondent, body string) {
	t.Helper()
	data := "schema: cbrn.answers/v1\nquestionnaire: {id: " + q + "}\n" + respondent + "language: " + lang + "\nanswers:\n" + body
	if body == "" {
		data = strings.TrimSuffix(data, "\n") + " {}\n"
	}
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

var tmuxSizes = [][2]int{{60, 20}, {80, 24}, {100, 30}}

// selectSteps are the options of a scale question in assess: the levels, then don't know, help
// and previous question.
func selectSteps(qq *questionnaire.Question, lang string) []step {
	var steps []step
	for _, l := range qq.Scale.Levels {
		steps = append(steps, step{fmt.Sprintf("%d · %s", l.Level, l.Label.Get(lang)), firstWords(qq.LevelText(l.Level).Get(lang), 6)})
	}
	return steps
}

func TestFullScreenListsFollowTheCursorAtEverySize(t *testing.T) {
	tmuxPath(t)
	bin := cbrnBinary(t)
	q, err := loadQuestionnaire("cbrn-core")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "fr"} {
		msg := prompt.Catalogue(lang)
		scale := longest(q, questionnaire.TypeScale, lang)
		multi := longest(q, questionnaire.TypeMulti, lang)
		for _, size := range tmuxSizes {
			w, h := size[0], size[1]
			t.Run(fmt.Sprintf("%s/%dx%d/select/%s", lang, w, h, scale.ID), func(t *testing.T) {
				dir := t.TempDir()
				writeAnswers(t, filepath.Join(dir, "a.answers.yaml"), q.ID, lang, "", unknownBefore(scale))
				s := startTmux(t, w, h, dir, bin+" assess a.answers.yaml --section "+scale.Section.ID)
				steps := selectSteps(scale, lang)
				steps = append(steps, step{label: msg.DontKnow})
				if hasHelp(scale) {
					steps = append(steps, step{label: msg.Help})
				}
				if scale != scale.Section.Questions[0] {
					steps = append(steps, step{label: msg.Back})
				}
				walkList(t, s, steps, "ctrl+c")
			})
			t.Run(fmt.Sprintf("%s/%dx%d/multi/%s", lang, w, h, multi.ID), func(t *testing.T) {
				dir := t.TempDir()
				writeAnswers(t, filepath.Join(dir, "a.answers.yaml"), q.ID, lang, "", unknownBefore(multi))
				s := startTmux(t, w, h, dir, bin+" assess a.answers.yaml --section "+multi.Section.ID)
				var steps []step
				for i, c := range multi.Choices {
					steps = append(steps, step{label: fmt.Sprintf("[ ] %d · %s", i+1, firstWords(c.Label.Get(lang), 1))})
				}
				if _, ok := multi.NoneChoice(); !ok {
					steps = append(steps, step{label: "[ ] 0 · " + msg.NoneOfThese})
				}
				steps = append(steps, step{label: "→   " + msg.DontKnow})
				if hasHelp(multi) {
					steps = append(steps, step{label: "→   " + msg.Help})
				}
				if multi != multi.Section.Questions[0] {
					steps = append(steps, step{label: "→   " + msg.Back})
				}
				walkList(t, s, steps, "ctrl+c")
				// Don't know is chosen with Enter, alone, and saved.
				if multi != multi.Section.Questions[0] {
					s.keys("Up")
				}
				if hasHelp(multi) {
					s.keys("Up")
				}
				s.waitFor("the cursor on don't know", func(sc string) bool {
					c := cursorLines(sc)
					return len(c) == 1 && strings.Contains(c[0], msg.DontKnow)
				})
				s.keys("Enter")
				s.waitFor("the note prompt", func(sc string) bool { return strings.Contains(sc, multi.ID+" · "+msg.DontKnow) })
			})
		}
	}
}

func hasHelp(qq *questionnaire.Question) bool { return !qq.Help.IsZero() || len(qq.References) > 0 }

func TestConsensusResolveListsFollowTheCursorAtEverySize(t *testing.T) {
	tmuxPath(t)
	bin := cbrnBinary(t)
	q, err := loadQuestionnaire("cbrn-core")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "fr"} {
		msg := prompt.Catalogue(lang)
		w := resolveWordsFor(lang)
		scale := longest(q, questionnaire.TypeScale, lang)
		multi := longest(q, questionnaire.TypeMulti, lang)
		for _, size := range tmuxSizes {
			cols, rows := size[0], size[1]
			for _, qq := range []*questionnaire.Question{scale, multi} {
				t.Run(fmt.Sprintf("%s/%dx%d/%s", lang, cols, rows, qq.ID), func(t *testing.T) {
					dir := t.TempDir()
					var steps []step
					var x, y string
					if qq == scale {
						lo, hi := qq.Scale.Levels[0], qq.Scale.Levels[len(qq.Scale.Levels)-1]
						x, y = strconv.Itoa(lo.Level), strconv.Itoa(hi.Level)
						for i, l := range qq.Scale.Levels {
							steps = append(steps, step{fmt.Sprintf("%d · %s", i+1, l.Label.Get(lang)), firstWords(qq.LevelText(l.Level).Get(lang), 6)})
						}
					} else {
						a, b := qq.Choices[0], qq.Choices[1]
						x, y = "["+a.ID+"]", "["+b.ID+"]"
						steps = append(steps, step{label: "1 · " + firstWords(a.Label.Get(lang), 2)},
							step{label: "2 · " + firstWords(b.Label.Get(lang), 2)})
					}
					steps = append(steps, step{label: msg.DontKnow})
					if qq.NAAllowed {
						steps = append(steps, step{label: msg.NotApplicable})
					}
					steps = append(steps, step{label: firstWords(w.open, 3)})
					writeAnswers(t, filepath.Join(dir, "a.answers.yaml"), q.ID, lang, "respondent: {name: Alice}\n", "  "+qq.ID+": {value: "+x+"}\n")
					writeAnswers(t, filepath.Join(dir, "b.answers.yaml"), q.ID, lang, "respondent: {name: Bruno}\n", "  "+qq.ID+": {value: "+y+"}\n")
					s := startTmux(t, cols, rows, dir, bin+" consensus a.answers.yaml b.answers.yaml --out m.answers.yaml --resolve --lang "+lang+" -o json >out.json")
					// The cursor starts on "leave it open": go to the top first.
					s.waitFor("the list", func(sc string) bool { return len(cursorLines(sc)) == 1 })
					s.keys("Home")
					walkList(t, s, steps, "ctrl+c")
				})
			}
		}
	}
}

// The resume line stays on screen: under the first prompt's title.
func TestFullScreenShowsWhereAResumedSessionStands(t *testing.T) {
	tmuxPath(t)
	bin := cbrnBinary(t)
	dir := t.TempDir()
	writeAnswers(t, filepath.Join(dir, "a.answers.yaml"), "cbrn-core", "en", "", "  PRV-GOV-01: {value: 2}\n")
	s := startTmux(t, 60, 20, dir, bin+" assess a.answers.yaml")
	s.waitFor("the resume line under the first prompt's title", func(sc string) bool {
		return strings.Contains(strings.Join(strings.Fields(sc), " "), "Resuming a.answers.yaml: 1 of ") &&
			len(cursorLines(sc)) == 1 && strings.Contains(sc, "PRV-GOV-02")
	})
}

// Ctrl-C in consensus --resolve: the line saying how far it got is the last thing printed, and
// the whole table is not dumped after it.
func TestConsensusResolveStopsWithTheStoppedLineLast(t *testing.T) {
	tmuxPath(t)
	bin := cbrnBinary(t)
	dir := t.TempDir()
	writeAnswers(t, filepath.Join(dir, "a.answers.yaml"), "cbrn-core", "en", "respondent: {name: Alice}\n", "  PRV-GOV-01: {value: 1}\n  PRV-GOV-02: {value: 1}\n")
	writeAnswers(t, filepath.Join(dir, "b.answers.yaml"), "cbrn-core", "en", "respondent: {name: Bruno}\n", "  PRV-GOV-01: {value: 5}\n  PRV-GOV-02: {value: 5}\n")
	s := startTmux(t, 80, 24, dir, bin+" consensus a.answers.yaml b.answers.yaml --out m.answers.yaml --resolve")
	s.waitFor("the first dispute", func(sc string) bool { return len(cursorLines(sc)) == 1 })
	s.keys("C-c")
	sc := s.waitFor("the end", func(sc string) bool { return strings.Contains(sc, "[exit 130]") })
	lines := strings.Split(strings.TrimRight(sc, "\n "), "\n")
	var text []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			text = append(text, strings.TrimSpace(l))
		}
	}
	all := strings.Join(text, " ")
	if !strings.Contains(all, "stopped: 0 of 2 disputed questions settled") {
		t.Errorf("no stopped line:\n%s", sc)
	}
	// The stopped line (wrapped to the screen) comes right before the exit status.
	tail := strings.Join(text[max(0, len(text)-4):], " ")
	if !strings.Contains(tail, "run the same command again to go on. [exit 130]") {
		t.Errorf("the stopped line is not the last thing printed:\n%s", sc)
	}
	if strings.Contains(all, "QUESTION") {
		t.Errorf("the table was printed after stopping:\n%s", sc)
	}
}
