package xlsx

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// spillSize is how much of a sheet's rows is kept in memory; beyond it they go to the
// sheet's temporary file, so that a workbook of any size takes little memory.
const spillSize = 1 << 20

// Sheet is one worksheet. Rows are written in order and stream out; everything else (column
// widths, panes, filters, formats, print setup) is kept and written when the workbook closes.
type Sheet struct {
	wb       *Workbook
	name     string
	rows     int // last row written
	cols     int // widest row written
	widths   []float64
	freeze   int // rows frozen at the top
	filter   [2]int
	scales   []scale
	lists    []list
	page     *PageSetup
	buf      []byte
	tmp      *os.File
	tmpBytes int64
}

type scale struct {
	ref string
	ColourScale
}

type list struct {
	ref     string
	formula string
}

// ColourScale shades cells from one colour at Min through one at Mid to one at Max.
type ColourScale struct {
	Min, Mid, Max                   float64
	MinColour, MidColour, MaxColour string // RRGGBB
}

// PageSetup is how a sheet prints.
type PageSetup struct {
	PaperSize int  // OOXML paper size: 9 is A4, 1 US Letter
	Landscape bool // landscape, else portrait
	// FitToPage scales the sheet to FitToWidth pages across and FitToHeight down; 0 is as
	// many as it takes.
	FitToPage               bool
	FitToWidth, FitToHeight int
	TitleRows               int // the rows repeated at the top of every page (Print_Titles)
}

// Rows is how many rows were written.
func (s *Sheet) Rows() int { return s.rows }

// SetColWidth sets the width of a column, from 1, in characters of the default font.
func (s *Sheet) SetColWidth(col int, width float64) error {
	if col < 1 || col > MaxColumns {
		return fmt.Errorf("xlsx: column %d is not in 1-%d", col, MaxColumns)
	}
	if width < 0 || width > 255 {
		return fmt.Errorf("xlsx: column width %g is not in 0-255", width)
	}
	if len(s.widths) < col {
		s.widths = append(s.widths, make([]float64, col-len(s.widths))...)
	}
	s.widths[col-1] = width
	return nil
}

// FreezeRows keeps the first n rows in view while the rest scrolls (the header, for n = 1).
func (s *Sheet) FreezeRows(n int) { s.freeze = n }

// AutoFilter puts filter buttons on row 1 for the table A1 to (lastCol, lastRow); a table of
// the header row alone gets A1 to (lastCol, 2), as a filter needs a row under its header.
func (s *Sheet) AutoFilter(lastCol, lastRow int) { s.filter = [2]int{lastCol, max(lastRow, 2)} }

// SetColourScale shades the cells of a column from row from to row to by value.
func (s *Sheet) SetColourScale(col, from, to int, c ColourScale) error {
	for _, x := range []string{c.MinColour, c.MidColour, c.MaxColour} {
		if x == "" || !isColour(x) {
			return fmt.Errorf("xlsx: colour %q is not RRGGBB", x)
		}
	}
	s.scales = append(s.scales, scale{RangeName(col, from, col, to), c})
	return nil
}

// SetList makes the cells of a column from row from to row to take one of the items, picked
// from a drop-down list. Excel limits the items to 255 characters in all, with commas between.
func (s *Sheet) SetList(col, from, to int, items []string) error {
	joined := strings.Join(items, ",")
	for _, it := range items {
		if it == "" || strings.Contains(it, ",") {
			return fmt.Errorf("xlsx: list item %q is empty or holds a comma", it)
		}
	}
	if n := len([]rune(joined)); n > 255 {
		return fmt.Errorf("xlsx: the list's items take %d characters, more than 255", n)
	}
	s.lists = append(s.lists, list{RangeName(col, from, col, to), `"` + strings.ReplaceAll(joined, `"`, `""`) + `"`})
	return nil
}

// SetPageSetup sets how the sheet prints.
func (s *Sheet) SetPageSetup(p PageSetup) { s.page = &p }

