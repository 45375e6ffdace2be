package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/handout"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// PrintOptions are the inputs of `cbrn print`.
type PrintOptions struct {
	docFlags
	Pillars  []string
	Agencies []string
}

func newPrintCmd(s *Streams, runF func(*PrintOptions) error) *cobra.Command {
	opts := &PrintOptions{}
	cmd := &cobra.Command{
		Use:   "print",
		Short: "Print the questionnaire as a handout to fill in by hand",
		Long: `Print a questionnaire as a handout for a workshop: every question with its
guidance, its sources, the agencies that hold the answer, a tick box for each
answer (each capacity level with its descriptor), "don't know", "not
applicable" where allowed, the confidence, and room for notes and evidence.

Formats (-o):
  markdown  the default; convert or paste it anywhere
  html      one self-contained page laid out for A4: a cover page with the
            respondent's fields and how to answer, a table of contents, each
            section on a new page. Open it in a browser and print it.

--pillar and --agency keep only the questions of some pillars, or those tagged
with some agencies: the same questions 'cbrn assess --pillar/--agency' asks, so
that each agency gets the part it answers. Both are repeatable and take
comma-separated lists.

Exit status: 0 when done, 1 on error, 2 on bad usage.`,
		Example: `  cbrn print -o html --out handout.html
  cbrn print -q cbrn-quick --lang fr -o html --out fiche.html
  cbrn print --agency health --agency customs -o html --out health-customs.html
  cbrn print --pillar detection,response > detection-response.md`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(); err != nil {
				return err
			}
			if err := checkPillars(opts.Pillars); err != nil {
				return err
			}
			return run(s, opts, runF, runPrint)
		},
	}
	opts.add(cmd, handout.Formats(), docUsage{
		Questionnaire: "shipped id or file (default: " + DefaultQuestionnaire + ")",
		Out:           outUsage,
		Lang:          "language (default: the questionnaire's first)",
	})
	cmd.Flags().StringSliceVar(&opts.Pillars, "pillar", nil, "only questions of this pillar; repeatable")
	cmd.Flags().StringSliceVar(&opts.Agencies, "agency", nil, "only questions tagged with this agency id")
	_ = cmd.RegisterFlagCompletionFunc("agency", completeIDs(agencyIDs))
	_ = cmd.RegisterFlagCompletionFunc("pillar", cobra.FixedCompletions(questionnaire.Pillars(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// checkPillars refuses a pillar that does not exist, listing those that do.
func checkPillars(pillars []string) error {
	for _, p := range pillars {
		if !slices.Contains(questionnaire.Pillars(), p) {
			return usageErrorf("unknown pillar %q; use one of: %s", p, strings.Join(questionnaire.Pillars(), ", "))
		}
	}
	return nil
}

// checkAgencies refuses an agency the questionnaire does not name, listing those it does.
func checkAgencies(q *questionnaire.Questionnaire, agencies []string) error {
	for _, a := range agencies {
		if _, ok := q.Agency(a); ok {
			continue
		}
		if len(q.Agencies) == 0 {
			return usageErrorf("unknown agency %q: questionnaire %s tags its questions with no agency", a, q.ID)
		}
		ids := make([]string, len(q.Agencies))
		for i, x := range q.Agencies {
			ids[i] = x.ID
		}
		return usageErrorf("unknown agency %q; questionnaire %s names: %s", a, q.ID, strings.Join(ids, ", "))
	}
	return nil
}

func runPrint(s *Streams, opts *PrintOptions) error {
	q, err := loadQuestionnaire(opts.Questionnaire)
	if err != nil {
		return err
	}
	if err := checkAgencies(q, opts.Agencies); err != nil {
		return err
	}
	lang, err := outputLanguage(s, q, opts.Lang, "")
	if err != nil {
		return err
	}
	if len(handout.Questions(q, opts.Pillars, opts.Agencies)) == 0 {
		return fmt.Errorf("no question of %s matches --pillar %s --agency %s; drop a filter",
			q.ID, orAll(opts.Pillars), orAll(opts.Agencies))
	}
	data, err := handout.Render(opts.Output, handout.Input{Questionnaire: q, Lang: lang,
		Pillars: opts.Pillars, Agencies: opts.Agencies})
	if err != nil {
		return err
	}
	return writeResult(s, lang, opts.Out, []string{questionnaireRefFile(opts.Questionnaire)}, data)
}

func orAll(list []string) string {
	if len(list) == 0 {
		return "(all)"
	}
	return strings.Join(list, ",")
}
