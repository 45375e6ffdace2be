package prompt

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// Values of the options that are not answers. Choice ids cannot start with "!".
const (
	valUnknown = "!unknown"
	valNA      = "!na"
	valHelp    = "!help"
	valBack    = "!back"
	valNone    = "!none" // multi: none of the choices
	valDone    = "!done" // review: leave the list
)

// Scope narrows the questions asked: a question is asked when it matches every filter given
// (any of the pillars, any of the hazards, any of the sections, any of the agencies).
type Scope struct {
	Pillars, Hazards, Sections, Agencies []string
}

// Includes reports whether the scope covers question q.
func (s Scope) Includes(q *questionnaire.Question) bool {
	if len(s.Pillars) > 0 && !slices.Contains(s.Pillars, q.Section.Pillar) {
		return false
	}
	if len(s.Sections) > 0 && !slices.Contains(s.Sections, q.Section.ID) {
		return false
	}
	if len(s.Hazards) > 0 && !slices.ContainsFunc(s.Hazards, q.InHazard) {
		return false
	}
	if len(s.Agencies) > 0 && !slices.ContainsFunc(s.Agencies, func(a string) bool { return slices.Contains(q.Agencies, a) }) {
		return false
	}
	return true
}

// Flow asks the questions of a questionnaire and records the answers in an answers file,
// saving it after every change.
type Flow struct {
	Q     *questionnaire.Questionnaire
	A     *answers.File
	Lang  string
	Msg   *Messages
	P     Prompter
	Scope Scope
	// Save writes A to disk; the flow calls it after every change.
	Save func() error
	Now  func() time.Time
}

type outcome int

const (
	answered outcome = iota
	wentBack
)

// Asked returns the questions the flow asks now, in file order: those shown by the skip logic
// (given the answers so far) and inside the scope.
func (f *Flow) Asked() []*questionnaire.Question {
	shown := f.Q.Shown(f.A.Value)
	var list []*questionnaire.Question
	for _, q := range f.Q.Questions {
		if shown[q.Index] && f.Scope.Includes(q) {
			list = append(list, q)
		}
	}
	return list
}

// isAnswered: an answer that holds only a note (left by cbrn migrate for a reworded question)
// is to be answered again.
func (f *Flow) isAnswered(q *questionnaire.Question) bool { return f.A.Get(q.ID).Given() }

// next returns the first unanswered question after q in file order, else the first unanswered
// one at all, else nil. q nil starts from the top: where a resumed session picks up.
func (f *Flow) next(q *questionnaire.Question) *questionnaire.Question {
	list := f.Asked()
	var first *questionnaire.Question
	for _, x := range list {
		if f.isAnswered(x) {
			continue
		}
		if q == nil || x.Index > q.Index {
			return x
		}
		if first == nil {
			first = x
		}
	}
	return first
}

// previous returns the question asked before q, or nil at the first.
func (f *Flow) previous(q *questionnaire.Question) *questionnaire.Question {
	var prev *questionnaire.Question
	for _, x := range f.Asked() {
		if x.Index >= q.Index {
			break
		}
		prev = x
	}
	return prev
}

// Run asks every unanswered question, starting at the first, until all are answered. It returns
// ErrInterrupted or io.EOF when the respondent stops; every answer confirmed so far is saved.
func (f *Flow) Run() error {
	cur := f.next(nil)
	for cur != nil {
		out, err := f.ask(cur, false)
		if err != nil {
			return err
		}
		if out == wentBack {
			if prev := f.previous(cur); prev != nil {
				cur = prev
			}
			continue
		}
		cur = f.next(cur)
	}
	return nil
}

// Review lists the answered questions, lets the respondent change one, and repeats until done.
func (f *Flow) Review() error {
	for {
		var opts []Option
		opts = append(opts, Option{Value: valDone, Key: "0", Label: f.Msg.ReviewDone})
		n := 0
		for _, q := range f.Asked() {
			a := f.A.Get(q.ID)
			if !a.Given() {
				continue
			}
			n++
			opts = append(opts, Option{Value: q.ID, Key: strconv.Itoa(n),
				Label: fmt.Sprintf("%s · %s — %s", q.ID, f.describe(q, a), shorten(f.text(q.Text), 60))})
		}
		if n == 0 {
			return nil
		}
		v, err := f.P.Select(SelectPrompt{Heading: []string{f.Msg.ReviewHeading}, Title: f.Msg.Answer,
			Options: opts, Default: valDone, DefaultSet: true})
		if err != nil {
			return err
		}
		if v == valDone {
			return nil
		}
		q, ok := f.Q.Question(v)
		if !ok {
			return fmt.Errorf("no question %s", v)
		}
		if _, err := f.ask(q, true); err != nil {
			return err
		}
	}
}

