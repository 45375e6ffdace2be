package cli

import (
	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/plan"
	"github.com/cbrn-tool/cbrn/internal/score"
)

// PlanOptions are the inputs of `cbrn plan`.
type PlanOptions struct{ answersDoc }

func newPlanCmd(s *Streams, runF func(*PlanOptions) error) *cobra.Command {
	opts := &PlanOptions{}
	cmd := &cobra.Command{
		Use:   "plan ANSWERS",
		Short: "Draft a national action plan from an assessment's gaps",
		Long: `Draft a national CBRN action plan from the gaps of an assessment: the first
outline the national team completes and adopts, laid out as national action
plans are: theme, objective, actions.

One objective per section with gaps (a section with more than 15 gaps is
split into parts of at most 15), titled as the outcome it seeks, in priority
order (the sum of weight x gap of its actions). Each names:
- its lead agency: the agency listed first on its questions, weighted by
  the priority of their gaps (ties: the one of the first action);
- its supporting agencies: the others listed on its questions;
- a timeframe (see below) and the possible partners named on its questions;
- its actions: one per gap, critical first, with the question, its current
  and target levels, its activity types (the risk-mitigation activities that
  close it), a cost category and an indicator: the evidence that shows the
  target is met (the question's own text for its target level, else the
  scale's description of that level; "yes" or the best choice for other
  questions).
The "don't know" answers form their own objective, last: a needs assessment
to gather the facts. A summary counts the actions calling for each activity
type.

` + plan.TimeframeRule + `

` + plan.CategoryRule + `

Formats (-o): markdown (the default); html (one self-contained page for A4,
each objective's boxes to fill in kept with its actions); json (cbrn.plan/v1);
xlsx (an Objectives and an Actions sheet with blank columns for budget,
start, end, responsible officer and a status drop-down; needs --out or a
redirected stdout).

--target changes the target of every scale question, as in cbrn report: a
level (--target 3) or one level above the current answer (--target next, the
WHO benchmarks' step-by-step approach).

Exit status: 0 when done, 1 on error, 2 on bad usage.`,
		Example: `  cbrn plan national.answers.yaml --out plan.md
  cbrn plan national.answers.yaml -o html --out plan.html
  cbrn plan national.answers.yaml -o xlsx --out plan.xlsx
  cbrn plan national.answers.yaml --target next --lang fr`,
		Args: exactArgs(1, "one answers file, e.g. cbrn plan national.answers.yaml"),
		RunE: answersRunE(s, opts, &opts.answersDoc, runF, runPlan),
	}
	opts.add(cmd, plan.Formats(), answersUsage("language: en or fr (default: the answers')"))
	return cmd
}

func runPlan(s *Streams, opts *PlanOptions) error {
	target, err := parseTarget(opts.Target)
	if err != nil {
		return err
	}
	if opts.Output == "xlsx" && opts.Out == "" && s.OutTTY {
		return usageErrorf("an Excel workbook is binary: write it to a file with --out FILE.xlsx, or redirect stdout")
	}
	as, err := readAssessment(opts.Answers, opts.Questionnaire)
	if err != nil {
		return err
	}
	printWarnings(s, as.Warnings)
	lang, err := outputLanguage(s, as.Q, opts.Lang, as.A.Language)
	if err != nil {
		return err
	}
	res := score.Compute(as.Q, as.A, score.Options{Target: target})
	data, err := plan.Render(opts.Output, plan.Build(res, as.A, target, lang))
	if err != nil {
		return err
	}
	return writeResult(s, lang, opts.Out, as.inputs(), data)
}
