package cli

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/consensus"
	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/prompt"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// ConsensusOptions are the inputs of `cbrn consensus`.
type ConsensusOptions struct {
	Files      []string
	docFlags   // Out is the merged answers file
	Resolve    bool
	Accessible bool

	hold *answers.Holder // the hold on Out for the whole run: one writer at a time
}

func newConsensusCmd(s *Streams, runF func(*ConsensusOptions) error) *cobra.Command {
	opts := &ConsensusOptions{}
	cmd := &cobra.Command{
		Use:   "consensus ANSWERS ANSWERS...",
		Short: "Merge participants' answers, flagging their disputes",
		Long: `Compare the answers files of several participants (people or agencies) to one
questionnaire, question by question, most disputed first, and merge them into
one answers file for the national team.

For each question answered by someone: every participant's answer, named by the
respondent's name in the file or else by the file's name; the spread (how many
levels apart on scale questions; whether the answers differ on others); and the
participants' notes. A question is disputed when answers to a scale question
are 2 levels or more apart, or some say N/A while others give a level; on other
questions, as soon as the answers differ. "Don't know" never makes a dispute.
A multiple choice compares as a set, and a question's own "none" choice alone
([none]) is the same answer as no choice at all ([]).

Agencies that answered different parts of the questionnaire (cbrn assess
--agency) merge without conflict: a question answered by one participant only
is simply theirs.

--out MERGED writes the merged answers file (mode 0600): the median level,
rounded down (the conservative choice; for an even count, the lower of the two
middle levels); on other questions the answer when unanimous, else "don't
know". N/A and "don't know" are left out of both; a question that everyone
said was N/A stays N/A. Each merged answer's note records who answered what.

--resolve then walks the disputed questions one by one: the room agrees on an
answer and a reason, which go into the merged file at once (it is saved after
each one, so stopping loses nothing). It uses full-screen prompts on a
terminal, and line-based prompts with --accessible, ACCESSIBLE=1 or piped
input. Press Enter on a question to leave it open; end the input (Ctrl-D) to
stop.

Running consensus again with the same --out keeps the answers agreed in it
earlier, so a session can stop for lunch, or take in a late participant.

Formats (-o): table (the default, 80 columns, for the projector), markdown
(a document with every participant's answer to each disputed question), json
(cbrn.consensus/v1).

Exit status: 0 when done, 1 when a file does not load or check, 2 on bad
usage, 130 when --resolve is stopped early (what was agreed is saved).`,
		Example: `  cbrn consensus alice.answers.yaml bruno.answers.yaml chloe.answers.yaml
  cbrn consensus answers/*.yaml --out national.answers.yaml
  cbrn consensus answers/*.yaml --out national.answers.yaml --resolve
  cbrn consensus answers/*.yaml -o markdown > disputes.md
  cbrn report national.answers.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usageErrorFor(cmd, "%s needs at least two answers files, e.g. cbrn consensus alice.answers.yaml bruno.answers.yaml", cmd.CommandPath())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if err := opts.check(); err != nil {
				return err
			}
			if opts.Resolve && opts.Out == "" {
				return usageErrorFor(cmd, "--resolve records the agreed answers in the merged file: name it with --out MERGED")
			}
			if err := refuseSameFile(opts.Files); err != nil {
				return err
			}
			return run(s, opts, runF, runConsensus)
		},
	}
	opts.add(cmd, consensus.Formats(), docUsage{
		Questionnaire: "shipped id or file (default: the first file's)",
		Out:           "write the merged answers to `MERGED` (0600)",
		Lang:          "language: en or fr (default: the first file's)",
	})
	cmd.Flags().BoolVar(&opts.Resolve, "resolve", false, "settle the disputes one by one, into --out")
	cmd.Flags().BoolVar(&opts.Accessible, "accessible", false, "line-based prompts for --resolve (ACCESSIBLE=1)")
	return cmd
}

// refuseSameFile refuses an answers file given twice: it would count one participant twice.
func refuseSameFile(files []string) error {
	for i, f := range files {
		for _, earlier := range files[:i] {
			if sameFile(f, earlier) {
				return usageErrorf("%s is given twice: each participant's file counts once", f)
			}
		}
	}
	return nil
}

func runConsensus(s *Streams, opts *ConsensusOptions) error {
	q, files, err := loadParticipants(s, opts.Files, opts.Questionnaire)
	if err != nil {
		return err
	}
	lang, err := outputLanguage(s, q, opts.Lang, files[0].Language)
	if err != nil {
		return err
	}
	res := consensus.Compute(q, files)
	w, msg := resolveWordsFor(lang), prompt.Catalogue(lang)

	inputs := append(slices.Clone(opts.Files), questionnaireFile(files[0], opts.Questionnaire))
	if opts.Out != "" {
		if err := refuseInput(opts.Out, inputs); err != nil {
			return err
		}
		if opts.hold, err = answers.Hold(opts.Out); err != nil {
			return err
		}
		defer opts.hold.Release()
		if err := carryMerged(s, res, opts.Out, lang); err != nil {
			return err
		}
		if err := saveMerged(res, opts, lang, s); err != nil {
			return err
		}
		fmt.Fprintln(s.Err, s.wrap(fmt.Sprintf(w.wrote, opts.Out, msg.Count(w.merged, len(res.Items)), msg.Count(w.contra, res.Disputed()))))
	}
	var resolveErr error
	if opts.Resolve {
		resolveErr = resolveDisputes(s, opts, res, lang)
		// Stopped, the walk has said how far it got: on a terminal that line stays the last
		// one, not buried under the whole table (a file or a pipe still gets the results).
		if resolveErr != nil && (!errors.Is(resolveErr, ErrCancelled) || s.OutTTY) {
			return resolveErr
		}
	}
	data, err := consensus.Render(opts.Output, consensus.RenderInput{Result: res, Lang: lang,
		Color: opts.Output == "table" && s.Color()})
	if err != nil {
		return err
	}
	if _, err := s.Out.Write(data); err != nil {
		return err
	}
	if opts.Out == "" && res.Disputed() > 0 {
		fmt.Fprintln(s.Err, s.wrap(msg.Count(w.hint, res.Disputed())))
	}
	return resolveErr
}

// loadParticipants reads every answers file and checks it against one questionnaire: the one
// given with -q, else the one the first file names. Every file's problems are reported before
// failing.
func loadParticipants(s *Streams, paths []string, qRef string) (*questionnaire.Questionnaire, []*answers.File, error) {
	var files []*answers.File
	failed := false
	for _, p := range paths {
		f, err := answers.Load(p)
		if err != nil {
			reportFileError(s, err)
			failed = true
			continue
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, nil, silentFailure(ExitError)
	}
	q, err := questionnaireFor(files[0], qRef)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range files {
		ws, err := f.Check(q)
		printWarnings(s, ws)
		if err != nil {
			reportFileError(s, err)
			failed = true
		}
	}
	if failed {
		return nil, nil, silentFailure(ExitError)
	}
	return q, files, nil
}

func reportFileError(s *Streams, err error) {
	var de *diag.Error
	if errors.As(err, &de) {
		fmt.Fprintln(s.Err, s.wrap(de.Error()))
		return
	}
	fmt.Fprintln(s.Err, s.wrap("cbrn: "+diag.Printable(err.Error(), true)))
}

// carryMerged reads the merged file a rerun is about to write over, when there is one, and
// keeps what must survive (see consensus.Result.Carry), saying what it kept and replaced. A file
// it cannot read is refused with its problems, and left as it is.
func carryMerged(s *Streams, res *consensus.Result, path, lang string) error {
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	refuse := func(err error) error {
		reportFileError(s, err)
		return fmt.Errorf("--out %s: this answers file has the problems above, so running consensus again would lose what it holds; fix them, or choose another --out file (it is left as it is)", path)
	}
	prev, err := answers.Load(path)
	if err != nil {
		return refuse(err)
	}
	ws, err := prev.Check(res.Questionnaire)
	if err != nil {
		return refuse(err)
	}
	printWarnings(s, ws)
	c := res.Carry(prev, lang)
	msg, w := prompt.Catalogue(lang), resolveWordsFor(lang)
	if c.Agreements > 0 {
		fmt.Fprintln(s.Err, s.wrap(diag.Printable(msg.Count(w.kept, c.Agreements, path), false)))
	}
	if n := len(c.Kept); n > 0 {
		fmt.Fprintln(s.Err, s.wrap(diag.Printable(msg.Count(w.keptOwn, n, path, strings.Join(c.Kept, ", ")), false)))
	}
	if n := len(c.Replaced); n > 0 {
		parts := make([]string, n)
		for i, r := range c.Replaced {
			parts[i] = r.ID + " " + r.Old + " -> " + r.New
		}
		fmt.Fprintln(s.Err, s.wrap(diag.Printable(msg.Count(w.replaced, n, path, strings.Join(parts, "; ")), false)))
	}
	return nil
}

// saveMerged writes the merged answers file atomically (0600), through the run's hold on it:
// never over a change another program made meanwhile.
func saveMerged(res *consensus.Result, opts *ConsensusOptions, lang string, s *Streams) error {
	return opts.hold.Save(res.File(lang, s.Now()))
}