// Respondent asks who is answering; every item may be skipped with Enter.
func (f *Flow) Respondent() error {
	r := &f.A.Respondent
	items := []struct {
		label string
		dst   *string
	}{{f.Msg.Name, &r.Name}, {f.Msg.Organisation, &r.Organisation}, {f.Msg.Country, &r.Country}, {f.Msg.Role, &r.Role}}
	for i, it := range items {
		var heading []string
		if i == 0 {
			heading = []string{f.Msg.RespondentHeading}
		}
		v, err := f.P.Input(InputPrompt{Heading: heading, Title: it.label + " " + f.Msg.Skip, Default: *it.dst})
		if err != nil {
			return err
		}
		if v == "-" {
			v = ""
		}
		if v != *it.dst {
			*it.dst = v
			if err := f.save(); err != nil {
				return err
			}
		}
	}
	return nil
}

func (f *Flow) save() error {
	f.A.Questionnaire = answers.Ref{ID: f.Q.ID, Version: f.Q.Version, Digest: f.Q.Digest}
	f.A.Updated = f.Now().UTC().Truncate(time.Second)
	return f.Save()
}

// response is what the respondent chose at the answer prompt.
type response struct {
	value   any // normalised, as answers.Answer.Value
	unknown bool
	na      bool
	help    bool
	back    bool
}

// ask asks one question until it is answered (saved) or the respondent goes back. In review
// the back option returns to the list.
func (f *Flow) ask(q *questionnaire.Question, review bool) (outcome, error) {
	showHelp := false
	for {
		prev := f.A.Get(q.ID)
		canBack := review || f.previous(q) != nil
		heading := f.heading(q, prev, showHelp)
		var r response
		var err error
		switch q.Type {
		case questionnaire.TypeMulti:
			r, err = f.askMulti(q, prev, heading, showHelp, canBack, review)
		case questionnaire.TypeNumber, questionnaire.TypeText:
			r, err = f.askInput(q, prev, heading, showHelp, canBack, review)
		default:
			r, err = f.askSelect(q, prev, heading, showHelp, canBack, review)
		}
		if err != nil {
			return answered, err
		}
		switch {
		case r.help:
			showHelp = true
			continue
		case r.back:
			return wentBack, nil
		}
		return answered, f.record(q, prev, r)
	}
}

// record saves the answer at once, then asks for the optional note and confidence, saving each.
func (f *Flow) record(q *questionnaire.Question, prev *answers.Answer, r response) error {
	now := f.Now().UTC().Truncate(time.Second)
	a := &answers.Answer{Value: r.value, Unknown: r.unknown, NA: r.na, At: now}
	if prev != nil {
		a.Note = prev.Note
		if a.HasValue() && prev.HasValue() {
			a.Confidence = prev.Confidence
		}
		if sameAnswer(prev, a) {
			a.At = prev.At
		}
	}
	if prev == nil || !sameAnswer(prev, a) {
		f.A.Set(q.ID, a)
		if err := f.save(); err != nil {
			return err
		}
	} else {
		a = prev
	}

	title, def := f.Msg.Note, a.Note
	if def != "" {
		title = f.Msg.NoteKeepHow
	}
	note, err := f.P.Input(InputPrompt{Title: title, Default: def, Context: q.ID + " · " + f.describe(q, a)})
	if err != nil {
		return err
	}
	if note == "-" {
		note = ""
	}
	if note != a.Note {
		a.Note = note
		if err := f.save(); err != nil {
			return err
		}
	}

	if q.Type != questionnaire.TypeScale || !a.HasValue() {
		return nil
	}
	conf, err := f.P.Select(SelectPrompt{Title: f.Msg.Confidence, Compact: true, Default: a.Confidence, DefaultSet: true,
		Context: q.ID + " · " + f.describe(q, a),
		Options: []Option{
			{Value: "", Key: "0", Label: f.Msg.ConfNone},
			{Value: "documented", Key: "1", Label: f.Msg.ConfDocumented},
			{Value: "judgement", Key: "2", Label: f.Msg.ConfJudgement},
			{Value: "assumed", Key: "3", Label: f.Msg.ConfAssumed},
		}})
	if err != nil {
		return err
	}
	if conf != a.Confidence {
		a.Confidence = conf
		return f.save()
	}
	return nil
}

