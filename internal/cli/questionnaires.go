package cli

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// QuestionnairesOptions are the inputs of `cbrn questionnaires`.
type QuestionnairesOptions struct {
	docFlags // -o and --lang
}

func newQuestionnairesCmd(s *Streams, runF func(*QuestionnairesOptions) error) *cobra.Command {
	opts := &QuestionnairesOptions{}
	cmd := &cobra.Command{
		Use:   "questionnaires",
		Short: "List the shipped questionnaires",
		Long: `List the questionnaires shipped with cbrn, with the number of scored questions
per pillar and per hazard, one row per released version. Use the id with -q in
other commands: -q cbrn-core is the newest version, -q cbrn-core@1.0.0 an exact
one. Answers are always scored against the version they name.

A question counts in every hazard it covers, so the hazard columns add up to
more than the number of questions. Number and text questions give context and
are not scored: they are counted only in the total below the table.

With -o json, each questionnaire is an object with id, version (the newest),
title, languages, questions, scored, pillars (prevention, detection,
preparedness, response) and hazards (C, B, R, N), all of the newest version,
and versions: every shipped version, oldest first, each with version,
questions, scored and digest (the sha256 that answers files carry).`,
		Example: `  cbrn questionnaires
  cbrn questionnaires --lang fr
  cbrn questionnaires -o json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(); err != nil {
				return err
			}
			return run(s, opts, runF, runQuestionnaires)
		},
	}
	opts.add(cmd, []string{"table", "json"}, docUsage{Lang: "language of the titles (default: each one's first)"})
	return cmd
}

// questionnaireSummary is one row of the listing; its JSON form is part of the contract.
type questionnaireSummary struct {
	ID        string           `json:"id"`
	Version   string           `json:"version"`
	Title     string           `json:"title"`
	Languages []string         `json:"languages"`
	Questions int              `json:"questions"`
	Scored    int              `json:"scored"`
	Pillars   counts           `json:"pillars"`
	Hazards   counts           `json:"hazards"`
	Versions  []versionSummary `json:"versions"`

	perVersion []questionnaireSummary // the figures of every version, oldest first, for the table
}

// versionSummary is one shipped version of a questionnaire.
type versionSummary struct {
	Version   string `json:"version"`
	Questions int    `json:"questions"`
	Scored    int    `json:"scored"`
	Digest    string `json:"digest"`
}

// counts maps pillar or hazard ids to numbers; its JSON keeps the fixed order of the ids
// (prevention … response, C B R N), not the alphabetical order of a map.
type counts map[string]int

func (c counts) MarshalJSON() ([]byte, error) {
	order := questionnaire.Pillars()
	if _, isHazards := c["C"]; isHazards {
		order = questionnaire.Hazards()
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range order {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q:%d", k, c[k])
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func summarise(q *questionnaire.Questionnaire, lang string) questionnaireSummary {
	sum := questionnaireSummary{ID: q.ID, Version: q.Version, Title: q.Title.Get(lang), Languages: q.Languages,
		Questions: len(q.Questions), Scored: q.ScoredQuestions(), Pillars: counts{}, Hazards: counts{}}
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
		var all []questionnaireSummary
		var versions []versionSummary
		for _, v := range questionnaires.Versions(id) {
			q, err := loadShipped(id, v)
			if err != nil {
				return err
			}
			sum := summarise(q, opts.Lang)
			all = append(all, sum)
			versions = append(versions, versionSummary{Version: q.Version, Questions: sum.Questions, Scored: sum.Scored, Digest: q.Digest})
		}
		newest := all[len(all)-1]
		newest.Versions, newest.perVersion = versions, all
		list = append(list, newest)
	}
	if opts.Output == "json" {
		data, err := textfmt.JSON(list)
		if err != nil {
			return err
		}
		return writeResult(s, "", "", nil, data)
	}
	// The scored total is the sum of the pillar columns; it goes below, so that the table fits 80 columns.
	header := []string{"ID", "VERSION", "PREV", "DET", "PREP", "RESP", "C", "B", "R", "N"}
	rows := make([][]string, 0, len(list))
	for _, x := range list {
		for _, v := range x.perVersion {
			row := []string{v.ID, v.Version}
			for _, p := range questionnaire.Pillars() {
				row = append(row, strconv.Itoa(v.Pillars[p]))
			}
			for _, h := range questionnaire.Hazards() {
				row = append(row, strconv.Itoa(v.Hazards[h]))
			}
			rows = append(rows, row)
		}
	}
	var buf bytes.Buffer
	if err := textfmt.Table(&buf, header, rows, []bool{false, false, true, true, true, true, true, true, true, true}); err != nil {
		return err
	}
	buf.WriteString("\n")
	for _, x := range list {
		fmt.Fprintf(&buf, "%s: %s\n  %d questions, %d scored; languages: %s\n", x.ID, textfmt.Terminal(x.Title),
			x.Questions, x.Scored, strings.Join(x.Languages, ", "))
		if len(x.Versions) > 1 {
			fmt.Fprintf(&buf, "  versions %s (-q %s@%s for an earlier one)\n",
				joinVersions(x.Versions), x.ID, x.Versions[0].Version)
		}
	}
	buf.WriteString("\nScored questions per pillar (PREV prevention, DET detection, PREP preparedness,\n" +
		"RESP response) and per hazard; a question counts in every hazard it covers.\n")
	return writeResult(s, "", "", nil, buf.Bytes())
}

func joinVersions(vs []versionSummary) string {
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = v.Version
	}
	return strings.Join(names, ", ")
}
