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
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// DefaultSample is the sample assessment cbrn demo shows.
const DefaultSample = "examplia"

// DemoOptions are the inputs of `cbrn demo`.
type DemoOptions struct {
	Sample     string
	Output     string
	Out        string
	Lang       string
	SaveSample string
}

func newDemoCmd(s *Streams, runF func(*DemoOptions) error) *cobra.Command {
	opts := &DemoOptions{}
	formats := report.Formats()
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Show the report of a sample assessment (no file, no setup)",
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
			if err := checkFormat(opts.Output, formats...); err != nil {
				return err
			}
			if !slices.Contains(questionnaires.Samples(), opts.Sample) {
				return usageErrorFor(cmd, "unknown sample %q; use one of: %s", opts.Sample, strings.Join(questionnaires.Samples(), ", "))
			}
			if opts.Out != "" && opts.SaveSample != "" && sameFile(opts.Out, opts.SaveSample) {
				return usageErrorFor(cmd, "--out and --save-sample name the same file %s; choose two names", opts.Out)
			}
			if runF != nil {
				return runF(opts)
			}
			return runDemo(s, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Sample, "sample", DefaultSample, "the sample `NAME` (see above)")
	addOutputFlag(cmd, &opts.Output, "table", formats...)
	cmd.Flags().Lookup("output").Usage = "table, markdown, json, csv or html"
	cmd.Flags().StringVar(&opts.Out, "out", "", "write to `FILE` (0600) instead of stdout")
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "language: en or fr (default: the sample's)")
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
	lang, err := workshopLanguage(s, q, opts.Lang, a.Language)
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
		if err := writeResult(s, opts.SaveSample, nil, data); err != nil {
			return err
		}
	}
	if err := writeResult(s, opts.Out, nil, out); err != nil {
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
	type step struct{ cmd, what string }
	var about, next string
	var steps []step
	if lang == "fr" {
		about = "À propos de cette démonstration\n" + demoWrap("Le pays de cet exemple, "+country+
			", est fictif ; son équipe nationale a répondu au questionnaire "+qID+". Les scores vont de 0 "+
			"(rien n'est en place) à 100 (capacités pérennes et partagées) ; un écart est la distance à la "+
			"cible, et les activités sont les types de travaux qui comblent les écarts, les plus urgents d'abord.")
		next = "À essayer ensuite"
		if !saved {
			steps = append(steps, step{"cbrn demo --save-sample " + sample, "copier l'exemple"})
		}
		steps = append(steps,
			step{"cbrn plan " + sample, "projet de plan d'action"},
			step{"cbrn print -o html --out fiche.html", "questionnaire à imprimer"},
			step{"cbrn assess", "répondre soi-même"},
			step{"cbrn consensus a.yaml b.yaml --out equipe.yaml", "rapprocher les réponses"})
	} else {
		about = "About this demo\n" + demoWrap("The country in this sample, "+country+", is fictional; "+
			"its national team answered the "+qID+" questionnaire. Scores run from 0 (nothing in place) to 100 "+
			"(every capacity sustained and shared); a gap is the distance to the target, and the activities "+
			"are the kinds of work that close the gaps, most urgent first.")
		next = "Try next"
		if !saved {
			steps = append(steps, step{"cbrn demo --save-sample " + sample, "a copy of the sample"})
		}
		steps = append(steps,
			step{"cbrn plan " + sample, "a draft action plan"},
			step{"cbrn print -o html --out handout.html", "the questionnaire to print"},
			step{"cbrn assess", "answer it yourself"},
			step{"cbrn consensus a.yaml b.yaml --out team.yaml", "merge participants' answers"})
	}
	width := 0
	for _, st := range steps {
		width = max(width, len([]rune(st.cmd)))
	}
	var b strings.Builder
	b.WriteString(about + "\n" + next + "\n")
	for _, st := range steps {
		pad := strings.Repeat(" ", width-len([]rune(st.cmd)))
		line := "  " + st.cmd + pad + "  " + st.what
		if len([]rune(line)) > 80 {
			line = "  " + st.cmd + "\n      " + st.what
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// demoWrap indents a paragraph by two spaces and wraps it at 80 columns.
func demoWrap(text string) string {
	var b strings.Builder
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len([]rune(line))+1+len([]rune(word)) > 78 {
			b.WriteString("  " + line + "\n")
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		b.WriteString("  " + line + "\n")
	}
	return b.String()
}
