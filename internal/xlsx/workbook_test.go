package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// sample writes a workbook of two sheets with every feature the writer has, and opens it
// with excelize.
func sample(t *testing.T) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	wb := New(&buf, Options{})
	styles := []struct {
		name string
		Style
	}{
		{"header", Style{Bold: true, Color: "1F3864", Fill: "DCE6F1", Bottom: "8EA9DB", Vertical: "center", Wrap: true}},
		{"score", Style{Format: "0.0"}},
		{"percent", Style{NumFmt: 9}},
		{"minute", Style{Format: "yyyy-mm-dd hh:mm"}},
		{"money", Style{Format: "#,##0", Vertical: "top"}},
		{"text", Style{Format: "@", Vertical: "top"}},
	}
	id := map[string]int{}
	for i, s := range styles {
		n, err := wb.Style(s.Style)
		if err != nil {
			t.Fatal(err)
		}
		if n != i+1 { // 0 is the default style
			t.Errorf("style %s: id %d, want %d", s.name, n, i+1)
		}
		id[s.name] = n
	}
	if again, _ := wb.Style(Style{Format: "0.0"}); again != id["score"] {
		t.Errorf("the same style twice: ids %d and %d", id["score"], again)
	}

	data, err := wb.AddSheet("Data")
	if err != nil {
		t.Fatal(err)
	}
	other, err := wb.AddSheet("Tom's list")
	if err != nil {
		t.Fatal(err)
	}
	for col, w := range []float64{12, 30, 9, 9, 18, 10} {
		if err := data.SetColWidth(col+1, w); err != nil {
			t.Fatal(err)
		}
	}
	data.FreezeRows(1)
	header := []Cell{}
	for _, h := range []string{"name", "note", "score", "share", "when", "done"} {
		header = append(header, Text(h, id["header"]))
	}
	if err := data.WriteRowHeight(30, header); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	rows := [][]Cell{
		{Text("alpha", 0), Text("a<b & c>", 0), Number(350.0/6, id["score"]), Number(0.25, id["percent"]), Date(when, id["minute"]), Bool(true, 0)},
		{Text(" padded ", 0), Text("bell\x07 _x0041_", 0), Int(7, id["score"]), Cell{}, Blank(id["minute"]), Bool(false, 0)},
		{Text("gamma", 0), Text("'=1+1", 0), Number(100, id["score"]), Number(1, id["percent"]), Date(when.Add(36*time.Hour), id["minute"])},
	}
	for _, r := range rows {
		if err := data.WriteRow(r); err != nil {
			t.Fatal(err)
		}
	}
	data.AutoFilter(6, 4)
	if err := data.SetColourScale(3, 2, 4, ColourScale{Min: 0, Mid: 50, Max: 100, MinColour: "F8696B", MidColour: "FFEB84", MaxColour: "63BE7B"}); err != nil {
		t.Fatal(err)
	}
	if err := data.SetList(6, 2, 10, []string{"Not started", "Done", `"Quoted"`}); err != nil {
		t.Fatal(err)
	}
	data.SetPageSetup(PageSetup{PaperSize: 9, Landscape: true, FitToPage: true, FitToWidth: 1, FitToHeight: 0, TitleRows: 1})
	if err := other.WriteRow([]Cell{Text("only", 0), Blank(id["money"]), Blank(id["text"])}); err != nil {
		t.Fatal(err)
	}
	other.AutoFilter(3, 1) // the header row alone: A1:C2, as a spreadsheet makes it
	other.SetPageSetup(PageSetup{PaperSize: 9, TitleRows: 1})
	wb.SetActive(1)
	if err := wb.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

