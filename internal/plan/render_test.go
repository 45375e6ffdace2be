package plan

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/xlsx"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/plan/golden")

const golden = "../../testdata/plan/golden/"

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := golden + name
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			g, w := "", ""
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d (go test -update rewrites it; review the diff)\nwant %q\ngot  %q", path, i+1, w, g)
			}
		}
	}
}

// sample is the plan of a shipped sample assessment, against its own questionnaire.
func sample(t *testing.T, name string) (*Plan, bool) {
	t.Helper()
	data, _, ok := questionnaires.Sample(name)
	if !ok {
		return nil, false
	}
	a, err := answers.Parse(name+".answers.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	qid, v := a.Questionnaire.ID, a.Questionnaire.Version
	qdata, qname, ok := questionnaires.Version(qid, v)
	if !ok {
		t.Fatalf("%s: no questionnaire %s %s", name, qid, v)
	}
	q, err := questionnaire.Parse(qname, qdata)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Check(q); err != nil {
		t.Fatal(err)
	}
	return Build(score.Compute(q, a, score.Options{}), a, score.Target{}, "en"), true
}

// On the shipped Examplia sample the plan can be taken into a workshop: at least 8 objectives,
// none with more than 15 actions, no agency leading more than 40 % of them, and every action
// with an indicator. It holds for every shipped version of the sample.
func TestExampliaPlanIsWorkable(t *testing.T) {
	names := []string{"examplia"}
	for _, n := range questionnaires.Samples() {
		if strings.HasPrefix(n, "examplia-1.") || strings.HasPrefix(n, "examplia-2.") {
			names = append(names, n)
		}
	}
	for _, name := range names {
		p, ok := sample(t, name)
		if !ok {
			t.Fatalf("no sample %s", name)
		}
		if n := len(p.Objectives); n < 8 {
			t.Errorf("%s: %d objectives, want at least 8", name, n)
		}
		leads := map[string]int{}
		for _, o := range p.Objectives {
			if len(o.Actions) > 15 {
				t.Errorf("%s: objective %s has %d actions, want at most 15", name, o.ID, len(o.Actions))
			}
			if o.Lead == nil {
				t.Errorf("%s: objective %s has no lead", name, o.ID)
			} else {
				leads[o.Lead.ID]++
			}
			for i := range o.Actions {
				if strings.TrimSpace(Indicator(&o.Actions[i], "en")) == "" || strings.TrimSpace(Indicator(&o.Actions[i], "fr")) == "" {
					t.Errorf("%s: %s has no indicator", name, o.Actions[i].Q.ID)
				}
			}
		}
		for id, n := range leads {
			if 100*n > 40*len(p.Objectives) {
				t.Errorf("%s: %s leads %d of %d objectives, more than 40 %%", name, id, n, len(p.Objectives))
			}
		}
		t.Logf("%s: %d objectives, leads %v", name, len(p.Objectives), leads)
	}
}

func TestGolden(t *testing.T) {
	p, _ := sample(t, "examplia")
	for _, c := range []struct {
		p      *Plan
		format string
		name   string
	}{
		{p, "html", "examplia.html"},
		{build(t, score.Target{}, "en"), "json", "workshop.json"},
		{build(t, score.Target{}, "fr"), "markdown", "workshop.fr.md"},
	} {
		out, err := Render(c.format, c.p)
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, c.name, out)
	}
	out, err := Render("xlsx", build(t, score.Target{}, "en"))
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "workshop.xlsx.txt", []byte(dumpWorkbook(t, out)))
}

// dumpWorkbook writes a workbook's cells as text, one line per non-empty cell with its type.
func dumpWorkbook(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s\n", sheet)
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				typ, _ := f.GetCellType(sheet, ref)
				fmt.Fprintf(&b, "%s\t%s\t%q\n", ref, cellType(typ), v)
			}
		}
	}
	return b.String()
}

func cellType(t excelize.CellType) string {
	return map[excelize.CellType]string{excelize.CellTypeUnset: "number", excelize.CellTypeBool: "bool",
		excelize.CellTypeNumber: "number", excelize.CellTypeInlineString: "string",
		excelize.CellTypeSharedString: "string"}[t]
}

