package report

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
)

// CSVHeader is the header row of the CSV report: one row per question follows.
var CSVHeader = []string{"id", "section", "pillar", "hazards", "type", "text", "status", "answer",
	"level", "target_level", "score", "target", "gap", "weight", "priority", "critical", "activities",
	"agencies", "references", "confidence", "note"}

// renderCSV writes one row per question, in file order, with RFC 4180 quoting and line ends.
// Numbers are at full precision and empty when undefined. Lists are space-separated ids
// (references, which hold spaces, are separated by "; ").
func renderCSV(in Input) ([]byte, error) {
	r, lang := in.Result, Language(in)
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(CSVHeader); err != nil {
		return nil, err
	}
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
			answer = cell(answer)
		}
		row := []string{
			cell(x.ID), cell(x.Section), x.Pillar, strings.Join(x.Hazards, " "), string(x.Q.Type),
			cell(x.Q.Text.Get(lang)), string(x.Status), answer,
			level, targetLevel, csvNum(x.Score), csvNum(x.Target), csvNum(x.Gap),
			csvFloat(x.Weight), csvFloat(x.Priority), strconv.FormatBool(x.Critical),
			strings.Join(x.Activities, " "), cell(strings.Join(x.Q.Agencies, " ")),
			cell(strings.Join(x.Q.References, "; ")), cell(confidence), cell(note),
		}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
		return csvFloat(v), x.Q.Type == questionnaire.TypeNumber
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
	return csvFloat(*p)
}

// csvFloat is the shortest decimal that reads back as x, never in exponent form.
func csvFloat(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// cell neutralises a text cell a spreadsheet would read as a formula (=, +, -, @, tab or CR
// first) by prefixing a single quote. Numeric cells never pass through here.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
