package prompt

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLineReaderHandsOutOneLinePerRead(t *testing.T) {
	r := NewLineReader(context.Background(), strings.NewReader("one\ntwo\nlast"))
	buf := make([]byte, 100)
	var got []string
	for {
		n, err := r.Read(buf)
		if n > 0 {
			got = append(got, string(buf[:n]))
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatal(err)
			}
			break
		}
	}
	if want := []string{"one\n", "two\n", "last"}; !slices.Equal(got, want) {
		t.Fatalf("reads %q, want %q", got, want)
	}
	if !r.EOF() || !errors.Is(r.Stopped(), io.EOF) {
		t.Error("end of input not recorded")
	}
}

func TestLineReaderSplitsALineLongerThanTheBuffer(t *testing.T) {
	r := NewLineReader(context.Background(), strings.NewReader("abcdef\nx\n"))
	buf := make([]byte, 4)
	var got []string
	for range 3 {
		n, err := r.Read(buf)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(buf[:n]))
	}
	if want := []string{"abcd", "ef\n", "x\n"}; !slices.Equal(got, want) {
		t.Fatalf("reads %q, want %q", got, want)
	}
}

func TestLineReaderStopsWhenItsContextIsDone(t *testing.T) {
	pr, pw := io.Pipe() // a line that never comes
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	r := NewLineReader(ctx, pr)
	done := make(chan error)
	go func() {
		_, err := r.Read(make([]byte, 10))
		done <- err
	}()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, ErrInterrupted) || !errors.Is(r.Stopped(), ErrInterrupted) {
			t.Fatalf("err = %v, stopped = %v", err, r.Stopped())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Read did not return when the context was cancelled")
	}
}

func newLines(input string) (*Lines, *strings.Builder) {
	var out strings.Builder
	return &Lines{In: NewLineReader(context.Background(), strings.NewReader(input)), Out: &out, Msg: Catalogue("en"), Echo: true}, &out
}

var levelOptions = []Option{
	{Value: "1", Key: "1", Label: "Absent", Detail: "Nothing."},
	{Value: "2", Key: "2", Label: "Initiated"},
	{Value: "3", Key: "3", Label: "Established"},
	{Value: valUnknown, Key: "d", Label: "Don't know"},
	{Value: valBack, Key: "b", Label: "Previous question"},
}

// The huh trap: every accessible prompt wraps its input in a new bufio.Scanner, which reads
// ahead. Three prompts in a row over piped input must each get their own line.
func TestLinesGivesEachPromptItsOwnLine(t *testing.T) {
	l, out := newLines("2\nsome note\n3\n")
	v1, err1 := l.Select(SelectPrompt{Heading: []string{"Q1"}, Title: "Answer", Options: levelOptions})
	note, err2 := l.Input(InputPrompt{Title: "Note (Enter to skip)"})
	v2, err3 := l.Select(SelectPrompt{Heading: []string{"Q2"}, Title: "Answer", Options: levelOptions})
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	if v1 != "2" || note != "some note" || v2 != "3" {
		t.Fatalf("got %q, %q, %q", v1, note, v2)
	}
	want := `Q1
  1  Absent: Nothing.
  2  Initiated
  3  Established
  d  Don't know
  b  Previous question
Answer (1-3, d, b): 2
Note (Enter to skip): some note
Q2
`
	if !strings.HasPrefix(out.String(), want) {
		t.Errorf("transcript\n%s\nwant it to start with\n%s", out, want)
	}
}

func TestLinesSelectReasksUntilAKeyIsValid(t *testing.T) {
	l, out := newLines("7\nD\n")
	v, err := l.Select(SelectPrompt{Title: "Answer", Options: levelOptions})
	if err != nil || v != valUnknown {
		t.Fatalf("got %q, %v", v, err)
	}
	if !strings.Contains(out.String(), "type one of: 1-3, d, b") {
		t.Errorf("no hint after a wrong key:\n%s", out)
	}
}

func TestLinesSelectEnterTakesTheDefaultOnlyWhenThereIsOne(t *testing.T) {
	l, _ := newLines("\n")
	v, err := l.Select(SelectPrompt{Title: "Answer", Options: levelOptions, Default: "3", DefaultSet: true})
	if err != nil || v != "3" {
		t.Fatalf("got %q, %v", v, err)
	}
	l, out := newLines("\n1\n")
	v, err = l.Select(SelectPrompt{Title: "Answer", Options: levelOptions})
	if err != nil || v != "1" {
		t.Fatalf("got %q, %v", v, err)
	}
	if !strings.Contains(out.String(), "type one of") {
		t.Error("Enter with no default was not refused")
	}
}

func TestLinesEndOfInputIsNotAnAnswer(t *testing.T) {
	// Empty input, a default that Enter would take, a wrong key before the end: none of them
	// may come back as an answer.
	for _, in := range []string{"", "7\n", "7"} {
		l, _ := newLines(in)
		v, err := l.Select(SelectPrompt{Title: "Answer", Options: levelOptions, Default: "2", DefaultSet: true})
		if !errors.Is(err, io.EOF) {
			t.Errorf("input %q: got %q, %v; want io.EOF", in, v, err)
		}
	}
	l, _ := newLines("")
	if _, err := l.Input(InputPrompt{Title: "Note", Default: "kept"}); !errors.Is(err, io.EOF) {
		t.Errorf("Input at end of input: %v", err)
	}
}

