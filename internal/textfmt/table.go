package textfmt

import (
	"bytes"
	"io"
	"reflect"
	"strings"

	"github.com/olekukonko/ll"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Table writes a plain text table for terminals: headers kept as written, numeric columns
// (right[i] true) right-aligned, cells made safe with Terminal.
func Table(w io.Writer, header []string, rows [][]string, right []bool) error {
	var t Tables
	return t.Table(w, header, rows, right)
}

// Tables writes several tables as Table does. Every table is drawn by tablewriter's renderer.
// A table of one-line cells, which is every table cbrn writes, goes to the renderer directly,
// line by line: tablewriter's Table would first allocate a 10,240-entry stringer cache (417 KB
// that a report touched for nothing, a tenth of its run) and prepare merges, captions and
// wrapping cbrn does not use; it draws the same bytes (TestTablesDirectAsTablewriter,
// FuzzTablesDirect). Any other table goes through a tablewriter Table, one for all the tables.
type Tables struct {
	buf bytes.Buffer
	t   *tablewriter.Table
}

// Table writes one table as the function Table does.
func (ts *Tables) Table(w io.Writer, header []string, rows [][]string, right []bool) error {
	clean := make([][]string, len(rows))
	for i, r := range rows {
		clean[i] = make([]string, len(r))
		for j, c := range r {
			clean[i][j] = Terminal(c)
		}
	}
	ts.buf.Reset()
	if !direct(&ts.buf, header, clean, right) {
		if err := ts.table(header, clean, right); err != nil {
			return err
		}
	}
	_, err := w.Write(ts.buf.Bytes())
	return err
}

// table draws a table through a tablewriter Table, into ts.buf.
func (ts *Tables) table(header []string, rows [][]string, right []bool) error {
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: alignments(len(header), right)}),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithStringerCacheCustom(noCache{}),
	}
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
		if err := ts.t.Append(r); err != nil {
			return err
		}
	}
	return ts.t.Render()
}

// alignments are the columns' alignments: right where right[i], else left.
func alignments(n int, right []bool) tw.Alignment {
	align := make(tw.Alignment, n)
	for i := range align {
		align[i] = tw.AlignLeft
		if i < len(right) && right[i] {
			align[i] = tw.AlignRight
		}
	}
	return align
}

// direct draws with tablewriter's renderer, as a tablewriter Table of these options would, a
// table whose every row has the header's cells and whose every cell is one line without
// surrounding space or tabs; it reports false, drawing nothing, for any other table.
func direct(b *bytes.Buffer, header []string, rows [][]string, right []bool) bool {
	n := len(header)
	if n == 0 || len(rows) == 0 {
		return false
	}
	widths := tw.NewMapper[int, int]()
	for i, c := range header {
		if !oneLine(c) {
			return false
		}
		widths.Set(i, twwidth.Width(c)+2)
	}
	for _, r := range rows {
		if len(r) != n {
			return false
		}
		for i, c := range r {
			if !oneLine(c) {
				return false
			}
			if w := twwidth.Width(c) + 2; w > widths.Get(i) {
				widths.Set(i, w)
			}
		}
	}
	align := alignments(n, right)
	pad := tw.Padding{Left: " ", Right: " ", Overwrite: true}
	// Two maps of cells, the header's and the row's, refilled row after row: the renderer
	// reads them while drawing a line and keeps nothing of them.
	cells := func(m map[int]tw.CellContext, r []string, header bool) map[int]tw.CellContext {
		for i, c := range r {
			a := align[i]
			if header {
				a = tw.AlignLeft
			}
			m[i] = tw.CellContext{Data: c, Align: a, Padding: pad, Width: widths.Get(i)}
		}
		return m
	}
	r := renderer.NewBlueprint()
	// The renderer's logger is disabled, yet formats every debug message it then drops (a
	// third of the drawing) unless it is suspended.
	r.Logger(ll.New("table").Suspend())
	_ = r.Start(b)
	head := cells(make(map[int]tw.CellContext, n), header, true)
	r.Line(tw.Formatting{Row: tw.RowContext{Widths: widths, Next: head, Position: tw.Header,
		Location: tw.LocationFirst}, Level: tw.LevelHeader})
	r.Header([][]string{header}, tw.Formatting{Row: tw.RowContext{Widths: widths, Current: head,
		Position: tw.Header, Location: tw.LocationFirst}, Level: tw.LevelHeader, NormalizedWidths: widths})
	cur := cells(make(map[int]tw.CellContext, n), rows[0], false)
	r.Line(tw.Formatting{Row: tw.RowContext{Widths: widths, Current: head, Next: cur, Position: tw.Header,
		Location: tw.LocationMiddle}, Level: tw.LevelBody})
	for i, row := range rows {
		loc := tw.LocationMiddle
		if i == len(rows)-1 {
			loc = tw.LocationEnd
		}
		if i > 0 {
			cells(cur, row, false)
		}
		r.Row(row, tw.Formatting{Row: tw.RowContext{Widths: widths, Current: cur, Position: tw.Row,
			Location: loc}, Level: tw.LevelBody, NormalizedWidths: widths})
	}
	r.Line(tw.Formatting{Row: tw.RowContext{Widths: widths, Current: cur, Position: tw.Row,
		Location: tw.LocationEnd}, Level: tw.LevelFooter})
	_ = r.Close()
	return true
}

// oneLine reports whether a cell is one line that a tablewriter Table keeps as it is: no line
// break or tab, and no space at either end (the Table trims it).
func oneLine(c string) bool {
	return !strings.ContainsAny(c, "\n\r\t\v\f") && strings.TrimSpace(c) == c
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
