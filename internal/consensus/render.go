package consensus

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// Schema is the schema of `cbrn consensus -o json`.
const Schema = "cbrn.consensus/v1"

// RenderInput is what the consensus renderers read.
type RenderInput struct {
	Result *Result
	Lang   string // a language of the questionnaire; "" for its first
	Color  bool   // the table may use ANSI bold and colour
}

// Formats lists the formats Render knows, the default first.
func Formats() []string { return []string{"table", "markdown", "json"} }

// Render renders the comparison of several participants' answers.
func Render(format string, in RenderInput) ([]byte, error) {
	if in.Result == nil {
		return nil, fmt.Errorf("consensus: no consensus to render")
	}
	if in.Lang == "" {
		in.Lang = in.Result.Questionnaire.DefaultLanguage()
	}
	switch format {
	case "table":
		return consensusTable(in)
	case "markdown":
		return consensusMarkdown(in), nil
	case "json":
		return consensusJSON(in)
	}
	return nil, fmt.Errorf("consensus: unknown consensus format %q (one of %s)", format, strings.Join(Formats(), ", "))
}

// consensusGroup is the participants who gave one answer.
type consensusGroup struct {
	Answer string   // the answer, labelled
	Names  []string // who gave it, in participant order
}

// consensusGroups gathers an item's responses by answer: levels in ascending order, other values
// in the order first given, then N/A, then don't know.
func consensusGroups(r *Result, it *Item, lang string, t words.Words) []consensusGroup {
	type keyed struct {
		key   string
		rank  int // sort key: level, or order of first appearance; N/A and don't know last
		group consensusGroup
	}
	var gs []*keyed
	byKey := map[string]*keyed{}
	for _, resp := range it.Responses {
		a := resp.Answer
		key, rank := "", 0
		switch {
		case a.NA:
			key, rank = "\x00na", 1<<30
		case a.Unknown:
			key, rank = "\x00unknown", 1<<30+1
		default:
			key = Key(it.Question, a.Value)
			rank = len(gs)
			if lv, ok := a.Value.(int); ok && it.Question.Type == questionnaire.TypeScale {
				rank = lv
			}
		}
		g, ok := byKey[key]
		if !ok {
			g = &keyed{key: key, rank: rank, group: consensusGroup{Answer: t.Answer(it.Question, a, lang)}}
			byKey[key] = g
			gs = append(gs, g)
		}
		g.group.Names = append(g.group.Names, r.Participants[resp.Participant].Name)
	}
	slices.SortStableFunc(gs, func(a, b *keyed) int { return a.rank - b.rank })
	out := make([]consensusGroup, len(gs))
	for i, g := range gs {
		out[i] = g.group
	}
	return out
}

// consensusSpread is an item's spread in words: levels apart on scale questions, else whether
// the answers differ.
func consensusSpread(it *Item, w consensusWords) string {
	if it.Spread != nil {
		s := w.t.Count("consensus.levels", *it.Spread)
		if it.NA > 0 {
			s += " + " + w.na
		}
		return s
	}
	if it.Distinct <= 1 {
		return w.same
	}
	return fmt.Sprintf(w.different, it.Distinct)
}

// consensusMerged is the merged answer with how it was reached.
func consensusMerged(it *Item, lang string, w consensusWords) (answer, how string) {
	answer = w.t.Answer(it.Question, it.Merged(), lang)
	if it.Resolution != nil {
		return answer, w.agreed
	}
	return answer, w.rules[it.Rule]
}

// consensusNotes are the participants' own notes on an item, "name: note".
func consensusNotes(r *Result, it *Item, colon string) []string {
	var out []string
	for _, resp := range it.Responses {
		if n := strings.TrimSpace(resp.Answer.Note); n != "" {
			out = append(out, r.Participants[resp.Participant].Name+colon+n)
		}
	}
	return out
}

// consensusParticipant is a participant as listed: name, and organisation when it adds to it.
func consensusParticipant(p Participant) string {
	org := strings.TrimSpace(p.File.Respondent.Organisation)
	if org == "" || org == p.Name {
		return p.Name
	}
	return p.Name + " (" + org + ")"
}
