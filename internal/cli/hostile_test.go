package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// Questionnaires and answers files travel between agencies by e-mail and USB stick; their texts
// end up in terminals, Markdown, HTML pages, CSV files and workbooks. testdata/hostile holds a
// questionnaire and two answers files whose every text carries terminal escape sequences
// (colours, screen clearing, OSC 8 links, OSC 52 clipboard writes, C1 controls), HTML and script,
// Markdown that links, embeds images or breaks tables, and spreadsheet formulas; one question
// text is exactly 10,000 characters long. Every command renders them in every format, and each
// output must be inert when a person opens it.

// hostileRun runs cbrn in-process with stdin and returns stdout, stderr and the exit code.
func hostileRun(t *testing.T, stdin string, args ...string) (stdout, stderr []byte, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &Streams{In: strings.NewReader(stdin), Out: &out, Err: &errb,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }}
	code = Main(s, args)
	return out.Bytes(), errb.Bytes(), code
}

// hostileDir is a fresh folder holding the hostile fixture.
func hostileDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"hostile.yaml", "hostile.answers.yaml", "eve.answers.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../testdata/hostile", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The kinds of output, by how a person opens them.
const (
	kindTerminal = "terminal"
	kindMarkdown = "markdown"
	kindHTML     = "html"
	kindCSV      = "csv"
	kindXLSX     = "xlsx"
	kindJSON     = "json"
	kindAnswers  = "answers"
)

func TestHostileFixtureIsWhatItSays(t *testing.T) {
	q, err := questionnaire.Load("../../testdata/hostile/hostile.yaml")
	if err != nil {
		t.Fatal(err)
	}
	x, _ := q.Question("H-05")
	if n := utf8.RuneCountInString(x.Text.Get("en")); n != questionnaire.MaxTextLength {
		t.Errorf("H-05's text is %d characters long, want the limit %d", n, questionnaire.MaxTextLength)
	}
	for _, want := range []string{"\x1b[", "<script>", "=cmd|' /C calc'!A0", " | ", "\n"} {
		found := false
		for _, y := range q.Questions {
			found = found || strings.Contains(y.Text.Get("en"), want)
		}
		if !found {
			t.Errorf("no question text holds %q", want)
		}
	}
	data, err := os.ReadFile("../../testdata/hostile/hostile.answers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`\e]52;`, `\e]0;`, `\u009b`, "\\t=", "\\r=", "@SUM", "-2+3", "+1+1", "value: -5",
		`\u202E`, `\u200B`, `\u2066`, `"\n=HYPERLINK`, "https://evil.example/bare", "www.evil.example"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the answers hold no %s", want)
		}
	}
	eve, err := os.ReadFile("../../testdata/hostile/eve.answers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"\u200B=`, `"\uFEFF@`, `"\uFF1D1`, `" =1+1`, `\x1b]0;title\x07`, `\u009d8;;`} {
		if !strings.Contains(string(eve), want) {
			t.Errorf("eve's answers hold no %s", want)
		}
	}
}

