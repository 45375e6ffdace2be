package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Every limit on hostile or runaway files, end to end: the command stops with exit status 1
// and says which limit, where; it never hangs, panics or writes anything.
func TestLimitsEndToEnd(t *testing.T) {
	head := "schema: cbrn.questionnaire/v1\nid: big\nversion: 1.0.0\ntitle: Big\nsections:\n  - id: s\n    pillar: prevention\n    title: S\n    questions:\n"
	questions := func(n int) string {
		var b strings.Builder
		b.WriteString(head)
		for i := range n {
			fmt.Fprintf(&b, "      - {id: Q%d, type: yesno, text: T}\n", i)
		}
		return b.String()
	}
	answersHead := "schema: cbrn.answers/v1\nquestionnaire: {id: big}\nanswers:\n"
	nested := strings.Repeat("{not: ", 33) + "{question: Q0, equals: true}" + strings.Repeat("}", 33)
	cases := []struct {
		name, file, data string
		want             string // the first line of stderr, with DIR for the folder
	}{
		{"questionnaire over 4 MiB", "q.yaml", "# " + strings.Repeat("x", 4<<20),
			"DIR/q.yaml: the file is larger than 4 MiB; this is not a questionnaire or answers file the tool accepts"},
		{"answers over 4 MiB", "a.answers.yaml", "# " + strings.Repeat("x", 4<<20),
			"DIR/a.answers.yaml: the file is larger than 4 MiB; this is not a questionnaire or answers file the tool accepts"},
		{"more than 5000 questions", "q.yaml", questions(5001),
			"DIR/q.yaml:5010:9: more than 5000 questions; split the questionnaire"},
		// Column 46 is the outermost condition; the 33rd, 32 × 6 columns further, is one too deep.
		{"a condition nested deeper than 32", "q.yaml", questions(1) + "      - {id: Q1, type: yesno, text: T, when: " + nested + "}\n",
			"DIR/q.yaml:11:238: the condition of question Q1 is nested deeper than 32 levels"},
		{"a text over 10,000 characters", "q.yaml", head + "      - {id: Q0, type: yesno, text: " + strings.Repeat("é", 10001) + "}\n",
			"DIR/q.yaml:10:37: text of question Q0 is 10001 characters long; the limit is 10000"},
		{"a YAML alias in a questionnaire", "q.yaml", head + "      - &q {id: Q0, type: yesno, text: T}\n      - *q\n",
			"DIR/q.yaml:11:9: YAML aliases (*q) are not allowed; write the value out in full"},
		{"more than 5000 answers", "a.answers.yaml", answersHead + func() string {
			var b strings.Builder
			for i := range 5001 {
				fmt.Fprintf(&b, "  Q%d: {value: true}\n", i)
			}
			return b.String()
		}(), "DIR/a.answers.yaml:5004:3: more than 5000 answers; a questionnaire has at most 5000 questions"},
		{"a note over 10,000 characters", "a.answers.yaml", answersHead + "  Q0: {value: true, note: " + strings.Repeat("n", 10001) + "}\n",
			"DIR/a.answers.yaml:4:27: the note to Q0 is 10001 characters long; the limit is 10000"},
		{"a YAML alias in answers", "a.answers.yaml", answersHead + "  Q0: &v {value: true}\n  Q1: *v\n",
			"DIR/a.answers.yaml:5:7: YAML aliases (*v) are not allowed; write the value out in full"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, c.file)
			if err := os.WriteFile(path, []byte(c.data), 0o600); err != nil {
				t.Fatal(err)
			}
			want := strings.ReplaceAll(c.want, "DIR", dir)
			commands := [][]string{{"validate", path}}
			if strings.HasSuffix(c.file, ".answers.yaml") {
				commands = append(commands, []string{"report", path, "--out", filepath.Join(dir, "out.md")})
			} else {
				commands = append(commands, []string{"print", "-q", path, "--out", filepath.Join(dir, "out.md")})
			}
			for _, args := range commands {
				_, stderr, code := workshopRun(t, "", args...)
				first, _, _ := strings.Cut(string(stderr), "\n")
				first = strings.TrimPrefix(first, "cbrn: ")
				if code != ExitError || first != want {
					t.Errorf("%s: exit %d, first line\n%s\nwant exit 1 and\n%s", args[0], code, first, want)
				}
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("%d files in the folder, want only the input", len(entries))
			}
		})
	}
}

// BenchmarkWideMultipleChoice: a questionnaire of one multiple choice with 20,000 choices, all
// chosen by two participants, through report, plan and consensus. Lookups by choice id are
// indexed and the terminal table's cells bounded, so the time grows with the file, not with
// its square (go test -bench WideMultipleChoice ./internal/cli).
func BenchmarkWideMultipleChoice(b *testing.B) {
	dir := b.TempDir()
	const n = 20000
	var q, a strings.Builder
	q.WriteString("schema: cbrn.questionnaire/v1\nid: wide\nversion: 1.0.0\ntitle: Wide\nsections:\n  - id: s\n    pillar: prevention\n    title: S\n    questions:\n      - id: M\n        type: multi\n        text: Which?\n        choices:\n")
	a.WriteString("schema: cbrn.answers/v1\nquestionnaire: {id: wide}\nanswers:\n  M: {value: [")
	for i := range n {
		fmt.Fprintf(&q, "          - {id: c%d, label: L%d, score: 0}\n", i, i)
		if i > 0 {
			a.WriteString(",")
		}
		fmt.Fprintf(&a, "c%d", i)
	}
	a.WriteString("]}\n")
	for name, data := range map[string]string{"wide.yaml": q.String(), "a.answers.yaml": a.String(), "b.answers.yaml": a.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			b.Fatal(err)
		}
	}
	ans, other := filepath.Join(dir, "a.answers.yaml"), filepath.Join(dir, "b.answers.yaml")
	for _, args := range [][]string{{"report", ans}, {"plan", ans}, {"consensus", ans, other}} {
		b.Run(args[0], func(b *testing.B) {
			for b.Loop() {
				var errb bytes.Buffer
				s := &Streams{In: strings.NewReader(""), Out: io.Discard, Err: &errb,
					Getenv: func(string) string { return "" }, Now: time.Now}
				if code := Main(s, args); code != 0 {
					b.Fatalf("exit %d: %s", code, errb.String())
				}
			}
		})
	}
}
