package plan

import (
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// Schema names the JSON plan format (DESIGN §6).
const Schema = "cbrn.plan/v1"

// The JSON plan, in the field order of DESIGN §6. Texts (titles, indicators) are in the plan's
// language; agencies, partners, activities and questions are ids. A null pillar is an objective
// spanning pillars; a null lead, an objective whose questions name no agency; null levels, a
// question that is not a scale (or, for "from", a "don't know").
type jsonPlan struct {
	score.DocJSON
	Objectives      []jsonObjective `json:"objectives"`
	InformationGaps []string        `json:"information_gaps"`
}

type jsonObjective struct {
	ID         string       `json:"id"`
	Title      string       `json:"title"`
	Pillar     *string      `json:"pillar"`
	Sections   []string     `json:"sections"`
	Priority   float64      `json:"priority"`
	Lead       *string      `json:"lead"`
	Supporting []string     `json:"supporting"`
	Timeframe  string       `json:"timeframe"`
	Partners   []string     `json:"partners"`
	Actions    []jsonAction `json:"actions"`
}

type jsonAction struct {
	Question   string   `json:"question"`
	From       *int     `json:"from"`
	To         *int     `json:"to"`
	Activities []string `json:"activities"`
	Category   string   `json:"category"`
	Indicator  string   `json:"indicator"`
}

func renderJSON(p *Plan) ([]byte, error) {
	q := p.Result.Questionnaire
	w := wordsFor(p.Lang)
	out := jsonPlan{DocJSON: score.Doc(Schema, q, p.Answers.Respondent, optional),
		Objectives: []jsonObjective{}, InformationGaps: []string{}}
	for i := range p.Objectives {
		o := &p.Objectives[i]
		jo := jsonObjective{ID: o.ID, Title: safe(title(q, o, p.Lang, w)), Pillar: optional(o.Pillar), Sections: []string{},
			Priority: o.Priority, Supporting: []string{}, Timeframe: string(o.Timeframe), Partners: []string{},
			Actions: []jsonAction{}}
		for _, s := range o.Sections {
			jo.Sections = append(jo.Sections, s.ID)
		}
		if o.Lead != nil {
			jo.Lead = &o.Lead.ID
		}
		for _, ag := range o.Supporting {
			jo.Supporting = append(jo.Supporting, ag.ID)
		}
		for _, pt := range o.Partners {
			jo.Partners = append(jo.Partners, pt.ID)
		}
		for j := range o.Actions {
			a := &o.Actions[j]
			acts := append([]string{}, a.Activities...)
			jo.Actions = append(jo.Actions, jsonAction{Question: a.Q.ID, From: a.From, To: a.To, Activities: acts,
				Category: string(a.Category), Indicator: safe(indicator(a, p.Lang, w))})
		}
		out.Objectives = append(out.Objectives, jo)
	}
	for _, g := range p.InformationGaps {
		out.InformationGaps = append(out.InformationGaps, g.Q.ID)
	}
	return textfmt.JSON(out)
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	s = textfmt.Safe(s, textfmt.Lines)
	return &s
}
