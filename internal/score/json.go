package score

import (
	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// The JSON forms shared by every JSON output of cbrn: the questionnaire a document is about,
// who answered, and a group's figures. Undefined figures and items not given are null, never
// zero or "".

// DocJSON begins every JSON document about one assessment: its schema, the questionnaire it
// answers and who answered.
type DocJSON struct {
	Schema        string         `json:"schema"`
	Questionnaire RefJSON        `json:"questionnaire"`
	Respondent    RespondentJSON `json:"respondent"`
}

// Doc is the beginning of a document of schema about answers r gave to q; text gives each
// item of the respondent as the document writes it (nil when not given).
func Doc(schema string, q *questionnaire.Questionnaire, r answers.Respondent, text func(string) *string) DocJSON {
	return DocJSON{Schema: schema, Questionnaire: RefJSON{ID: q.ID, Version: q.Version},
		Respondent: RespondentJSON{Name: text(r.Name), Organisation: text(r.Organisation), Country: text(r.Country), Role: text(r.Role)}}
}

// RefJSON names the questionnaire a document is about.
type RefJSON struct {
	ID      string `json:"id"`
	Version string `json:"version"`
}

// RespondentJSON is who answered; each item not given is null.
type RespondentJSON struct {
	Name         *string `json:"name"`
	Organisation *string `json:"organisation"`
	Country      *string `json:"country"`
	Role         *string `json:"role"`
}

// FiguresJSON are the five figures of a group, or their change from one assessment to the next.
type FiguresJSON struct {
	Score        *float64 `json:"score"`
	Conservative *float64 `json:"conservative"`
	Target       *float64 `json:"target"`
	Gap          *float64 `json:"gap"`
	Completeness *float64 `json:"completeness"`
}

// GroupJSON is the JSON form of a group's figures (GROUP in the design contract).
type GroupJSON struct {
	FiguresJSON
	Answered   int `json:"answered"`
	NA         int `json:"na"`
	Unknown    int `json:"unknown"`
	Unanswered int `json:"unanswered"`
	Skipped    int `json:"skipped"`
	// The mean level on 1..5 scales and its SPAR equivalent (mean level × 20); null without one.
	MeanLevel      *float64 `json:"mean_level"`
	SPAREquivalent *float64 `json:"spar_equivalent"`
}

// JSON gives the group's figures in their JSON form.
func (g Group) JSON() GroupJSON {
	return GroupJSON{FiguresJSON: FiguresJSON{g.Score, g.Conservative, g.Target, g.Gap, g.Completeness},
		Answered: g.Answered, NA: g.NA, Unknown: g.Unknown, Unanswered: g.Unanswered, Skipped: g.Skipped,
		MeanLevel: g.MeanLevel, SPAREquivalent: g.SPAREquivalent}
}