func TestWorkbookReadsBack(t *testing.T) {
	f, _ := sample(t)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Data", "Tom's list"}) {
		t.Fatalf("sheets %q", got)
	}
	if got := f.GetActiveSheetIndex(); got != 1 {
		t.Errorf("active sheet %d, want 1", got)
	}
	type want struct {
		cell  string
		typ   excelize.CellType
		raw   string
		shown string
	}
	for _, c := range []want{
		{"A1", excelize.CellTypeInlineString, "name", "name"},
		{"A2", excelize.CellTypeInlineString, "alpha", "alpha"},
		{"B2", excelize.CellTypeInlineString, "a<b & c>", "a<b & c>"},
		{"C2", excelize.CellTypeUnset, "58.3333333333333", "58.3"}, // 0.0
		{"D2", excelize.CellTypeUnset, "0.25", "25%"},              // built-in 9: 0%
		{"E2", excelize.CellTypeUnset, "45717.375", "2025-03-01 09:00"},
		{"F2", excelize.CellTypeBool, "1", "TRUE"},
		{"A3", excelize.CellTypeInlineString, " padded ", " padded "},
		{"B3", excelize.CellTypeInlineString, "bell\x07 _x0041_", "bell\x07 _x0041_"}, // both escapes undone
		{"C3", excelize.CellTypeUnset, "7", "7.0"},
		{"D3", excelize.CellTypeUnset, "", ""},
		{"E3", excelize.CellTypeUnset, "", ""},
		{"F3", excelize.CellTypeBool, "0", "FALSE"},
		{"B4", excelize.CellTypeInlineString, "'=1+1", "'=1+1"},
		{"E4", excelize.CellTypeUnset, "45718.875", "2025-03-02 21:00"}, // + 1.5 days
	} {
		typ, _ := f.GetCellType("Data", c.cell)
		raw, _ := f.GetCellValue("Data", c.cell, excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue("Data", c.cell)
		if typ != c.typ || raw != c.raw || shown != c.shown {
			t.Errorf("Data!%s = %q (shown %q) of type %v, want %q (%q) of type %v", c.cell, raw, shown, typ, c.raw, c.shown, c.typ)
		}
		if formula, _ := f.GetCellFormula("Data", c.cell); formula != "" {
			t.Errorf("Data!%s has a formula %q", c.cell, formula)
		}
	}
	rows, _ := f.GetRows("Data")
	if len(rows) != 4 {
		t.Errorf("%d rows, want 4", len(rows))
	}

	// Styles: number formats, font, fill, border, alignment.
	style := func(sheet, cell string) *excelize.Style {
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	for cell, format := range map[string]string{"C2": "0.0", "E2": "yyyy-mm-dd hh:mm", "E3": "yyyy-mm-dd hh:mm"} {
		if st := style("Data", cell); st.CustomNumFmt == nil || *st.CustomNumFmt != format {
			t.Errorf("Data!%s: number format %v, want %q", cell, st.CustomNumFmt, format)
		}
	}
	for cell, format := range map[string]string{"B1": "#,##0", "C1": "@"} {
		if st := style("Tom's list", cell); st.CustomNumFmt == nil || *st.CustomNumFmt != format || st.Alignment == nil || st.Alignment.Vertical != "top" {
			t.Errorf("Tom's list!%s: number format %v, alignment %+v, want %q at the top", cell, st.CustomNumFmt, st.Alignment, format)
		}
	}
	if st := style("Data", "D2"); st.NumFmt != 9 {
		t.Errorf("Data!D2: number format %d, want 9", st.NumFmt)
	}
	h := style("Data", "A1")
	if h.Font == nil || !h.Font.Bold || h.Font.Color != "1F3864" || h.Font.Size != 11 || h.Fill.Type != "pattern" || h.Fill.Pattern != 1 ||
		len(h.Border) != 1 || h.Border[0].Type != "bottom" || h.Border[0].Style != 2 || h.Alignment == nil || h.Alignment.Vertical != "center" || !h.Alignment.WrapText {
		t.Errorf("header style: font %+v fill %+v border %+v alignment %+v", h.Font, h.Fill, h.Border, h.Alignment)
	}

	// Layout: widths, heights, frozen header.
	if w, _ := f.GetColWidth("Data", "B"); w != 30 {
		t.Errorf("column B is %g wide, want 30", w)
	}
	if ht, _ := f.GetRowHeight("Data", 1); ht != 30 {
		t.Errorf("row 1 is %g high, want 30", ht)
	}
	panes, _ := f.GetPanes("Data")
	if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" || len(panes.Selection) != 1 || panes.Selection[0].ActiveCell != "A2" {
		t.Errorf("panes %+v, want the header frozen", panes)
	}
	if panes, _ := f.GetPanes("Tom's list"); panes.Freeze {
		t.Errorf("Tom's list is frozen: %+v", panes)
	}

	// Defined names: autofilters and print titles, per sheet.
	var names []string
	for _, d := range f.GetDefinedName() {
		names = append(names, d.Name+" "+d.Scope+" "+d.RefersTo)
	}
	slices.Sort(names)
	if want := []string{
		"_xlnm.Print_Titles Data 'Data'!$1:$1",
		"_xlnm.Print_Titles Tom's list 'Tom''s list'!$1:$1",
		"_xlnm._FilterDatabase Data 'Data'!$A$1:$F$4",
		"_xlnm._FilterDatabase Tom's list 'Tom''s list'!$A$1:$C$2",
	}; !slices.Equal(names, want) {
		t.Errorf("defined names\n%q, want\n%q", names, want)
	}

	dvs, err := f.GetDataValidations("Data")
	// excelize shows the formula's doubled quotes single.
	if err != nil || len(dvs) != 1 || dvs[0].Type != "list" || dvs[0].Sqref != "F2:F10" || dvs[0].Formula1 != `"Not started,Done,"Quoted""` || !dvs[0].AllowBlank {
		for _, dv := range dvs {
			t.Errorf("data validation %+v", *dv)
		}
		t.Errorf("data validations %d (%v)", len(dvs), err)
	}
	// excelize reads colours through a theme, which the workbook does not have: the colours
	// are checked in the XML (TestWorkbookParts), and a value of 0 reads as "".
	cf, err := f.GetConditionalFormats("Data")
	if err != nil {
		t.Fatal(err)
	}
	if r := cf["C2:C4"]; len(cf) != 1 || len(r) != 1 || r[0].Type != "3_color_scale" || r[0].MinType != "num" || r[0].MinValue != "" ||
		r[0].MidValue != "50" || r[0].MaxValue != "100" {
		t.Errorf("conditional formats %+v", cf)
	}

	pl, _ := f.GetPageLayout("Data")
	props, _ := f.GetSheetProps("Data")
	if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil ||
		*pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("page layout %+v, fit to page %v", pl, props.FitToPage)
	}
	pl, _ = f.GetPageLayout("Tom's list")
	if pl.Orientation == nil || *pl.Orientation != "portrait" {
		t.Errorf("Tom's list: page layout %+v", pl)
	}
}

