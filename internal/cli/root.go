// Package cli holds the cbrn commands: one file per command, each with an Options struct and a
// run function, all reading and writing only through Streams.
package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// NewRoot builds the cbrn command tree.
func NewRoot(s *Streams) *cobra.Command { return newRoot(s, "") }

// newRoot builds the cbrn command tree; with only the name of a command, the root and that
// command alone, for a run of it: the other commands, their flags and cobra's help and
// completion commands cannot take part in it, and building them was a twentieth of a report.
func newRoot(s *Streams, only string) *cobra.Command {
	root := &cobra.Command{
		Use:   "cbrn",
		Short: "Offline national CBRN readiness self-assessment",
		Long: `cbrn takes a national team through a CBRN (chemical, biological, radiological,
nuclear) readiness questionnaire across the four pillars of risk mitigation -
prevention, detection, preparedness, response - scores the answers, and turns
the gaps into a report mapped to the activities that close them.

It never opens a network connection. Answers files describe national
vulnerabilities: they are written readable by their owner only.

Start with:
  cbrn demo                     the report of a sample assessment
  cbrn assess                   answer the cbrn-core questionnaire
  cbrn report cbrn-core.answers.yaml`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			msg := fmt.Sprintf("unknown command %q", args[0])
			if sugg := cmd.SuggestionsFor(args[0]); len(sugg) > 0 {
				msg += fmt.Sprintf("; did you mean %q?", sugg[0])
			}
			return usageErrorf("%s", msg)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	if only == "" || only == "version" {
		// Only the root's own --version reads it; a run of another command cannot reach it.
		root.Version = Version()
	}
	root.SuggestionsMinimumDistance = 2
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetFlagErrorFunc(flagError)
	root.SetVersionTemplate("cbrn {{.Version}}\n")
	root.CompletionOptions.HiddenDefaultCmd = false

	for _, c := range commandBuilders() {
		if only == "" {
			root.AddCommand(c.build(s))
		} else if c.name == only {
			root.AddCommand(c.build(s))
			root.CompletionOptions.DisableDefaultCmd = true
			return root
		}
	}
	root.AddCommand(newHelpTopicCmds()...)
	tightenBuiltins(root)
	return root
}

// commandBuilder builds one of the commands.
type commandBuilder struct {
	name  string
	build func(*Streams) *cobra.Command
}

// commandBuilders are the commands, in the order --help lists them.
func commandBuilders() []commandBuilder {
	return []commandBuilder{
		{"assess", func(s *Streams) *cobra.Command { return newAssessCmd(s, nil) }},
		{"validate", func(s *Streams) *cobra.Command { return newValidateCmd(s, nil) }},
		{"questionnaires", func(s *Streams) *cobra.Command { return newQuestionnairesCmd(s, nil) }},
		{"report", func(s *Streams) *cobra.Command { return newReportCmd(s, nil) }},
		{"consensus", func(s *Streams) *cobra.Command { return newConsensusCmd(s, nil) }},
		{"print", func(s *Streams) *cobra.Command { return newPrintCmd(s, nil) }},
		{"plan", func(s *Streams) *cobra.Command { return newPlanCmd(s, nil) }},
		{"demo", func(s *Streams) *cobra.Command { return newDemoCmd(s, nil) }},
		{"export", func(s *Streams) *cobra.Command { return newExportCmd(s, nil) }},
		{"compare", func(s *Streams) *cobra.Command { return newCompareCmd(s, nil) }},
		{"migrate", func(s *Streams) *cobra.Command { return newMigrateCmd(s, nil) }},
		{"version", newVersionCmd},
	}
}

// commandNamed is the name of the command args run when they begin with one, else "": a flag
// first, a help topic, help, completion or a misspelt name need the whole tree.
func commandNamed(args []string) string {
	if len(args) == 0 {
		return ""
	}
	for _, c := range commandBuilders() {
		if c.name == args[0] {
			return c.name
		}
	}
	return ""
}

// Version is the module version the binary was built from, or "dev".
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// Main runs cbrn with args and returns the exit code; cmd/cbrn and the end-to-end tests share it.
func Main(s *Streams, args []string) int {
	// A result that did not reach stdout (a full disk, a closed pipe) is a failure, whichever
	// command wrote it and whether or not it looked at the error.
	out := &checkedWriter{w: s.Out}
	streams := *s
	streams.Out = out
	root := newRoot(&streams, commandNamed(args))
	if err := singleDash(root, args); err != nil {
		return reportWrapped(err, s.Err, s.wrap)
	}
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	// A usage error that does not say whose help to read points to the command that failed.
	var ee *exitError
	if errors.As(err, &ee) && ee.code == ExitUsage && ee.help == "" && cmd != nil {
		ee.help = cmd.CommandPath()
	}
	if out.err != nil {
		why := out.err
		var pe *fs.PathError
		if errors.As(why, &pe) {
			why = pe.Err // "no space left on device", without the device's name
		}
		code := ExitError
		if err != nil && !errors.Is(err, out.err) {
			code = max(Report(err, s.Err), ExitError)
		}
		fmt.Fprintf(s.Err, "cbrn: cannot write to stdout: %s\n", diag.Printable(why.Error(), false))
		return code
	}
	return reportWrapped(err, s.Err, s.wrap)
}

// checkedWriter remembers the first write error of stdout.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// fitLines breaks every line of text wider than width columns between words, and leaves the
// others (indented commands, blank lines) as they are.
func fitLines(text string, width int) string {
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines))
	for _, line := range lines {
		if textfmt.DisplayWidth(line) <= width {
			out = append(out, line)
			continue
		}
		out = append(out, textfmt.Wrap(line, width)...)
	}
	return strings.Join(out, "\n")
}

// tightenBuiltins makes cobra's own help and completion commands keep to the exit codes: an
// unknown help topic, an unknown shell or an extra argument is a usage error (exit 2), not a
// help page and exit 0. It runs after every command is added.
func tightenBuiltins(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		// Every -q completes the shipped ids (and files); a command that set its own keeps it.
		if c.Flags().Lookup("questionnaire") != nil {
			_ = c.RegisterFlagCompletionFunc("questionnaire", completeQuestionnaire)
		}
		switch c.Name() {
		case "help":
			show := c.Run
			c.Run = nil
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if target, _, err := root.Find(args); err != nil || (len(args) > 0 && target == root) {
					msg := fmt.Sprintf("unknown help topic %q", args[0])
					if sugg := helpSuggestion(root, args[0]); sugg != "" {
						msg += fmt.Sprintf("; did you mean %q?", sugg)
					}
					return usageErrorFor(root, "%s", msg)
				}
				show(cmd, args)
				return nil
			}
		case "completion":
			// cobra's own words, fitted to 80 columns as every other help is.
			c.Short = "Generate the autocompletion script for a shell"
			var shells []string
			for _, sh := range c.Commands() {
				shells = append(shells, sh.Name())
				sh.Args = noArgs
				sh.Long = fitLines(sh.Long, 80)
			}
			c.Args = cobra.ArbitraryArgs
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) == 0 {
					return cmd.Help()
				}
				msg := fmt.Sprintf("unknown shell %q; use one of: %s", args[0], strings.Join(shells, ", "))
				if sugg := diag.Suggest(args[0], shells); sugg != "" {
					msg = fmt.Sprintf("unknown shell %q; did you mean %q?", args[0], sugg)
				}
				return usageErrorFor(cmd, "%s", msg)
			}
		}
	}
}