func sameAnswer(x, y *answers.Answer) bool {
	if x.NA != y.NA || x.Unknown != y.Unknown {
		return false
	}
	xs, xl := x.Value.([]string)
	ys, yl := y.Value.([]string)
	if xl || yl {
		return xl && yl && slices.Equal(xs, ys)
	}
	return x.Value == y.Value
}

// heading is what the respondent sees above a question: where they are, the question, the
// current answer when there is one, and the help when asked for.
func (f *Flow) heading(q *questionnaire.Question, prev *answers.Answer, showHelp bool) []string {
	list := f.Asked()
	pos := slices.Index(list, q) + 1
	if pos == 0 { // a question outside the list (hidden since): count it where it stands
		pos = len(list) + 1
	}
	// "Detection · Laboratories", or the section title alone when it names its pillar already.
	where := f.text(q.Section.Title)
	if pillar := words.PillarName(q.Section.Pillar, f.Lang); !strings.HasPrefix(strings.ToLower(where), strings.ToLower(pillar)) {
		where = pillar + " · " + where
	}
	h := []string{
		fmt.Sprintf(f.Msg.Progress, where, pos, len(list)),
		q.ID + f.Msg.Colon + " " + f.text(q.Text),
	}
	switch {
	case prev.Given():
		h = append(h, fmt.Sprintf(f.Msg.Current, f.describe(q, prev))+" — "+f.Msg.KeepHint)
	case prev != nil && prev.Note != "":
		// A question to answer again: its note says what the earlier answer was.
		h = append(h, textfmt.Terminal(prev.Note))
	}
	if showHelp {
		if !q.Help.IsZero() {
			h = append(h, fmt.Sprintf(f.Msg.HelpHeading, f.text(q.Help)))
		}
		if len(q.References) > 0 {
			refs := make([]string, len(q.References))
			for i, r := range q.References {
				refs[i] = textfmt.Terminal(r)
			}
			h = append(h, fmt.Sprintf(f.Msg.Sources, strings.Join(refs, "; ")))
		}
	}
	return h
}

func (f *Flow) text(t questionnaire.Text) string { return textfmt.Terminal(t.Get(f.Lang)) }

func hasHelp(q *questionnaire.Question) bool { return !q.Help.IsZero() || len(q.References) > 0 }

// specials are the options that are not answers, in a fixed order.
func (f *Flow) specials(q *questionnaire.Question, showHelp, canBack, review bool) []Option {
	opts := []Option{{Value: valUnknown, Key: f.Msg.KeyDontKnow, Label: f.Msg.DontKnow, Exclusive: true, Action: true}}
	if q.NAAllowed {
		opts = append(opts, Option{Value: valNA, Key: f.Msg.KeyNotApplicable, Label: f.Msg.NotApplicable, Exclusive: true, Action: true})
	}
	if hasHelp(q) && !showHelp {
		opts = append(opts, Option{Value: valHelp, Key: f.Msg.KeyHelp, Label: f.Msg.Help, Exclusive: true, Action: true})
	}
	if canBack {
		label := f.Msg.Back
		if review {
			label = f.Msg.BackToList
		}
		opts = append(opts, Option{Value: valBack, Key: f.Msg.KeyBack, Label: label, Exclusive: true, Action: true})
	}
	return opts
}

// special turns a special option's value into a response.
func special(v string) (response, bool) {
	switch v {
	case valUnknown:
		return response{unknown: true}, true
	case valNA:
		return response{na: true}, true
	case valHelp:
		return response{help: true}, true
	case valBack:
		return response{back: true}, true
	}
	return response{}, false
}

// specialValue is the option value standing for an existing N/A or unknown answer.
func specialValue(a *answers.Answer) (string, bool) {
	switch {
	case a == nil:
		return "", false
	case a.Unknown:
		return valUnknown, true
	case a.NA:
		return valNA, true
	}
	return "", false
}

