package textfmt

import (
	"bytes"
	"io"
	"reflect"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Table writes a plain text table for terminals: headers kept as written, numeric columns
// (right[i] true) right-aligned, cells made safe with Terminal.
func Table(w io.Writer, header []string, rows [][]string, right []bool) error {
	var t Tables
	return t.Table(w, header, rows, right)
}

// Tables writes several tables as Table does, with one table writer: each tablewriter table
// allocates a cache of some 350 KB for its stringer, which cbrn does not use (cells are
// strings), and clearing it between tables allocates it again; a report of three tables paid
// it three times, now once.
type Tables struct {
	buf bytes.Buffer
	t   *tablewriter.Table
}

// Table writes one table as the function Table does.
func (ts *Tables) Table(w io.Writer, header []string, rows [][]string, right []bool) error {
	align := make(tw.Alignment, len(header))
	for i := range align {
		align[i] = tw.AlignLeft
		if i < len(right) && right[i] {
			align[i] = tw.AlignRight
		}
	}
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithStringerCacheCustom(noCache{}),
	}
	ts.buf.Reset()
	if ts.t == nil {
		ts.t = tablewriter.NewTable(&ts.buf, opts...)
	} else {
		ts.t.Reset()
		ts.t.Options(opts...)
	}
	h := make([]any, len(header))
	for i, x := range header {
		h[i] = x
	}
	ts.t.Header(h...)
	for _, r := range rows {
		clean := make([]string, len(r))
		for i, c := range r {
			clean[i] = Terminal(c)
		}
		if err := ts.t.Append(clean); err != nil {
			return err
		}
	}
	if err := ts.t.Render(); err != nil {
		return err
	}
	_, err := w.Write(ts.buf.Bytes())
	return err
}

// noCache is a stringer cache that keeps nothing, and so costs nothing to clear.
type noCache struct{}

func (noCache) Add(reflect.Type, reflect.Value) bool        { return false }
func (noCache) Get(reflect.Type) (v reflect.Value, ok bool) { return v, false }
func (noCache) Purge()                                      {}

// MarkdownTable writes a Markdown (GitHub) table, numeric columns (right[i] true) right-aligned.
// Cells must already be escaped with Markdown.
func MarkdownTable(w io.StringWriter, header []string, rows [][]string, right []bool) {
	w.WriteString("|")
	for _, h := range header {
		w.WriteString(" " + h + " |")
	}
	w.WriteString("\n|")
	for i := range header {
		if i < len(right) && right[i] {
			w.WriteString("--:|")
		} else {
			w.WriteString("---|")
		}
	}
	w.WriteString("\n")
	for _, r := range rows {
		w.WriteString("|")
		for _, c := range r {
			w.WriteString(" " + c + " |")
		}
		w.WriteString("\n")
	}
}
