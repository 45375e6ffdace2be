package export

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// maxSheetRows is Excel's limit of rows in a sheet; a table that would pass it goes on in a
// continuation sheet ("Questions (2)"), with the same header, placed after the level sheets
// (moving sheets in excelize would leave the autofilters pointing at the wrong sheets).
const maxSheetRows = excelize.TotalRows

// XLSXWriter writes one workbook with a sheet per level and a README sheet. Rows are streamed
// to the sheets (excelize keeps at most a few MiB per sheet in memory, the rest in temporary
// files); the workbook is assembled when it is closed.
type XLSXWriter struct {
	w      io.Writer
	f      *excelize.File
	sheets map[Level]*xlsxSheet
	levels []Level
	rowCap int // rows per sheet, header included; maxSheetRows but for tests
	style  struct {
		header, score, fraction, number, time int
	}
}

type xlsxSheet struct {
	level Level
	cols  []Column
	name  string
	part  int
	sw    *excelize.StreamWriter
	row   int // last row written
	cells []any
}

// XLSXOptions adjust a workbook.
type XLSXOptions struct {
	// TmpDir is where sheets too large for memory wait until the workbook is assembled (as
	// owner-only files, removed on Close or Abort); the system's temporary folder when empty.
	// Give the output's folder, so that assessment data is not spread elsewhere.
	TmpDir string
}

// NewXLSX starts a workbook with one sheet per level, in the order given.
func NewXLSX(w io.Writer, levels []Level, opts ...XLSXOptions) (*XLSXWriter, error) {
	var o excelize.Options
	for _, x := range opts {
		o.TmpDir = x.TmpDir
	}
	x := &XLSXWriter{w: w, f: excelize.NewFile(o), sheets: map[Level]*xlsxSheet{}, levels: levels, rowCap: maxSheetRows}
	// excelize assembles a workbook in a bytes.Buffer it hands to this hook, then copies it out:
	// the whole file in memory, several times over while the buffer grows. Zipping straight to
	// our writer instead leaves that buffer empty and memory flat. The fastest deflate: a large
	// workbook is mostly repetitive XML, which it still shrinks well, at a fraction of the time.
	x.f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, flate.BestSpeed)
		})
		return zw
	})
	if err := x.makeStyles(); err != nil {
		x.f.Close()
		return nil, err
	}
	for i, l := range levels {
		name := l.Sheet()
		if i == 0 {
			if err := x.f.SetSheetName("Sheet1", name); err != nil {
				x.f.Close()
				return nil, err
			}
		} else if _, err := x.f.NewSheet(name); err != nil {
			x.f.Close()
			return nil, err
		}
		s := &xlsxSheet{level: l, cols: Columns(l), name: name, part: 1}
		if err := x.start(s); err != nil {
			x.f.Close()
			return nil, err
		}
		x.sheets[l] = s
	}
	return x, nil
}

func (x *XLSXWriter) makeStyles() error {
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = x.f.NewStyle(st)
		return id
	}
	oneDecimal, minute := "0.0", "yyyy-mm-dd hh:mm"
	x.style.header = mk(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "1F3864"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 2}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	x.style.score = mk(&excelize.Style{CustomNumFmt: &oneDecimal})
	x.style.fraction = mk(&excelize.Style{NumFmt: 9}) // 0%
	x.style.number = mk(&excelize.Style{CustomNumFmt: &oneDecimal})
	x.style.time = mk(&excelize.Style{CustomNumFmt: &minute})
	return err
}

