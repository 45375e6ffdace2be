package textfmt

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The one CSV encoder of cbrn (RFC 4180: fields quoted where needed, CRLF line ends), written
// as appends to a byte slice so that an export of millions of cells builds no intermediate
// strings. Text from a file goes through the spreadsheet guard; numbers never do.

// CellNeedsChange tells whether Cell would change s (escapes or the formula guard); a text
// cell for which it is false is written as it is.
func CellNeedsChange(s string) bool { return !isPlain(s, Lines) || FormulaLike(s) }

// AppendCSVText appends Cell(s) as a CSV field, quoted where needed.
func AppendCSVText(b []byte, s string) []byte {
	if !CellNeedsChange(s) {
		return AppendCSVField(b, s)
	}
	return AppendCSVField(b, Cell(s))
}

// AppendCSVField appends s as a CSV field, quoted when it needs it as encoding/csv decides:
// when it holds a comma, a quote or a line break, or starts with a space. The field is not
// guarded: it is a number, an id or a text already passed through Cell.
func AppendCSVField(b []byte, s string) []byte {
	if !CSVNeedsQuotes(s) {
		return append(b, s...)
	}
	b = append(b, '"')
	return append(appendEscapedQuotes(b, s), '"')
}

// AppendCSVRecord appends one CSV line of fields (each as AppendCSVField), CRLF-terminated.
func AppendCSVRecord(b []byte, fields []string) []byte {
	for i, f := range fields {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendCSVField(b, f)
	}
	return append(b, '\r', '\n')
}

// appendEscapedQuotes appends s with its double quotes doubled.
func appendEscapedQuotes(b []byte, s string) []byte {
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			return append(b, s...)
		}
		b = append(b, s[:i+1]...)
		b = append(b, '"')
		s = s[i+1:]
	}
}

// CSVNeedsQuotes tells whether a CSV field must be quoted.
func CSVNeedsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` || strings.ContainsAny(s, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// FormatNumber renders a number for machines (CSV cells) in full precision: the shortest form
// that reads back the same float64, without an exponent in the usual range, as encoding/json
// does.
func FormatNumber(f float64) string { return string(AppendNumber(nil, f)) }

// AppendNumber appends FormatNumber(f).
func AppendNumber(b []byte, f float64) []byte {
	// Most cells are whole numbers (weights, scores of 0 and 100, levels): written as integers,
	// which is what the shortest form gives for them, without the float formatting's search.
	// Minus zero is left to AppendFloat, which keeps its sign.
	if f > -1e15 && f < 1e15 && f == math.Trunc(f) && (f != 0 || !math.Signbit(f)) {
		return strconv.AppendInt(b, int64(f), 10)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		// Never produced by scoring; kept valid for JSON all the same.
		return append(b, "null"...)
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-07 → e-7, as encoding/json writes it
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
