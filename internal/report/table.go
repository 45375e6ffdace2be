package report

import (
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Table renders a plain text table for terminals: headers kept as written, numeric columns
// (right[i] true) right-aligned, cells sanitised of terminal control sequences.
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

// Terminal makes a text from a user file safe to print on a terminal: control characters
// (escape sequences, carriage returns, bells…) are removed, tabs and line breaks become spaces.
func Terminal(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case isControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)
}
