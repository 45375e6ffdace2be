package export

import (
	"bytes"
	"io"
	"os"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/xlsx"
)

func workbook(t *testing.T, levels []Level, rowCap int, names ...string) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	x, err := NewXLSX(&buf, levels)
	if err != nil {
		t.Fatal(err)
	}
	if rowCap > 0 {
		x.rowCap = rowCap
	}
	for _, name := range names {
		a := fixture(t, name, score.Options{})
		for _, l := range levels {
			if err := x.Write(l, Build(l, a, "")); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestXLSXWorkbook(t *testing.T) {
	f := workbook(t, Levels(), 0, "alpha", "beta", "gamma")
	if got, want := f.GetSheetList(), []string{"Overview", "Pillars", "Hazards", "Sections", "Questions", "Activities", "README"}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	for _, l := range Levels() {
		rows, err := f.GetRows(l.Sheet())
		if err != nil {
			t.Fatal(err)
		}
		cols := Columns(l)
		for i, c := range cols {
			if rows[0][i] != c.Name {
				t.Errorf("%s header %d = %q, want %q", l.Sheet(), i, rows[0][i], c.Name)
			}
		}
		// 3 assessments × 1 / 4 / 4 / 3 / 7 / 8 rows, plus the header.
		want := map[Level]int{Overview: 1, Pillar: 4, Hazard: 4, Section: 3, Question: 7, Activity: 8}[l]*3 + 1
		if len(rows) != want {
			t.Errorf("%s: %d rows, want %d", l.Sheet(), len(rows), want)
		}
		panes, err := f.GetPanes(l.Sheet())
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes %+v (%v), want the header row frozen", l.Sheet(), panes, err)
		}
		cf, err := f.GetConditionalFormats(l.Sheet())
		if err != nil {
			t.Fatal(err)
		}
		if l != Activity && len(cf) == 0 {
			t.Errorf("%s: no colour scale", l.Sheet())
		}
	}

	type typed struct {
		cell string
		typ  excelize.CellType
		raw  string
	}
	check := func(sheet string, cells []typed) {
		t.Helper()
		for _, c := range cells {
			typ, err := f.GetCellType(sheet, c.cell)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := f.GetCellValue(sheet, c.cell, excelize.Options{RawCellValue: true})
			if typ != c.typ || raw != c.raw {
				t.Errorf("%s!%s = %q of type %v, want %q of type %v", sheet, c.cell, raw, typ, c.raw, c.typ)
			}
			if formula, _ := f.GetCellFormula(sheet, c.cell); formula != "" {
				t.Errorf("%s!%s has a formula %q", sheet, c.cell, formula)
			}
		}
	}
	// Overview row 2 is alpha: A file, B questionnaire, H created, J score, N completeness,
	// O answered, V preparedness_score (null: empty).
	check("Overview", []typed{
		{"A2", excelize.CellTypeInlineString, "alpha.answers.yaml"},
		{"B2", excelize.CellTypeInlineString, "fixture"},
		{"H2", excelize.CellTypeUnset, "45717.375"},        // 2025-03-01 09:00 as an Excel serial date
		{"J2", excelize.CellTypeUnset, "58.3333333333333"}, // 350/6 to Excel's 15 significant digits
		{"N2", excelize.CellTypeUnset, "1"},
		{"O2", excelize.CellTypeUnset, "5"},
		{"V2", excelize.CellTypeUnset, ""},
	})
	// gamma (row 4): respondent fields that a spreadsheet would evaluate stay text, guarded
	// with a single quote as in CSV so that editing the cell cannot make it a formula.
	check("Overview", []typed{
		{"D4", excelize.CellTypeInlineString, "'@Home"},
		{"E4", excelize.CellTypeInlineString, `'-Minus, "quoted"`},
		{"G4", excelize.CellTypeInlineString, "'+plus"},
	})
	// Questions: alpha's P1 on row 2, its X2 (a formula-like text answer) on row 8.
	// J question, N hazards, P critical, Q weight, S value, W score.
	check("Questions", []typed{
		{"J2", excelize.CellTypeInlineString, "P1"},
		{"N2", excelize.CellTypeInlineString, "C B R N"},
		{"P2", excelize.CellTypeBool, "1"},
		{"Q2", excelize.CellTypeUnset, "2"},
		{"S2", excelize.CellTypeUnset, "3"},
		{"W2", excelize.CellTypeUnset, "50"},
		{"S8", excelize.CellTypeInlineString, `'=HYPERLINK("http://example.invalid")`},
	})

	// Number formats: scores with one decimal, completeness as a percentage, dates as dates.
	for cell, want := range map[string]string{"J2": "58.3", "N2": "100%", "H2": "2025-03-01 09:00"} {
		if got, _ := f.GetCellValue("Overview", cell); got != want {
			t.Errorf("Overview!%s shows %q, want %q", cell, got, want)
		}
	}

	readme, err := f.GetRows("README")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, r := range readme {
		if len(r) >= 4 && r[0] == "Questions" && r[1] == "priority" {
			found++
		}
	}
	if found != 1 || len(readme) < len(ReadmeIntro())+10 {
		t.Errorf("README: %d rows, priority of Questions explained %d times", len(readme), found)
	}
}

func TestXLSXAutofilter(t *testing.T) {
	f := workbook(t, []Level{Pillar}, 0, "alpha", "beta")
	names := f.GetDefinedName()
	ok := false
	for _, n := range names {
		if n.Name == "_xlnm._FilterDatabase" && n.Scope == "Pillars" && n.RefersTo == "'Pillars'!$A$1:$U$9" {
			ok = true
		}
	}
	if !ok {
		t.Errorf("no autofilter over the Pillars table: %+v", names)
	}
}

// A sheet that would pass Excel's row limit goes on in a continuation sheet with its header.
func TestXLSXContinuationSheets(t *testing.T) {
	// 3 assessments × 7 questions = 21 rows; 10 rows a sheet (header included) → 9 + 9 + 3.
	f := workbook(t, []Level{Overview, Question}, 10, "alpha", "beta", "gamma")
	if got, want := f.GetSheetList(), []string{"Overview", "Questions", "Questions (2)", "Questions (3)", "README"}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	total := 0
	for i, sheet := range []string{"Questions", "Questions (2)", "Questions (3)"} {
		rows, _ := f.GetRows(sheet)
		if rows[0][0] != "file" {
			t.Errorf("%s has no header", sheet)
		}
		if want := []int{10, 10, 4}[i]; len(rows) != want {
			t.Errorf("%s: %d rows, want %d", sheet, len(rows), want)
		}
		total += len(rows) - 1
	}
	if total != 21 {
		t.Errorf("%d question rows in all, want 21", total)
	}
}

// A sheet too large for memory waits in TmpDir, and nothing is left there afterwards.
func TestXLSXTemporaryFiles(t *testing.T) {
	tmp := t.TempDir()
	x, err := NewXLSX(io.Discard, []Level{Question}, XLSXOptions{TmpDir: tmp})
	if err != nil {
		t.Fatal(err)
	}
	b := Build(Question, fixture(t, "alpha", score.Options{}), "")
	spilled := false
	for i := 0; i < 5000 && !spilled; i++ { // about 3 KB of XML a row: 16 MB within 5,000 blocks
		if err := x.Write(Question, b); err != nil {
			t.Fatal(err)
		}
		entries, _ := os.ReadDir(tmp)
		spilled = len(entries) > 0
	}
	if !spilled {
		t.Fatal("the sheet never went to a temporary file")
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left in the temporary folder: %v", entries)
	}
}

// Every level sheet, continuation sheets included, prints on A4 landscape fitted to the page
// width with its header row repeated, and the country column is wide enough to read
// "Republic of Examplia".
func TestXLSXPrintSetup(t *testing.T) {
	f := workbook(t, []Level{Overview, Question}, 10, "alpha", "beta", "gamma")
	titles := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	for _, sheet := range []string{"Overview", "Questions", "Questions (2)", "Questions (3)"} {
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		props, _ := f.GetSheetProps(sheet)
		if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
			pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 ||
			props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: page layout %+v, fit to page %v", sheet, pl, props.FitToPage)
		}
		if want := "'" + sheet + "'!$1:$1"; titles[sheet] != want {
			t.Errorf("%s: print titles %q, want %q", sheet, titles[sheet], want)
		}
		rows, _ := f.GetRows(sheet)
		col := xlsx.ColumnName(slices.Index(rows[0], "country") + 1)
		if w, _ := f.GetColWidth(sheet, col); w < float64(len("Republic of Examplia")) {
			t.Errorf("%s: country column %s is %.0f characters wide", sheet, col, w)
		}
	}
}
