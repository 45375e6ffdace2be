package cli

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Crash safety end to end: SIGKILL at any moment leaves every file the tool writes as it was
// or complete, never torn. TestAssessSurvivesSIGKILL covers the answers file of cbrn assess;
// these tests cover the merged file of consensus --resolve and the --out files of report, plan
// and print.

// resolveStep is one line typed in a piped --resolve session, what shows once it is taken, and
// the agreement it completes (id "" when none).
type resolveStep struct {
	line, next string
	id, reason string
}

var resolveKillScript = []resolveStep{
	{line: "1", next: "Reason agreed"},
	{line: "first", next: "settled: WS-GOV-01 = 1 Absent; saved merged.yaml", id: "WS-GOV-01", reason: "first"},
	{line: "2", next: "Reason agreed"},
	{line: "second", next: "settled: WS-GOV-03 = Partly costed; saved merged.yaml", id: "WS-GOV-03", reason: "second"},
	{line: "n", next: "Reason agreed"},
	{line: "third", next: "settled: WS-DET-01 = N/A; saved merged.yaml", id: "WS-DET-01", reason: "third"},
	{line: "1", next: "Reason agreed"},
	{line: "fourth", next: "4 of 4 disputed questions settled", id: "WS-RSP-03", reason: "fourth"},
}

// TestConsensusResolveSurvivesSIGKILL kills the real binary at every point of a piped --resolve
// session, right after a line is taken or while it may still be in flight: the merged file
// always loads and checks, and holds every agreement confirmed before the kill.
func TestConsensusResolveSurvivesSIGKILL(t *testing.T) {
	cbrnBinary(t) // built before the subtests, or skipped
	for stop := 0; stop <= len(resolveKillScript); stop++ {
		for _, waitForIt := range []bool{true, false} {
			if stop == 0 && waitForIt {
				continue
			}
			t.Run(fmt.Sprintf("after line %d, waited %v", stop, waitForIt), func(t *testing.T) {
				dir := consensusDir(t)
				p := startPiped(t, dir, nil, append(consensusArgs, "--accessible")...)
				if stop > 0 {
					p.scr.waitFor(t, "Agreed answer (1-5, d)")
				}
				for i, st := range resolveKillScript[:stop] {
					p.write(t, st.line+"\n")
					if i < stop-1 || waitForIt {
						p.scr.waitFor(t, st.next)
					}
				}
				p.kill(t)

				leftovers(t, dir, "merged.yaml", []string{"workshop.yaml", "alice.answers.yaml", "bruno.answers.yaml", "chloe.answers.yaml"})
				if _, err := os.Stat(filepath.Join(dir, "merged.yaml")); os.IsNotExist(err) {
					if stop > 0 {
						t.Fatal("no merged file, though the session had started")
					}
					return // killed before the first save: nothing was written
				}
				a := loadMerged(t, dir)
				confirmed := stop
				if !waitForIt {
					confirmed-- // the last line may or may not have been taken
				}
				for _, st := range resolveKillScript[:max(0, confirmed)] {
					if st.id == "" {
						continue
					}
					got := a.Get(st.id)
					if got == nil || got.Agreed == nil || got.Agreed.Reason != st.reason {
						t.Errorf("%s was settled (%q) before the kill, but the file has %+v", st.id, st.reason, got)
					}
				}
			})
		}
	}
}

