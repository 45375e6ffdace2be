package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/report"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/internal/words"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// DefaultSample is the sample assessment cbrn demo shows.
const DefaultSample = "examplia"

// DemoOptions are the inputs of `cbrn demo`.
type DemoOptions struct {
	Sample     string
	SaveSample string
	docFlags
}

func newDemoCmd(s *Streams, runF func(*DemoOptions) error) *cobra.Command {
	opts := &DemoOptions{}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Show the report of a sample assessment, with no setup",
		Long: `Show the report of a sample assessment shipped with cbrn: the Republic of
Examplia, a fictional country that answered the cbrn-core questionnaire. It
needs no file and no setup, and is the quickest way to see what cbrn produces,
or to show a national team in a workshop what they will get.

On a terminal a short note follows the report: what the figures mean and the
commands to try next. With another format than table, or with --out, the note
goes to stderr so that the output stays a clean document.

--sample NAME shows another: examplia-quick answers cbrn-quick, and
NAME-VERSION (examplia-1.0.0) answers that release of the questionnaire.

--save-sample FILE also writes the sample answers file (mode 0600), to try the
other commands on it: cbrn report, cbrn plan, cbrn consensus.

Exit status: 0 when done, 1 on error, 2 on bad usage.`,
		Example: `  cbrn demo
  cbrn demo --lang fr
  cbrn demo -o html --out examplia.html
  cbrn demo --save-sample examplia.answers.yaml
  cbrn plan examplia.answers.yaml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(); err != nil {
				return err
			}
			if !slices.Contains(questionnaires.Samples(), opts.Sample) {
				return usageErrorFor(cmd, "unknown sample %q; use one of: %s", opts.Sample, strings.Join(questionnaires.Samples(), ", "))
			}
			if opts.Out != "" && opts.SaveSample != "" && sameFile(opts.Out, opts.SaveSample) {
				return usageErrorFor(cmd, "--out and --save-sample name the same file %s; choose two names", opts.Out)
			}
			return run(s, opts, runF, runDemo)
		},
	}
	cmd.Flags().StringVar(&opts.Sample, "sample", DefaultSample, "the sample `NAME` (see above)")
	opts.add(cmd, report.Formats(), docUsage{
		Out:  outUsage,
		Lang: "language: en or fr (default: the sample's)",
	})
	cmd.Flags().StringVar(&opts.SaveSample, "save-sample", "", "also write the sample answers to `FILE` (0600)")
	_ = cmd.RegisterFlagCompletionFunc("sample", cobra.FixedCompletions(questionnaires.Samples(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runDemo(s *Streams, opts *DemoOptions) error {
	data, shownAs, ok := questionnaires.Sample(opts.Sample)
	if !ok {
		return fmt.Errorf("sample %q is not shipped with this build of cbrn", opts.Sample)
	}
	a, err := answers.Parse(shownAs, data)
	if err != nil {
		return err
	}
	q, err := questionnaireFor(a, "")
	if err != nil {
		return err
	}
	if _, err := a.Check(q); err != nil {
		return err
	}
	lang, err := outputLanguage(s, q, opts.Lang, a.Language)
	if err != nil {
		return err
	}
	res := score.Compute(q, a, score.Options{})
	toTerminal := opts.Output == "table" && opts.Out == ""
	out, err := report.Render(opts.Output, report.Input{Result: res, Answers: a, Lang: lang, Color: toTerminal && s.Color()})
	if err != nil {
		return err
	}
	if opts.SaveSample != "" {
		if err := writeResult(s, lang, opts.SaveSample, nil, data); err != nil {
			return err
		}
	}
	if err := writeResult(s, lang, opts.Out, nil, out); err != nil {
		return err
	}
	sample := opts.SaveSample
	if sample == "" {
		sample = opts.Sample + ".answers.yaml"
	}
	country := textfmt.Terminal(strings.TrimSpace(a.Respondent.Country))
	if country == "" {
		country = "Examplia"
	}
	note := demoNote(lang, country, q.ID, sample, opts.SaveSample != "")
	if toTerminal {
		_, err = fmt.Fprint(s.Out, "\n"+note)
		return err
	}
	_, err = fmt.Fprint(s.Err, note)
	return err
}

// demoNote tells what the figures mean and what to try next, within 80 columns.
func demoNote(lang, country, qID, sample string, saved bool) string {
	t := words.For(lang)
	type step struct{ cmd, what string }
	var steps []step
	if !saved {
		steps = append(steps, step{"cbrn demo --save-sample " + sample, t.T("demo.stepSave")})
	}
	steps = append(steps,
		step{"cbrn plan " + sample, t.T("demo.stepPlan")},
		step{"cbrn print -o html --out " + t.T("demo.handoutFile"), t.T("demo.stepPrint")},
		step{"cbrn assess", t.T("demo.stepAssess")},
		step{"cbrn consensus a.yaml b.yaml --out " + t.T("demo.teamFile"), t.T("demo.stepConsensus")})
	width := 0
	for _, st := range steps {
		width = max(width, textfmt.DisplayWidth(st.cmd))
	}
	var b strings.Builder
	b.WriteString(t.T("demo.aboutTitle") + "\n")
	textfmt.WriteWrapped(&b, t.T("demo.about", country, qID), "  ", "  ", textfmt.Width)
	b.WriteString(t.T("demo.next") + "\n")
	for _, st := range steps {
		line := "  " + textfmt.Pad(st.cmd, width) + "  " + st.what
		if textfmt.DisplayWidth(line) > textfmt.Width {
			line = "  " + st.cmd + "\n      " + st.what
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}
