package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/report"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// QuestionnairesOptions are the inputs of `cbrn questionnaires`.
type QuestionnairesOptions struct {
	Output string
	Lang   string
}

func newQuestionnairesCmd(s *Streams, runF func(*QuestionnairesOptions) error) *cobra.Command {
	opts := &QuestionnairesOptions{}
	cmd := &cobra.Command{
		Use:   "questionnaires",
		Short: "List the shipped questionnaires",
		Long: `List the questionnaires shipped with cbrn, with the number of scored questions
per pillar and per hazard. Use the id with -q in other commands.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Output, "table", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runQuestionnaires(s, opts)
		},
	}
	addOutputFlag(cmd, &opts.Output, "table", "table", "json")
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "language of the titles (default: each questionnaire's first)")
	return cmd
}

// questionnaireSummary is one row of the listing; its JSON form is part of the contract.
type questionnaireSummary struct {
	ID        string         `json:"id"`
	Version   string         `json:"version"`
	Title     string         `json:"title"`
	Languages []string       `json:"languages"`
	Questions int            `json:"questions"`
	Scored    int            `json:"scored"`
	Pillars   map[string]int `json:"pillars"`
	Hazards   map[string]int `json:"hazards"`
}

func summarise(q *questionnaire.Questionnaire, lang string) questionnaireSummary {
	sum := questionnaireSummary{ID: q.ID, Version: q.Version, Title: q.Title.Get(lang), Languages: q.Languages,
		Questions: len(q.Questions), Scored: q.ScoredQuestions(), Pillars: map[string]int{}, Hazards: map[string]int{}}
	for _, p := range questionnaire.Pillars() {
		sum.Pillars[p] = 0
	}
	for _, h := range questionnaire.Hazards() {
		sum.Hazards[h] = 0
	}
	for _, x := range q.Questions {
		if !x.Type.Scored() {
			continue
		}
		sum.Pillars[x.Section.Pillar]++
		for _, h := range x.Hazards {
			sum.Hazards[h]++
		}
	}
	return sum
}

func runQuestionnaires(s *Streams, opts *QuestionnairesOptions) error {
	var list []questionnaireSummary
	for _, id := range questionnaires.IDs() {
		data, name, _ := questionnaires.File(id)
		q, err := questionnaire.Parse(name, data)
		if err != nil {
			return err
		}
		list = append(list, summarise(q, opts.Lang))
	}
	var buf bytes.Buffer
	if opts.Output == "json" {
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(list); err != nil {
			return err
		}
		return writeResult(s, "", nil, buf.Bytes())
	}
	header := []string{"ID", "VERSION", "SCORED", "PREV", "DETECT", "PREP", "RESP", "C", "B", "R", "N"}
	rows := make([][]string, 0, len(list))
	for _, x := range list {
		row := []string{x.ID, x.Version, strconv.Itoa(x.Scored)}
		for _, p := range questionnaire.Pillars() {
			row = append(row, strconv.Itoa(x.Pillars[p]))
		}
		for _, h := range questionnaire.Hazards() {
			row = append(row, strconv.Itoa(x.Hazards[h]))
		}
		rows = append(rows, row)
	}
	if err := report.Table(&buf, header, rows, []bool{false, false, true, true, true, true, true, true, true, true, true}); err != nil {
		return err
	}
	buf.WriteString("\n")
	for _, x := range list {
		fmt.Fprintf(&buf, "%s: %s\n", x.ID, report.Terminal(x.Title))
	}
	buf.WriteString("\nScored questions per pillar and per hazard (a question counts in every hazard it covers).\n")
	return writeResult(s, "", nil, buf.Bytes())
}
