package compare

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/export"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// Formats returns the output formats of a comparison; the first is the default.
func Formats() []string { return []string{"table", "markdown", "json", "csv"} }

// Side is one of the two assessments compared.
type Side struct {
	Path string
	A    *answers.File
}

// Input is what a rendering needs: the questionnaire, both sides and their comparison.
type Input struct {
	Q         *questionnaire.Questionnaire
	Base, New Side
	Lang      string // language of titles; "" for the questionnaire's default
	Result    *Result
}

// Render renders a comparison in one of the Formats.
func Render(format string, in Input) ([]byte, error) {
	if in.Lang == "" {
		in.Lang = in.Q.DefaultLanguage()
	}
	switch format {
	case "table":
		return renderText(in, false)
	case "markdown":
		return renderText(in, true)
	case "json":
		return renderJSON(in)
	case "csv":
		return renderCSV(in)
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

// --- text: table and markdown ---

type textOut struct {
	buf bytes.Buffer
	md  bool
	err error
}

func (o *textOut) heading(s string) {
	if o.md {
		fmt.Fprintf(&o.buf, "\n## %s\n\n", s)
	} else {
		fmt.Fprintf(&o.buf, "\n%s\n\n", s)
	}
}

// wrap writes text after prefix, wrapped at spaces to the terminal width, the continuation
// lines indented as deep as the prefix. Markdown is not wrapped.
func (o *textOut) wrap(prefix, text string) {
	if o.md {
		o.line("%s%s", prefix, text)
		return
	}
	textfmt.WriteWrapped(&o.buf, text, prefix, strings.Repeat(" ", textfmt.DisplayWidth(prefix)), textfmt.Width)
}

// star marks critical questions.
func (o *textOut) star() string {
	if o.md {
		return `\*`
	}
	return "*"
}

func (o *textOut) line(format string, args ...any) {
	fmt.Fprintf(&o.buf, format+"\n", args...)
}

// text makes a user text safe for the output: no terminal controls; in Markdown, no markup,
// link, image or HTML, and no pipe or line break to split a table cell.
func (o *textOut) text(s string) string {
	if o.md {
		return textfmt.Markdown(s)
	}
	return textfmt.Terminal(s)
}

func (o *textOut) table(header []string, rows [][]string, right []bool) {
	if o.err != nil {
		return
	}
	if !o.md {
		o.err = textfmt.Table(&o.buf, header, rows, right)
		return
	}
	textfmt.MarkdownTable(&o.buf, header, rows, right) // cells are escaped already, by text
}

func renderText(in Input, md bool) ([]byte, error) {
	o := &textOut{md: md}
	r := in.Result
	if md {
		o.line("# Comparison of two assessments: %s %s", o.text(in.Q.ID), o.text(in.Q.Version))
		o.line("")
		o.line("- BASE: %s", o.text(describe(in.Base)))
		o.line("- NEW: %s", o.text(describe(in.New)))
	} else {
		o.line("Comparison of two assessments of %s %s", o.text(in.Q.ID), o.text(in.Q.Version))
		o.wrap("  BASE: ", o.text(describe(in.Base)))
		o.wrap("  NEW:  ", o.text(describe(in.New)))
	}

	o.heading("Verdict")
	pad := 0
	for _, d := range r.Pillars {
		pad = max(pad, len([]rune(words.PillarName(d.ID, in.Lang))))
	}
	for _, d := range r.Pillars {
		name := words.PillarName(d.ID, in.Lang)
		if md {
			o.line("- **%s**: %s", name, Verdict(d))
		} else {
			o.wrap(fmt.Sprintf("  %-*s  ", pad, name), Verdict(d))
		}
	}
	if md {
		o.line("- **Overall**: %s", Verdict(r.Overall))
	} else {
		o.wrap(fmt.Sprintf("  %-*s  ", pad, "Overall"), Verdict(r.Overall))
	}

	groupTable := func(title, first string, ds []Delta, name func(Delta) string) {
		o.heading(title)
		rows := make([][]string, 0, len(ds))
		for _, d := range ds {
			rows = append(rows, []string{name(d), num(d.Base.Score), num(d.New.Score), signed(d.Score),
				percent(d.Base.Completeness), percent(d.New.Completeness)})
		}
		o.table([]string{first, "BASE", "NEW", "CHANGE", "DONE BASE", "DONE NEW"}, rows, []bool{false, true, true, true, true, true})
	}
	groupTable("Pillars", "PILLAR", r.Pillars, func(d Delta) string { return words.PillarName(d.ID, in.Lang) })
	groupTable("Hazards", "HAZARD", r.Hazards, func(d Delta) string { return words.HazardName(d.ID, in.Lang) })
	groupTable("Sections", "SECTION", r.Sections, func(d Delta) string { return o.text(d.ID) })
	o.line("")
	o.wrap("", "Scores 0-100; DONE is completeness: answered / (answered + don't know + unanswered).")

	questionTable := func(title string, list []QuestionDelta) {
		if len(list) == 0 {
			return
		}
		o.heading(fmt.Sprintf("%s (%d)", title, len(list)))
		rows := make([][]string, 0, len(list))
		for _, d := range list {
			id := o.text(d.ID)
			if d.Critical {
				id += " " + o.star()
			}
			rows = append(rows, []string{id, words.PillarName(d.Pillar, in.Lang), answerLabel(d.Base), answerLabel(d.New), signed(d.Score)})
		}
		o.table([]string{"QUESTION", "PILLAR", "BASE", "NEW", "CHANGE"}, rows, []bool{false, false, true, true, true})
	}
	questionTable("Questions improved", r.Improved)
	questionTable("Questions worsened", r.Worsened)
	questionTable("Questions newly answered", r.NewlyAnswered)
	questionTable("Questions newly answered \"don't know\"", r.NewlyUnknown)
	questionTable("Other changes of status", r.StatusChanged)
	if len(r.Improved)+len(r.Worsened)+len(r.NewlyAnswered)+len(r.NewlyUnknown)+len(r.StatusChanged) == 0 {
		o.heading("Questions")
		o.line("No question changed.")
	} else {
		o.line("")
		o.wrap("", o.star()+" critical question. BASE and NEW: the score 0-100 (and level L), or the status.")
	}

	activityTable := func(title string, list []ActivityDelta) {
		if len(list) == 0 {
			return
		}
		o.heading(fmt.Sprintf("%s (%d)", title, len(list)))
		rows := make([][]string, 0, len(list))
		for _, a := range list {
			name := a.ID
			if md {
				name = in.Q.ActivityTitle(a.ID, in.Lang)
			}
			rows = append(rows, []string{o.text(name), strconv.FormatFloat(a.BasePriority, 'f', 1, 64), strconv.FormatFloat(a.NewPriority, 'f', 1, 64),
				signedValue(a.Change), rank(a.BaseRank) + " → " + rank(a.NewRank)})
		}
		o.table([]string{"ACTIVITY", "BASE", "NEW", "CHANGE", "RANK"}, rows, []bool{false, true, true, true, false})
	}
	activityTable("Activities whose priority rose", r.Rose)
	activityTable("Activities whose priority fell", r.Fell)
	if len(r.Rose)+len(r.Fell) == 0 {
		o.heading("Activities")
		o.line("No activity type changed priority.")
	} else {
		o.line("")
		o.wrap("", "Priority: the sum of weight × gap over the gaps mapped to the activity type; RANK among the types with a gap.")
	}
	return o.buf.Bytes(), o.err
}

func describe(s Side) string {
	var parts []string
	r := s.A.Respondent
	for _, x := range []string{r.Country, r.Organisation, r.Name} {
		if x != "" {
			parts = append(parts, x)
		}
	}
	if t := s.A.Updated; !t.IsZero() {
		parts = append(parts, "updated "+t.UTC().Format("2006-01-02"))
	} else if t := s.A.Created; !t.IsZero() {
		parts = append(parts, "created "+t.UTC().Format("2006-01-02"))
	}
	if v := s.A.Questionnaire.Version; v != "" {
		parts = append(parts, "answered version "+v)
	}
	if len(parts) == 0 {
		return s.Path
	}
	return s.Path + " (" + strings.Join(parts, ", ") + ")"
}

func num(p *float64) string {
	if p == nil {
		return "-"
	}
	return strconv.FormatFloat(*p, 'f', 1, 64)
}

func signed(p *float64) string {
	if p == nil {
		return "-"
	}
	return signedValue(*p)
}

func signedValue(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	switch {
	case s == "0.0" || s == "-0.0":
		return "0.0"
	case f > 0:
		return "+" + s
	}
	return s
}

func percent(p *float64) string {
	if p == nil {
		return "-"
	}
	return strconv.FormatFloat(*p*100, 'f', 0, 64) + "%"
}

func rank(n int) string {
	if n == 0 {
		return "-"
	}
	return strconv.Itoa(n)
}

func answerLabel(q *score.Question) string {
	switch q.Status {
	case score.Answered:
		s := num(q.Score)
		if q.Level != nil {
			s += fmt.Sprintf(" (L%d)", *q.Level)
		}
		return s
	case score.Unknown:
		return "don't know"
	case score.NA:
		return "n/a"
	}
	return string(q.Status)
}

// --- JSON ---

type jsonSide struct {
	File                 string            `json:"file"`
	QuestionnaireVersion *string           `json:"questionnaire_version"`
	Respondent           map[string]string `json:"respondent"`
	Created              *string           `json:"created"`
	Updated              *string           `json:"updated"`
}

type jsonChange struct {
	Score        *float64 `json:"score"`
	Conservative *float64 `json:"conservative"`
	Target       *float64 `json:"target"`
	Gap          *float64 `json:"gap"`
	Completeness *float64 `json:"completeness"`
}

type jsonDelta struct {
	ID      string          `json:"id,omitempty"`
	Pillar  string          `json:"pillar,omitempty"`
	Trend   Trend           `json:"trend"`
	Verdict string          `json:"verdict,omitempty"`
	Base    score.GroupJSON `json:"base"`
	New     score.GroupJSON `json:"new"`
	Change  jsonChange      `json:"change"`
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
	Schema        string `json:"schema"`
	Questionnaire struct {
		ID      string `json:"id"`
		Version string `json:"version"`
	} `json:"questionnaire"`
	Base      jsonSide    `json:"base"`
	New       jsonSide    `json:"new"`
	Overall   jsonDelta   `json:"overall"`
	Pillars   []jsonDelta `json:"pillars"`
	Hazards   []jsonDelta `json:"hazards"`
	Sections  []jsonDelta `json:"sections"`
	Questions struct {
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
		Change: jsonChange{d.Score, d.Conservative, d.Target, d.Gap, d.Completeness}}
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
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// --- CSV ---

// csvColumns are the columns of the CSV comparison: one row per item of every level (overall,
// pillar, hazard, section, question, activity), all of them, changed or not.
var csvColumns = []string{"level", "id", "pillar", "change",
	"base_score", "new_score", "score_change",
	"base_conservative", "new_conservative", "base_gap", "new_gap",
	"base_completeness", "new_completeness",
	"base_status", "new_status", "base_level", "new_level",
	"base_priority", "new_priority", "priority_change", "base_rank", "new_rank"}

func renderCSV(in Input) ([]byte, error) {
	r := in.Result
	var rows [][]export.Value
	txt := func(s string) export.Value { return export.Value{Kind: export.Text, S: s, Null: s == ""} }
	fl := func(p *float64) export.Value {
		if p == nil {
			return export.Value{Kind: export.Number, Null: true}
		}
		return export.Value{Kind: export.Number, F: *p}
	}
	val := func(f float64) export.Value { return export.Value{Kind: export.Number, F: f} }
	in2 := func(p *int) export.Value {
		if p == nil {
			return export.Value{Kind: export.Integer, Null: true}
		}
		return export.Value{Kind: export.Integer, F: float64(*p)}
	}
	rk := func(n int) export.Value {
		if n == 0 {
			return export.Value{Kind: export.Integer, Null: true}
		}
		return export.Value{Kind: export.Integer, F: float64(n)}
	}
	null := export.Value{Null: true}
	addGroup := func(level string, d Delta, pillar string) {
		rows = append(rows, []export.Value{txt(level), txt(d.ID), txt(pillar), txt(string(d.Trend)),
			fl(d.Base.Score), fl(d.New.Score), fl(d.Score),
			fl(d.Base.Conservative), fl(d.New.Conservative), fl(d.Base.Gap), fl(d.New.Gap),
			fl(d.Base.Completeness), fl(d.New.Completeness),
			null, null, null, null, null, null, null, null, null})
	}
	addGroup("overall", r.Overall, "")
	for _, d := range r.Pillars {
		addGroup("pillar", d, d.ID)
	}
	for _, d := range r.Hazards {
		addGroup("hazard", d, "")
	}
	for _, d := range r.Sections {
		addGroup("section", d, d.Pillar)
	}
	for _, d := range r.Questions {
		rows = append(rows, []export.Value{txt("question"), txt(d.ID), txt(d.Pillar), txt(string(d.Change)),
			fl(d.Base.Score), fl(d.New.Score), fl(d.Score),
			null, null, fl(d.Base.Gap), fl(d.New.Gap), null, null,
			txt(string(d.Base.Status)), txt(string(d.New.Status)), in2(d.Base.Level), in2(d.New.Level),
			val(d.Base.Priority), val(d.New.Priority), val(d.Priority), null, null})
	}
	for _, a := range r.Activities {
		change := "unchanged"
		switch {
		case a.Rose():
			change = "rose"
		case a.Fell():
			change = "fell"
		}
		rows = append(rows, []export.Value{txt("activity"), txt(a.ID), null, txt(change),
			null, null, null, null, null, null, null, null, null, null, null, null, null,
			val(a.BasePriority), val(a.NewPriority), val(a.Change), rk(a.BaseRank), rk(a.NewRank)})
	}
	cols := make([]export.Column, len(csvColumns))
	for i, c := range csvColumns {
		cols[i] = export.Column{Name: c}
	}
	var buf bytes.Buffer
	w, err := export.NewCSV(&buf, cols)
	if err != nil {
		return nil, err
	}
	if err := w.Write(w.Encode(nil, export.Block{Rows: rows})); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
