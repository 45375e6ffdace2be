package cli_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/compare"
	"github.com/cbrn-tool/cbrn/internal/consensus"
	"github.com/cbrn-tool/cbrn/internal/export"
	"github.com/cbrn-tool/cbrn/internal/handout"
	"github.com/cbrn-tool/cbrn/internal/plan"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/report"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// FuzzRender: any valid questionnaire and answers render in every format of every command
// (report, plan, print, consensus, compare, and the export tables in CSV, JSON and xlsx)
// without a panic or an error, and every output keeps the promises made to the person who opens
// it. The fuzz input is a questionnaire and two answers files, mutated from real ones (the
// hostile fixture among them); a questionnaire that does not load is skipped, and answers that
// do not load or check are replaced by an empty answers file, so that mutations of the texts and
// values still reach the renderers.
func FuzzRender(f *testing.F) {
	read := func(path string) []byte {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		return data
	}
	const td = "../../testdata/"
	// The hostile fixture, its 10,000-character text cut short: every mutation of it renders
	// that text some forty times (the consensus table narrows until it fits), which would slow
	// the fuzzing to a crawl; the hostile test renders it in full.
	hostile := longTextRE.ReplaceAll(read(td+"hostile/hostile.yaml"), []byte(`text: "$1"`))
	if _, err := questionnaire.Parse("hostile.yaml", hostile); err != nil {
		f.Fatalf("the shortened hostile fixture does not load: %v", err)
	}
	f.Add(hostile, read(td+"hostile/hostile.answers.yaml"), read(td+"hostile/eve.answers.yaml"))
	f.Add(read(td+"report/fixture.yaml"), read(td+"report/fixture.answers.yaml"), []byte{})
	f.Add(read(td+"consensus/workshop.yaml"), read(td+"consensus/alice.answers.yaml"), read(td+"consensus/bruno.answers.yaml"))
	f.Add(read(td+"assess/mini.yaml"), []byte{}, []byte{})
	quick, _, _ := questionnaires.File("cbrn-quick")
	sample, _, _ := questionnaires.Sample("examplia-quick")
	f.Add(quick, sample, []byte{})
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

	f.Fuzz(func(t *testing.T, qData, aData, bData []byte) {
		q, err := questionnaire.Parse("fuzz.yaml", qData)
		if err != nil {
			return
		}
		a := fuzzAnswers(q, aData, now)
		b := fuzzAnswers(q, bData, now)
		langs := q.Languages
		for _, target := range []score.Target{{}, {Next: true}} {
			res := score.Compute(q, a, score.Options{Target: target})
			for _, lang := range langs {
				for _, format := range report.Formats() {
					for _, color := range []bool{false, true} {
						if color && format != "table" {
							continue
						}
						out, err := report.Render(format, report.Input{Result: res, Answers: a, Lang: lang, Color: color})
						check(t, "report -o "+format, format, color, out, err)
					}
				}
				p := plan.Build(res, a, target, lang)
				for _, format := range plan.Formats() {
					out, err := plan.Render(format, p)
					if format == "xlsx" {
						checkWorkbook(t, "plan -o xlsx", out, err)
						continue
					}
					check(t, "plan -o "+format, format, false, out, err)
				}
			}
		}
		var agencies []string
		if len(q.Agencies) > 0 {
			agencies = []string{q.Agencies[0].ID}
		}
		for _, lang := range langs {
			for _, in := range []handout.Input{
				{Questionnaire: q, Lang: lang},
				{Questionnaire: q, Lang: lang, Pillars: []string{"detection"}, Agencies: agencies},
			} {
				if len(handout.Questions(q, in.Pillars, in.Agencies)) == 0 {
					continue // the command refuses filters that keep nothing
				}
				for _, format := range handout.Formats() {
					out, err := handout.Render(format, in)
					check(t, "print -o "+format, format, false, out, err)
				}
			}
		}
		resA, resB := score.Compute(q, a, score.Options{}), score.Compute(q, b, score.Options{})
		diff := compare.Compute(resA, resB)
		for _, lang := range langs {
			for _, format := range compare.Formats() {
				out, err := compare.Render(format, compare.Input{Q: q, Base: compare.Side{Path: "a.yaml", A: a},
					New: compare.Side{Path: "b.yaml", A: b}, Lang: lang, Result: diff})
				check(t, "compare -o "+format, format, false, out, err)
			}
		}
		checkExport(t, q, []*export.Assessment{{Path: "a.yaml", Q: q, A: a, Result: resA}, {Path: "b.yaml", Q: q, A: b, Result: resB}})
		cres := consensus.Compute(q, []*answers.File{a, b})
		for _, lang := range langs {
			for _, format := range consensus.Formats() {
				out, err := consensus.Render(format, consensus.RenderInput{Result: cres, Lang: lang})
				check(t, "consensus -o "+format, format, false, out, err)
			}
		}
		// The merged answers file reads back and checks against its questionnaire.
		merged, err := cres.File(q.DefaultLanguage(), now).Marshal()
		if err != nil {
			t.Fatalf("merged answers: %v", err)
		}
		m, err := answers.Parse("merged.yaml", merged)
		if err != nil {
			t.Fatalf("the merged answers do not load: %v\n%s", err, merged)
		}
		if _, err := m.Check(q); err != nil {
			t.Fatalf("the merged answers do not check: %v\n%s", err, merged)
		}
	})
}

