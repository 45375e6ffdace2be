package cli

import (
	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// completeIDs completes a flag with ids of the questionnaire the command line names: -q when
// given, else the one the answers file argument answers, else the default one. Each id comes
// with its title in the questionnaire's first language, for shells that show descriptions.
func completeIDs(ids func(*questionnaire.Questionnaire) []idTitle) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		q := completionQuestionnaire(cmd, args)
		if q == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		lang := q.DefaultLanguage()
		var out []string
		for _, x := range ids(q) {
			out = append(out, x.id+"\t"+x.title.Get(lang))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func completionQuestionnaire(cmd *cobra.Command, args []string) *questionnaire.Questionnaire {
	ref := ""
	if f := cmd.Flags().Lookup("questionnaire"); f != nil {
		ref = f.Value.String()
	}
	if ref == "" && len(args) > 0 {
		if a, err := answers.Read(args[0]); err == nil {
			if q, err := questionnaireFor(a, ""); err == nil {
				return q
			}
		}
	}
	q, err := loadQuestionnaire(ref)
	if err != nil {
		return nil
	}
	return q
}

// idTitle is something a questionnaire names: a section, an agency.
type idTitle struct {
	id    string
	title questionnaire.Text
}

// sectionIDs and agencyIDs list a questionnaire's sections and agencies as id and title.
func sectionIDs(q *questionnaire.Questionnaire) []idTitle {
	var out []idTitle
	for _, s := range q.Sections {
		out = append(out, idTitle{s.ID, s.Title})
	}
	return out
}

func agencyIDs(q *questionnaire.Questionnaire) []idTitle {
	var out []idTitle
	for _, a := range q.Agencies {
		out = append(out, idTitle{a.ID, a.Title})
	}
	return out
}