// The parts are well-formed XML, in the order a reader expects them, all deflated.
func TestWorkbookParts(t *testing.T) {
	_, data := sample(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Method != zip.Deflate {
			t.Errorf("%s: method %d", f.Name, f.Method)
		}
		d := xml.NewDecoder(strings.NewReader(read(t, zr, f.Name)))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s: %v", f.Name, err)
				break
			}
		}
	}
	if want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
		"xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}; !slices.Equal(names, want) {
		t.Errorf("parts %q", names)
	}
	sheet := read(t, zr, "xl/worksheets/sheet1.xml")
	for _, want := range []string{
		`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:F4"/>`,
		`<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`,
		`<cols><col min="1" max="1" width="12" customWidth="1"/><col min="2" max="2" width="30" customWidth="1"/><col min="3" max="4" width="9" customWidth="1"/>`,
		`<row r="1" ht="30" customHeight="1">`,
		`<autoFilter ref="A1:F4"/>`,
		`<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/>`,
		`<conditionalFormatting sqref="C2:C4"><cfRule type="colorScale" priority="1"><colorScale><cfvo type="num" val="0"/><cfvo type="num" val="50"/><cfvo type="num" val="100"/>` +
			`<color rgb="FFF8696B"/><color rgb="FFFFEB84"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>`,
		`<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="F2:F10"><formula1>"Not started,Done,""Quoted"""</formula1></dataValidation>`,
	} {
		if !strings.Contains(sheet, want) {
			t.Errorf("sheet1.xml lacks %s", want)
		}
	}
	styles := read(t, zr, "xl/styles.xml")
	for _, want := range []string{
		`<font><b/><sz val="11"/><color rgb="FF1F3864"/><name val="Calibri"/><family val="2"/></font>`,
		`<fill><patternFill patternType="solid"><fgColor rgb="FFDCE6F1"/><bgColor indexed="64"/></patternFill></fill>`,
		`<border><left/><right/><top/><bottom style="medium"><color rgb="FF8EA9DB"/></bottom><diagonal/></border>`,
		`<numFmt numFmtId="164" formatCode="0.0"/>`, // 164: the first custom number format
	} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	if book := read(t, zr, "xl/workbook.xml"); !strings.Contains(book, `<workbookView firstSheet="0" activeTab="1"/>`) {
		t.Errorf("workbook.xml: %s", book)
	}
	if s := read(t, zr, "xl/worksheets/sheet2.xml"); !strings.Contains(s, `<sheetView tabSelected="1" workbookViewId="0"/>`) || strings.Contains(s, "sheetPr") {
		t.Errorf("sheet2.xml: %s", s)
	}
}

