package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/help"
)

// newHelpTopicCmds makes the reference texts of internal/help into cobra help topics: commands
// without a run function, which `cbrn help TOPIC` prints, the root's help lists under
// "Additional help topics", and cbrn-gen-docs turns into man pages of section 7. A topic's text
// is read and its examples filled in only when it is shown, not at every start of cbrn.
func newHelpTopicCmds() []*cobra.Command {
	var cmds []*cobra.Command
	for _, t := range help.Topics() {
		c := &cobra.Command{Use: t.Name, Short: t.Short}
		c.SetHelpFunc(func(c *cobra.Command, _ []string) {
			text, err := help.Text(c.Name())
			if err != nil {
				fmt.Fprintln(c.ErrOrStderr(), err)
				return
			}
			fmt.Fprint(c.OutOrStdout(), text)
		})
		cmds = append(cmds, c)
	}
	return cmds
}

// helpSuggestion is the command or help topic closest to a misspelt `cbrn help` argument.
// cobra's own suggestions leave out help topics, which are not runnable commands.
func helpSuggestion(root *cobra.Command, arg string) string {
	if sugg := root.SuggestionsFor(arg); len(sugg) > 0 {
		return sugg[0]
	}
	var topics []string
	for _, c := range root.Commands() {
		if c.IsAdditionalHelpTopicCommand() {
			topics = append(topics, c.Name())
		}
	}
	return diag.Suggest(arg, topics)
}
