package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/internal/xlsx"
)

// maxSheetRows is Excel's limit of rows in a sheet; a table that would pass it goes on in a
// continuation sheet ("Questions (2)"), with the same header, placed after the level sheets.
const maxSheetRows = xlsx.MaxRows

// XLSXWriter writes one workbook with a sheet per level and a README sheet. Rows are streamed
// to the sheets (a little of each in memory, the rest in temporary files); the workbook is
// assembled when it is closed.
type XLSXWriter struct {
	wb     *xlsx.Workbook
	sheets map[Level]*xlsxSheet
	levels []Level
	rowCap int // rows per sheet, header included; maxSheetRows but for tests
	style  struct {
		header, score, fraction, time int
	}
}

type xlsxSheet struct {
	level Level
	cols  []Column
	part  int
	sheet *xlsx.Sheet
	cells []xlsx.Cell
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
	var o xlsx.Options
	for _, x := range opts {
		o.TmpDir = x.TmpDir
	}
	x := &XLSXWriter{wb: xlsx.New(w, o), sheets: map[Level]*xlsxSheet{}, levels: levels, rowCap: maxSheetRows}
	if err := x.makeStyles(); err != nil {
		return nil, err
	}
	for _, l := range levels {
		s := &xlsxSheet{level: l, cols: Columns(l), part: 1}
		s.cells = make([]xlsx.Cell, len(s.cols)) // a row's cells, reused: a block's head stays across a continuation sheet
		if err := x.start(s, l.Sheet()); err != nil {
			x.wb.Abort()
			return nil, err
		}
		x.sheets[l] = s
	}
	return x, nil
}

func (x *XLSXWriter) makeStyles() error {
	var err error
	mk := func(st xlsx.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = x.wb.Style(st)
		return id
	}
	x.style.header = mk(xlsx.Style{Bold: true, Color: "1F3864", Fill: "DCE6F1", Bottom: "8EA9DB", Vertical: "center"})
	x.style.score = mk(xlsx.Style{Format: "0.0"})
	x.style.fraction = mk(xlsx.Style{NumFmt: 9}) // 0%
	x.style.time = mk(xlsx.Style{Format: "yyyy-mm-dd hh:mm"})
	return err
}

// start adds a sheet: print setup, column widths, frozen header, header row.
func (x *XLSXWriter) start(s *xlsxSheet, name string) error {
	sh, err := x.wb.AddSheet(name)
	if err != nil {
		return err
	}
	s.sheet = sh
	PrintSetup(sh)
	for i, c := range s.cols {
		// Wide enough for the header and its autofilter button.
		if err := sh.SetColWidth(i+1, max(c.Width, float64(len(c.Name))+4)); err != nil {
			return err
		}
	}
	sh.FreezeRows(1)
	header := make([]xlsx.Cell, len(s.cols))
	for i, c := range s.cols {
		header[i] = xlsx.Text(c.Name, x.style.header)
	}
	return sh.WriteRow(header)
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
		if s.sheet.Rows() >= x.rowCap {
			if err := x.next(s); err != nil {
				return err
			}
		}
		for i, v := range r {
			s.cells[len(b.Head)+i] = x.cell(v)
		}
		if err := s.sheet.WriteRow(s.cells[:len(b.Head)+len(r)]); err != nil {
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
	return x.start(s, fmt.Sprintf("%s (%d)", s.level.Sheet(), s.part))
}

func (x *XLSXWriter) cell(v Value) xlsx.Cell {
	if v.Null {
		return xlsx.Cell{}
	}
	switch v.Kind {
	case Score:
		return xlsx.Number(v.F, x.style.score)
	case Fraction:
		return xlsx.Number(v.F, x.style.fraction)
	case Number:
		return xlsx.Number(v.F, 0)
	case Integer:
		return xlsx.Int(int64(v.Int()), 0)
	case Bool:
		return xlsx.Bool(v.B, 0)
	case Time:
		return xlsx.Date(v.Time(), x.style.time)
	case List:
		return xlsx.Text(textfmt.Cell(strings.Join(v.L, " ")), 0)
	}
	// Strings go in as inline strings, which Excel shows as text on opening; guarded as in CSV
	// all the same, so that editing a cell cannot turn it into a formula.
	return xlsx.Text(textfmt.Cell(v.S), 0)
}

// finish adds the autofilter and the colour scales of a sheet.
func (x *XLSXWriter) finish(s *xlsxSheet) error {
	rows := s.sheet.Rows()
	s.sheet.AutoFilter(len(s.cols), rows)
	if rows > 1 {
		for i, c := range s.cols {
			if err := colourScale(s.sheet, i+1, rows, c); err != nil {
				return err
			}
		}
	}
	return nil
}

// colourScale shades score columns from red (0) through yellow to green (full marks).
func colourScale(sh *xlsx.Sheet, col, rows int, c Column) error {
	top := 0.0
	switch {
	case c.Name == "score" || c.Name == "conservative" || strings.HasSuffix(c.Name, "_score"):
		top = 100
	case c.Name == "completeness":
		top = 1
	default:
		return nil
	}
	return sh.SetColourScale(col, 2, rows, xlsx.ColourScale{Min: 0, Mid: top / 2, Max: top,
		MinColour: "F8696B", MidColour: "FFEB84", MaxColour: "63BE7B"})
}

// Close finishes every sheet, adds the README sheet and writes the workbook.
func (x *XLSXWriter) Close() error {
	for _, l := range x.levels {
		if err := x.finish(x.sheets[l]); err != nil {
			x.wb.Abort()
			return err
		}
	}
	if err := x.readme(); err != nil {
		x.wb.Abort()
		return err
	}
	return x.wb.Close()
}

// Abort discards the workbook and its temporary files.
func (x *XLSXWriter) Abort() { x.wb.Abort() }

func (x *XLSXWriter) readme() error {
	sh, err := x.wb.AddSheet("README")
	if err != nil {
		return err
	}
	put := func(style int, values ...string) error {
		cells := make([]xlsx.Cell, len(values))
		for i, v := range values {
			cells[i] = xlsx.Text(v, style)
		}
		return sh.WriteRow(cells)
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
		if err := sh.SetColWidth(col+1, width); err != nil {
			return err
		}
	}
	return nil
}

// PrintSetup sets a sheet to print on A4 landscape, fitted to the page width (as many pages
// down as it takes), with its first row repeated at the top of every page.
func PrintSetup(sh *xlsx.Sheet) {
	sh.SetPageSetup(xlsx.PageSetup{PaperSize: 9, Landscape: true, // 9: A4 in the OOXML paper sizes
		FitToPage: true, FitToWidth: 1, FitToHeight: 0, TitleRows: 1})
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
