package report

import (
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// ReportSchema names the JSON report format (DESIGN §6).
const ReportSchema = "cbrn.report/v1"

// The JSON report. Field order is the order of DESIGN §6; nil pointers print as null, so that an
// undefined figure is never mistaken for a zero.
type jsonReport struct {
	score.DocJSON
	Overall    score.GroupJSON `json:"overall"`
	Pillars    []jsonGroup     `json:"pillars"`
	Hazards    []jsonGroup     `json:"hazards"`
	Sections   []jsonSection   `json:"sections"`
	Activities []jsonActivity  `json:"activities"`
	Questions  []jsonQuestion  `json:"questions"`
	// Gained after the first release: the figures the pages show beside the scores.
	WeightedGap   float64 `json:"weighted_gap"`
	WeakestPillar *string `json:"weakest_pillar"`
	WeakestHazard *string `json:"weakest_hazard"`
}

type jsonGroup struct {
	ID string `json:"id"`
	score.GroupJSON
}

type jsonSection struct {
	ID     string `json:"id"`
	Pillar string `json:"pillar"`
	score.GroupJSON
}

type jsonActivity struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Priority  float64  `json:"priority"`
	Questions []string `json:"questions"`
	Share     float64  `json:"share"` // of the weighted gap
}

type jsonQuestion struct {
	ID         string   `json:"id"`
	Section    string   `json:"section"`
	Pillar     string   `json:"pillar"`
	Hazards    []string `json:"hazards"`
	Status     string   `json:"status"`
	Score      *float64 `json:"score"`
	Target     *float64 `json:"target"`
	Gap        *float64 `json:"gap"`
	Weight     float64  `json:"weight"`
	Priority   float64  `json:"priority"`
	Critical   bool     `json:"critical"`
	Activities []string `json:"activities"`
	// TargetChoice is, on a choice question, the choice that meets the target; null otherwise.
	TargetChoice *string `json:"target_choice"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}

// renderJSON writes cbrn.report/v1 with every number at full precision (Go prints the shortest
// decimal that reads back as the same float64).
func renderJSON(in Input) ([]byte, error) {
	r, lang := in.Result, Language(in)
	q := r.Questionnaire
	rep := jsonReport{
		DocJSON:    score.Doc(ReportSchema, q, in.Answers.Respondent, optional),
		Overall:    r.Overall.JSON(),
		Pillars:    []jsonGroup{},
		Hazards:    []jsonGroup{},
		Sections:   []jsonSection{},
		Activities: []jsonActivity{},
		Questions:  []jsonQuestion{},
	}
	rep.WeightedGap, rep.WeakestPillar, rep.WeakestHazard = r.WeightedGap, optional(r.WeakestPillar), optional(r.WeakestHazard)
	for _, g := range r.Pillars {
		rep.Pillars = append(rep.Pillars, jsonGroup{ID: g.ID, GroupJSON: g.JSON()})
	}
	for _, g := range r.Hazards {
		rep.Hazards = append(rep.Hazards, jsonGroup{ID: g.ID, GroupJSON: g.JSON()})
	}
	for _, g := range r.Sections {
		rep.Sections = append(rep.Sections, jsonSection{ID: g.ID, Pillar: g.Pillar, GroupJSON: g.JSON()})
	}
	for _, a := range r.Activities {
		rep.Activities = append(rep.Activities, jsonActivity{ID: a.ID, Title: q.ActivityTitle(a.ID, lang),
			Priority: a.Priority, Questions: nonNil(a.Questions), Share: a.Share})
	}
	for _, x := range r.Questions {
		rep.Questions = append(rep.Questions, jsonQuestion{ID: x.ID, Section: x.Section, Pillar: x.Pillar,
			Hazards: nonNil(x.Hazards), Status: string(x.Status), Score: x.Score, Target: x.Target, Gap: x.Gap,
			Weight: x.Weight, Priority: x.Priority, Critical: x.Critical, Activities: nonNil(x.Activities),
			TargetChoice: optional(x.TargetChoice)})
	}
	return textfmt.JSON(rep)
}