func (f *Flow) askSelect(q *questionnaire.Question, prev *answers.Answer, heading []string, showHelp, canBack, review bool) (response, error) {
	var opts []Option
	switch q.Type {
	case questionnaire.TypeScale:
		for _, l := range q.Scale.Levels {
			n := strconv.Itoa(l.Level)
			opts = append(opts, Option{Value: n, Key: n, Label: f.text(l.Label), Detail: f.text(q.LevelText(l.Level))})
		}
	case questionnaire.TypeYesNo:
		opts = append(opts, Option{Value: "true", Key: "1", Label: f.Msg.Yes}, Option{Value: "false", Key: "2", Label: f.Msg.No})
	case questionnaire.TypeChoice:
		for i, c := range q.Choices {
			opts = append(opts, Option{Value: c.ID, Key: strconv.Itoa(i + 1), Label: f.text(c.Label)})
		}
	}
	opts = append(opts, f.specials(q, showHelp, canBack, review)...)
	p := SelectPrompt{Heading: heading, Title: f.Msg.Answer, Options: opts}
	if v, ok := specialValue(prev); ok {
		p.Default, p.DefaultSet = v, true
	} else if prev.HasValue() {
		p.Default, p.DefaultSet = questionnaire.Canonical(prev.Value), true
	}
	v, err := f.P.Select(p)
	if err != nil {
		return response{}, err
	}
	if r, ok := special(v); ok {
		return r, nil
	}
	switch q.Type {
	case questionnaire.TypeScale:
		n, err := strconv.Atoi(v)
		if err != nil {
			return response{}, fmt.Errorf("question %s: %q is not a level", q.ID, v)
		}
		return response{value: n}, nil
	case questionnaire.TypeYesNo:
		return response{value: v == "true"}, nil
	}
	return response{value: v}, nil
}

func (f *Flow) askMulti(q *questionnaire.Question, prev *answers.Answer, heading []string, showHelp, canBack, review bool) (response, error) {
	// One "none of these": the questionnaire's own when it has one, else the tool's.
	none := valNone
	if c, ok := q.NoneChoice(); ok {
		none = c.ID
	}
	var opts []Option
	for i, c := range q.Choices {
		opts = append(opts, Option{Value: c.ID, Key: strconv.Itoa(i + 1), Label: f.text(c.Label), Exclusive: c.ID == none})
	}
	if none == valNone {
		opts = append(opts, Option{Value: valNone, Key: "0", Label: f.Msg.NoneOfThese, Exclusive: true})
	}
	opts = append(opts, f.specials(q, showHelp, canBack, review)...)
	p := MultiPrompt{Heading: heading, Title: f.Msg.Answer, Options: opts}
	if v, ok := specialValue(prev); ok {
		p.Default = []string{v}
	} else if prev.HasValue() {
		if ids, _ := prev.Value.([]string); len(ids) == 0 {
			p.Default = []string{none}
		} else {
			p.Default = slices.Clone(ids)
		}
	}
	vs, err := f.P.MultiSelect(p)
	if err != nil {
		return response{}, err
	}
	if len(vs) == 1 {
		if r, ok := special(vs[0]); ok {
			return r, nil
		}
		if vs[0] == valNone {
			return response{value: []string{}}, nil
		}
	}
	ids := []string{}
	for _, c := range q.Choices { // choice order, whatever order they were typed in
		if slices.Contains(vs, c.ID) {
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 {
		return response{}, fmt.Errorf("question %s: no choice made", q.ID)
	}
	return response{value: ids}, nil
}

func (f *Flow) askInput(q *questionnaire.Question, prev *answers.Answer, heading []string, showHelp, canBack, review bool) (response, error) {
	specials := f.specials(q, showHelp, canBack, review)
	keys := map[string]string{}
	var hints []string
	for _, o := range specials {
		keys[strings.ToLower(o.Key)] = o.Value
		hints = append(hints, o.Key+" = "+o.Label)
	}
	hint := fmt.Sprintf(f.Msg.InputHint, strings.Join(hints, ", "))
	if q.Type == questionnaire.TypeNumber {
		hint = f.numberHint(q) + "; " + hint
	}
	// How to answer comes before the help, which may be long: a small screen keeps it in view.
	at := 2
	if prev != nil {
		at = 3
	}
	p := InputPrompt{Heading: slices.Insert(slices.Clone(heading), min(at, len(heading)), hint), Title: f.Msg.Answer}
	if v, ok := specialValue(prev); ok {
		for _, o := range specials {
			if o.Value == v {
				p.Default = o.Key
			}
		}
	} else if prev.HasValue() {
		p.Default = questionnaire.Canonical(prev.Value)
	}
	p.Validate = func(s string) error {
		if _, ok := keys[strings.ToLower(s)]; ok {
			return nil
		}
		if s == "" {
			return fmt.Errorf("%s", f.Msg.EmptyAnswer)
		}
		if q.Type == questionnaire.TypeNumber {
			_, err := f.parseNumber(q, s)
			return err
		}
		return nil
	}
	v, err := f.P.Input(p)
	if err != nil {
		return response{}, err
	}
	if sv, ok := keys[strings.ToLower(v)]; ok {
		r, _ := special(sv)
		return r, nil
	}
	if q.Type == questionnaire.TypeNumber {
		x, err := f.parseNumber(q, v)
		if err != nil {
			return response{}, err
		}
		return response{value: x}, nil
	}
	if v == "" {
		return response{}, fmt.Errorf("question %s: empty answer", q.ID)
	}
	return response{value: v}, nil
}

func (f *Flow) numberHint(q *questionnaire.Question) string {
	switch {
	case q.Min != nil && q.Max != nil:
		return f.Msg.NumberHint + " " + fmt.Sprintf(f.Msg.RangeHint, f.Msg.words.Exact(*q.Min), f.Msg.words.Exact(*q.Max))
	case q.Min != nil:
		return f.Msg.NumberHint + ", " + fmt.Sprintf(f.Msg.MinHint, f.Msg.words.Exact(*q.Min))
	case q.Max != nil:
		return f.Msg.NumberHint + ", " + fmt.Sprintf(f.Msg.MaxHint, f.Msg.words.Exact(*q.Max))
	}
	return f.Msg.NumberHint
}

// parseNumber reads a number as typed; a decimal comma is accepted as well as a point.
func (f *Flow) parseNumber(q *questionnaire.Question, s string) (float64, error) {
	x, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(s, ",", "."), " ", ""), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf(f.Msg.NotANumber, s)
	}
	if q.Min != nil && x < *q.Min {
		return 0, fmt.Errorf(f.Msg.TooLow, f.Msg.words.Exact(x), f.Msg.words.Exact(*q.Min))
	}
	if q.Max != nil && x > *q.Max {
		return 0, fmt.Errorf(f.Msg.TooHigh, f.Msg.words.Exact(x), f.Msg.words.Exact(*q.Max))
	}
	return x, nil
}

