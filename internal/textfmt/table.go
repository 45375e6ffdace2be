package textfmt

import (
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Table writes a plain text table for terminals: headers kept as written, numeric columns
// (right[i] true) right-aligned, cells made safe with Terminal.
func Table(w io.Writer, header []string, rows [][]string, right []bool) error {
	align := make(tw.Alignment, len(header))
	for i := range align {
		align[i] = tw.AlignLeft
		if i < len(right) && right[i] {
			align[i] = tw.AlignRight
		}
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
	)
	h := make([]any, len(header))
	for i, x := range header {
		h[i] = x
	}
	t.Header(h...)
	for _, r := range rows {
		clean := make([]string, len(r))
		for i, c := range r {
			clean[i] = Terminal(c)
		}
		if err := t.Append(clean); err != nil {
			return err
		}
	}
	return t.Render()
}

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
