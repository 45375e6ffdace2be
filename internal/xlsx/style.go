package xlsx

import (
	"fmt"
	"strconv"
)

// Style is the look of a cell. The zero Style is the default (Calibri 11, no fill, no border,
// General number format).
type Style struct {
	Bold   bool
	Color  string // font colour, RRGGBB; "" for the default
	Fill   string // solid background colour, RRGGBB; "" for none
	Bottom string // a medium bottom border of this colour, RRGGBB; "" for none
	// NumFmt is a built-in number format (9: 0%, 14: a short date); Format, when set, a
	// custom one ("0.0", "yyyy-mm-dd", "@" for text), which takes precedence.
	NumFmt   int
	Format   string
	Vertical string // "top", "center" or "bottom"; "" for the default (bottom)
	Wrap     bool   // wrap the text within the column width
}

type font struct {
	bold  bool
	color string
}

type styles struct {
	xfs     []Style
	ids     map[Style]int
	fonts   []font
	fills   []string
	borders []string
	formats []string // custom number formats, from id 164
}

func newStyles() *styles {
	return &styles{xfs: []Style{{}}, ids: map[Style]int{{}: 0}, fonts: []font{{}}, fills: []string{"", ""}, borders: []string{""}}
}

// Style registers a style and returns its id for the cells that take it; the same style
// gives the same id.
func (wb *Workbook) Style(s Style) (int, error) {
	st := wb.styles
	if id, ok := st.ids[s]; ok {
		return id, nil
	}
	for _, c := range []string{s.Color, s.Fill, s.Bottom} {
		if !isColour(c) {
			return 0, fmt.Errorf("xlsx: colour %q is not RRGGBB", c)
		}
	}
	switch s.Vertical {
	case "", "top", "center", "bottom":
	default:
		return 0, fmt.Errorf("xlsx: vertical alignment %q is not top, center or bottom", s.Vertical)
	}
	if s.NumFmt < 0 || s.NumFmt >= 164 {
		return 0, fmt.Errorf("xlsx: built-in number format %d is not in 0-163", s.NumFmt)
	}
	id := len(st.xfs)
	st.xfs = append(st.xfs, s)
	st.ids[s] = id
	return id, nil
}

func isColour(c string) bool {
	if c == "" {
		return true
	}
	if len(c) != 6 {
		return false
	}
	_, err := strconv.ParseUint(c, 16, 32)
	return err == nil
}

func index[T comparable](list *[]T, v T) int {
	for i, x := range *list {
		if x == v {
			return i
		}
	}
	*list = append(*list, v)
	return len(*list) - 1
}

// xml is styles.xml: the cell formats with the fonts, fills, borders and number formats they use.
func (st *styles) xml() []byte {
	type xf struct{ numFmt, font, fill, border int }
	xfs := make([]xf, len(st.xfs))
	for i, s := range st.xfs {
		x := xf{numFmt: s.NumFmt}
		if s.Format != "" {
			x.numFmt = 164 + index(&st.formats, s.Format)
		}
		x.font = index(&st.fonts, font{s.Bold, s.Color})
		if s.Fill != "" {
			x.fill = index(&st.fills, s.Fill)
		}
		if s.Bottom != "" {
			x.border = index(&st.borders, s.Bottom)
		}
		xfs[i] = x
	}
	b := []byte(xmlHeader + `<styleSheet xmlns="` + nsMain + `">`)
	if len(st.formats) > 0 {
		b = append(b, `<numFmts count="`...)
		b = strconv.AppendInt(b, int64(len(st.formats)), 10)
		b = append(b, `">`...)
		for i, f := range st.formats {
			b = append(b, `<numFmt numFmtId="`...)
			b = strconv.AppendInt(b, int64(164+i), 10)
			b = append(b, `" formatCode="`...)
			b = appendAttr(b, f)
			b = append(b, `"/>`...)
		}
		b = append(b, `</numFmts>`...)
	}
	b = append(b, `<fonts count="`...)
	b = strconv.AppendInt(b, int64(len(st.fonts)), 10)
	b = append(b, `">`...)
	for _, f := range st.fonts {
		b = append(b, `<font>`...)
		if f.bold {
			b = append(b, `<b/>`...)
		}
		b = append(b, `<sz val="11"/>`...)
		if f.color != "" {
			b = append(b, `<color rgb="FF`+f.color+`"/>`...)
		}
		b = append(b, `<name val="Calibri"/><family val="2"/></font>`...)
	}
	b = append(b, `</fonts><fills count="`...)
	b = strconv.AppendInt(b, int64(len(st.fills)), 10)
	b = append(b, `"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`...)
	for _, f := range st.fills[2:] {
		b = append(b, `<fill><patternFill patternType="solid"><fgColor rgb="FF`+f+`"/><bgColor indexed="64"/></patternFill></fill>`...)
	}
	b = append(b, `</fills><borders count="`...)
	b = strconv.AppendInt(b, int64(len(st.borders)), 10)
	b = append(b, `"><border><left/><right/><top/><bottom/><diagonal/></border>`...)
	for _, c := range st.borders[1:] {
		b = append(b, `<border><left/><right/><top/><bottom style="medium"><color rgb="FF`+c+`"/></bottom><diagonal/></border>`...)
	}
	b = append(b, `</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="`...)
	b = strconv.AppendInt(b, int64(len(xfs)), 10)
	b = append(b, `">`...)
	for i, x := range xfs {
		s := st.xfs[i]
		b = append(b, `<xf numFmtId="`...)
		b = strconv.AppendInt(b, int64(x.numFmt), 10)
		b = append(b, `" fontId="`...)
		b = strconv.AppendInt(b, int64(x.font), 10)
		b = append(b, `" fillId="`...)
		b = strconv.AppendInt(b, int64(x.fill), 10)
		b = append(b, `" borderId="`...)
		b = strconv.AppendInt(b, int64(x.border), 10)
		b = append(b, `" xfId="0"`...)
		if x.numFmt != 0 {
			b = append(b, ` applyNumberFormat="1"`...)
		}
		if x.font != 0 {
			b = append(b, ` applyFont="1"`...)
		}
		if x.fill != 0 {
			b = append(b, ` applyFill="1"`...)
		}
		if x.border != 0 {
			b = append(b, ` applyBorder="1"`...)
		}
		if s.Vertical == "" && !s.Wrap {
			b = append(b, `/>`...)
			continue
		}
		b = append(b, ` applyAlignment="1"><alignment`...)
		if s.Vertical != "" {
			b = append(b, ` vertical="`+s.Vertical+`"`...)
		}
		if s.Wrap {
			b = append(b, ` wrapText="1"`...)
		}
		b = append(b, `/></xf>`...)
	}
	b = append(b, `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`...)
	return b
}
