package export

import (
	"bufio"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// TableWriter writes one table, CSV or JSON. Encoding is split from writing so that blocks
// can be encoded on many goroutines at once (Encode is safe for concurrent use) and written in
// order by one.
type TableWriter interface {
	// Encode appends the encoded rows of a block to dst.
	Encode(dst []byte, b Block) []byte
	// Write writes blocks encoded by Encode, in the order of the table.
	Write(encoded []byte) error
	// Close ends the table and flushes it; the writer is unusable afterwards.
	Close() error
}

// CSVWriter writes a table as CSV (RFC 4180: quoted where needed, CRLF line ends, as
// `cbrn report -o csv`): a header line of column names, then one line per row.
type CSVWriter struct {
	w *bufio.Writer
}

// NewCSV starts a CSV table with the given columns.
func NewCSV(w io.Writer, cols []Column) (*CSVWriter, error) {
	c := &CSVWriter{w: bufio.NewWriterSize(w, 64<<10)}
	var b []byte
	for i, col := range cols {
		if i > 0 {
			b = append(b, ',')
		}
		b = textfmt.AppendCSVField(b, col.Name)
	}
	b = append(b, '\r', '\n')
	_, err := c.w.Write(b)
	return c, err
}

// Encode appends a block's CSV lines to dst.
func (c *CSVWriter) Encode(dst []byte, b Block) []byte {
	var head []byte
	for i, v := range b.Head {
		if i > 0 {
			head = append(head, ',')
		}
		head = appendCSVValue(head, v)
	}
	dst = slices.Grow(dst, b.Len()*(len(head)+2)+encodedSize(b.Rows))
	for _, r := range b.Rows {
		dst = append(dst, head...)
		for i, v := range r {
			if i > 0 || len(b.Head) > 0 {
				dst = append(dst, ',')
			}
			dst = appendCSVValue(dst, v)
		}
		dst = append(dst, '\r', '\n')
	}
	return dst
}

// encodedSize estimates the bytes the cells of rows take once encoded, so that a block is
// encoded into one allocation instead of a series of doublings.
func encodedSize(rows [][]Value) int {
	n := 0
	for _, r := range rows {
		for _, v := range r {
			switch v.Kind {
			case Text:
				n += len(v.S) + 4
			case List:
				for _, s := range v.L {
					n += len(s) + 4
				}
			default:
				n += 20
			}
		}
	}
	return n
}

// appendCSVValue appends a cell as CSVCell renders it, quoted where needed, without building
// intermediate strings: an export writes millions of cells.
func appendCSVValue(b []byte, v Value) []byte {
	if v.Null {
		return b
	}
	switch v.Kind {
	case Number, Score, Fraction:
		return textfmt.AppendNumber(b, v.F)
	case Integer:
		return strconv.AppendInt(b, int64(v.F), 10)
	case Bool:
		return strconv.AppendBool(b, v.B)
	case Time:
		return v.Time().AppendFormat(b, time.RFC3339)
	case List:
		plain := true
		for _, s := range v.L {
			if textfmt.CellNeedsChange(s) || textfmt.CSVNeedsQuotes(s) {
				plain = false
				break
			}
		}
		if !plain {
			return textfmt.AppendCSVText(b, strings.Join(v.L, " "))
		}
		for i, s := range v.L {
			if i > 0 {
				b = append(b, ' ')
			}
			b = append(b, s...)
		}
		return b
	}
	return textfmt.AppendCSVText(b, v.S)
}

// Write writes encoded lines.
func (c *CSVWriter) Write(encoded []byte) error {
	_, err := c.w.Write(encoded)
	return err
}

// Close flushes the table.
func (c *CSVWriter) Close() error { return c.w.Flush() }

// CSVCell renders a value for CSV: numbers in full precision, null as an empty cell, lists
// space-separated, times in RFC 3339, text guarded against formula injection.
func CSVCell(v Value) string {
	if v.Null {
		return ""
	}
	switch v.Kind {
	case Number, Score, Fraction:
		return textfmt.FormatNumber(v.F)
	case Integer:
		return strconv.Itoa(v.Int())
	case Bool:
		return strconv.FormatBool(v.B)
	case Time:
		return v.Time().Format(time.RFC3339)
	case List:
		return textfmt.Cell(strings.Join(v.L, " "))
	}
	return textfmt.Cell(v.S)
}

// JSONWriter streams a table as one JSON object:
//
//	{"schema":"cbrn.export/v1","level":"pillar","columns":["file",...],"rows":[
//	{"file":"...",...},
//	...
//	]}
//
// with one row object per line, keys in column order.
type JSONWriter struct {
	w     *bufio.Writer
	keys  [][]byte // `"name":` per column
	first bool
}

// NewJSON starts a JSON table.
func NewJSON(w io.Writer, level Level, cols []Column) (*JSONWriter, error) {
	j := &JSONWriter{w: bufio.NewWriterSize(w, 64<<10), first: true}
	b := append([]byte(nil), `{"schema":`...)
	b = appendJSONString(b, Schema)
	b = append(b, `,"level":`...)
	b = appendJSONString(b, string(level))
	b = append(b, `,"columns":[`...)
	for i, c := range cols {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, c.Name)
		j.keys = append(j.keys, append(appendJSONString(nil, c.Name), ':'))
	}
	b = append(b, `],"rows":[`...)
	_, err := j.w.Write(b)
	return j, err
}

// Encode appends a block's row objects to dst, each preceded by a comma and a line break.
func (j *JSONWriter) Encode(dst []byte, b Block) []byte {
	var head []byte
	for i, v := range b.Head {
		if i > 0 {
			head = append(head, ',')
		}
		head = append(head, j.keys[i]...)
		head = appendJSONValue(head, v)
	}
	keys := 0
	for _, k := range j.keys[len(b.Head):] {
		keys += len(k)
	}
	dst = slices.Grow(dst, b.Len()*(len(head)+keys+8)+encodedSize(b.Rows))
	for _, r := range b.Rows {
		dst = append(dst, ",\n{"...)
		dst = append(dst, head...)
		for i, v := range r {
			if i > 0 || len(b.Head) > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, j.keys[len(b.Head)+i]...)
			dst = appendJSONValue(dst, v)
		}
		dst = append(dst, '}')
	}
	return dst
}

// Write writes encoded rows; the comma before the very first row is left out.
func (j *JSONWriter) Write(encoded []byte) error {
	if j.first && len(encoded) > 0 {
		encoded = encoded[1:]
		j.first = false
	}
	_, err := j.w.Write(encoded)
	return err
}

// Close ends the object and flushes it.
func (j *JSONWriter) Close() error {
	if _, err := j.w.WriteString("\n]}\n"); err != nil {
		return err
	}
	return j.w.Flush()
}

func appendJSONValue(b []byte, v Value) []byte {
	if v.Null {
		return append(b, "null"...)
	}
	switch v.Kind {
	case Number, Score, Fraction:
		return textfmt.AppendNumber(b, v.F)
	case Integer:
		return strconv.AppendInt(b, int64(v.F), 10)
	case Bool:
		return strconv.AppendBool(b, v.B)
	case Time:
		return appendJSONString(b, v.Time().Format(time.RFC3339))
	case List:
		b = append(b, '[')
		for i, s := range v.L {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, s)
		}
		return append(b, ']')
	}
	return appendJSONString(b, v.S)
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD, as in encoding/json;
// U+2028 and U+2029 are escaped so that the output is also valid JavaScript.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
