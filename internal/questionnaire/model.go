// Package questionnaire holds the questionnaire model of the cbrn.questionnaire/v1 format,
// its strict loader and its validation. Everything here is pure except Load, which reads a file.
package questionnaire

import "slices"

// Schema is the value of the `schema` key of a questionnaire file.
const Schema = "cbrn.questionnaire/v1"

// Pillars in their fixed order.
var pillarIDs = []string{"prevention", "detection", "preparedness", "response"}

// Hazards in their fixed order.
var hazardIDs = []string{"C", "B", "R", "N"}

// Pillars returns the four pillar ids in their fixed order.
func Pillars() []string { return slices.Clone(pillarIDs) }

// Hazards returns the four hazard ids in their fixed order (C, B, R, N).
func Hazards() []string { return slices.Clone(hazardIDs) }

// Activity is a risk-mitigation activity type.
type Activity struct {
	ID      string
	Title   Text
	BuiltIn bool
}

// BuiltinActivities returns the seven activity types every questionnaire knows, in a fixed order.
func BuiltinActivities() []Activity {
	mk := func(id, en, fr string) Activity {
		return Activity{ID: id, Title: Text{Default: "en", Values: []Translation{{"en", en}, {"fr", fr}}}, BuiltIn: true}
	}
	return []Activity{
		mk("needs-assessment", "Needs and risk assessment", "Évaluation des besoins et des risques"),
		mk("action-plan", "National and regional action plan", "Plan d'action national et régional"),
		mk("capacity-building", "Capacity building and training", "Renforcement des capacités et formation"),
		mk("legal-review", "Legal framework review", "Revue du cadre juridique"),
		mk("tabletop-exercise", "Tabletop exercise", "Exercice sur table"),
		mk("field-exercise", "Real-time field exercise (including cross-border)", "Exercice grandeur nature (y compris transfrontalier)"),
		mk("best-practice-exchange", "Inter-regional exchange of best practices and lessons learnt", "Échange interrégional de bonnes pratiques et d'enseignements tirés"),
	}
}

// QuestionType is one of the six kinds of question.
type QuestionType string

// The question types.
const (
	TypeScale  QuestionType = "scale"
	TypeYesNo  QuestionType = "yesno"
	TypeChoice QuestionType = "choice"
	TypeMulti  QuestionType = "multi"
	TypeNumber QuestionType = "number"
	TypeText   QuestionType = "text"
)

var questionTypes = []string{"scale", "yesno", "choice", "multi", "number", "text"}

// Scored reports whether answers of this type are scored (number and text are context only).
func (t QuestionType) Scored() bool { return t != TypeNumber && t != TypeText }

// Questionnaire is a loaded, validated questionnaire.
type Questionnaire struct {
	ID          string
	Version     string
	Languages   []string // the first is the default
	Title       Text
	Description Text
	Target      int // the file's default target level; 0 when not given (each scale's top level)
	Scales      []*ScaleDef
	Activities  []Activity // built-ins first, then the file's own, in file order
	Agencies    []Agency
	Partners    []Partner   // international organisations and programmes, in file order
	Migrations  []Migration // how answers to earlier versions carry over, in file order
	Ladder      map[int][]string
	Sections    []*Section
	Questions   []*Question // every question in file order
	Digest      string      // "sha256:<hex>" of the file's bytes

	questionIndex map[string]*Question
	activityIndex map[string]*Activity
	agencyIndex   map[string]*Agency
	partnerIndex  map[string]*Partner
}

// ScaleDef is a named ordinal scale.
type ScaleDef struct {
	ID     string
	Levels []Level // ascending
}

// Level is one step of a scale. Score is in 0..1.
type Level struct {
	Level       int
	Label       Text
	Description Text
	Score       float64
}

// Agency is a body that may hold answers.
type Agency struct {
	ID    string
	Title Text
}

// Partner is an international organisation or programme that can support closing a gap.
type Partner struct {
	ID    string
	Title Text
}

// Migration says how answers given to an earlier version of the questionnaire carry over to
// this one. Questions it does not name carry over under their own id when still valid.
type Migration struct {
	From     string            // an earlier version
	Renamed  map[string]string // old id -> new id: the answer carries over
	Removed  []string          // the answer is not carried over
	Reworded []string          // meaning changed: the old answer becomes a note; asked again
}

