package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// ValidateOptions are the inputs of `cbrn validate`.
type ValidateOptions struct {
	Files         []string
	Questionnaire string
}

func newValidateCmd(s *Streams, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [FILE...]",
		Short: "Check questionnaires and answers files",
		Long: `Check questionnaire and answers files, telling the two apart by their schema
key.

Every problem is reported, each on its own line as FILE:LINE:COL: message, with
the fix when it is obvious. Answers files are checked against the questionnaire
given with -q, else the version they name. With no FILE, every version of the
shipped questionnaires is checked.

Exit status: 0 when every file is valid, 1 when one is not, 2 on bad usage.`,
		Example: `  cbrn validate my-questionnaire.yaml
  cbrn validate cbrn-core.answers.yaml
  cbrn validate -q my-questionnaire.yaml answers/*.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return run(s, opts, runF, runValidate)
		},
	}
	addQuestionnaireFlag(cmd, &opts.Questionnaire, "check answers against it: shipped id or file")
	_ = cmd.RegisterFlagCompletionFunc("questionnaire", completeQuestionnaire)
	return cmd
}

func runValidate(s *Streams, opts *ValidateOptions) error {
	// -q is read once, before any file: a bad one is the user's call, not a problem of each file.
	var against *questionnaire.Questionnaire
	if opts.Questionnaire != "" {
		q, err := loadQuestionnaire(opts.Questionnaire)
		if err != nil {
			return err
		}
		against = q
	}
	failed := 0
	if len(opts.Files) == 0 {
		for _, id := range questionnaires.IDs() {
			for _, v := range questionnaires.Versions(id) {
				data, name, _ := questionnaires.Version(id, v)
				if !reportValidation(s, name, validateQuestionnaire(name, data)) {
					failed++
				}
			}
		}
	}
	for _, path := range opts.Files {
		data, err := questionnaire.ReadFileLimited(path, questionnaire.MaxFileSize)
		if err != nil {
			fmt.Fprintln(s.Err, diag.Printable(err.Error(), false))
			failed++
			continue
		}
		var res validation
		if isAnswersFile(path, data) {
			res = validateAnswers(path, data, against)
		} else {
			res = validateQuestionnaire(path, data)
		}
		if !reportValidation(s, path, res) {
			failed++
		}
	}
	if failed > 0 {
		return silentFailure(ExitError)
	}
	return nil
}

type validation struct {
	summary  string
	warnings []diag.Problem
	err      error
}

func reportValidation(s *Streams, name string, v validation) bool {
	printWarnings(s, v.warnings)
	if v.err != nil {
		var de *diag.Error
		if errors.As(v.err, &de) {
			fmt.Fprintln(s.Err, de.Error())
			fmt.Fprintln(s.Err, diag.Printable(fmt.Sprintf("%s: %d %s", name, de.Count(), diag.Plural(de.Count(), "problem", "problems")), false))
		} else if msg := v.err.Error(); strings.HasPrefix(msg, name+":") {
			fmt.Fprintln(s.Err, diag.Printable(msg, true)) // it names the file already
		} else {
			fmt.Fprintln(s.Err, diag.Printable(name+": "+msg, true))
		}
		return false
	}
	// The name and the version come from the user's files: no escape sequence reaches the terminal.
	fmt.Fprintln(s.Out, diag.Printable(name+": ok, "+v.summary, false))
	return true
}

// isAnswersFile tells an answers file from a questionnaire: by its schema; without a known one,
// by its top-level keys (answers, respondent); without those (an empty file, a list, a single
// value), by its name (*.answers.yaml), so that its problems are told about the right kind of file.
func isAnswersFile(path string, data []byte) bool {
	switch schemaOf(data) {
	case answers.Schema:
		return true
	case questionnaire.Schema:
		return false
	}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) == nil && len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
		m := doc.Content[0].Content
		for i := 0; i+1 < len(m); i += 2 {
			switch m[i].Value {
			case "answers", "respondent":
				return true
			case "sections", "scales", "title":
				return false
			}
		}
	}
	base := strings.ToLower(filepath.Base(path))
	return strings.HasSuffix(base, ".answers.yaml") || strings.HasSuffix(base, ".answers.yml")
}

func validateQuestionnaire(name string, data []byte) validation {
	q, err := questionnaire.Parse(name, data)
	if err != nil {
		return validation{err: err}
	}
	return validation{summary: fmt.Sprintf("questionnaire %s %s with %d questions (%d scored)",
		q.ID, q.Version, len(q.Questions), q.ScoredQuestions())}
}

// validateAnswers checks an answers file against q, or when q is nil the questionnaire it names.
func validateAnswers(path string, data []byte, q *questionnaire.Questionnaire) validation {
	a, err := answers.Parse(path, data)
	if err != nil {
		return validation{err: err}
	}
	if q == nil {
		if q, err = questionnaireFor(a, ""); err != nil {
			return validation{err: err}
		}
	}
	warnings, err := a.Check(q)
	if err != nil {
		return validation{warnings: warnings, err: err}
	}
	var values, na, unknown int
	for _, x := range a.Answers {
		switch {
		case x.NA:
			na++
		case x.Unknown:
			unknown++
		default:
			values++
		}
	}
	return validation{warnings: warnings, summary: fmt.Sprintf("%d %s to %s %s (%d given, %d not applicable, %d don't know)",
		len(a.Answers), diag.Plural(len(a.Answers), "answer", "answers"), q.ID, q.Version, values, na, unknown)}
}