// checkExport writes the export tables of every level in CSV, JSON and a workbook, and checks them.
func checkExport(t *testing.T, q *questionnaire.Questionnaire, xs []*export.Assessment) {
	t.Helper()
	var book bytes.Buffer
	wb, err := export.NewXLSX(&book, export.Levels())
	if err != nil {
		t.Fatal(err)
	}
	for _, level := range export.Levels() {
		var csvOut, jsonOut bytes.Buffer
		cw, err := export.NewCSV(&csvOut, export.Columns(level))
		if err != nil {
			t.Fatal(err)
		}
		jw, err := export.NewJSON(&jsonOut, level, export.Columns(level))
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range xs {
			block := export.Build(level, x, q.DefaultLanguage())
			if err := cw.Write(cw.Encode(nil, block)); err != nil {
				t.Fatal(err)
			}
			if err := jw.Write(jw.Encode(nil, block)); err != nil {
				t.Fatal(err)
			}
			if err := wb.Write(level, block); err != nil {
				t.Fatalf("workbook, %s: %v", level, err)
			}
		}
		if err := cw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := jw.Close(); err != nil {
			t.Fatal(err)
		}
		check(t, "export -o csv --level "+string(level), "csv", false, csvOut.Bytes(), nil)
		check(t, "export -o json --level "+string(level), "json", false, jsonOut.Bytes(), nil)
	}
	if err := wb.Close(); err != nil {
		t.Fatalf("workbook: %v", err)
	}
	f, err := excelize.OpenReader(&book)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, c := range row {
				if startsFormula(c) {
					t.Fatalf("workbook %s, row %d, column %d would run as a formula: %q", sheet, i+1, j+1, c)
				}
			}
		}
	}
}

// startsFormula tells a text a spreadsheet would run as a formula; numbers are numbers.
func startsFormula(c string) bool {
	if c == "" || !strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return false
	}
	_, err := strconv.ParseFloat(c, 64)
	return err != nil
}

// fuzzAnswers loads answers checked against q, or an empty answers file when they do not load.
func fuzzAnswers(q *questionnaire.Questionnaire, data []byte, now time.Time) *answers.File {
	if a, err := answers.Parse("fuzz.answers.yaml", data); err == nil && a.Questionnaire.ID == q.ID {
		if _, err := a.Check(q); err == nil {
			return a
		}
	}
	return answers.New(q, now)
}

// longTextRE matches a text of more than 500 characters, keeping its first 200.
var longTextRE = regexp.MustCompile(`text: "([^"\n]{199}[^"\n\\])[^"\n]{300,}"`)

var (
	unescapedScriptRE = regexp.MustCompile(`(?i)(^|[^\\])<script`)
	anyScriptRE       = regexp.MustCompile(`(?i)<script`)
	handlerRE         = regexp.MustCompile(`(?i)<[a-z][^<>]*\son[a-z]+\s*=`)
)

// checkWorkbook: a workbook renders without an error and opens with its sheets.
func checkWorkbook(t *testing.T, what string, out []byte, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("%s: the workbook does not open: %v", what, err)
	}
	defer f.Close()
	if n := len(f.GetSheetList()); n != 2 {
		t.Fatalf("%s: %d sheets, want 2", what, n)
	}
}

// check: no error; valid UTF-8; JSON that parses; terminal and Markdown text without control
// characters (colour aside); no script in HTML or Markdown; CSV whose text cells cannot run.
func check(t *testing.T, what, format string, color bool, out []byte, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if len(out) == 0 {
		t.Fatalf("%s: empty output", what)
	}
	if !utf8.Valid(out) {
		t.Fatalf("%s: not valid UTF-8", what)
	}
	s := string(out)
	switch format {
	case "json":
		if !json.Valid(out) {
			t.Fatalf("%s: not valid JSON", what)
		}
	case "table", "markdown":
		if i := strings.IndexFunc(s, func(r rune) bool {
			return (r < 0x20 && r != '\n' && !(color && r == 0x1b)) || r == 0x7f || (r >= 0x80 && r < 0xa0)
		}); i >= 0 {
			t.Fatalf("%s: control character %U at byte %d: %q", what, []rune(s[i:])[0], i, s[max(0, i-40):min(len(s), i+20)])
		}
		if format == "markdown" && unescapedScriptRE.MatchString(s) {
			t.Fatalf("%s: raw <script", what)
		}
	case "html":
		if m := anyScriptRE.FindStringIndex(s); m != nil {
			t.Fatalf("%s: <script at byte %d", what, m[0])
		}
		if m := handlerRE.FindStringIndex(s); m != nil {
			t.Fatalf("%s: an event handler: %q", what, s[m[0]:min(len(s), m[1]+20)])
		}
	case "csv":
		rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for i, row := range rows {
			for j, c := range row {
				if startsFormula(c) {
					t.Fatalf("%s: row %d, column %d would run as a formula: %q", what, i+1, j+1, c)
				}
			}
		}
	default:
		panic(fmt.Sprintf("no check for format %q", format))
	}
}
