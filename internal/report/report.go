// Package report renders a scored assessment (score.Result) in the formats of `cbrn report`:
// table, markdown, json, csv and html, one renderer per file. Renderers are pure: the same
// input gives the same bytes.
package report

import (
	"fmt"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/score"
)

// Formats are the formats Render knows, the default first.
var formats = []string{"table", "markdown", "json", "csv", "html"}

// Formats lists the formats Render knows, the default (table) first.
func Formats() []string { return append([]string(nil), formats...) }

// Input is what every renderer reads.
type Input struct {
	Result  *score.Result
	Answers *answers.File // the answers scored; its respondent and dates head the report
	// Lang is the language of the questionnaire's texts and of the tool's own words. "" means the
	// answers file's language when the questionnaire has it, else the questionnaire's first.
	Lang string
	// Color lets the table use ANSI colours and bold; set it only for a terminal that takes them.
	Color bool
}

// Render renders the result in a format: table, markdown, json, csv or html.
func Render(format string, in Input) ([]byte, error) {
	if in.Result == nil || in.Answers == nil {
		return nil, fmt.Errorf("report: nothing to render (no result or no answers)")
	}
	switch format {
	case "table":
		return renderTable(in), nil
	case "markdown":
		return renderMarkdown(in), nil
	case "json":
		return renderJSON(in)
	case "csv":
		return renderCSV(in)
	case "html":
		return renderHTML(in)
	}
	return nil, fmt.Errorf("report: unknown format %q (one of table, markdown, json, csv, html)", format)
}

// Language is the language a report on in is written in: in.Lang when given, else the answers
// file's language when the questionnaire has it, else the questionnaire's first language.
func Language(in Input) string {
	if in.Lang != "" {
		return in.Lang
	}
	q := in.Result.Questionnaire
	if in.Answers != nil && in.Answers.Language != "" && q.HasLanguage(in.Answers.Language) {
		return in.Answers.Language
	}
	return q.DefaultLanguage()
}