// WriteRow writes the next row; cells start at column A.
func (s *Sheet) WriteRow(cells []Cell) error { return s.writeRow(cells, 0) }

// WriteRowHeight writes the next row with a height in points (at most MaxRowHeight).
func (s *Sheet) WriteRowHeight(height float64, cells []Cell) error {
	if height <= 0 || height > MaxRowHeight {
		return fmt.Errorf("xlsx: row height %g is not in 0-%d points", height, MaxRowHeight)
	}
	return s.writeRow(cells, height)
}

func (s *Sheet) writeRow(cells []Cell, height float64) error {
	if s.wb.closed {
		return errors.New("xlsx: the workbook is closed")
	}
	if s.rows >= MaxRows {
		return fmt.Errorf("xlsx: sheet %q is full (%d rows)", s.name, MaxRows)
	}
	if len(cells) > MaxColumns {
		return fmt.Errorf("xlsx: a row of %d cells is wider than %d columns", len(cells), MaxColumns)
	}
	s.rows++
	s.cols = max(s.cols, len(cells))
	b := append(s.buf, `<row r="`...)
	b = strconv.AppendInt(b, int64(s.rows), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i, c := range cells {
		b = appendCellXML(b, c, i+1, s.rows)
	}
	s.buf = append(b, `</row>`...)
	if len(s.buf) >= spillSize {
		return s.spill()
	}
	return nil
}

// spill moves the rows in memory to the sheet's temporary file.
func (s *Sheet) spill() error {
	if s.tmp == nil {
		f, err := os.CreateTemp(s.wb.tmpDir, "cbrn-sheet-*.xml") // mode 0600
		if err != nil {
			return err
		}
		s.tmp = f
	}
	n, err := s.tmp.Write(s.buf)
	s.tmpBytes += int64(n)
	s.buf = s.buf[:0]
	return err
}

// removeTemp closes and removes the sheet's temporary file.
func (s *Sheet) removeTemp() error {
	if s.tmp == nil {
		return nil
	}
	err := s.tmp.Close()
	if rerr := os.Remove(s.tmp.Name()); err == nil {
		err = rerr
	}
	s.tmp = nil
	return err
}

// writeXML writes the sheet's XML: what goes before the rows, the rows, what goes after.
func (s *Sheet) writeXML(w io.Writer, selected bool) error {
	b := []byte(xmlHeader + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	if s.page != nil && s.page.FitToPage {
		b = append(b, `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`...)
	}
	b = append(b, `<dimension ref="`...)
	if s.rows == 0 || s.cols == 0 {
		b = append(b, 'A', '1')
	} else {
		b = append(b, RangeName(1, 1, s.cols, s.rows)...)
	}
	b = append(b, `"/><sheetViews><sheetView`...)
	if selected {
		b = append(b, ` tabSelected="1"`...)
	}
	b = append(b, ` workbookViewId="0"`...)
	if s.freeze > 0 {
		top := CellName(1, s.freeze+1)
		b = append(b, `><pane ySplit="`...)
		b = strconv.AppendInt(b, int64(s.freeze), 10)
		b = append(b, `" topLeftCell="`+top+`" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="`+top+`" sqref="`+top+`"/></sheetView>`...)
	} else {
		b = append(b, `/>`...)
	}
	b = append(b, `</sheetViews><sheetFormatPr defaultRowHeight="15"/>`...)
	if len(s.widths) > 0 {
		b = append(b, `<cols>`...)
		for i := 0; i < len(s.widths); {
			j := i
			for j+1 < len(s.widths) && s.widths[j+1] == s.widths[i] {
				j++
			}
			if s.widths[i] > 0 {
				b = append(b, `<col min="`...)
				b = strconv.AppendInt(b, int64(i+1), 10)
				b = append(b, `" max="`...)
				b = strconv.AppendInt(b, int64(j+1), 10)
				b = append(b, `" width="`...)
				b = strconv.AppendFloat(b, s.widths[i], 'f', -1, 64)
				b = append(b, `" customWidth="1"/>`...)
			}
			i = j + 1
		}
		b = append(b, `</cols>`...)
	}
	b = append(b, `<sheetData>`...)
	if _, err := w.Write(b); err != nil {
		return err
	}
	if s.tmp != nil {
		if _, err := s.tmp.Seek(0, io.SeekStart); err != nil {
			return err
		}
		if n, err := io.Copy(w, s.tmp); err != nil {
			return err
		} else if n != s.tmpBytes {
			return fmt.Errorf("xlsx: sheet %q: read %d bytes back from its temporary file, wrote %d", s.name, n, s.tmpBytes)
		}
	}
	if _, err := w.Write(s.buf); err != nil {
		return err
	}
	b = append(b[:0], `</sheetData>`...)
	if s.filter[0] > 0 {
		b = append(b, `<autoFilter ref="`...)
		b = append(b, RangeName(1, 1, s.filter[0], s.filter[1])...)
		b = append(b, `"/>`...)
	}
	for i, c := range s.scales {
		b = append(b, `<conditionalFormatting sqref="`+c.ref+`"><cfRule type="colorScale" priority="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `"><colorScale>`...)
		for _, v := range []float64{c.Min, c.Mid, c.Max} {
			b = append(b, `<cfvo type="num" val="`...)
			b = appendNumber(b, v)
			b = append(b, `"/>`...)
		}
		for _, x := range []string{c.MinColour, c.MidColour, c.MaxColour} {
			b = append(b, `<color rgb="FF`+x+`"/>`...)
		}
		b = append(b, `</colorScale></cfRule></conditionalFormatting>`...)
	}
	if len(s.lists) > 0 {
		b = append(b, `<dataValidations count="`...)
		b = strconv.AppendInt(b, int64(len(s.lists)), 10)
		b = append(b, `">`...)
		for _, l := range s.lists {
			b = append(b, `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="`+l.ref+`"><formula1>`...)
			b = appendText(b, l.formula)
			b = append(b, `</formula1></dataValidation>`...)
		}
		b = append(b, `</dataValidations>`...)
	}
	b = append(b, `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`...)
	if p := s.page; p != nil {
		b = append(b, `<pageSetup`...)
		if p.PaperSize > 0 {
			b = append(b, ` paperSize="`...)
			b = strconv.AppendInt(b, int64(p.PaperSize), 10)
			b = append(b, '"')
		}
		if p.FitToPage {
			b = append(b, ` fitToWidth="`...)
			b = strconv.AppendInt(b, int64(p.FitToWidth), 10)
			b = append(b, `" fitToHeight="`...)
			b = strconv.AppendInt(b, int64(p.FitToHeight), 10)
			b = append(b, '"')
		}
		if p.Landscape {
			b = append(b, ` orientation="landscape"`...)
		} else {
			b = append(b, ` orientation="portrait"`...)
		}
		b = append(b, `/>`...)
	}
	b = append(b, `</worksheet>`...)
	_, err := w.Write(b)
	return err
}

// validName checks a sheet name as Excel does: 1 to 31 characters, none of : \ / ? * [ ],
// not starting or ending with an apostrophe, and not the name of another sheet in any case.
func (wb *Workbook) validName(name string) error {
	if name == "" || len([]rune(name)) > 31 {
		return fmt.Errorf("xlsx: sheet name %q is not 1 to 31 characters", name)
	}
	if strings.ContainsAny(name, `:\/?*[]`) || name[0] == '\'' || name[len(name)-1] == '\'' {
		return fmt.Errorf("xlsx: sheet name %q holds one of : \\ / ? * [ ] or starts or ends with '", name)
	}
	for _, r := range name {
		if r < 0x20 {
			return fmt.Errorf("xlsx: sheet name %q holds a control character", name)
		}
	}
	if slices.ContainsFunc(wb.sheets, func(s *Sheet) bool { return strings.EqualFold(s.name, name) }) {
		return fmt.Errorf("xlsx: the workbook has a sheet %q already", name)
	}
	return nil
}
