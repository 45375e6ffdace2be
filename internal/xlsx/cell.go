package xlsx

import (
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// Excel's limits.
const (
	MaxRows      = 1 << 20 // rows in a sheet: 1,048,576
	MaxColumns   = 1 << 14 // columns in a sheet: 16,384 (XFD)
	MaxRowHeight = 409     // points
	MaxCellChars = 32767   // UTF-16 code units in a cell's text
)

type kind uint8

const (
	empty kind = iota
	text
	number
	integer
	boolean
	date
)

// Cell is one cell of a row: a value and a style (an id from Workbook.Style, 0 for none).
// An empty cell with style 0 is not written at all.
type Cell struct {
	kind  kind
	b     bool
	style int
	s     string
	f     float64
	i     int64
}

// Text is a text cell, written as an inline string.
func Text(s string, style int) Cell { return Cell{kind: text, s: s, style: style} }

// Number is a number cell. NaN and infinities, which a workbook cannot hold, are written as
// the texts "NaN", "+Inf" and "-Inf".
func Number(f float64, style int) Cell { return Cell{kind: number, f: f, style: style} }

// Int is an integer cell.
func Int(i int64, style int) Cell { return Cell{kind: integer, i: i, style: style} }

// Bool is a true/false cell.
func Bool(b bool, style int) Cell { return Cell{kind: boolean, b: b, style: style} }

// Date is a date and time cell: its wall clock as an Excel serial number (days since
// 1899-12-30, in the 1900 date system), shown as a date through the style's number format.
// A time before 1900, which has no serial date, is written as an RFC 3339 text.
func Date(t time.Time, style int) Cell {
	v := serial(t)
	if v < 1 {
		return Text(t.Format(time.RFC3339Nano), style)
	}
	return Cell{kind: date, f: v, style: style}
}

// Blank is an empty cell that carries a style (a number format for what the user types in).
func Blank(style int) Cell { return Cell{style: style} }

// serial converts a wall clock to an Excel serial date: 25569 is 1970-01-01. Excel counts a
// 29 February 1900 that never was, so dates before 1 March 1900 are one day less; before
// 1900-01-01 there is no serial date, and the result is below 1.
func serial(t time.Time) float64 {
	_, offset := t.Zone()
	secs := t.Unix() + int64(offset)
	days, rem := secs/86400, secs%86400
	if rem < 0 {
		days, rem = days-1, rem+86400
	}
	v := float64(days+25569) + (float64(rem)+float64(t.Nanosecond())/1e9)/86400
	if v < 61 {
		v--
	}
	return v
}

// appendNumber appends f as Excel stores numbers: at most 15 significant digits, rounded
// (350/6 = 58.33333333333333570… is 58.3333333333333), without an exponent.
func appendNumber(b []byte, f float64) []byte {
	// Most cells are whole numbers (weights, scores of 0 and 100, levels, counts): 15 digits
	// hold them exactly, so they read as integers, without the formatting and parsing.
	if f > -1e15 && f < 1e15 && f == math.Trunc(f) && !math.Signbit(f) {
		return strconv.AppendInt(b, int64(f), 10)
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	return strconv.AppendFloat(b, r, 'f', -1, 64)
}

// ColumnName is the letters of a column, from 1: A, Z, AA, XFD.
func ColumnName(col int) string { return string(appendColumn(nil, col)) }

func appendColumn(b []byte, col int) []byte {
	var buf [4]byte
	i := len(buf)
	for col > 0 {
		col--
		i--
		buf[i] = byte('A' + col%26)
		col /= 26
	}
	return append(b, buf[i:]...)
}

// CellName is a cell's reference, from column and row 1: A1, AA10.
func CellName(col, row int) string { return string(appendCell(nil, col, row)) }

func appendCell(b []byte, col, row int) []byte {
	return strconv.AppendInt(appendColumn(b, col), int64(row), 10)
}

// RangeName is the reference of a rectangle of cells: A1:C9.
func RangeName(fromCol, fromRow, toCol, toRow int) string {
	b := appendCell(nil, fromCol, fromRow)
	b = append(b, ':')
	return string(appendCell(b, toCol, toRow))
}

// absoluteRange is a range with fixed references, as defined names take them: $A$1:$C$9.
func absoluteRange(fromCol, fromRow, toCol, toRow int) string {
	b := append([]byte{'$'}, appendColumn(nil, fromCol)...)
	b = strconv.AppendInt(append(b, '$'), int64(fromRow), 10)
	b = append(append(b, ':', '$'), appendColumn(nil, toCol)...)
	b = strconv.AppendInt(append(b, '$'), int64(toRow), 10)
	return string(b)
}

// appendCellXML appends the XML of a cell at (col, row), or nothing for an empty cell
// without a style.
func appendCellXML(b []byte, c Cell, col, row int) []byte {
	if c.kind == empty && c.style == 0 {
		return b
	}
	if c.kind == number && (math.IsNaN(c.f) || math.IsInf(c.f, 0)) {
		c = Text(strconv.FormatFloat(c.f, 'g', -1, 64), c.style) // NaN, +Inf, -Inf
	}
	b = append(b, `<c r="`...)
	b = appendCell(b, col, row)
	b = append(b, '"')
	if c.style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(c.style), 10)
		b = append(b, '"')
	}
	switch c.kind {
	case empty:
		return append(b, `/>`...)
	case text:
		b = append(b, ` t="inlineStr"><is><t`...)
		if needsPreserve(c.s) {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = appendText(b, c.s)
		return append(b, `</t></is></c>`...)
	}
	switch c.kind {
	case boolean:
		b = append(b, ` t="b"><v>`...)
		if c.b {
			b = append(b, '1')
		} else {
			b = append(b, '0')
		}
	case number:
		b = append(b, `><v>`...)
		b = appendNumber(b, c.f)
	case integer:
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, c.i, 10)
	case date:
		b = append(b, `><v>`...)
		b = strconv.AppendFloat(b, c.f, 'f', -1, 64)
	}
	return append(b, `</v></c>`...)
}