func read(t *testing.T, zr *zip.Reader, name string) string {
	t.Helper()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A sheet beyond spillSize waits in an owner-only file in TmpDir, comes back whole, and the
// file is gone after Close; Abort removes it too.
func TestWorkbookSpills(t *testing.T) {
	for _, abort := range []bool{false, true} {
		tmp := t.TempDir()
		var buf bytes.Buffer
		wb := New(&buf, Options{TmpDir: tmp})
		s, err := wb.AddSheet("Big")
		if err != nil {
			t.Fatal(err)
		}
		// A row is about 130 bytes of XML: 20,000 rows are 2.6 MB, past 1 MiB twice.
		const n = 20000
		text := strings.Repeat("x", 80)
		for i := 1; i <= n; i++ {
			if err := s.WriteRow([]Cell{Int(int64(i), 0), Text(text, 0)}); err != nil {
				t.Fatal(err)
			}
		}
		entries, _ := os.ReadDir(tmp)
		if len(entries) != 1 {
			t.Fatalf("temporary files %v, want one", entries)
		}
		if info, _ := entries[0].Info(); info.Mode().Perm() != 0o600 {
			t.Errorf("temporary file mode %v, want 0600", info.Mode().Perm())
		}
		if abort {
			wb.Abort()
		} else if err := wb.Close(); err != nil {
			t.Fatal(err)
		}
		if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
			t.Errorf("left in the temporary folder: %v", entries)
		}
		if abort {
			continue
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("Big")
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != n || rows[0][0] != "1" || rows[n-1][0] != "20000" || rows[n/2][1] != text {
			t.Errorf("%d rows read back, first %q, last %q", len(rows), rows[0], rows[len(rows)-1])
		}
		f.Close()
	}
}

func TestWorkbookRefuses(t *testing.T) {
	wb := New(io.Discard, Options{})
	if err := wb.Close(); err == nil {
		t.Error("a workbook without a sheet closed")
	}
	wb = New(io.Discard, Options{})
	for _, name := range []string{"", "a:b", "a/b", "a?", "[x]", "'quoted'", strings.Repeat("n", 32), "tab\there"} {
		if _, err := wb.AddSheet(name); err == nil {
			t.Errorf("sheet name %q accepted", name)
		}
	}
	s, err := wb.AddSheet(strings.Repeat("é", 31))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wb.AddSheet(strings.Repeat("É", 31)); err == nil {
		t.Error("two sheets of the same name in another case")
	}
	for _, st := range []Style{{Color: "red"}, {Fill: "12345"}, {Vertical: "middle"}, {NumFmt: 164}} {
		if _, err := wb.Style(st); err == nil {
			t.Errorf("style %+v accepted", st)
		}
	}
	if err := s.SetList(1, 2, 3, []string{"a,b"}); err == nil {
		t.Error("a list item with a comma accepted")
	}
	if err := s.SetList(1, 2, 3, []string{strings.Repeat("x", 200), strings.Repeat("y", 55)}); err == nil {
		t.Error("a list of 256 characters accepted") // 200 + 1 comma + 55
	}
	if err := s.WriteRowHeight(410, nil); err == nil {
		t.Error("a row of 410 points accepted")
	}
	if err := s.SetColWidth(MaxColumns+1, 10); err == nil {
		t.Error("column 16,385 accepted")
	}
	if err := s.WriteRow(make([]Cell, MaxColumns+1)); err == nil {
		t.Error("a row of 16,385 cells accepted")
	}
	s.rows = MaxRows
	if err := s.WriteRow(nil); err == nil {
		t.Error("row 1,048,577 accepted")
	}
	s.rows = 0
	if err := wb.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteRow(nil); err == nil {
		t.Error("a row written after Close")
	}
}
