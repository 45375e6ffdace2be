package compare

import (
	"strconv"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// csvColumns are the columns of the CSV comparison: one row per item of every level (overall,
// pillar, hazard, section, question, activity), all of them, changed or not.
var csvColumns = []string{"level", "id", "pillar", "change",
	"base_score", "new_score", "score_change",
	"base_conservative", "new_conservative", "base_gap", "new_gap",
	"base_completeness", "new_completeness",
	"base_status", "new_status", "base_level", "new_level",
	"base_priority", "new_priority", "priority_change", "base_rank", "new_rank"}

func renderCSV(in Input) ([]byte, error) {
	r := in.Result
	var rows [][]string
	// Text cells pass the spreadsheet guard; numbers are written in full; undefined is empty.
	txt := textfmt.Cell
	fl := func(p *float64) string {
		if p == nil {
			return ""
		}
		return textfmt.FormatNumber(*p)
	}
	val := textfmt.FormatNumber
	in2 := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	rk := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	null := ""
	addGroup := func(level string, d Delta, pillar string) {
		rows = append(rows, []string{txt(level), txt(d.ID), txt(pillar), txt(string(d.Trend)),
			fl(d.Base.Score), fl(d.New.Score), fl(d.Score),
			fl(d.Base.Conservative), fl(d.New.Conservative), fl(d.Base.Gap), fl(d.New.Gap),
			fl(d.Base.Completeness), fl(d.New.Completeness),
			null, null, null, null, null, null, null, null, null})
	}
	addGroup("overall", r.Overall, "")
	for _, d := range r.Pillars {
		addGroup("pillar", d, d.ID)
	}
	for _, d := range r.Hazards {
		addGroup("hazard", d, "")
	}
	for _, d := range r.Sections {
		addGroup("section", d, d.Pillar)
	}
	for _, d := range r.Questions {
		rows = append(rows, []string{txt("question"), txt(d.ID), txt(d.Pillar), txt(string(d.Change)),
			fl(d.Base.Score), fl(d.New.Score), fl(d.Score),
			null, null, fl(d.Base.Gap), fl(d.New.Gap), null, null,
			txt(string(d.Base.Status)), txt(string(d.New.Status)), in2(d.Base.Level), in2(d.New.Level),
			val(d.Base.Priority), val(d.New.Priority), val(d.Priority), null, null})
	}
	for _, a := range r.Activities {
		change := "unchanged"
		switch {
		case a.Rose():
			change = "rose"
		case a.Fell():
			change = "fell"
		}
		rows = append(rows, []string{txt("activity"), txt(a.ID), null, txt(change),
			null, null, null, null, null, null, null, null, null, null, null, null, null,
			val(a.BasePriority), val(a.NewPriority), val(a.Change), rk(a.BaseRank), rk(a.NewRank)})
	}
	buf := textfmt.AppendCSVRecord(nil, csvColumns)
	for _, row := range rows {
		buf = textfmt.AppendCSVRecord(buf, row)
	}
	return buf, nil
}
