package compare

import (
	"bytes"

	"github.com/cbrn-tool/cbrn/internal/export"
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
	var rows [][]export.Value
	txt := func(s string) export.Value { return export.Value{Kind: export.Text, S: s, Null: s == ""} }
	fl := func(p *float64) export.Value {
		if p == nil {
			return export.Value{Kind: export.Number, Null: true}
		}
		return export.Value{Kind: export.Number, F: *p}
	}
	val := func(f float64) export.Value { return export.Value{Kind: export.Number, F: f} }
	in2 := func(p *int) export.Value {
		if p == nil {
			return export.Value{Kind: export.Integer, Null: true}
		}
		return export.Value{Kind: export.Integer, F: float64(*p)}
	}
	rk := func(n int) export.Value {
		if n == 0 {
			return export.Value{Kind: export.Integer, Null: true}
		}
		return export.Value{Kind: export.Integer, F: float64(n)}
	}
	null := export.Value{Null: true}
	addGroup := func(level string, d Delta, pillar string) {
		rows = append(rows, []export.Value{txt(level), txt(d.ID), txt(pillar), txt(string(d.Trend)),
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
		rows = append(rows, []export.Value{txt("question"), txt(d.ID), txt(d.Pillar), txt(string(d.Change)),
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
		rows = append(rows, []export.Value{txt("activity"), txt(a.ID), null, txt(change),
			null, null, null, null, null, null, null, null, null, null, null, null, null,
			val(a.BasePriority), val(a.NewPriority), val(a.Change), rk(a.BaseRank), rk(a.NewRank)})
	}
	cols := make([]export.Column, len(csvColumns))
	for i, c := range csvColumns {
		cols[i] = export.Column{Name: c}
	}
	var buf bytes.Buffer
	w, err := export.NewCSV(&buf, cols)
	if err != nil {
		return nil, err
	}
	if err := w.Write(w.Encode(nil, export.Block{Rows: rows})); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