// Section groups questions of one pillar.
type Section struct {
	ID        string
	Pillar    string
	Title     Text
	Questions []*Question
}

// Choice is an option of a choice or multi question. Score is in 0..1.
type Choice struct {
	ID    string
	Label Text
	Score float64
}

// Question is one question. Fields that do not apply to its type are zero.
type Question struct {
	ID         string
	Type       QuestionType
	Section    *Section
	Index      int // position in Questionnaire.Questions
	Text       Text
	Help       Text // zero when absent
	Hazards    []string
	Weight     float64
	Critical   bool
	Agencies   []string // the first is the lead
	Partners   []string
	References []string
	NAAllowed  bool
	When       *Condition

	// scale
	Scale  *ScaleDef
	Target int          // resolved target level: the question's own, else the file's, else the scale's top
	Levels map[int]Text // what each level means for this question; nil when absent

	// choice, multi
	Choices     []Choice
	choiceIndex map[string]int // choice id → index in Choices, set by the loader

	// number
	Min, Max *float64

	// Activities is the question's own list; ActivitiesByLevel its own map by current level.
	Activities        []string
	ActivitiesByLevel map[int][]string
}

// Question returns the question with the given id.
func (q *Questionnaire) Question(id string) (*Question, bool) {
	x, ok := q.questionIndex[id]
	return x, ok
}

// Activity returns the activity type with the given id.
func (q *Questionnaire) Activity(id string) (*Activity, bool) {
	a, ok := q.activityIndex[id]
	return a, ok
}

// ActivityTitle is the title of an activity type in lang, or its id when the questionnaire does
// not know it.
func (q *Questionnaire) ActivityTitle(id, lang string) string {
	if a, ok := q.Activity(id); ok {
		return a.Title.Get(lang)
	}
	return id
}

// Agency returns the agency with the given id.
func (q *Questionnaire) Agency(id string) (*Agency, bool) {
	a, ok := q.agencyIndex[id]
	return a, ok
}

// Partner returns the partner with the given id.
func (q *Questionnaire) Partner(id string) (*Partner, bool) {
	p, ok := q.partnerIndex[id]
	return p, ok
}

// DefaultLanguage is the first declared language.
func (q *Questionnaire) DefaultLanguage() string { return q.Languages[0] }

// HasLanguage reports whether lang is declared.
func (q *Questionnaire) HasLanguage(lang string) bool { return slices.Contains(q.Languages, lang) }

// ScoredQuestions counts the questions that are scored.
func (q *Questionnaire) ScoredQuestions() int {
	n := 0
	for _, x := range q.Questions {
		if x.Type.Scored() {
			n++
		}
	}
	return n
}

// Level returns the scale level with the given number.
func (s *ScaleDef) Level(n int) (*Level, bool) {
	for i := range s.Levels {
		if s.Levels[i].Level == n {
			return &s.Levels[i], true
		}
	}
	return nil, false
}

// Min is the lowest level; Max the highest.
func (s *ScaleDef) Min() int { return s.Levels[0].Level }

// Max is the highest level.
func (s *ScaleDef) Max() int { return s.Levels[len(s.Levels)-1].Level }

// Choice returns the choice with the given id.
func (q *Question) Choice(id string) (*Choice, bool) {
	// By index: a question may have thousands of choices and an answer as many, and a lookup
	// per chosen id must not make a hostile file take minutes.
	if q.choiceIndex != nil {
		i, ok := q.choiceIndex[id]
		if !ok {
			return nil, false
		}
		return &q.Choices[i], true
	}
	for i := range q.Choices {
		if q.Choices[i].ID == id {
			return &q.Choices[i], true
		}
	}
	return nil, false
}

// LevelText is what a level means for this question: its own text for that level, else the
// scale level's description; zero when the question has no such level.
func (q *Question) LevelText(level int) Text {
	if t, ok := q.Levels[level]; ok {
		return t
	}
	if q.Scale != nil {
		if l, ok := q.Scale.Level(level); ok {
			return l.Description
		}
	}
	return Text{}
}

// InHazard reports whether the question is tagged with hazard h.
func (q *Question) InHazard(h string) bool { return slices.Contains(q.Hazards, h) }
