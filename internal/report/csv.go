package report

import (
	"strconv"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// CSVHeader is the header row of the CSV report: one row per question follows.
var CSVHeader = []string{"id", "section", "pillar", "hazards", "type", "text", "status", "answer",
	"level", "target_level", "score", "target", "gap", "weight", "priority", "critical", "activities",
	"agencies", "references", "confidence", "note"}

// renderCSV writes one row per question, in file order, with RFC 4180 quoting and line ends
// (textfmt's CSV encoder, as cbrn export). Numbers are at full precision and empty when undefined. Lists are space-separated ids
// (references, which hold spaces, are separated by "; ").
func renderCSV(in Input) ([]byte, error) {
	r, lang := in.Result, Language(in)
	buf := textfmt.AppendCSVRecord(nil, CSVHeader)
	for i := range r.Questions {
		x := &r.Questions[i]
		a := in.Answers.Get(x.ID)
		var confidence, note string
		if a != nil {
			confidence, note = a.Confidence, a.Note
		}
		level, targetLevel := "", ""
		if x.Level != nil {
			level = strconv.Itoa(*x.Level)
		}
		if x.TargetLv != nil {
			targetLevel = strconv.Itoa(*x.TargetLv)
		}
		answer, numeric := csvAnswer(x, in)
		if !numeric {
			answer = textfmt.Cell(answer)
		}
		row := []string{
			textfmt.Cell(x.ID), textfmt.Cell(x.Section), x.Pillar, strings.Join(x.Hazards, " "), string(x.Q.Type),
			textfmt.Cell(x.Q.Text.Get(lang)), string(x.Status), answer,
			level, targetLevel, csvNum(x.Score), csvNum(x.Target), csvNum(x.Gap),
			textfmt.FormatNumber(x.Weight), textfmt.FormatNumber(x.Priority), strconv.FormatBool(x.Critical),
			strings.Join(x.Activities, " "), textfmt.Cell(strings.Join(x.Q.Agencies, " ")),
			textfmt.Cell(strings.Join(x.Q.References, "; ")), textfmt.Cell(confidence), textfmt.Cell(note),
		}
		buf = textfmt.AppendCSVRecord(buf, row)
	}
	return buf, nil
}

// csvAnswer is the answer's value as the answers file writes it (a level, true/false, a choice
// id, space-separated choice ids, a number, a text); numeric tells whether it is a number.
func csvAnswer(x *score.Question, in Input) (string, bool) {
	a := in.Answers.Get(x.ID)
	if !a.HasValue() {
		return "", false
	}
	switch v := a.Value.(type) {
	case int:
		return strconv.Itoa(v), true
	case float64:
		return textfmt.FormatNumber(v), x.Q.Type == questionnaire.TypeNumber
	case bool:
		return strconv.FormatBool(v), false
	case string:
		return v, false
	case []string:
		return strings.Join(v, " "), false
	}
	return "", false
}

func csvNum(p *float64) string {
	if p == nil {
		return ""
	}
	return textfmt.FormatNumber(*p)
}
