package compare

import (
	"fmt"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// Formats returns the output formats of a comparison; the first is the default.
func Formats() []string { return []string{"table", "markdown", "json", "csv"} }

// Side is one of the two assessments compared.
type Side struct {
	Path string
	A    *answers.File
}

// Input is what a rendering needs: the questionnaire, both sides and their comparison.
type Input struct {
	Q         *questionnaire.Questionnaire
	Base, New Side
	Lang      string // language of titles; "" for the questionnaire's default
	Result    *Result
}

// Render renders a comparison in one of the Formats.
func Render(format string, in Input) ([]byte, error) {
	if in.Lang == "" {
		in.Lang = in.Q.DefaultLanguage()
	}
	switch format {
	case "table":
		return renderText(in, false)
	case "markdown":
		return renderText(in, true)
	case "json":
		return renderJSON(in)
	case "csv":
		return renderCSV(in)
	}
	return nil, fmt.Errorf("unknown format %q", format)
}
