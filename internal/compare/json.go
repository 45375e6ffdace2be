package compare

import (
	"time"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

type jsonSide struct {
	File                 string            `json:"file"`
	QuestionnaireVersion *string           `json:"questionnaire_version"`
	Respondent           map[string]string `json:"respondent"`
	Created              *string           `json:"created"`
	Updated              *string           `json:"updated"`
}

type jsonDelta struct {
	ID      string            `json:"id,omitempty"`
	Pillar  string            `json:"pillar,omitempty"`
	Trend   Trend             `json:"trend"`
	Verdict string            `json:"verdict,omitempty"`
	Base    score.GroupJSON   `json:"base"`
	New     score.GroupJSON   `json:"new"`
	Change  score.FiguresJSON `json:"change"`
}

type jsonAnswer struct {
	Status string   `json:"status"`
	Level  *int     `json:"level"`
	Score  *float64 `json:"score"`
	Gap    *float64 `json:"gap"`
}

type jsonQuestion struct {
	ID             string     `json:"id"`
	Section        string     `json:"section"`
	Pillar         string     `json:"pillar"`
	Critical       bool       `json:"critical"`
	Weight         float64    `json:"weight"`
	Base           jsonAnswer `json:"base"`
	New            jsonAnswer `json:"new"`
	ScoreChange    *float64   `json:"score_change"`
	PriorityChange float64    `json:"priority_change"`
}

type jsonActivity struct {
	ID           string  `json:"id"`
	Title        string  `json:"title"`
	BasePriority float64 `json:"base_priority"`
	NewPriority  float64 `json:"new_priority"`
	Change       float64 `json:"change"`
	BaseRank     *int    `json:"base_rank"`
	NewRank      *int    `json:"new_rank"`
}

type jsonDoc struct {
	Schema        string        `json:"schema"`
	Questionnaire score.RefJSON `json:"questionnaire"`
	Base          jsonSide      `json:"base"`
	New           jsonSide      `json:"new"`
	Overall       jsonDelta     `json:"overall"`
	Pillars       []jsonDelta   `json:"pillars"`
	Hazards       []jsonDelta   `json:"hazards"`
	Sections      []jsonDelta   `json:"sections"`
	Questions     struct {
		Improved      []jsonQuestion `json:"improved"`
		Worsened      []jsonQuestion `json:"worsened"`
		NewlyAnswered []jsonQuestion `json:"newly_answered"`
		NewlyUnknown  []jsonQuestion `json:"newly_unknown"`
		StatusChanged []jsonQuestion `json:"status_changed"`
	} `json:"questions"`
	Activities struct {
		Rose []jsonActivity `json:"rose"`
		Fell []jsonActivity `json:"fell"`
	} `json:"activities"`
}

func side(s Side) jsonSide {
	opt := func(v string) *string {
		if v == "" {
			return nil
		}
		return &v
	}
	stamp := func(t time.Time) *string {
		if t.IsZero() {
			return nil
		}
		return opt(t.UTC().Format(time.RFC3339))
	}
	r := s.A.Respondent
	resp := map[string]string{}
	for k, v := range map[string]string{"name": r.Name, "organisation": r.Organisation, "country": r.Country, "role": r.Role} {
		if v != "" {
			resp[k] = v
		}
	}
	return jsonSide{File: s.Path, QuestionnaireVersion: opt(s.A.Questionnaire.Version), Respondent: resp,
		Created: stamp(s.A.Created), Updated: stamp(s.A.Updated)}
}

func jdelta(d Delta) jsonDelta {
	return jsonDelta{ID: d.ID, Pillar: d.Pillar, Trend: d.Trend, Base: d.Base.JSON(), New: d.New.JSON(),
		Change: score.FiguresJSON{Score: d.Score, Conservative: d.Conservative, Target: d.Target, Gap: d.Gap, Completeness: d.Completeness}}
}

func janswer(q *score.Question) jsonAnswer {
	return jsonAnswer{Status: string(q.Status), Level: q.Level, Score: q.Score, Gap: q.Gap}
}

func jquestions(list []QuestionDelta) []jsonQuestion {
	out := make([]jsonQuestion, 0, len(list))
	for _, d := range list {
		out = append(out, jsonQuestion{ID: d.ID, Section: d.Section, Pillar: d.Pillar, Critical: d.Critical, Weight: d.Weight,
			Base: janswer(d.Base), New: janswer(d.New), ScoreChange: d.Score, PriorityChange: d.Priority})
	}
	return out
}

func jactivities(q *questionnaire.Questionnaire, lang string, list []ActivityDelta) []jsonActivity {
	optRank := func(n int) *int {
		if n == 0 {
			return nil
		}
		return &n
	}
	out := make([]jsonActivity, 0, len(list))
	for _, a := range list {
		out = append(out, jsonActivity{ID: a.ID, Title: q.ActivityTitle(a.ID, lang), BasePriority: a.BasePriority,
			NewPriority: a.NewPriority, Change: a.Change, BaseRank: optRank(a.BaseRank), NewRank: optRank(a.NewRank)})
	}
	return out
}

func renderJSON(in Input) ([]byte, error) {
	r := in.Result
	doc := jsonDoc{Schema: Schema, Base: side(in.Base), New: side(in.New), Overall: jdelta(r.Overall)}
	doc.Questionnaire.ID, doc.Questionnaire.Version = in.Q.ID, in.Q.Version
	doc.Overall.Verdict = Verdict(r.Overall)
	for _, d := range r.Pillars {
		j := jdelta(d)
		j.Verdict = Verdict(d)
		doc.Pillars = append(doc.Pillars, j)
	}
	for _, d := range r.Hazards {
		doc.Hazards = append(doc.Hazards, jdelta(d))
	}
	doc.Sections = []jsonDelta{}
	for _, d := range r.Sections {
		doc.Sections = append(doc.Sections, jdelta(d))
	}
	doc.Questions.Improved = jquestions(r.Improved)
	doc.Questions.Worsened = jquestions(r.Worsened)
	doc.Questions.NewlyAnswered = jquestions(r.NewlyAnswered)
	doc.Questions.NewlyUnknown = jquestions(r.NewlyUnknown)
	doc.Questions.StatusChanged = jquestions(r.StatusChanged)
	doc.Activities.Rose = jactivities(in.Q, in.Lang, r.Rose)
	doc.Activities.Fell = jactivities(in.Q, in.Lang, r.Fell)
	return textfmt.JSON(doc)
}
