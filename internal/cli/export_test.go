package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cbrn-tool/cbrn/internal/export"
)

// update rewrites the golden files of this package (export, compare, workshop outputs) instead of
// comparing with them: go test ./internal/cli -update, then review the diff.
var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// exportRun runs `cbrn export` in-process from dir.
func exportRun(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var out, errb bytes.Buffer
	s := &Streams{In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }}
	code = Main(s, append([]string{"export"}, args...))
	return out.String(), errb.String(), code
}

func exportDir(t *testing.T) string {
	t.Helper()
	d, err := filepath.Abs("../../testdata/export")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// The CSV of the three fixture assessments at every level, against golden files checked by
// hand (the figures are derived in internal/export/table_test.go).
func TestExportGoldenCSV(t *testing.T) {
	dir := exportDir(t)
	for _, level := range export.Levels() {
		t.Run(string(level), func(t *testing.T) {
			out, errOut, code := exportRun(t, dir, "assessments", "--level", string(level))
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden(t, filepath.Join(dir, "golden", string(level)+".csv"), []byte(out))
		})
	}
}

// The same files named one by one, in another order, give the same bytes: files are sorted.
func TestExportSortsFiles(t *testing.T) {
	dir := exportDir(t)
	a, _, _ := exportRun(t, dir, "assessments")
	b, _, code := exportRun(t, dir, "assessments/gamma.answers.yaml", "assessments/alpha.answers.yaml", "assessments/beta.answers.yaml", "assessments/alpha.answers.yaml")
	if code != 0 || a != b {
		t.Errorf("exit %d; output depends on the order of the arguments:\n%s\n---\n%s", code, a, b)
	}
}

func TestExportJSON(t *testing.T) {
	out, errOut, code := exportRun(t, exportDir(t), "assessments", "--level", "hazard", "-o", "json", "--lang", "fr")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Schema  string           `json:"schema"`
		Level   string           `json:"level"`
		Columns []string         `json:"columns"`
		Rows    []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if doc.Schema != "cbrn.export/v1" || doc.Level != "hazard" || len(doc.Rows) != 12 {
		t.Fatalf("schema %s, level %s, %d rows", doc.Schema, doc.Level, len(doc.Rows))
	}
	b := doc.Rows[1] // alpha, B
	if b["hazard"] != "B" || b["hazard_title"] != "Biologique" || b["score"] != 43.75 || b["answered"] != 3.0 {
		t.Errorf("alpha B = %v", b)
	}
	if r := doc.Rows[4+2]; r["file"] != "assessments/beta.answers.yaml" || r["score"] != nil {
		t.Errorf("beta R = %v (D2 unanswered: no score)", r)
	}
}

func TestExportXLSX(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "all.xlsx")
	_, errOut, code := exportRun(t, exportDir(t), "assessments", "-o", "xlsx", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if errOut != "wrote "+out+": 3 assessments\n" {
		t.Errorf("stderr = %q", errOut)
	}
	st, err := os.Stat(out)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("%v, mode %v", err, st.Mode().Perm())
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"Overview", "Pillars", "Hazards", "Sections", "Questions", "Activities", "README"}; !slices.Equal(got, want) {
		t.Errorf("sheets = %v", got)
	}
	rows, _ := f.GetRows("Questions")
	if len(rows) != 1+3*7 {
		t.Errorf("Questions: %d rows", len(rows))
	}
	if typ, _ := f.GetCellType("Overview", "J2"); typ != excelize.CellTypeUnset { // a number
		t.Errorf("Overview!J2 is of type %v, want a number", typ)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left beside the workbook: %v", entries)
	}
}

func TestExportXLSXRefusedOnTerminal(t *testing.T) {
	var out, errb bytes.Buffer
	s := &Streams{Out: &out, Err: &errb, OutTTY: true, Getenv: func(string) string { return "" }, Now: time.Now}
	code := Main(s, []string{"export", filepath.Join(exportDir(t), "assessments"), "-o", "xlsx"})
	if code != ExitUsage || out.Len() != 0 || !strings.Contains(errb.String(), "--out FILE.xlsx") {
		t.Errorf("exit %d, stdout %d bytes, stderr %q", code, out.Len(), errb.String())
	}
}