func TestHostileInputsInEveryFormat(t *testing.T) {
	dir := hostileDir(t)
	q := filepath.Join(dir, "hostile.yaml")
	mallory := filepath.Join(dir, "hostile.answers.yaml")
	eve := filepath.Join(dir, "eve.answers.yaml")
	out := func(name string) string { return filepath.Join(dir, name) }

	type run struct {
		kind     string
		args     []string
		file     string // the output file when written with --out, else stdout is the output
		stdin    string
		wantCode int
	}
	var runs []run
	for _, f := range []string{"table", "markdown", "json", "csv", "html"} {
		runs = append(runs, run{kind: kindOf(f), args: []string{"report", mallory, "-o", f}})
	}
	for _, f := range []string{"markdown", "html"} {
		runs = append(runs,
			run{kind: kindOf(f), args: []string{"print", "-q", q, "-o", f}},
			run{kind: kindOf(f), args: []string{"print", "-q", q, "-o", f, "--agency", "evil"}},
			run{kind: kindOf(f), args: []string{"plan", mallory, "-o", f}})
	}
	runs = append(runs, run{kind: kindJSON, args: []string{"plan", mallory, "-o", "json"}},
		run{kind: kindXLSX, args: []string{"plan", mallory, "-o", "xlsx", "--out", out("plan.xlsx")}, file: out("plan.xlsx")})
	for _, f := range []string{"table", "markdown", "json"} {
		runs = append(runs, run{kind: kindOf(f), args: []string{"consensus", mallory, eve, "-o", f}})
	}
	runs = append(runs,
		run{kind: kindAnswers, args: []string{"consensus", mallory, eve, "--out", out("merged.yaml")}, file: out("merged.yaml")},
		// Settling the disputes shows every participant's answer and note on the terminal.
		run{kind: kindAnswers, args: []string{"consensus", mallory, eve, "--out", out("resolved.yaml"), "--resolve", "--accessible"},
			file: out("resolved.yaml"), stdin: "2\nthe room agreed\n\n\n\n\n\n"},
		run{kind: kindTerminal, args: []string{"validate", q, mallory, eve}},
		// The respondent questions, then the first questions: their texts, levels, choices and help.
		run{kind: kindTerminal, args: []string{"assess", "-q", q, "--accessible", out("new.answers.yaml")},
			stdin: "\n\n\n\nh\n2\nnote\n\n1\n\n1\n\n"},
	)

	for _, f := range []string{"table", "markdown", "json", "csv"} {
		runs = append(runs, run{kind: kindOf(f), args: []string{"compare", mallory, eve, "-o", f}})
	}
	// Two versions answered: the warning quotes them.
	eve2 := out("eve2.answers.yaml")
	data, err := os.ReadFile(eve)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`version: "1.0.0"`), []byte(`version: "2.0\e[31m"`), 1)
	if err := os.WriteFile(eve2, data, 0o600); err != nil {
		t.Fatal(err)
	}
	runs = append(runs, run{kind: kindTerminal, args: []string{"compare", mallory, eve2}})
	for _, f := range []string{"csv", "json"} {
		runs = append(runs, run{kind: kindOf(f), args: []string{"export", mallory, eve, "-o", f}})
	}
	// A file name found in a folder is hostile too: it is quoted in the error about that file
	// (its questionnaire is not beside it).
	received := out("received")
	if err := os.Mkdir(received, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(received, "eve\x1b]0;owned\a\x1b[31m.answers.yaml"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	runs = append(runs, run{kind: kindCSV, args: []string{"export", received, "-o", "csv"}, wantCode: ExitError})
	runs = append(runs, run{kind: kindXLSX, args: []string{"export", mallory, eve, "-o", "xlsx", "--out", out("all.xlsx")}, file: out("all.xlsx")})

	for _, r := range runs {
		name := strings.Join(append([]string{r.args[0]}, r.args[2:]...), " ")
		name = strings.ReplaceAll(name, dir+string(filepath.Separator), "")
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := hostileRun(t, r.stdin, r.args...)
			if code != r.wantCode && !(r.stdin != "" && code == ExitCancelled) {
				t.Fatalf("exit status %d, want %d\n%s", code, r.wantCode, stderr)
			}
			if r.wantCode != 0 && !bytes.Contains(stderr, []byte(`\x1b]0;owned\a`)) {
				t.Errorf("the file name is not quoted with its escapes shown: %q", stderr)
			}
			report := func(problems []string) {
				for _, p := range problems {
					t.Error(p)
				}
			}
			report(checkTerminal("stderr", stderr))
			data := stdout
			if r.file != "" {
				report(checkTerminal("stdout", stdout))
				var err error
				if data, err = os.ReadFile(r.file); err != nil {
					t.Fatal(err)
				}
			}
			if len(data) == 0 && r.args[0] != "assess" {
				t.Fatal("no output")
			}
			switch r.kind {
			case kindTerminal:
				report(checkTerminal("output", data))
			case kindMarkdown:
				report(checkMarkdown(data))
			case kindHTML:
				report(checkHTML(data))
			case kindCSV:
				report(checkCSV(data))
			case kindXLSX:
				report(checkXLSX(t, r.file))
			case kindJSON:
				if !json.Valid(data) {
					t.Errorf("not valid JSON:\n%.500s", data)
				}
			case kindAnswers:
				a, err := answers.Parse(r.file, data)
				if err != nil {
					t.Fatal(err)
				}
				qq, err := questionnaire.Load(q)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := a.Check(qq); err != nil {
					t.Errorf("the merged answers do not check: %v", err)
				}
			}
		})
	}
}

func kindOf(format string) string {
	switch format {
	case "table":
		return kindTerminal
	case "markdown", "html", "csv", "json", "xlsx":
		return format
	}
	panic("unknown format " + format)
}

