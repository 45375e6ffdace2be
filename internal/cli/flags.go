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
// format by checkFormat, the language by outputLanguage (language.go), the target by
// parseTarget (target.go).

// addOutputFlag adds -o/--output with the formats a command supports, def the default. The
// usage is the list of formats alone, a|b|c, so that the flag's line fits 80 columns beside the
// longest flag name; what each format holds belongs in the command's Long text.
func addOutputFlag(cmd *cobra.Command, target *string, def string, formats ...string) {
	*target = def
	cmd.Flags().StringVarP(target, "output", "o", def, strings.Join(formats, "|"))
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

// checkFormat refuses a format the command does not support, listing those it does.
func checkFormat(format string, formats ...string) error {
	if !slices.Contains(formats, format) {
		return usageErrorf("unknown output format %q; use one of: %s", format, strings.Join(formats, ", "))
	}
	return nil
}

// addQuestionnaireFlag adds -q/--questionnaire: a shipped id (its newest version), ID@VERSION
// (completed, see tightenBuiltins) or a file.
func addQuestionnaireFlag(cmd *cobra.Command, p *string, usage string) {
	cmd.Flags().StringVarP(p, "questionnaire", "q", "", usage)
}

// addOutFlag adds --out FILE: the output goes to FILE (0600, atomically) instead of stdout.
func addOutFlag(cmd *cobra.Command, p *string, usage string) {
	cmd.Flags().StringVar(p, "out", "", usage)
}

// addLangFlag adds --lang, completed with the languages the tool's words exist in.
func addLangFlag(cmd *cobra.Command, p *string, usage string) {
	cmd.Flags().StringVar(p, "lang", "", usage)
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(words.Languages(), cobra.ShellCompDirectiveNoFileComp))
}

// addTargetFlag adds --target N|next, read by parseTarget.
func addTargetFlag(cmd *cobra.Command, p *string, usage string) {
	cmd.Flags().StringVar(p, "target", "", usage)
	_ = cmd.RegisterFlagCompletionFunc("target", cobra.FixedCompletions([]string{"next", "3", "4", "5"}, cobra.ShellCompDirectiveNoFileComp))
}
