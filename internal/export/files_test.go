package export

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

const answersHead = "schema: cbrn.answers/v1\nquestionnaire: {id: fixture}\nanswers: {}\n"

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "data/b/2026.answers.yaml", answersHead)
	write(t, "data/a/2025.answers.yaml", answersHead)
	write(t, "data/a/notes.txt", "not yaml")
	write(t, "data/a/plain.yaml", answersHead)              // an answers file by its schema: a candidate
	write(t, "data/a/questionnaire.yaml", "schema: cbrn.q") // a candidate too: the header decides
	write(t, "data/.git/x.answers.yaml", answersHead)       // hidden folders are skipped
	write(t, "data/c.yml", answersHead)
	write(t, "solo.txt", answersHead)
	write(t, "empty/readme.md", "")

	got, problems := Expand([]string{"data", "solo.txt", "data/a/2025.answers.yaml", "data/b/*.yaml", "missing.answers.yaml", "nomatch/*.yaml", "empty"})
	var paths []string
	for _, in := range got {
		paths = append(paths, in.Path)
		// named on the command line: solo.txt, and 2025 (also found in the folder)
		if in.Named != (in.Path == "solo.txt" || in.Path == "data/a/2025.answers.yaml") {
			t.Errorf("%s: Named = %v", in.Path, in.Named)
		}
	}
	want := []string{"data/a/2025.answers.yaml", "data/a/plain.yaml", "data/a/questionnaire.yaml", "data/b/2026.answers.yaml", "data/c.yml", "solo.txt"}
	if !slices.Equal(paths, want) {
		t.Errorf("paths = %q\nwant %q", paths, want)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Error())
	}
	wantProblems := []string{
		"missing.answers.yaml: no such file or folder",
		"nomatch/*.yaml: no file matches this pattern",
		"empty: no answers files (*.answers.yaml, or *.yaml with schema cbrn.answers/v1) in this folder",
	}
	if !slices.Equal(msgs, wantProblems) {
		t.Errorf("problems = %q\nwant %q", msgs, wantProblems)
	}
}

func TestScanHeader(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("# padding comment line\n", 1000) // pushes the keys past the first read
	cases := []struct {
		name, data string
		want       Header
	}{
		{"flow", "schema: cbrn.answers/v1\nquestionnaire: {id: cbrn-core, version: 1.0.0}\nanswers: {}\n",
			Header{"cbrn.answers/v1", "cbrn-core", "1.0.0"}},
		{"block", "questionnaire:\n  id: 'my-q'\n  # comment\n  version: \"2\"\nschema: cbrn.answers/v1\n",
			Header{"cbrn.answers/v1", "my-q", "2"}},
		{"last key, no final newline", "schema: cbrn.answers/v1\nquestionnaire:\n  id: x", Header{"cbrn.answers/v1", "x", ""}},
		{"questionnaire file", "schema: cbrn.questionnaire/v1\nid: x\n", Header{Schema: "cbrn.questionnaire/v1"}},
		{"far down", long + "schema: cbrn.answers/v1\nquestionnaire: {id: far}\n", Header{"cbrn.answers/v1", "far", ""}},
		{"not yaml", "\x00\x01{[", Header{}},
		{"nested keys are not top-level", "answers:\n  schema: no\n  questionnaire: {id: no}\n", Header{}},
		{"broken block", "schema: cbrn.answers/v1\nquestionnaire: {id: [\n", Header{Schema: "cbrn.answers/v1"}},
	}
	for _, c := range cases {
		p := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".yaml")
		write(t, p, c.data)
		got, err := ScanHeader(p)
		if err != nil || got != c.want {
			t.Errorf("%s: %+v, %v; want %+v", c.name, got, err, c.want)
		}
	}
	if _, err := ScanHeader(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("a missing file gave no error")
	}
}

func FuzzParseHeader(f *testing.F) {
	f.Add([]byte("schema: cbrn.answers/v1\nquestionnaire: {id: a, version: 1}\n"), true)
	f.Add([]byte("questionnaire:\n  id: x\n\tversion: [\nschema: y"), false)
	f.Add([]byte("questionnaire: &a {id: *a}\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, whole bool) {
		h, complete := parseHeader(data, whole)
		if complete && (h.Schema == "") {
			t.Errorf("complete without a schema: %+v", h)
		}
	})
}

