package cli

import (
	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/help"
)

// newHelpTopicCmds makes the reference texts of internal/help into cobra help topics: commands
// without a run function, which `cbrn help TOPIC` prints, the root's help lists under
// "Additional help topics", and gen-docs turns into man pages of section 7.
func newHelpTopicCmds() ([]*cobra.Command, error) {
	var cmds []*cobra.Command
	for _, t := range help.Topics() {
		text, err := help.Text(t.Name)
		if err != nil {
			return nil, err
		}
		cmds = append(cmds, &cobra.Command{Use: t.Name, Short: t.Short, Long: text})
	}
	return cmds, nil
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
