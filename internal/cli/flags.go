package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/words"
)

// The flags several commands share are defined here once each, as kubectl's PrintFlags are:
// the same name, shorthand, default and completion in every command, with a usage line each
// command words for itself. What a flag's value means is checked in one place too: the
// format and the target by docFlags.check (parseTarget is in target.go), the language by
// outputLanguage (language.go).

// docFlags are the flags of a command that writes a document: -o/--output always, and
// -q/--questionnaire, --out, --lang and --target where the command words a usage line for
// them. A command embeds them in its Options, adds them with add and checks them with check
// before it reads any file.
type docFlags struct {
	Questionnaire string
	Output        string
	Out           string
	Lang          string
	Target        string

	formats []string // what -o accepts; the first is the default
}

// docUsage is the usage line of each shared flag a command has; a flag left "" (or false) is
// not added. -o needs none: its usage is the list of formats; --target reads the same in every
// command that has it.
type docUsage struct {
	Questionnaire, Out, Lang string
	Target                   bool
}

// outUsage is the usage of --out in the commands that write their document there instead of
// stdout; targetUsage, that of --target.
const (
	outUsage    = "write to `FILE` (0600) instead of stdout"
	targetUsage = "a level `N`, or \"next\" (one above each answer)"
)

// add adds -o with formats (the first the default) and the flags u words.
func (d *docFlags) add(cmd *cobra.Command, formats []string, u docUsage) {
	d.formats, d.Output = formats, formats[0]
	// The usage is the list of formats alone, a|b|c, so that the flag's line fits 80 columns
	// beside the longest flag name; what each format holds belongs in the command's Long text.
	cmd.Flags().StringVarP(&d.Output, "output", "o", formats[0], strings.Join(formats, "|"))
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	if u.Questionnaire != "" {
		addQuestionnaireFlag(cmd, &d.Questionnaire, u.Questionnaire)
	}
	if u.Out != "" {
		// The output goes to FILE (0600, atomically) instead of stdout.
		cmd.Flags().StringVar(&d.Out, "out", "", u.Out)
	}
	if u.Lang != "" {
		addLangFlag(cmd, &d.Lang, u.Lang)
	}
	if u.Target {
		// --target N|next, read by parseTarget.
		cmd.Flags().StringVar(&d.Target, "target", "", targetUsage)
		_ = cmd.RegisterFlagCompletionFunc("target", cobra.FixedCompletions([]string{"next", "3", "4", "5"}, cobra.ShellCompDirectiveNoFileComp))
	}
}

// check refuses a format the command does not support (listing those it does) and a target
// that is neither a level nor "next", before any file is read.
func (d *docFlags) check() error {
	if !slices.Contains(d.formats, d.Output) {
		return usageErrorf("unknown output format %q; use one of: %s", d.Output, strings.Join(d.formats, ", "))
	}
	_, err := parseTarget(d.Target)
	return err
}

// addQuestionnaireFlag adds -q/--questionnaire: a shipped id (its newest version), ID@VERSION
// (completed, see tightenBuiltins) or a file.
func addQuestionnaireFlag(cmd *cobra.Command, p *string, usage string) {
	cmd.Flags().StringVarP(p, "questionnaire", "q", "", usage)
}

// addLangFlag adds --lang, completed with the languages the tool's words exist in.
func addLangFlag(cmd *cobra.Command, p *string, usage string) {
	cmd.Flags().StringVar(p, "lang", "", usage)
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(words.Languages(), cobra.ShellCompDirectiveNoFileComp))
}

// run ends the RunE of every command: the test hook runF when a test set one, so that the
// parsing of flags and arguments is checked apart from the work, else the work itself.
func run[O any](s *Streams, opts *O, runF func(*O) error, work func(*Streams, *O) error) error {
	if runF != nil {
		return runF(opts)
	}
	return work(s, opts)
}

// answersDoc are the inputs of a command that turns one answers file into a document (report,
// plan): the file and the shared flags.
type answersDoc struct {
	Answers string
	docFlags
}

// answersRunE is the RunE of those commands: the file from the arguments, the shared flags
// checked, then the work; opts embeds d.
func answersRunE[O any](s *Streams, opts *O, d *answersDoc, runF func(*O) error, work func(*Streams, *O) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		d.Answers = args[0]
		if err := d.check(); err != nil {
			return err
		}
		return run(s, opts, runF, work)
	}
}

// answersUsage words the shared flags of a command that turns one answers file into a
// document, in the language of lang's usage line.
func answersUsage(lang string) docUsage {
	return docUsage{
		Questionnaire: "shipped id or file (default: the answers' own)",
		Out:           outUsage,
		Lang:          lang,
		Target:        true,
	}
}