func TestWanted(t *testing.T) {
	for _, c := range []struct {
		in   Input
		h    Header
		want bool
	}{
		{Input{Path: "x.txt", Named: true}, Header{}, true},
		{Input{Path: "d/x.answers.yaml"}, Header{}, true},
		{Input{Path: "d/x.yaml"}, Header{Schema: "cbrn.answers/v1"}, true},
		{Input{Path: "d/x.yaml"}, Header{Schema: "cbrn.questionnaire/v1"}, false},
		{Input{Path: "d/x.yml"}, Header{}, false},
	} {
		if got := c.in.Wanted(c.h); got != c.want {
			t.Errorf("%+v with %+v: %v, want %v", c.in, c.h, got, c.want)
		}
	}
}

func TestOrderedKeepsOrderAndBoundsWork(t *testing.T) {
	const n, workers, window = 200, 4, 8
	var inFlight, maxInFlight atomic.Int64
	var got []int
	err := Ordered(context.Background(), n, workers, window, func(i int) int {
		cur := inFlight.Add(1)
		for {
			m := maxInFlight.Load()
			if cur <= m || maxInFlight.CompareAndSwap(m, cur) {
				break
			}
		}
		time.Sleep(time.Duration(rand.IntN(200)) * time.Microsecond)
		return i * i
	}, func(i, v int) error {
		inFlight.Add(-1)
		if v != i*i {
			t.Errorf("result %d = %d", i, v)
		}
		got = append(got, i)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range got {
		if x != i {
			t.Fatalf("results out of order at %d: %v", i, got[:i+1])
		}
	}
	if len(got) != n {
		t.Fatalf("%d results, want %d", len(got), n)
	}
	// Started and not yet emitted: never more than the window (plus the one being handed over).
	if m := maxInFlight.Load(); m > window+1 {
		t.Errorf("%d results in flight at once, want at most %d", m, window+1)
	}
}

func TestOrderedStopsOnError(t *testing.T) {
	stop := errors.New("stop")
	var worked atomic.Int64
	err := Ordered(context.Background(), 10000, 2, 4, func(i int) int {
		worked.Add(1)
		return i
	}, func(i, v int) error {
		if i == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v", err)
	}
	if w := worked.Load(); w > 100 {
		t.Errorf("%d items worked on after an error at the 6th", w)
	}
}

func TestOrderedCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	err := Ordered(ctx, 1000, 2, 4, func(i int) int {
		if i == 10 {
			cancel()
		}
		return i
	}, func(int, int) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// Where the fast scalar reading answers, it agrees with the YAML parser.
func FuzzSimpleScalar(f *testing.F) {
	for _, s := range []string{" cbrn.answers/v1", ` "sha256:ab" # c`, " 'it''s'", ` "a\"b"`, " a #b", " [x]", " ~", " x: y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := simpleScalar(s)
		if !ok || strings.ContainsAny(s, "\n\r") {
			return
		}
		var v map[string]any
		if err := yaml.Unmarshal([]byte("k:"+s), &v); err != nil {
			return
		}
		if str, isString := v["k"].(string); isString && str != got {
			t.Errorf("simpleScalar(%q) = %q, YAML reads %q", s, got, str)
		}
	})
}

func TestFlowRef(t *testing.T) {
	for _, c := range []struct {
		line, id, version string
		ok                bool
	}{
		{`questionnaire: {id: cbrn-core, version: 1.0.0, digest: "sha256:00ff"}`, "cbrn-core", "1.0.0", true},
		{`questionnaire: {id: 'q', version: "2"}  # note`, "q", "2", true},
		{`questionnaire: {version: 1}`, "", "1", false},
		{`questionnaire: {id: "a,b"}`, "", "", false}, // left to the parser
		{`questionnaire:`, "", "", false},
	} {
		id, version, ok := flowRef([]byte(c.line + "\n"))
		if id != c.id || version != c.version || ok != c.ok {
			t.Errorf("%s: %q %q %v", c.line, id, version, ok)
		}
	}
}