// A folder with one broken file: the others are exported, the broken one is named with its
// problem, and the exit status is 1.
func TestExportBrokenFile(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"fixture.yaml", "alpha.answers.yaml", "gamma.answers.yaml"} {
		data, err := os.ReadFile(filepath.Join(exportDir(t), "assessments", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.answers.yaml"), []byte("schema: cbrn.answers/v1\nquestionnaire: {id: fixture}\nanswers:\n  P1: {value: 9}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := exportRun(t, dir, ".", "--level", "overview")
	if code != ExitError {
		t.Errorf("exit %d, want 1", code)
	}
	recs := readCSV(t, out)
	if len(recs) != 3 || recs[1][0] != "alpha.answers.yaml" || recs[2][0] != "gamma.answers.yaml" {
		t.Errorf("stdout:\n%s", out)
	}
	want := "broken.answers.yaml:4:3: question P1: level 9 is not on its scale; the value must be a level from 1 to 5\n" +
		"1 file could not be exported (listed above); 2 exported\n"
	if errOut != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, want)
	}

	// With --out the file is still written, with the good assessments.
	path := filepath.Join(t.TempDir(), "out.csv")
	_, errOut, code = exportRun(t, "", ".", "--out", path)
	data, err := os.ReadFile(path)
	if code != ExitError || err != nil || len(readCSV(t, string(data))) != 1+2*4 {
		t.Errorf("exit %d, %v, %q; stderr %s", code, err, data, errOut)
	}
}

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatalf("%v in\n%s", err, s)
	}
	return recs
}

func TestExportMixedQuestionnaires(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"fixture.yaml", "alpha.answers.yaml"} {
		data, _ := os.ReadFile(filepath.Join(exportDir(t), "assessments", name))
		os.WriteFile(filepath.Join(dir, name), data, 0o600)
	}
	os.WriteFile(filepath.Join(dir, "quick.answers.yaml"), []byte("schema: cbrn.answers/v1\nquestionnaire: {id: cbrn-quick}\nanswers:\n  QCK-PRV-01: {value: 2}\n"), 0o600)

	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--level", "question"}, ExitUsage, "these files answer 2 questionnaires: cbrn-quick (1 file), fixture (1 file); their questions do not line up: use --level pillar, hazard or overview, or export each questionnaire apart"},
		{[]string{"--level", "section", "-o", "json"}, ExitUsage, "their sections do not line up"},
		{[]string{"--level", "activity"}, ExitUsage, "their activities do not line up"},
		{[]string{"-o", "xlsx", "--out", filepath.Join(dir, "x.xlsx")}, ExitUsage, "add --level pillar"},
		{[]string{"--level", "pillar"}, ExitOK, ""},
		{[]string{"--level", "overview"}, ExitOK, ""},
		{[]string{}, ExitOK, ""}, // the default level, pillar, lines up
	} {
		out, errOut, code := exportRun(t, dir, append([]string{"."}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errOut, c.code, c.msg)
		}
		if c.code == ExitUsage && out != "" {
			t.Errorf("%v: wrote %q before refusing", c.args, out)
		}
		if c.code == ExitOK && (!strings.Contains(out, "alpha.answers.yaml,fixture,") || !strings.Contains(out, "quick.answers.yaml,cbrn-quick,")) {
			t.Errorf("%v: stdout\n%s", c.args, out)
		}
	}

	// A workbook of both holds the sheets that line up.
	path := filepath.Join(dir, "both.xlsx")
	if _, errOut, code := exportRun(t, dir, ".", "-o", "xlsx", "--level", "pillar", "--out", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Overview", "Pillars", "Hazards", "README"}) {
		t.Errorf("sheets = %v", got)
	}
}