// isTerminalControl reports the characters a terminal or a viewer obeys or hides rather than
// shows: C0 (line breaks aside), DEL, C1, Unicode format characters (bidirectional controls,
// zero-width characters, the BOM) and the line and paragraph separators.
func isTerminalControl(r rune) bool {
	return (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
		unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// isCellControl is isTerminalControl for a spreadsheet cell, which may hold tabs and line breaks.
func isCellControl(r rune) bool { return r != '\t' && isTerminalControl(r) }

// quote shows the text around s[from:to] in a message.
func quote(s string, from, to int) string {
	return strconv.Quote(s[max(0, from-40):min(len(s), to+40)])
}

// checkTerminal: valid UTF-8 without any control character but the line break.
func checkTerminal(what string, data []byte) (problems []string) {
	if !utf8.Valid(data) {
		problems = append(problems, what+" is not valid UTF-8")
	}
	s := string(data)
	if i := strings.IndexFunc(s, isTerminalControl); i >= 0 {
		problems = append(problems, fmt.Sprintf("%s holds control character %U at byte %d: %s", what, []rune(s[i:])[0], i, quote(s, i, i)))
	}
	return problems
}

var (
	// Raw '<' is the tool's own markup only: anchors and line breaks in cells.
	mdRawTagRE = regexp.MustCompile(`(^|[^\\])<`)
	mdOwnTagRE = regexp.MustCompile(`^<(a id="[a-z0-9-]+">|/a>|br>|!-- -->)`)
	// A link GitHub-flavoured Markdown would make of bare text: a scheme's :// or www.
	mdAutolinkRE = regexp.MustCompile(`(?i)(\b[a-z][a-z0-9+.-]*://|\bwww\.)`)
	mdLinkRE     = regexp.MustCompile(`(^|[^\\])\]\(`)
	mdImageRE    = regexp.MustCompile(`(^|[^\\])!\[`)
	mdDividerRE  = regexp.MustCompile(`^\|( *:?-+:? *\|)+$`)
)

// checkMarkdown: terminal-safe; no HTML but the tool's own anchors and <br>; no link but to the
// document's own anchors, no image; every table row has the header's number of cells, so no
// pipe or line break in a text split a cell; and the fixture's markup is there, escaped.
func checkMarkdown(data []byte) (problems []string) {
	problems = checkTerminal("Markdown", data)
	s := string(data)
	for _, m := range mdRawTagRE.FindAllStringIndex(s, -1) {
		if at := m[1] - 1; !mdOwnTagRE.MatchString(s[at:]) {
			problems = append(problems, "raw markup: "+quote(s, at, at))
		}
	}
	for _, m := range mdLinkRE.FindAllStringIndex(s, -1) {
		if !strings.HasPrefix(s[m[1]:], "#") {
			problems = append(problems, "a link out of the document: "+quote(s, m[0], m[1]))
		}
	}
	if m := mdImageRE.FindStringIndex(s); m != nil {
		problems = append(problems, "an image: "+quote(s, m[0], m[1]))
	}
	if m := mdAutolinkRE.FindStringIndex(s); m != nil {
		problems = append(problems, "a bare link: "+quote(s, m[0], m[1]))
	}
	lines := strings.Split(s, "\n")
	for i := 0; i+1 < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "|") || !mdDividerRE.MatchString(lines[i+1]) {
			continue
		}
		cells := mdCells(lines[i])
		j := i + 2
		for ; j < len(lines) && strings.HasPrefix(lines[j], "|"); j++ {
			if n := mdCells(lines[j]); n != cells {
				problems = append(problems, fmt.Sprintf("table row %d has %d cells, its header %d: %.200q", j+1, n, cells, lines[j]))
			}
		}
		if j < len(lines) && strings.TrimSpace(lines[j]) != "" {
			problems = append(problems, fmt.Sprintf("line %d goes on from a table without starting with |: %.200q", j+1, lines[j]))
		}
		i = j
	}
	if !strings.Contains(s, `\<script\>`) {
		problems = append(problems, `the fixture's <script> is not there, escaped as \<script\>`)
	}
	return problems
}

// mdCells counts the cells of a table row: its unescaped pipes less one.
func mdCells(row string) int {
	n := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n - 1
}