// start opens a sheet's stream: print setup, column widths, frozen header, header row.
func (x *XLSXWriter) start(s *xlsxSheet) error {
	// Before the stream starts: it writes the sheet's properties first, and its page setup from
	// the same settings when it is flushed.
	if err := PrintSetup(x.f, s.name); err != nil {
		return err
	}
	sw, err := x.f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	s.sw, s.row = sw, 0
	for i, c := range s.cols {
		// Wide enough for the header and its autofilter button.
		width := max(c.Width, float64(len(c.Name))+4)
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	header := make([]any, len(s.cols))
	for i, c := range s.cols {
		header[i] = excelize.Cell{StyleID: x.style.header, Value: c.Name}
	}
	s.cells = make([]any, len(s.cols))
	return x.setRow(s, header)
}

func (x *XLSXWriter) setRow(s *xlsxSheet, cells []any) error {
	s.row++
	ref, err := excelize.CoordinatesToCellName(1, s.row)
	if err != nil {
		return err
	}
	return s.sw.SetRow(ref, cells)
}

// Write adds the rows of a block to a level's sheet.
func (x *XLSXWriter) Write(level Level, b Block) error {
	s, ok := x.sheets[level]
	if !ok {
		return fmt.Errorf("the workbook has no %s sheet", level)
	}
	for i, v := range b.Head {
		s.cells[i] = x.cell(v)
	}
	for _, r := range b.Rows {
		if s.row >= x.rowCap {
			if err := x.next(s); err != nil {
				return err
			}
		}
		for i, v := range r {
			s.cells[len(b.Head)+i] = x.cell(v)
		}
		if err := x.setRow(s, s.cells[:len(b.Head)+len(r)]); err != nil {
			return err
		}
	}
	return nil
}

// next finishes a full sheet and goes on in a continuation sheet.
func (x *XLSXWriter) next(s *xlsxSheet) error {
	if err := x.finish(s); err != nil {
		return err
	}
	s.part++
	s.name = fmt.Sprintf("%s (%d)", s.level.Sheet(), s.part)
	if _, err := x.f.NewSheet(s.name); err != nil {
		return err
	}
	return x.start(s)
}

func (x *XLSXWriter) cell(v Value) any {
	if v.Null {
		return nil
	}
	switch v.Kind {
	case Score:
		return excelize.Cell{StyleID: x.style.score, Value: v.F}
	case Fraction:
		return excelize.Cell{StyleID: x.style.fraction, Value: v.F}
	case Number:
		return v.F
	case Integer:
		return v.Int()
	case Bool:
		return v.B
	case Time:
		return excelize.Cell{StyleID: x.style.time, Value: v.Time()}
	case List:
		return textfmt.Cell(strings.Join(v.L, " "))
	}
	// Strings go in as inline strings, which Excel shows as text on opening; guarded as in CSV
	// all the same, so that editing a cell cannot turn it into a formula.
	return textfmt.Cell(v.S)
}

// finish adds the autofilter and the colour scales of a sheet and ends its stream.
func (x *XLSXWriter) finish(s *xlsxSheet) error {
	last, err := excelize.CoordinatesToCellName(len(s.cols), max(s.row, 2))
	if err != nil {
		return err
	}
	if err := x.f.AutoFilter(s.name, "A1:"+last, nil); err != nil {
		return err
	}
	if s.row > 1 {
		for i, c := range s.cols {
			if err := x.colourScale(s, i+1, c); err != nil {
				return err
			}
		}
	}
	return s.sw.Flush()
}

// colourScale shades score columns from red (0) through yellow to green (full marks).
func (x *XLSXWriter) colourScale(s *xlsxSheet, col int, c Column) error {
	top := ""
	switch {
	case c.Name == "score" || c.Name == "conservative" || strings.HasSuffix(c.Name, "_score"):
		top = "100"
	case c.Name == "completeness":
		top = "1"
	default:
		return nil
	}
	mid := "50"
	if top == "1" {
		mid = "0.5"
	}
	from, _ := excelize.CoordinatesToCellName(col, 2)
	to, _ := excelize.CoordinatesToCellName(col, s.row)
	return x.f.SetConditionalFormat(s.name, from+":"+to, []excelize.ConditionalFormatOptions{{
		Type: "3_color_scale", Criteria: "=",
		MinType: "num", MinValue: "0", MinColor: "#F8696B",
		MidType: "num", MidValue: mid, MidColor: "#FFEB84",
		MaxType: "num", MaxValue: top, MaxColor: "#63BE7B",
	}})
}

// Close finishes every sheet, adds the README sheet and writes the workbook.
func (x *XLSXWriter) Close() (err error) {
	defer func() {
		if cerr := x.f.Close(); err == nil {
			err = cerr
		}
	}()
	for _, l := range x.levels {
		if err := x.finish(x.sheets[l]); err != nil {
			return err
		}
	}
	if err := x.readme(); err != nil {
		return err
	}
	return x.f.Write(x.w)
}

// Abort discards the workbook and its temporary files.
func (x *XLSXWriter) Abort() { x.f.Close() }

func (x *XLSXWriter) readme() error {
	const name = "README"
	if _, err := x.f.NewSheet(name); err != nil {
		return err
	}
	row := 0
	put := func(style int, values ...any) error {
		row++
		ref, _ := excelize.CoordinatesToCellName(1, row)
		if err := x.f.SetSheetRow(name, ref, &values); err != nil {
			return err
		}
		if style != 0 {
			end, _ := excelize.CoordinatesToCellName(len(values), row)
			return x.f.SetCellStyle(name, ref, end, style)
		}
		return nil
	}
	for _, line := range ReadmeIntro() {
		if err := put(0, line); err != nil {
			return err
		}
	}
	if err := put(0, ""); err != nil {
		return err
	}
	if err := put(x.style.header, "sheet", "column", "type", "meaning"); err != nil {
		return err
	}
	for _, l := range x.levels {
		for _, c := range Columns(l) {
			if err := put(0, l.Sheet(), c.Name, KindName(c.Kind), c.Help); err != nil {
				return err
			}
		}
	}
	for col, width := range []float64{14, 24, 12, 100} {
		if err := x.f.SetColWidth(name, colName(col+1), colName(col+1), width); err != nil {
			return err
		}
	}
	return nil
}

// PrintSetup sets a sheet to print on A4 landscape, fitted to the page width (as many pages
// down as it takes), with its first row repeated at the top of every page.
func PrintSetup(f *excelize.File, sheet string) error {
	size, orient, wide, tall := 9, "landscape", 1, 0 // 9: A4 in the OOXML paper sizes
	fit := true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient,
		FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$1:$1", sheet), Scope: sheet})
}

func colName(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

// KindName names a column type for people.
func KindName(k Kind) string {
	switch k {
	case Number:
		return "number"
	case Integer:
		return "integer"
	case Bool:
		return "true/false"
	case Time:
		return "date-time"
	case List:
		return "list of ids"
	case Mixed:
		return "by question"
	case Fraction:
		return "fraction 0-1"
	case Score:
		return "score 0-100"
	}
	return "text"
}

// ReadmeIntro explains the tables and the formulas of the figures (DESIGN §5).
func ReadmeIntro() []string {
	return []string{
		"cbrn export: scores of CBRN readiness self-assessments, one row per assessment and item (tidy, long tables).",
		"Overview: one row per assessment. Pillars, Hazards, Sections, Questions, Activities: one row per assessment and pillar, hazard, section, question or activity type.",
		"A sheet longer than Excel's 1,048,576 rows goes on in a sheet of the same name followed by (2), (3)...",
		"An empty cell is an undefined figure (for example a score with no answered question), never a zero. Dates and times are UTC.",
		"Figures are stored in full precision; scores are shown with one decimal, completeness as a percentage.",
		"",
		"How the figures are computed, for each scored question i: score sᵢ and target tᵢ on 0-100, weight wᵢ.",
		"Scale questions score their level's score × 100; yes/no 100 or 0; choice its choice's score × 100; multi the sum of its choices' scores, at most 100. Number and text questions are context, never scored.",
		"Status: answered, na (not applicable), unknown (don't know), unanswered, skipped (hidden by its condition), unscored (number and text).",
		"score = Σ wᵢsᵢ / Σ wᵢ over answered questions. conservative = the same with don't-know answers counted as 0.",
		"target = Σ wᵢtᵢ / Σ wᵢ and gap = Σ wᵢ·max(0, tᵢ−sᵢ) / Σ wᵢ, over answered questions.",
		"completeness = answered / (answered + unknown + unanswered). Counts are over scored questions only.",
		"A question counts in every hazard it is tagged with; group figures come from the questions, never from averages of averages.",
		"Question gap gᵢ = max(0, tᵢ−sᵢ) and priority pᵢ = wᵢ·gᵢ. A don't-know answer is an information gap: gap = target, mapped to needs-assessment only.",
		"Activity priority = Σ pᵢ over the gaps mapped to it; activity types are ranked by priority (ties by id).",
	}
}
