package plan

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/cbrn-tool/cbrn/internal/export"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/internal/xlsx"
)

// The plan workbook: an Objectives sheet and an Actions sheet, each with a frozen header, an
// autofilter, A4 landscape printing fitted to the page width with the header repeated, and
// typed blank columns for the national team to fill in: budget (a number), start and end
// (dates), responsible officer (text) and status (a drop-down list).

// xlsxSpareRows is how many rows below the data keep the typed blank columns and the status
// drop-down, for actions the team adds.
const xlsxSpareRows = 200

// xlsxColumn is one column of a sheet: its title, width, and the kind of its cells.
type xlsxColumn struct {
	title string
	width float64
	kind  string // "text", "wrap", "int", "number", "date", "status"
	blank bool   // a column left for the team to fill in
}

type xlsxStyles struct {
	header, fill, text, wrap, number, budget, date, int int
}

func renderXLSX(v *view) ([]byte, error) {
	var b bytes.Buffer
	wb := xlsx.New(&b, xlsx.Options{})
	w := v.W
	st, err := xlsxMakeStyles(wb)
	if err != nil {
		return nil, err
	}
	blank := []xlsxColumn{{w.budget, 16, "budget", true}, {w.start, 12, "date", true}, {w.end, 12, "date", true},
		{w.officer, 24, "text", true}, {w.status, 14, "status", true}}

	objCols := append([]xlsxColumn{{w.rank, 5, "int", false}, {w.id, 22, "text", false}, {w.objective, 48, "wrap", false},
		{w.pillar, 14, "text", false}, {w.sections, 22, "wrap", false}, {textfmt.Capitalise(w.priority), 10, "number", false},
		{w.lead, 28, "wrap", false}, {w.supporting, 34, "wrap", false}, {w.timeframe, 11, "text", false},
		{w.partners, 26, "wrap", false}, {w.actions, 9, "int", false}, {w.critical, 9, "int", false}}, blank...)
	var objRows [][]any
	for _, o := range v.Objectives {
		lead := ""
		if o.LeadID != "" {
			lead = o.Lead
		}
		objRows = append(objRows, []any{o.Rank, o.ID, o.Title, o.Pillar, o.SectionsList, o.PriorityValue, lead,
			joinOr(o.SupportingList, ""), o.TimeframeShort, joinOr(o.PartnersList, ""), o.ActionCount, o.Critical})
	}
	actCols := append([]xlsxColumn{{w.rank, 5, "int", false}, {w.objective, 30, "wrap", false},
		{w.question, 12, "text", false}, {w.questionText, 50, "wrap", false}, {w.critical, 9, "text", false},
		{w.from, 16, "wrap", false}, {w.to, 16, "wrap", false}, {w.activities, 28, "wrap", false},
		{w.category, 14, "text", false}, {w.indicator, 44, "wrap", false}, {w.whoMayKnow, 28, "wrap", false}}, blank...)
	var actRows [][]any
	for _, o := range v.Objectives {
		for _, a := range o.Actions {
			crit := ""
			if a.Critical {
				crit = "★"
			}
			actRows = append(actRows, []any{o.Rank, o.Title, a.ID, a.Text, crit, a.From, a.To, a.Activities,
				a.Category, a.Indicator, a.Agencies})
		}
	}
	for _, s := range []struct {
		name string
		cols []xlsxColumn
		rows [][]any
	}{{w.objectivesSheet, objCols, objRows}, {w.actionsSheet, actCols, actRows}} {
		if err := xlsxSheet(wb, st, s.name, s.cols, s.rows, w.statuses); err != nil {
			wb.Abort()
			return nil, err
		}
	}
	if err := wb.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func xlsxMakeStyles(wb *xlsx.Workbook) (xlsxStyles, error) {
	var err error
	mk := func(s xlsx.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = wb.Style(s)
		return id
	}
	var s xlsxStyles
	s.header = mk(xlsx.Style{Bold: true, Color: "1F3864", Fill: "DCE6F1", Bottom: "8EA9DB", Vertical: "center", Wrap: true})
	s.fill = mk(xlsx.Style{Bold: true, Color: "5C4400", Fill: "FFF2CC", Bottom: "BF9000", Vertical: "center", Wrap: true})
	s.text = mk(xlsx.Style{Vertical: "top", Format: "@"})
	s.wrap = mk(xlsx.Style{Vertical: "top", Wrap: true})
	s.number = mk(xlsx.Style{Vertical: "top", Format: "0.0"})
	s.budget = mk(xlsx.Style{Vertical: "top", Format: "#,##0"})
	s.date = mk(xlsx.Style{Vertical: "top", Format: "yyyy-mm-dd"})
	s.int = mk(xlsx.Style{Vertical: "top"})
	return s, err
}

// xlsxSheet fills one sheet: header, rows, column types and widths, the blank columns' types
// down to the spare rows, the status drop-down, frozen header, autofilter and print setup.
func xlsxSheet(wb *xlsx.Workbook, st xlsxStyles, name string, cols []xlsxColumn, rows [][]any, statuses []string) error {
	sh, err := wb.AddSheet(name)
	if err != nil {
		return err
	}
	byKind := map[string]int{"text": st.text, "wrap": st.wrap, "int": st.int, "number": st.number,
		"budget": st.budget, "date": st.date, "status": st.text}
	styles := make([]int, len(cols))
	cells := make([]xlsx.Cell, len(cols))
	for i, c := range cols {
		styles[i] = byKind[c.kind]
		hs := st.header
		if c.blank {
			hs = st.fill
		}
		cells[i] = xlsx.Text(c.title, hs)
		if err := sh.SetColWidth(i+1, c.width); err != nil {
			return err
		}
	}
	if err := sh.WriteRowHeight(30, cells); err != nil {
		return err
	}
	for _, row := range rows {
		// Rows tall enough for their wrapped texts: spreadsheets do not grow a row on opening.
		lines := 1
		for i := range cells {
			cells[i] = xlsx.Blank(styles[i])
			if i >= len(row) {
				continue
			}
			switch v := row[i].(type) {
			case string:
				if cols[i].kind == "wrap" {
					lines = max(lines, wrappedLines(v, cols[i].width))
				}
				if v != "" {
					cells[i] = xlsx.Text(textfmt.Cell(v), styles[i])
				}
			case int:
				cells[i] = xlsx.Int(int64(v), styles[i])
			case float64:
				cells[i] = xlsx.Number(v, styles[i])
			}
		}
		if err := sh.WriteRowHeight(min(float64(lines)*12.75+3, xlsx.MaxRowHeight), cells); err != nil {
			return err
		}
	}
	// Spare rows below the data keep the blank columns' types, for actions the team adds.
	last := len(rows) + 1 + xlsxSpareRows
	for i, c := range cols {
		cells[i] = xlsx.Cell{}
		if c.blank {
			cells[i] = xlsx.Blank(styles[i])
		}
	}
	for r := len(rows) + 2; r <= last; r++ {
		if err := sh.WriteRow(cells); err != nil {
			return err
		}
	}
	for i, c := range cols {
		if c.kind == "status" {
			if err := sh.SetList(i+1, 2, last, statuses); err != nil {
				return err
			}
		}
	}
	sh.FreezeRows(1)
	sh.AutoFilter(len(cols), len(rows)+1)
	export.PrintSetup(sh)
	return nil
}

// wrappedLines estimates how many lines a text takes in a column of the given width (in
// characters of the default font), wrapped at spaces.
func wrappedLines(s string, width float64) int {
	per := max(1, int(width*1.15)-2)
	lines := 0
	for _, para := range strings.Split(s, "\n") {
		n, line := 1, 0
		for _, word := range strings.Fields(para) {
			l := utf8.RuneCountInString(word)
			switch {
			case line == 0:
				line = l
			case line+1+l <= per:
				line += 1 + l
			default:
				n++
				line = l
			}
			for line > per { // a word longer than the column
				n++
				line -= per
			}
		}
		lines += n
	}
	return lines
}