var (
	htmlFixtureTags = []string{"<script", "<img", "<iframe", "<svg onload", "<b>", "<i>", "<u>", "<style>body", "<a href='"}
	htmlHandlerRE   = regexp.MustCompile(`(?i)<[a-z][^<>]*\son[a-z]+\s*=`)
	htmlExternalRE  = regexp.MustCompile(`(?i)<[a-z][^<>]*\b(src|href|action|data|xlink:href)\s*=\s*["']?\s*(https?:|//|javascript:|data:)`)
	htmlCSSURLRE    = regexp.MustCompile(`(?i)url\(\s*["']?\s*(https?:|//)|@import`)
)

// checkHTML: no script, none of the fixture's tags, no event handler, nothing loaded from or
// linked to outside the page; the fixture's markup is there, escaped.
func checkHTML(data []byte) (problems []string) {
	if !utf8.Valid(data) {
		problems = append(problems, "HTML is not valid UTF-8")
	}
	s := string(data)
	if i := strings.IndexFunc(s, isCellControl); i >= 0 { // HTML may hold tabs
		problems = append(problems, fmt.Sprintf("HTML holds control character %U at byte %d: %s", []rune(s[i:])[0], i, quote(s, i, i)))
	}
	lower := strings.ToLower(s)
	for _, tag := range htmlFixtureTags {
		if i := strings.Index(lower, strings.ToLower(tag)); i >= 0 {
			problems = append(problems, "raw "+tag+": "+quote(s, i, i))
		}
	}
	for _, re := range []*regexp.Regexp{htmlHandlerRE, htmlExternalRE, htmlCSSURLRE} {
		if m := re.FindStringIndex(s); m != nil {
			problems = append(problems, fmt.Sprintf("%s: %s", re, quote(s, m[0], m[1])))
		}
	}
	if !strings.Contains(s, "&lt;script&gt;") {
		problems = append(problems, "the fixture's <script> is not there, escaped")
	}
	return problems
}

// startsFormula tells a text a spreadsheet would read as a formula (or, after a tab or a
// carriage return, run as one), looking at it as it will be read: past leading spaces, line
// breaks and invisible characters, and taking full-width and small signs for what they
// resemble; numbers such as -5 are numbers, not formulas.
func startsFormula(s string) bool {
	if _, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
		return false
	}
	if s != "" && (s[0] == '\t' || s[0] == '\r') {
		return true
	}
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), unicode.Is(unicode.Cf, r):
			continue
		case strings.ContainsRune("=+-@＝＋－＠﹦﹢﹣﹫", r):
			return true
		}
		return false
	}
	return false
}

// isNeutralised tells a text that would start a formula but for the single quote before it.
func isNeutralised(s string) bool {
	return len(s) > 1 && s[0] == '\'' && (startsFormula(s[1:]) || strings.HasPrefix(s[1:], `\u200b`) || strings.HasPrefix(s[1:], `\ufeff`))
}

// checkCSV: every cell a spreadsheet would take for a formula is neutralised with a leading
// single quote; numbers are left alone.
func checkCSV(data []byte) (problems []string) {
	if !utf8.Valid(data) {
		problems = append(problems, "CSV is not valid UTF-8")
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return append(problems, fmt.Sprintf("CSV does not parse: %v", err))
	}
	neutralised := 0
	for i, row := range rows {
		for j, c := range row {
			if startsFormula(c) {
				problems = append(problems, fmt.Sprintf("row %d, column %d (%s) would run as a formula: %.80q", i+1, j+1, rows[0][min(j, len(rows[0])-1)], c))
			}
			if k := strings.IndexFunc(c, isCellControl); k >= 0 {
				problems = append(problems, fmt.Sprintf("row %d, column %d holds control character %U: %s", i+1, j+1, []rune(c[k:])[0], quote(c, k, k)))
			}
			if isNeutralised(c) {
				neutralised++
			}
		}
	}
	if neutralised == 0 && bytes.Contains(data, []byte("=cmd|")) {
		problems = append(problems, "no neutralised formula, yet the fixture's texts are in the CSV")
	}
	return problems
}

// checkXLSX: no cell holds a formula, and text cells are neutralised as in CSV.
func checkXLSX(t *testing.T, path string) (problems []string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	neutralised := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, c := range row {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					problems = append(problems, fmt.Sprintf("%s!%s holds the formula %q", sheet, ref, formula))
				}
				if startsFormula(c) {
					problems = append(problems, fmt.Sprintf("%s!%s would run as a formula once edited: %.80q", sheet, ref, c))
				}
				if k := strings.IndexFunc(c, isCellControl); k >= 0 {
					problems = append(problems, fmt.Sprintf("%s!%s holds control character %U: %s", sheet, ref, []rune(c[k:])[0], quote(c, k, k)))
				}
				if isNeutralised(c) {
					neutralised++
				}
			}
		}
	}
	if neutralised == 0 {
		problems = append(problems, "no neutralised formula: the fixture's texts are not in the workbook")
	}
	return problems
}