func TestExportErrors(t *testing.T) {
	dir := exportDir(t)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{}, ExitUsage, "one or more answers files, folders or patterns"},
		{[]string{"assessments", "--level", "country"}, ExitUsage, `unknown level "country"; use one of: overview, pillar, hazard, section, question, activity`},
		{[]string{"assessments", "-o", "xls"}, ExitUsage, `unknown output format "xls"; use one of: csv, xlsx, json`},
		{[]string{"assessments", "--target", "high"}, ExitUsage, `--target must be a level (a whole number from 1) or "next", not "high"`},
		{[]string{"assessments", "--target", "0"}, ExitUsage, `--target must be a level (a whole number from 1) or "next", not "0"`},
		{[]string{"assessments", "--out", "assessments/alpha.answers.yaml"}, ExitUsage, "is one of the input files"},
		{[]string{"assessments", "-q", "no-such-questionnaire"}, ExitUsage, `unknown questionnaire "no-such-questionnaire"`},
		{[]string{"nowhere"}, ExitError, "nowhere: no such file or folder\ncbrn: no answers file to export\n"},
		{[]string{"assessments", "nowhere/*.yaml"}, ExitError, "nowhere/*.yaml: no file matches this pattern\n"},
		{[]string{"assessments", "--out", "no/such/folder/x.csv"}, ExitError, "folder no/such/folder does not exist"},
		// -q with another questionnaire: every file is refused, with its position.
		{[]string{"assessments", "-q", "cbrn-quick"}, ExitError, `assessments/alpha.answers.yaml:2:16: these answers are for questionnaire "fixture", not "cbrn-quick"`},
	} {
		_, errOut, code := exportRun(t, dir, c.args...)
		if code != c.code || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errOut, c.code, c.msg)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "assessments", "alpha.answers.yaml")); !strings.Contains(string(data), "Ana Alvarez") {
		t.Fatal("an input was overwritten")
	}
}

// Files whose questionnaire cannot be found: the problem is told once, with a count.
func TestExportQuestionnaireMissing(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".answers.yaml"), []byte("schema: cbrn.answers/v1\nquestionnaire: {id: elsewhere}\nanswers: {}\n"), 0o600)
	}
	_, errOut, code := exportRun(t, dir, ".")
	want := `a.answers.yaml: answers questionnaire "elsewhere", which is not shipped with cbrn; name its file with -q FILE` + "\n" +
		"... and 2 more files of the same questionnaire could not be scored for the same reason\n" +
		"3 files could not be exported (listed above); 0 exported\n"
	if code != ExitError || errOut != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, errOut, want)
	}
}

func TestExportLanguageWarning(t *testing.T) {
	out, errOut, code := exportRun(t, exportDir(t), "assessments", "--lang", "de", "--level", "section")
	if code != 0 || errOut != "warning: questionnaire fixture has no \"de\" text (it has en, fr); its titles are exported in en\n" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, `"Governance, law"`) {
		t.Errorf("stdout:\n%s", out)
	}
}

// lockedBuffer is a stderr that a progress goroutine and the test can share.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestProgress(t *testing.T) {
	var errb lockedBuffer
	p := &progress{s: &Streams{Err: &errb, ErrTTY: true}, after: 0, every: time.Millisecond}
	p.start(10)
	p.step()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(errb.String(), "exporting 1/10 files") && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	p.println("broken.answers.yaml: \x1b[31mbad\x1b[0m")
	p.stop()
	got := errb.String()
	if !strings.Contains(got, "\rexporting 1/10 files\x1b[K") {
		t.Fatalf("no progress line in %q", got)
	}
	// A message clears the line, is printed without terminal controls from files, and the
	// progress is drawn again below it; stop clears it for good.
	msg := regexp.MustCompile("\r\x1b\\[K(broken.answers.yaml: [^\n]*bad[^\n]*)\n\rexporting").FindStringSubmatch(got)
	if msg == nil || strings.Contains(msg[1], "\x1b") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("stderr = %q", got)
	}

	// Not on a terminal: no progress line, messages as they are.
	var plain bytes.Buffer
	q := &progress{s: &Streams{Err: &plain}, after: 0, every: time.Millisecond}
	q.start(10)
	time.Sleep(5 * time.Millisecond)
	q.println("message")
	q.stop()
	if plain.String() != "message\n" {
		t.Errorf("stderr off a terminal = %q", plain.String())
	}
}

