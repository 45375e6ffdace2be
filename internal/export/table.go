// Package export turns scored assessments into tidy (long) tables for analysts: one row per
// assessment and item (pillar, hazard, section, question or activity type), written as CSV,
// JSON or an Excel workbook. Building rows is pure; the writers only encode rows to an
// io.Writer; finding and reading files lives in files.go and pool.go.
package export

import (
	"fmt"
	"strings"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// Schema is the value of the `schema` key of the JSON export.
const Schema = "cbrn.export/v1"

// Level is the item a table has one row of per assessment.
type Level string

// The levels, in the order of the workbook's sheets.
const (
	Overview Level = "overview" // one row per assessment: overall figures and the score of each pillar and hazard
	Pillar   Level = "pillar"
	Hazard   Level = "hazard"
	Section  Level = "section"
	Question Level = "question"
	Activity Level = "activity"
)

// Levels lists every level in sheet order.
func Levels() []Level { return []Level{Overview, Pillar, Hazard, Section, Question, Activity} }

// Comparable reports whether rows of the level line up across different questionnaires: the
// pillars and hazards are fixed vocabulary, sections, questions and activity types are not.
func (l Level) Comparable() bool { return l == Overview || l == Pillar || l == Hazard }

// Sheet is the name of the level's sheet in the workbook.
func (l Level) Sheet() string {
	switch l {
	case Overview:
		return "Overview"
	case Pillar:
		return "Pillars"
	case Hazard:
		return "Hazards"
	case Section:
		return "Sections"
	case Question:
		return "Questions"
	case Activity:
		return "Activities"
	}
	return string(l)
}

// ParseLevel reads a --level value.
func ParseLevel(s string) (Level, error) {
	for _, l := range Levels() {
		if string(l) == s {
			return l, nil
		}
	}
	names := make([]string, 0, 6)
	for _, l := range Levels() {
		names = append(names, string(l))
	}
	return "", fmt.Errorf("unknown level %q; use one of: %s", s, strings.Join(names, ", "))
}

// Kind is the type of a column's cells.
type Kind uint8

// The kinds of cell.
const (
	Text     Kind = iota
	Number        // a float: full precision in CSV and JSON
	Integer       // a count or a level
	Bool          // true or false
	Time          // a UTC date and time (RFC 3339 in CSV and JSON)
	List          // ids, space-separated in CSV, an array in JSON
	Mixed         // an answer's value: number, bool, text or list, by question type
	Fraction      // a number in 0..1 shown as a percentage in the workbook
	Score         // a number in 0..100 shown with one decimal in the workbook
)

// Column describes a column of a table.
type Column struct {
	Name  string
	Kind  Kind
	Width float64 // in the workbook, in characters
	Help  string  // its meaning, for the README sheet and the documentation
}

// Value is one cell. Null is an empty CSV cell, a JSON null and an empty workbook cell.
// Numbers, integers and times (Unix seconds, UTC) are held in F; it is kept small because an
// export makes millions of them.
type Value struct {
	Kind Kind
	Null bool
	B    bool
	S    string
	F    float64
	L    []string
}

// Int is the value of an Integer cell.
func (v Value) Int() int { return int(v.F) }

// Time is the value of a Time cell.
func (v Value) Time() time.Time { return time.Unix(int64(v.F), 0).UTC() }

func text(s string) Value { return Value{Kind: Text, S: s} }

// optText is a text that may be absent: null when empty.
func optText(s string) Value { return Value{Kind: Text, S: s, Null: s == ""} }

func integer(n int) Value { return Value{Kind: Integer, F: float64(n)} }

func boolean(b bool) Value { return Value{Kind: Bool, B: b} }

func list(ids []string) Value {
	if ids == nil {
		ids = []string{}
	}
	return Value{Kind: List, L: ids}
}

func number(k Kind, p *float64) Value {
	if p == nil {
		return Value{Kind: k, Null: true}
	}
	return Value{Kind: k, F: *p}
}

func plain(f float64) Value { return Value{Kind: Number, F: f} }

func optInt(p *int) Value {
	if p == nil {
		return Value{Kind: Integer, Null: true}
	}
	return integer(*p)
}

func timestamp(t time.Time) Value {
	if t.IsZero() {
		return Value{Kind: Time, Null: true}
	}
	return Value{Kind: Time, F: float64(t.Unix())}
}

// Assessment is one answers file scored against its questionnaire.
type Assessment struct {
	Path   string // as given or found; the `file` column
	Q      *questionnaire.Questionnaire
	A      *answers.File
	Result *score.Result
}

var assessmentColumns = []Column{
	{"file", Text, 32, "the answers file, as named on the command line or found in a folder"},
	{"questionnaire", Text, 14, "id of the questionnaire answered"},
	{"questionnaire_version", Text, 10, "version of the questionnaire the answers were scored with"},
	{"country", Text, 24, "respondent: country"},
	{"organisation", Text, 28, "respondent: organisation"},
	{"respondent", Text, 18, "respondent: name"},
	{"role", Text, 16, "respondent: role"},
	{"created", Time, 18, "when the answers file was created (UTC)"},
	{"updated", Time, 18, "when the answers file was last updated (UTC)"},
}

var groupColumns = []Column{
	{"score", Score, 9, "Σ wᵢsᵢ / Σ wᵢ over answered questions, 0-100; empty when none is answered"},
	{"conservative", Score, 9, "the score with \"don't know\" answers counted as 0"},
	{"target", Score, 9, "Σ wᵢtᵢ / Σ wᵢ over answered questions, 0-100"},
	{"gap", Score, 9, "Σ wᵢ·max(0, tᵢ−sᵢ) / Σ wᵢ over answered questions, 0-100"},
	{"completeness", Fraction, 9, "answered / (answered + don't know + unanswered), 0-1"},
	{"answered", Integer, 9, "scored questions answered"},
	{"na", Integer, 9, "scored questions answered not applicable"},
	{"unknown", Integer, 9, "scored questions answered \"don't know\""},
	{"unanswered", Integer, 9, "scored questions shown but not answered"},
	{"skipped", Integer, 9, "scored questions hidden by their condition"},
}

func columns(level Level) []Column {
	cols := append([]Column(nil), assessmentColumns...)
	switch level {
	case Overview:
		cols = append(cols, groupColumns...)
		for _, p := range questionnaire.Pillars() {
			cols = append(cols, Column{p + "_score", Score, 9, "score of the " + p + " pillar"})
		}
		for _, h := range questionnaire.Hazards() {
			cols = append(cols, Column{h + "_score", Score, 9, "score of hazard " + h + " (" + words.HazardName(h, "en") + ")"})
		}
		return cols
	case Pillar:
		cols = append(cols,
			Column{"pillar", Text, 13, "pillar id: prevention, detection, preparedness or response"},
			Column{"pillar_title", Text, 14, "pillar name in the export's language"})
	case Hazard:
		cols = append(cols,
			Column{"hazard", Text, 7, "hazard id: C, B, R or N"},
			Column{"hazard_title", Text, 13, "hazard name in the export's language"})
	case Section:
		cols = append(cols,
			Column{"section", Text, 22, "section id"},
			Column{"section_title", Text, 36, "section title in the export's language"},
			Column{"pillar", Text, 13, "pillar of the section"})
	case Question:
		return append(cols,
			Column{"question", Text, 12, "question id"},
			Column{"question_text", Text, 50, "question text in the export's language"},
			Column{"section", Text, 22, "section id"},
			Column{"pillar", Text, 13, "pillar of the question"},
			Column{"hazards", List, 9, "hazards the question counts in (C B R N)"},
			Column{"type", Text, 8, "scale, yesno, choice, multi, number or text"},
			Column{"critical", Bool, 8, "whether the question is marked critical"},
			Column{"weight", Number, 8, "weight wᵢ"},
			Column{"status", Text, 11, "answered, na, unknown, unanswered, skipped or unscored (number and text questions)"},
			Column{"value", Mixed, 14, "the answer: a level, true/false, a choice id, choice ids, a number or a text; empty without one"},
			Column{"confidence", Text, 11, "documented, judgement or assumed, when given"},
			Column{"level", Integer, 7, "current level of an answered scale question"},
			Column{"target_level", Integer, 7, "target level of a scale question, after --target"},
			Column{"score", Score, 9, "sᵢ, 0-100, answered questions only"},
			Column{"target", Score, 9, "tᵢ, 0-100: the target level's score, or 100 for other scored types"},
			Column{"gap", Score, 9, "gᵢ = max(0, tᵢ−sᵢ); for \"don't know\" the whole target"},
			Column{"priority", Number, 9, "pᵢ = wᵢ·gᵢ; 0 without a gap"},
			Column{"activities", List, 30, "activity types the gap maps to"},
		)
	case Activity:
		return append(cols,
			Column{"activity", Text, 22, "activity type id"},
			Column{"activity_title", Text, 40, "activity type title in the export's language"},
			Column{"rank", Integer, 6, "rank by priority among the activity types with a gap (1 = first); empty without a gap"},
			Column{"priority", Number, 9, "Σ pᵢ over the gaps mapped to the activity type"},
			Column{"gaps", Integer, 6, "questions with a gap mapped to it"},
			Column{"critical_gaps", Integer, 8, "critical questions among them"},
			Column{"questions", List, 40, "those questions, critical first, then by priority"},
		)
	}
	return append(cols, groupColumns...)
}

// Columns returns the columns of a level's table, in order.
func Columns(level Level) []Column { return columns(level) }

// Block is the rows of one assessment at one level. Every row starts with the same cells,
// those of the assessment (Head, the columns file ... updated); Rows hold the rest, so that the
// head is built and encoded once per assessment rather than once per row.
type Block struct {
	Head []Value
	Rows [][]Value
}

// Len is the number of rows.
func (b Block) Len() int { return len(b.Rows) }

// Row returns row i in full, head included.
func (b Block) Row(i int) []Value {
	return append(append(make([]Value, 0, len(b.Head)+len(b.Rows[i])), b.Head...), b.Rows[i]...)
}

// Build makes the rows of one assessment at a level, in a fixed order: pillars and hazards in
// their fixed orders, sections, questions and activity types in questionnaire order. lang
// chooses the language of titles ("" for the questionnaire's default).
func Build(level Level, x *Assessment, lang string) Block {
	b, _ := build(level, x, lang, nil)
	return b
}

// build is Build with the cells of question rows laid out in scratch when it is large
// enough, so that a worker that encodes the block at once can reuse one array for every file.
// It returns the array the question cells are in, scratch itself when it was large enough.
func build(level Level, x *Assessment, lang string, scratch []Value) (b Block, cells []Value) {
	if lang == "" {
		lang = x.Q.DefaultLanguage()
	}
	res := x.Result
	b = Block{Head: assessmentValues(x)}
	switch level {
	case Overview:
		r := appendGroup(make([]Value, 0, len(groupColumns)+8), res.Overall)
		for _, g := range res.Pillars {
			r = append(r, number(Score, g.Score))
		}
		for _, g := range res.Hazards {
			r = append(r, number(Score, g.Score))
		}
		b.Rows = [][]Value{r}
	case Pillar:
		w := words.For(lang) // once per file, not once per row: it sets up a printer
		for _, g := range res.Pillars {
			r := append(make([]Value, 0, 12), text(g.ID), text(w.Pillar(g.ID)))
			b.Rows = append(b.Rows, appendGroup(r, g))
		}
	case Hazard:
		w := words.For(lang)
		for _, g := range res.Hazards {
			r := append(make([]Value, 0, 12), text(g.ID), text(w.Hazard(g.ID)))
			b.Rows = append(b.Rows, appendGroup(r, g))
		}
	case Section:
		for i, g := range res.Sections {
			r := append(make([]Value, 0, 13), text(g.ID), text(x.Q.Sections[i].Title.Get(lang)), text(g.Pillar))
			b.Rows = append(b.Rows, appendGroup(r, g))
		}
	case Question:
		// One backing array for all the rows of the assessment: fewer, larger allocations.
		cells = scratch[:0]
		if need := questionCells * len(res.Questions); cap(cells) < need {
			cells = make([]Value, 0, need)
		}
		b.Rows = make([][]Value, 0, len(res.Questions))
		for i := range res.Questions {
			start := len(cells)
			cells = questionRow(cells, &res.Questions[i], x.A.Get(res.Questions[i].ID), lang)
			b.Rows = append(b.Rows, cells[start:len(cells):len(cells)])
		}
	case Activity:
		b.Rows = activityRows(x, lang)
	}
	return b, cells
}

func assessmentValues(x *Assessment) []Value {
	r := x.A.Respondent
	return []Value{
		text(x.Path), text(x.Q.ID), optText(x.Q.Version),
		optText(r.Country), optText(r.Organisation), optText(r.Name), optText(r.Role),
		timestamp(x.A.Created), timestamp(x.A.Updated),
	}
}

func appendGroup(r []Value, g score.Group) []Value {
	return append(r,
		number(Score, g.Score), number(Score, g.Conservative), number(Score, g.Target), number(Score, g.Gap),
		number(Fraction, g.Completeness),
		integer(g.Answered), integer(g.NA), integer(g.Unknown), integer(g.Unanswered), integer(g.Skipped))
}

// questionCells is the number of cells of a question row after the head.
const questionCells = 18

func questionRow(r []Value, q *score.Question, a *answers.Answer, lang string) []Value {
	hazards := q.Hazards
	if hazards == nil {
		hazards = []string{}
	}
	confidence := ""
	if a != nil {
		confidence = a.Confidence
	}
	priority := plain(q.Priority)
	return append(r,
		text(q.ID), text(q.Q.Text.Get(lang)), text(q.Section), text(q.Pillar), list(hazards),
		text(string(q.Q.Type)), boolean(q.Critical), plain(q.Weight), text(string(q.Status)),
		answerValue(a), optText(confidence),
		optInt(q.Level), optInt(q.TargetLv),
		number(Score, q.Score), number(Score, q.Target), number(Score, q.Gap), priority,
		list(q.Activities),
	)
}

// answerValue is the value an answer gives, typed as the question's type normalised it.
func answerValue(a *answers.Answer) Value {
	if !a.HasValue() {
		return Value{Kind: Mixed, Null: true}
	}
	switch v := a.Value.(type) {
	case int:
		return integer(v)
	case float64:
		return Value{Kind: Number, F: v}
	case bool:
		return Value{Kind: Bool, B: v}
	case string:
		return Value{Kind: Text, S: v}
	case []string:
		return list(v)
	}
	return Value{Kind: Text, S: fmt.Sprint(a.Value)}
}

func activityRows(x *Assessment, lang string) [][]Value {
	ranked := map[string]int{}
	for i, a := range x.Result.Activities {
		ranked[a.ID] = i
	}
	critical := map[string]bool{}
	for i := range x.Result.Questions {
		if x.Result.Questions[i].Critical {
			critical[x.Result.Questions[i].ID] = true
		}
	}
	rows := make([][]Value, 0, len(x.Q.Activities))
	for _, act := range x.Q.Activities {
		r := append(make([]Value, 0, 7), text(act.ID), text(act.Title.Get(lang)))
		i, ok := ranked[act.ID]
		if !ok {
			rows = append(rows, append(r, Value{Kind: Integer, Null: true}, plain(0), integer(0), integer(0), list(nil)))
			continue
		}
		a := x.Result.Activities[i]
		crit := 0
		for _, id := range a.Questions {
			if critical[id] {
				crit++
			}
		}
		rows = append(rows, append(r, integer(i+1), plain(a.Priority), integer(len(a.Questions)), integer(crit), list(a.Questions)))
	}
	return rows
}