// leftovers checks that the folder holds the inputs, maybe the output, at most one temporary
// sibling of the output (left by a kill in the middle of a write) and maybe the session's lock
// file (a killed session cannot remove it; the next one takes it over), nothing else.
func leftovers(t *testing.T, dir, output string, inputs []string) (tmp int) {
	t.Helper()
	tmpRE := regexp.MustCompile(`^\.` + regexp.QuoteMeta(output) + `\.tmp-\d+$`)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch {
		case e.Name() == output, contains(inputs, e.Name()), e.Name() == "."+output+".lock":
		case tmpRE.MatchString(e.Name()):
			tmp++
		default:
			t.Errorf("unexpected file %s in the folder", e.Name())
		}
	}
	if tmp > 1 {
		t.Errorf("%d temporary files left", tmp)
	}
	return tmp
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// bigAssessment writes a questionnaire of 240 questions with long texts, and answers to it with
// long notes, so that rendering and writing an output takes a while.
func bigAssessment(t *testing.T, dir string) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"alpha", "beta", "gamma", "delta", "<b>", "|", "=x", "epsilon", "national", "laboratory"}
	text := func(n int) string {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		return strings.TrimSpace(b.String())
	}
	var q, a strings.Builder
	q.WriteString("schema: cbrn.questionnaire/v1\nid: big\nversion: 1.0.0\ntitle: Big\ntarget: 4\nscales:\n  s:\n    levels:\n")
	for l := 1; l <= 5; l++ {
		fmt.Fprintf(&q, "      - {level: %d, label: \"Level %d\", description: \"%s\"}\n", l, l, text(200))
	}
	q.WriteString("sections:\n")
	a.WriteString("schema: cbrn.answers/v1\nquestionnaire: {id: big}\nanswers:\n")
	for s, pillar := range []string{"prevention", "detection", "preparedness", "response"} {
		fmt.Fprintf(&q, "  - id: s%d\n    pillar: %s\n    title: Section %d\n    questions:\n", s, pillar, s)
		for i := range 60 {
			fmt.Fprintf(&q, "      - {id: Q%d-%d, type: scale, scale: s, text: \"%s\", help: \"%s\"}\n", s, i, text(3000), text(1000))
			fmt.Fprintf(&a, "  Q%d-%d: {value: %d, note: \"%s\"}\n", s, i, 1+i%5, text(2000))
		}
	}
	for name, data := range map[string]string{"big.yaml": q.String(), "big.answers.yaml": a.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestOutSurvivesSIGKILL kills report, plan and print at random moments while they render and
// write a large output over an older one, and as soon as the temporary file shows: the output
// is always the old file or the new one, byte for byte, and at most a temporary sibling is left.
func TestOutSurvivesSIGKILL(t *testing.T) {
	bin := cbrnBinary(t)
	commands := map[string][]string{
		"report": {"report", "big.answers.yaml", "-o", "markdown"},
		"plan":   {"plan", "big.answers.yaml", "-o", "html"},
		"print":  {"print", "-q", "big.yaml", "-o", "html"},
	}
	for name, args := range commands {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			bigAssessment(t, dir)
			run := func(out string) *exec.Cmd {
				cmd := exec.Command(bin, append(args, "--out", out)...)
				cmd.Dir = dir
				cmd.Env = procEnv()
				return cmd
			}
			// The new output, in full, and how long it takes.
			start := time.Now()
			if out, err := run("new.out").CombinedOutput(); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			took := time.Since(start)
			newData, err := os.ReadFile(filepath.Join(dir, "new.out"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(filepath.Join(dir, "new.out")); err != nil {
				t.Fatal(err)
			}
			oldData := []byte("an older output, complete\n")
			rng := rand.New(rand.NewPCG(3, uint64(len(name))))
			inputs := []string{"big.yaml", "big.answers.yaml"}
			var outcomes [3]int // old, new, old with a temporary file left
			for i := range 12 {
				out := filepath.Join(dir, "out")
				if err := os.WriteFile(out, oldData, 0o600); err != nil {
					t.Fatal(err)
				}
				cmd := run("out")
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				if i%3 == 2 {
					waitForTemp(dir, "out", 2*took+time.Second)
				} else {
					// Anywhere in the run, more often near its end where the write is.
					time.Sleep(time.Duration(float64(took) * (0.2 + rng.Float64())))
				}
				_ = cmd.Process.Kill()
				_ = cmd.Wait()
				got, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				tmp := leftovers(t, dir, "out", inputs)
				switch {
				case bytes.Equal(got, newData):
					outcomes[1]++
					if tmp > 0 {
						t.Error("the new output is in place, yet a temporary file is left")
					}
				case bytes.Equal(got, oldData):
					outcomes[0]++
					if tmp > 0 {
						outcomes[2]++
					}
				default:
					t.Fatalf("kill %d: the output is neither the old file nor the new one (%d bytes; new has %d)\n%s", i, len(got), len(newData), stderr.String())
				}
				if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o600 {
					t.Errorf("mode %v, %v", st.Mode().Perm(), err)
				}
				removeTemps(t, dir, "out")
			}
			t.Logf("%s (%v a run): %d kills left the old file (%d of them mid-write, with a temporary file), %d the new one",
				name, took.Round(time.Millisecond), outcomes[0], outcomes[2], outcomes[1])
		})
	}
}

// waitForTemp returns as soon as a temporary sibling of name appears in dir, or after limit.
func waitForTemp(dir, name string, limit time.Duration) {
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); {
		matches, _ := filepath.Glob(filepath.Join(dir, "."+name+".tmp-*"))
		if len(matches) > 0 {
			return
		}
		time.Sleep(200 * time.Microsecond)
	}
}

func removeTemps(t *testing.T, dir, name string) {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(dir, "."+name+".tmp-*"))
	for _, m := range matches {
		if err := os.Remove(m); err != nil {
			t.Fatal(err)
		}
	}
}
