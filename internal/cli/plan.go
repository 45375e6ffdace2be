package cli

import (
	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/plan"
	"github.com/cbrn-tool/cbrn/internal/report"
	"github.com/cbrn-tool/cbrn/internal/score"
)

// PlanOptions are the inputs of `cbrn plan`.
type PlanOptions struct {
	Answers       string
	Questionnaire string
	Output        string
	Out           string
	Lang          string
	Target        string
}

func newPlanCmd(s *Streams, runF func(*PlanOptions) error) *cobra.Command {
	opts := &PlanOptions{}
	formats := report.PlanFormats()
	cmd := &cobra.Command{
		Use:   "plan ANSWERS",
		Short: "Draft a national CBRN action plan from an assessment's gaps",
		Long: `Draft a national CBRN action plan from the gaps of an assessment: the first
outline the national team completes and adopts.

The draft opens with a one-page summary: the overall figures, the actions by
priority with their likely lead agency, the pillars and the critical gaps.
Then one section per risk-mitigation activity type that closes a gap, in
priority order (the sum of weight x gap of its questions): its objective, the
gaps it addresses (question, current -> target level, pillar, hazards,
critical), the agencies likely to lead it (those tagged on its questions, the
ones holding the most gaps first), and empty fields for the lead agency,
partners, timeframe, budget and indicators. A last section lists the
information gaps: the questions answered "don't know".

Formats (-o): markdown (the default) and html (one self-contained page laid
out for A4, each action on a new page, to print or edit).

--target changes the target of every scale question, as in cbrn report: a
level (--target 3) or one level above the current answer (--target next, the
WHO benchmarks' step-by-step approach).

Exit status: 0 when done, 1 on error, 2 on bad usage.`,
		Example: `  cbrn plan national.answers.yaml --out plan.md
  cbrn plan national.answers.yaml -o html --out plan.html
  cbrn plan national.answers.yaml --target next --lang fr`,
		Args: exactArgs(1, "one answers file, e.g. cbrn plan national.answers.yaml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Answers = args[0]
			if err := checkFormat(opts.Output, formats...); err != nil {
				return err
			}
			if _, err := parseTarget(opts.Target); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runPlan(s, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Questionnaire, "questionnaire", "q", "", "shipped id or file (default: the answers' own)")
	addOutputFlag(cmd, &opts.Output, "markdown", formats...)
	cmd.Flags().Lookup("output").Usage = "markdown or html"
	cmd.Flags().StringVar(&opts.Out, "out", "", "write to `FILE` (0600) instead of stdout")
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "language: en or fr (default: the answers')")
	cmd.Flags().StringVar(&opts.Target, "target", "", "a level `N`, or \"next\" (one above each answer)")
	return cmd
}

func runPlan(s *Streams, opts *PlanOptions) error {
	target, err := parseTarget(opts.Target)
	if err != nil {
		return err
	}
	as, err := loadAssessment(opts.Answers, opts.Questionnaire)
	if err != nil {
		return err
	}
	printWarnings(s, as.Warnings)
	lang, err := workshopLanguage(s, as.Q, opts.Lang, as.A.Language)
	if err != nil {
		return err
	}
	res := score.Compute(as.Q, as.A, score.Options{Target: target})
	data, err := report.RenderPlan(opts.Output, plan.Build(res, as.A, target, lang))
	if err != nil {
		return err
	}
	return writeResult(s, opts.Out, as.inputs(), data)
}