// cancelOnWrite is a stderr that interrupts the export at its first message.
type cancelOnWrite struct {
	bytes.Buffer
	cancel func()
}

func (c *cancelOnWrite) Write(p []byte) (int, error) {
	c.cancel()
	return c.Buffer.Write(p)
}

// An interrupted export leaves nothing behind: no output file, no temporary file, exit 130.
func TestExportCancelled(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"fixture.yaml", "alpha.answers.yaml", "beta.answers.yaml", "gamma.answers.yaml"} {
		data, _ := os.ReadFile(filepath.Join(exportDir(t), "assessments", name))
		os.WriteFile(filepath.Join(dir, name), data, 0o600)
	}
	// The broken file comes first; the message about it is where the export is interrupted.
	os.WriteFile(filepath.Join(dir, "0-broken.answers.yaml"), []byte("schema: cbrn.answers/v1\nquestionnaire: {id: fixture}\nanswers: {P1: {value: 9}}\n"), 0o600)
	t.Chdir(dir)
	for _, format := range []string{"xlsx", "csv"} {
		ctx, cancel := context.WithCancel(context.Background())
		errb := &cancelOnWrite{cancel: cancel}
		s := &Streams{Out: io.Discard, Err: errb, Getenv: func(string) string { return "" }, Now: time.Now}
		err := runExport(ctx, s, &ExportOptions{Inputs: []string{"."}, docFlags: docFlags{Output: format, Out: "out." + format}, Level: "pillar"})
		if !errors.Is(err, ErrCancelled) || Report(err, io.Discard) != ExitCancelled {
			t.Fatalf("%s: err = %v", format, err)
		}
		if msg := errb.String(); !strings.Contains(msg, "\nexport cancelled after ") || !strings.HasSuffix(msg, " of 4 files; nothing written\n") {
			t.Errorf("%s: stderr = %q", format, msg)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 5 {
			t.Errorf("%s: left behind: %v", format, entries)
		}
	}

	// Interrupted while the files are looked at: nothing is read further.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var errb bytes.Buffer
	s := &Streams{Out: io.Discard, Err: &errb, Getenv: func(string) string { return "" }, Now: time.Now}
	if err := runExport(ctx, s, &ExportOptions{Inputs: []string{"."}, docFlags: docFlags{Output: "csv"}, Level: "pillar"}); !errors.Is(err, ErrCancelled) {
		t.Errorf("err = %v", err)
	}
	if errb.String() != "export cancelled after 0 of 5 files; nothing written\n" {
		t.Errorf("stderr = %q", errb.String())
	}
}

// The help of export and compare teaches within 80 columns, with a description and examples.
func TestExportCompareHelp(t *testing.T) {
	for _, c := range []string{"export", "compare"} {
		var out bytes.Buffer
		s := &Streams{Out: &out, Err: &out, Getenv: func(string) string { return "" }, Now: time.Now}
		if code := Main(s, []string{c, "--help"}); code != 0 {
			t.Fatalf("%s --help: exit %d", c, code)
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if len([]rune(line)) > 80 {
				t.Errorf("%s --help: line of %d columns: %s", c, len([]rune(line)), line)
			}
		}
		if !strings.Contains(out.String(), "Examples:\n  cbrn "+c) || !strings.Contains(out.String(), "Exit status") {
			t.Errorf("%s --help lacks examples or exit status:\n%s", c, out.String())
		}
	}
}