// The checks catch what they look for: each attack below, left raw, is reported.
func TestHostileChecksCatchTheAttacks(t *testing.T) {
	for _, c := range []struct {
		name  string
		check func([]byte) []string
		bad   string
	}{
		{"ESC on a terminal", func(b []byte) []string { return checkTerminal("x", b) }, "a \x1b[31m b"},
		{"C1 CSI on a terminal", func(b []byte) []string { return checkTerminal("x", b) }, "a \u009b2J b"},
		{"carriage return on a terminal", func(b []byte) []string { return checkTerminal("x", b) }, "a\rb"},
		{"raw script in Markdown", checkMarkdown, `\<script\> <script>alert(1)</script>`},
		{"a link in Markdown", checkMarkdown, `\<script\> [x](https://evil.example/)`},
		{"an image in Markdown", checkMarkdown, `\<script\> ![x](x.png)`},
		{"a pipe splitting a cell", checkMarkdown, "\\<script\\>\n| a | b |\n|---|---|\n| x | y | z |\n"},
		{"a line break in a cell", checkMarkdown, "\\<script\\>\n| a | b |\n|---|---|\n| x | y\nz |\n"},
		{"nothing escaped in Markdown", checkMarkdown, "plain"},
		{"raw script in HTML", checkHTML, "&lt;script&gt; <script>alert(1)</script>"},
		{"an event handler in HTML", checkHTML, `&lt;script&gt; <p class="x" onclick="alert(1)">`},
		{"an external image in HTML", checkHTML, `&lt;script&gt; <img class=a src="https://evil.example/x.png">`},
		{"an external stylesheet in HTML", checkHTML, `&lt;script&gt; <style>p{background:url(https://evil.example/)}</style>`},
		{"nothing escaped in HTML", checkHTML, "plain"},
		{"a formula in CSV", checkCSV, "a,b\r\n=cmd|' /C calc'!A0,1\r\n"},
		{"a tab-led formula in CSV", checkCSV, "a,b\r\n\"\t=1+1\",1\r\n"},
		{"a line-break-led formula in CSV", checkCSV, "a,b\r\n\"\r\n=HYPERLINK(1)\",1\r\n"},
		{"a space-led formula in CSV", checkCSV, "a,b\r\n =1+1,1\r\n"},
		{"a zero-width-led formula in CSV", checkCSV, "a,b\r\n\u200b=1+1,1\r\n"},
		{"a full-width formula in CSV", checkCSV, "a,b\r\n＝1+1,1\r\n"},
		{"a bidi override in CSV", checkCSV, "a,b\r\nx\u202ey,1\r\n"},
		{"a bidi override on a terminal", func(b []byte) []string { return checkTerminal("x", b) }, "evil\u202egnp.exe"},
		{"a zero-width space on a terminal", func(b []byte) []string { return checkTerminal("x", b) }, "Ad\u200ba"},
		{"a bidi isolate in HTML", checkHTML, "&lt;script&gt; \u2067x"},
		{"a bare URL in Markdown", checkMarkdown, `\<script\> see https://evil.example/`},
		{"a bare www in Markdown", checkMarkdown, `\<script\> see www.evil.example`},
	} {
		if got := c.check([]byte(c.bad)); len(got) == 0 {
			t.Errorf("%s: not caught in %q", c.name, c.bad)
		}
	}
	// And they let pass what is inert.
	for _, c := range []struct {
		name  string
		check func([]byte) []string
		good  string
	}{
		{"Markdown", checkMarkdown, "<a id=\"s-1\"></a>\n\n| a | b |\n|---|--:|\n| \\<script\\> \\| x | [own](#s-1)<br>y |\n\nend https<!-- -->://x www<!-- -->.x\n"},
		{"HTML", checkHTML, `<p><a href="#s-1">&lt;script&gt; &lt;img src=https://evil.example/&gt;</a></p>`},
		{"CSV", checkCSV, "a,b\r\n'=cmd|' /C calc'!A0,-5\r\n\"'\n=1\",\"two\nlines\"\r\n"},
	} {
		if got := c.check([]byte(c.good)); len(got) != 0 {
			t.Errorf("%s: %v", c.name, got)
		}
	}
}
