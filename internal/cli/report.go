package cli

import (
	"cmp"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/report"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// ReportOptions are the inputs of `cbrn report`.
type ReportOptions struct{ answersDoc }

func newReportCmd(s *Streams, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{}
	cmd := &cobra.Command{
		Use:   "report ANSWERS",
		Short: "Score an assessment and report its gaps and activities",
		Long: `Score an answers file and report the readiness figures, the gaps and the
risk-mitigation activities that close them.

The report gives the overall score (0-100), a conservative score that counts
"don't know" as 0, and the completeness (the share of applicable questions
answered); then the four pillars, the four hazards, a pillar x hazard grid,
the gaps (critical first, then by priority = weight x gap) and the activity
types ranked by the priority of the gaps they close. Scores below 75 %
completeness are marked indicative.

Formats (-o):
  table     for the terminal, 80 columns wide (the default)
  markdown  the same briefing with every gap and the sections, for a report
  json      cbrn.report/v1: every figure at full precision, for other tools
  csv       one row per question, for spreadsheets
  html      one self-contained page with charts, to project or print

The questionnaire is the one the answers file names (a shipped one, or
<id>.yaml beside it) unless -q gives another. --target changes the target of
every scale question: a level (--target 3) or one level above the current
answer (--target next); both stop at the scale's top level. --lang writes the
report in a language of the questionnaire or of the tool (en, fr); by default
in the answers file's.

Warnings go to stderr: a questionnaire changed since the answers were given,
answers to questions it does not have, and low completeness.

Exit status: 0 ok (warnings included), 1 unreadable or invalid files, 2 bad
usage.`,
		Example: `  cbrn report cbrn-core.answers.yaml
  cbrn report cbrn-core.answers.yaml -o html --out briefing.html
  cbrn report cbrn-core.answers.yaml -o json | jq .overall
  cbrn report cbrn-core.answers.yaml --target next --lang fr
  cbrn report answers.yaml -q my-questionnaire.yaml -o csv --out gaps.csv`,
		Args: exactArgs(1, "one answers file, e.g. cbrn report cbrn-core.answers.yaml"),
		RunE: answersRunE(s, opts, &opts.answersDoc, runF, runReport),
	}
	opts.add(cmd, report.Formats(), answersUsage("language (default: the answers file's; see above)"))
	return cmd
}

func runReport(s *Streams, opts *ReportOptions) error {
	target, err := parseTarget(opts.Target)
	if err != nil {
		return err
	}
	as, err := readAssessment(opts.Answers, opts.Questionnaire)
	if err != nil {
		return err
	}
	printWarnings(s, as.Warnings)
	noteNewerVersion(s, as, opts.Questionnaire)
	lang, err := outputLanguage(s, as.Q, opts.Lang, as.A.Language)
	if err != nil {
		return err
	}
	res := score.Compute(as.Q, as.A, score.Options{Target: target})
	warnCompleteness(s, res.Overall)

	in := report.Input{Result: res, Answers: as.A, Lang: lang,
		Color: opts.Output == "table" && opts.Out == "" && s.Color()}
	data, err := report.Render(opts.Output, in)
	if err != nil {
		return err
	}
	return writeResult(s, cmp.Or(opts.Lang, as.A.Language), opts.Out, as.inputs(), data)
}

// warnCompleteness warns when the scores rest on too few answers to be more than indicative.
func warnCompleteness(s *Streams, g score.Group) {
	applicable := g.Answered + g.Unknown + g.Unanswered
	switch {
	case g.Completeness == nil:
		fmt.Fprintf(s.Err, "warning: no question applies (all are not applicable or skipped): there is nothing to score\n")
	case *g.Completeness < report.IndicativeBelow:
		fmt.Fprintf(s.Err, "warning: only %d of %d applicable questions have an answer (%s; %d don't know, %d unanswered): the scores are indicative\n",
			g.Answered, applicable, words.For("en").Percent(g.Completeness), g.Unknown, g.Unanswered)
	}
}