// describe renders an answer for people: "3 · Established", "Yes", a choice's label, "Don't know".
func (f *Flow) describe(q *questionnaire.Question, a *answers.Answer) string {
	switch {
	case a.Unknown:
		return f.Msg.DontKnow
	case a.NA:
		return f.Msg.NotApplicable
	}
	switch v := a.Value.(type) {
	case int:
		if q.Scale != nil {
			if l, ok := q.Scale.Level(v); ok {
				return strconv.Itoa(v) + " · " + f.text(l.Label)
			}
		}
		return strconv.Itoa(v)
	case bool:
		if v {
			return f.Msg.Yes
		}
		return f.Msg.No
	case string:
		if c, ok := q.Choice(v); ok && q.Type == questionnaire.TypeChoice {
			return f.text(c.Label)
		}
		return textfmt.Terminal(v)
	case []string:
		if len(v) == 0 {
			return f.Msg.NoneOfThese
		}
		ids := words.ChosenIDs(q, v) // the questionnaire's order, as every output reads it
		labels := make([]string, len(ids))
		for i, id := range ids {
			labels[i] = textfmt.Terminal(id)
			if c, ok := q.Choice(id); ok {
				labels[i] = f.text(c.Label)
			}
		}
		return strings.Join(labels, ", ")
	case float64:
		return f.Msg.words.Exact(v)
	}
	return textfmt.Terminal(fmt.Sprint(a.Value))
}

// shorten cuts s to at most n characters, at a word boundary when it can.
func shorten(s string, n int) string { return textfmt.Truncate(s, n, true) }

// PillarCount counts the answers of one pillar among the questions in scope.
type PillarCount struct {
	Pillar                            string
	Questions, Answered, DontKnow, NA int
}

// Summary counts, per pillar in the fixed order, the questions in scope that are shown and how
// they were answered; unanswered is how many of them have no answer yet.
func (f *Flow) Summary() (counts []PillarCount, unanswered int) {
	byPillar := map[string]*PillarCount{}
	for _, p := range questionnaire.Pillars() {
		counts = append(counts, PillarCount{Pillar: p})
	}
	for i := range counts {
		byPillar[counts[i].Pillar] = &counts[i]
	}
	for _, q := range f.Asked() {
		c := byPillar[q.Section.Pillar]
		c.Questions++
		a := f.A.Get(q.ID)
		switch {
		case !a.Given():
			unanswered++
		case a.Unknown:
			c.DontKnow++
		case a.NA:
			c.NA++
		default:
			c.Answered++
		}
	}
	return counts, unanswered
}