// needsPreserve tells a text whose leading or trailing white space a reader would drop.
func needsPreserve(s string) bool {
	if s == "" {
		return false
	}
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	return isSpace(s[0]) || isSpace(s[len(s)-1])
}

// appendText appends s as the text of an element, as Excel reads it back: & < > escaped, a
// carriage return as a reference (a parser would turn a raw one into a line feed), characters
// XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF) in Excel's _xHHHH_ form, and a
// literal _xHHHH_ with its underscore escaped (_x005F_) so that it is not read as one. Invalid
// UTF-8 becomes U+FFFD. Texts longer than Excel's 32,767 characters are cut there.
func appendText(b []byte, s string) []byte {
	units := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		if units > MaxCellChars {
			break
		}
		switch {
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '\r':
			b = append(b, "&#xD;"...)
		case r == '\t' || r == '\n':
			b = append(b, byte(r))
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			b = appendEscape(b, r)
		case r == '_' && isEscape(s[i:]):
			b = append(b, "_x005F_"...)
		case r == utf8.RuneError && size == 1:
			b = append(b, "\uFFFD"...)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

// isEscape tells a text that starts with an escape of Excel's form, _xHHHH_.
func isEscape(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func appendEscape(b []byte, r rune) []byte {
	const hex = "0123456789ABCDEF"
	return append(b, '_', 'x', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15], '_')
}

// appendAttr appends s escaped for an attribute value in double quotes.
func appendAttr(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '"':
			b = append(b, "&quot;"...)
		case '\t':
			b = append(b, "&#x9;"...)
		case '\n':
			b = append(b, "&#xA;"...)
		case '\r':
			b = append(b, "&#xD;"...)
		default:
			b = append(b, c)
		}
	}
	return b
}