func TestLinesAcceptsALastLineWithoutNewline(t *testing.T) {
	l, _ := newLines("3")
	v, err := l.Select(SelectPrompt{Title: "Answer", Options: levelOptions})
	if err != nil || v != "3" {
		t.Fatalf("got %q, %v", v, err)
	}
	if _, err := l.Input(InputPrompt{Title: "Note"}); !errors.Is(err, io.EOF) {
		t.Errorf("next prompt: %v, want io.EOF", err)
	}
}

func TestLinesCompactSelect(t *testing.T) {
	l, out := newLines("\n")
	v, err := l.Select(SelectPrompt{Title: "Confidence", Compact: true, DefaultSet: true, Options: []Option{
		{Value: "", Key: "0", Label: "not stated"}, {Value: "documented", Key: "1", Label: "documented"}}})
	if err != nil || v != "" {
		t.Fatalf("got %q, %v", v, err)
	}
	if want := "Confidence — 0 not stated, 1 documented [not stated]: \n"; out.String() != want {
		t.Errorf("transcript %q, want %q", out.String(), want)
	}
}

func TestLinesMultiSelect(t *testing.T) {
	opts := []Option{
		{Value: "chem", Key: "1", Label: "Chemical"}, {Value: "bio", Key: "2", Label: "Biological"},
		{Value: valNone, Key: "0", Label: "None of these", Exclusive: true},
		{Value: valUnknown, Key: "d", Label: "Don't know", Exclusive: true},
	}
	l, out := newLines("2 d\n\n2, 1\n")
	vs, err := l.MultiSelect(MultiPrompt{Title: "Answer", Options: opts})
	if err != nil || !slices.Equal(vs, []string{"chem", "bio"}) {
		t.Fatalf("got %q, %v", vs, err)
	}
	for _, want := range []string{"\"Don't know\" cannot be combined", "choose at least one option"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("transcript lacks %q:\n%s", want, out)
		}
	}
	l, _ = newLines("\n")
	vs, err = l.MultiSelect(MultiPrompt{Title: "Answer", Options: opts, Default: []string{"bio"}})
	if err != nil || !slices.Equal(vs, []string{"bio"}) {
		t.Fatalf("Enter with a default: %q, %v", vs, err)
	}
}

func TestLinesInput(t *testing.T) {
	l, out := newLines("\nbad\n42\n")
	v, err := l.Input(InputPrompt{Title: "Answer", Validate: func(s string) error {
		if s != "42" {
			return errors.New("not the answer")
		}
		return nil
	}})
	if err != nil || v != "42" {
		t.Fatalf("got %q, %v", v, err)
	}
	if strings.Count(out.String(), "not the answer") != 2 {
		t.Errorf("transcript:\n%s", out)
	}
	l, out = newLines("\n")
	v, err = l.Input(InputPrompt{Title: "Note", Default: "old"})
	if err != nil || v != "old" {
		t.Fatalf("Enter with a default: %q, %v", v, err)
	}
	if !strings.HasPrefix(out.String(), "Note [old]:") {
		t.Errorf("transcript %q", out)
	}
}

func TestKeyList(t *testing.T) {
	opts := []Option{{Key: "1"}, {Key: "2"}, {Key: "3"}, {Key: "0"}, {Key: "d"}, {Key: ""}, {Key: "5"}}
	if got := keyList(opts); got != "1-3, 0, d, 5" {
		t.Errorf("keyList = %q", got)
	}
}

// Whatever a respondent types, a line-based prompt never panics, and what it accepts is made
// of the options offered, with an exclusive option alone.
func FuzzLinesMultiSelect(f *testing.F) {
	for _, s := range []string{"1 2", "2,1", "0", "d", "1 d", "", " ; ,", "9", "1 1 1", "D\n2"} {
		f.Add(s)
	}
	opts := []Option{
		{Value: "chem", Key: "1", Label: "Chemical"}, {Value: "bio", Key: "2", Label: "Biological"},
		{Value: valNone, Key: "0", Label: "None of these", Exclusive: true},
		{Value: valUnknown, Key: "d", Label: "Don't know", Exclusive: true},
	}
	f.Fuzz(func(t *testing.T, line string) {
		l, _ := newLines(line + "\n")
		vs, err := l.MultiSelect(MultiPrompt{Title: "Answer", Options: opts})
		if err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatalf("%q: %v", line, err)
			}
			return
		}
		if len(vs) == 0 {
			t.Fatalf("%q: accepted nothing", line)
		}
		for _, v := range vs {
			i := slices.IndexFunc(opts, func(o Option) bool { return o.Value == v })
			if i < 0 {
				t.Fatalf("%q: %q is not an option", line, v)
			}
			if opts[i].Exclusive && len(vs) > 1 {
				t.Fatalf("%q: exclusive %q with others: %q", line, v, vs)
			}
		}
	})
}

func TestLinesRefusesALineTooLongToRead(t *testing.T) {
	l, _ := newLines(strings.Repeat("x", 70<<10) + "\n1\n")
	if _, err := l.Input(InputPrompt{Title: "Note"}); !errors.Is(err, errLineTooLong) {
		t.Fatalf("err = %v, want errLineTooLong", err)
	}
}
