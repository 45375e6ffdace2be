package plan

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/cbrn-tool/cbrn/internal/export"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
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
	f := excelize.NewFile()
	defer f.Close()
	w := v.W
	st, err := xlsxMakeStyles(f)
	if err != nil {
		return nil, err
	}
	blank := []xlsxColumn{{w.budget, 16, "budget", true}, {w.start, 12, "date", true}, {w.end, 12, "date", true},
		{w.officer, 24, "text", true}, {w.status, 14, "status", true}}

	objCols := append([]xlsxColumn{{w.rank, 5, "int", false}, {w.id, 22, "text", false}, {w.objective, 48, "wrap", false},
		{w.pillar, 14, "text", false}, {w.sections, 22, "wrap", false}, {titleCase(w.priorityWord()), 10, "number", false},
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
	if err := f.SetSheetName("Sheet1", w.objectivesSheet); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet(w.actionsSheet); err != nil {
		return nil, err
	}
	for _, s := range []struct {
		name string
		cols []xlsxColumn
		rows [][]any
	}{{w.objectivesSheet, objCols, objRows}, {w.actionsSheet, actCols, actRows}} {
		if err := xlsxSheet(f, st, s.name, s.cols, s.rows, w.statuses); err != nil {
			return nil, err
		}
	}
	f.SetActiveSheet(0)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func (w words) priorityWord() string {
	if w.decimalComma == "," {
		return "priorité"
	}
	return "priority"
}

func xlsxMakeStyles(f *excelize.File) (xlsxStyles, error) {
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	oneDecimal, money, day, text := "0.0", "#,##0", "yyyy-mm-dd", "@"
	var s xlsxStyles
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F3864"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 2}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	s.fill = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "5C4400"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "BF9000", Style: 2}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	s.text = mk(&excelize.Style{Alignment: top, CustomNumFmt: &text})
	s.wrap = mk(&excelize.Style{Alignment: wrapTop})
	s.number = mk(&excelize.Style{Alignment: top, CustomNumFmt: &oneDecimal})
	s.budget = mk(&excelize.Style{Alignment: top, CustomNumFmt: &money})
	s.date = mk(&excelize.Style{Alignment: top, CustomNumFmt: &day})
	s.int = mk(&excelize.Style{Alignment: top})
	return s, err
}

// xlsxSheet fills one sheet: header, rows, column types and widths, the blank columns' types
// down to the spare rows, the status drop-down, frozen header, autofilter and print setup.
func xlsxSheet(f *excelize.File, st xlsxStyles, name string, cols []xlsxColumn, rows [][]any, statuses []string) error {
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = c.title
	}
	if err := f.SetSheetRow(name, "A1", &header); err != nil {
		return err
	}
	for r, row := range rows {
		cells := make([]any, len(row))
		for i, v := range row {
			if s, ok := v.(string); ok {
				v = textfmt.Cell(s)
			}
			cells[i] = v
		}
		ref, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := f.SetSheetRow(name, ref, &cells); err != nil {
			return err
		}
	}
	// Rows tall enough for their wrapped texts: spreadsheets do not grow a row on opening.
	for r, row := range rows {
		lines := 1
		for i, v := range row {
			if str, ok := v.(string); ok && cols[i].kind == "wrap" {
				lines = max(lines, wrappedLines(str, cols[i].width))
			}
		}
		if err := f.SetRowHeight(name, r+2, min(float64(lines)*12.75+3, excelize.MaxRowHeight)); err != nil {
			return err
		}
	}
	last := len(rows) + 1 + xlsxSpareRows
	for i, c := range cols {
		col := colName(i + 1)
		if err := f.SetColWidth(name, col, col, c.width); err != nil {
			return err
		}
		style := map[string]int{"text": st.text, "wrap": st.wrap, "int": st.int, "number": st.number,
			"budget": st.budget, "date": st.date, "status": st.text}[c.kind]
		to := len(rows) + 1
		if c.blank {
			to = last
		}
		if to >= 2 {
			if err := f.SetCellStyle(name, col+"2", fmt.Sprintf("%s%d", col, to), style); err != nil {
				return err
			}
		}
		hs := st.header
		if c.blank {
			hs = st.fill
		}
		if err := f.SetCellStyle(name, col+"1", col+"1", hs); err != nil {
			return err
		}
		if c.kind == "status" {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, last)
			if err := dv.SetDropList(statuses); err != nil {
				return err
			}
			if err := f.AddDataValidation(name, dv); err != nil {
				return err
			}
		}
	}
	if err := f.SetRowHeight(name, 1, 30); err != nil {
		return err
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	end, _ := excelize.CoordinatesToCellName(len(cols), max(len(rows)+1, 2))
	if err := f.AutoFilter(name, "A1:"+end, nil); err != nil {
		return err
	}
	return export.PrintSetup(f, name)
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

func colName(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}