// The workbook reopens with its two sheets, frozen and filtered headers, typed cells, the
// typed blank columns, the status drop-down and an A4 landscape print setup fitted to width.
func TestWorkbook(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		p := build(t, score.Target{}, lang)
		data, err := Render("xlsx", p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		w := wordsFor(lang)
		if got := f.GetSheetList(); !slices.Equal(got, []string{w.objectivesSheet, w.actionsSheet}) {
			t.Fatalf("%s: sheets %q", lang, got)
		}
		for _, c := range []struct {
			sheet string
			rows  int
		}{{w.objectivesSheet, 4}, {w.actionsSheet, 6}} { // 4 objectives, 6 actions (TestBuild)
			s := c.sheet
			header, _ := f.GetRows(s)
			if len(header) != c.rows+1 {
				t.Errorf("%s: %d rows, want %d + header", s, len(header), c.rows)
			}
			cols := header[0]
			idx := func(title string) string {
				i := slices.Index(cols, title)
				if i < 0 {
					t.Fatalf("%s: no column %q in %q", s, title, cols)
				}
				return xlsx.ColumnName(i + 1)
			}
			// The rank is a number; texts are strings.
			if typ, _ := f.GetCellType(s, "A2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("%s!A2: type %v, want a number", s, typ)
			}
			// Typed blank columns: empty cells carrying a number, date or text format.
			for title, format := range map[string]string{w.budget: "#,##0", w.start: "yyyy-mm-dd", w.end: "yyyy-mm-dd", w.officer: "@"} {
				ref := idx(title) + "2"
				if v, _ := f.GetCellValue(s, ref); v != "" {
					t.Errorf("%s!%s = %q, want blank", s, ref, v)
				}
				id, _ := f.GetCellStyle(s, ref)
				st, _ := f.GetStyle(id)
				if st == nil || st.CustomNumFmt == nil || *st.CustomNumFmt != format {
					t.Errorf("%s!%s (%s): number format %v, want %q", s, ref, title, st, format)
				}
			}
			dvs, err := f.GetDataValidations(s)
			if err != nil || len(dvs) != 1 {
				t.Fatalf("%s: data validations %v %v", s, dvs, err)
			}
			status := idx(w.status)
			if dv := dvs[0]; dv.Type != "list" || dv.Sqref != fmt.Sprintf("%s2:%s%d", status, status, c.rows+1+xlsxSpareRows) ||
				dv.Formula1 != `"`+strings.Join(w.statuses, ",")+`"` {
				t.Errorf("%s: drop-down %+v", s, dv)
			}
			panes, _ := f.GetPanes(s)
			if !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("%s: panes %+v, want the header frozen", s, panes)
			}
			pl, _ := f.GetPageLayout(s)
			props, _ := f.GetSheetProps(s)
			if *pl.Size != 9 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 ||
				props.FitToPage == nil || !*props.FitToPage {
				t.Errorf("%s: page layout size %d %s fit %d×%d fitToPage %v", s, *pl.Size, *pl.Orientation,
					*pl.FitToWidth, *pl.FitToHeight, props.FitToPage)
			}
		}
		var titles, filters []string
		for _, d := range f.GetDefinedName() {
			switch d.Name {
			case "_xlnm.Print_Titles":
				titles = append(titles, d.RefersTo)
			case "_xlnm._FilterDatabase":
				filters = append(filters, d.Scope)
			}
		}
		if !slices.Equal(titles, []string{"'" + w.objectivesSheet + "'!$1:$1", "'" + w.actionsSheet + "'!$1:$1"}) || len(filters) != 2 {
			t.Errorf("%s: print titles %q, autofilters on %q", lang, titles, filters)
		}
		f.Close()
	}
}

// The JSON plan keeps to cbrn.plan/v1: its keys, in their order, and its nulls.
func TestJSONShape(t *testing.T) {
	out, err := Render("json", build(t, score.Target{}, "en"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema     string `json:"schema"`
		Objectives []map[string]json.RawMessage
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != "cbrn.plan/v1" || len(doc.Objectives) != 4 {
		t.Fatalf("schema %q, %d objectives", doc.Schema, len(doc.Objectives))
	}
	var keys []string
	for k := range doc.Objectives[0] {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"actions", "id", "lead", "partners", "pillar", "priority", "sections", "supporting", "timeframe", "title"}; !slices.Equal(keys, want) {
		t.Errorf("objective keys %q, want %q", keys, want)
	}
	var acts []map[string]json.RawMessage
	json.Unmarshal(doc.Objectives[0]["actions"], &acts)
	keys = keys[:0]
	for k := range acts[1] {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"activities", "category", "from", "indicator", "question", "to"}; !slices.Equal(keys, want) ||
		string(acts[1]["from"]) != "null" || string(acts[1]["to"]) != "null" || string(acts[0]["from"]) != "2" {
		t.Errorf("action keys %q (GOV-02 from %s to %s, GOV-01 from %s)", keys, acts[1]["from"], acts[1]["to"], acts[0]["from"])
	}
}

func TestWrappedLines(t *testing.T) {
	// Width 10 holds int(10×1.15)-2 = 9 characters a line.
	for _, c := range []struct {
		s    string
		want int
	}{{"", 1}, {"short", 1}, {"nine char", 1}, {"nine chars", 2}, {"a\nb", 2},
		// 19 letters in one word: 9 + 9 + 1.
		{"abcdefghijklmnopqrs", 3},
		// "one two" (7), "three" ("three four" is 10 > 9), "four".
		{"one two three four", 3}} {
		if got := wrappedLines(c.s, 10); got != c.want {
			t.Errorf("%q: %d lines, want %d", c.s, got, c.want)
		}
	}
}
