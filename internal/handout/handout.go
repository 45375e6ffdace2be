package handout

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// Input is what the handout renderers (`cbrn print`) read.
type Input struct {
	Questionnaire *questionnaire.Questionnaire
	Lang          string   // a language of the questionnaire; "" for its first
	Pillars       []string // only the questions of these pillars; none for all
	Agencies      []string // only the questions tagged with one of these agencies; none for all
}

// Formats lists the formats Render knows, the default first.
func Formats() []string { return []string{"markdown", "html"} }

// Questions are the questions a handout holds, in questionnaire order: those of one of the
// pillars given and tagged with one of the agencies given — the questions `cbrn assess` asks with
// the same --pillar and --agency filters.
func Questions(q *questionnaire.Questionnaire, pillars, agencies []string) []*questionnaire.Question {
	var out []*questionnaire.Question
	for _, x := range q.Questions {
		if len(pillars) > 0 && !slices.Contains(pillars, x.Section.Pillar) {
			continue
		}
		if len(agencies) > 0 && !slices.ContainsFunc(x.Agencies, func(a string) bool { return slices.Contains(agencies, a) }) {
			continue
		}
		out = append(out, x)
	}
	return out
}

// Render renders the questionnaire as a handout to print and fill in by hand.
func Render(format string, in Input) ([]byte, error) {
	if in.Questionnaire == nil {
		return nil, fmt.Errorf("handout: no questionnaire to print")
	}
	v := newHandout(in)
	switch format {
	case "markdown":
		return handoutMarkdown(v), nil
	case "html":
		return handoutHTML(v)
	}
	return nil, fmt.Errorf("handout: unknown handout format %q (one of %s)", format, strings.Join(Formats(), ", "))
}

// handout is what a handout shows, in plain (unescaped) text: each renderer escapes it.
type handout struct {
	Lang        string
	W           printWords
	Title       string
	ID, Version string
	Description string
	Filter      string // which part of the questionnaire this is, when filtered
	Count       int
	Sections    []handoutSection
}

type handoutSection struct {
	N         int
	ID        string
	Pillar    string // display name
	Title     string
	Heading   string // the title, after the pillar's name unless the title starts with it
	Count     string // "5 questions"
	Questions []handoutQuestion
}

type handoutQuestion struct {
	ID, Text, Help string
	Critical       bool
	Facts          []string // hazards, weight, agencies, sources
	When           string   // "Answer only if …", or ""
	Hint           string   // "Tick all that apply.", or the range of a number
	Options        []handoutOption
	Field          bool // an answer to write in (number, text)
	Lines          int  // lines to write it on
}

type handoutOption struct {
	Label, Detail string
}

func newHandout(in Input) *handout {
	q := in.Questionnaire
	lang := in.Lang
	if lang == "" {
		lang = q.DefaultLanguage()
	}
	w := printWordsFor(lang)
	h := &handout{Lang: lang, W: w, Title: q.Title.Get(lang), ID: q.ID, Version: q.Version,
		Description: q.Description.Get(lang)}
	var filter []string
	if len(in.Pillars) > 0 {
		var names []string
		for _, p := range questionnaire.Pillars() {
			if slices.Contains(in.Pillars, p) {
				names = append(names, words.PillarName(p, lang))
			}
		}
		filter = append(filter, strings.Join(names, ", "))
	}
	if len(in.Agencies) > 0 {
		var names []string
		for _, a := range q.Agencies {
			if slices.Contains(in.Agencies, a.ID) {
				names = append(names, a.Title.Get(lang))
			}
		}
		filter = append(filter, strings.Join(names, ", "))
	}
	h.Filter = strings.Join(filter, " · ")

	selected := Questions(q, in.Pillars, in.Agencies)
	h.Count = len(selected)
	var cur *handoutSection
	for _, x := range selected {
		if cur == nil || cur.ID != x.Section.ID {
			h.Sections = append(h.Sections, handoutSection{N: len(h.Sections) + 1, ID: x.Section.ID,
				Pillar: words.PillarName(x.Section.Pillar, lang), Title: x.Section.Title.Get(lang)})
			cur = &h.Sections[len(h.Sections)-1]
		}
		cur.Questions = append(cur.Questions, handoutQuestionOf(q, x, lang, w))
	}
	for i := range h.Sections {
		s := &h.Sections[i]
		s.Heading = s.Pillar + " — " + s.Title
		if strings.HasPrefix(strings.ToLower(s.Title), strings.ToLower(s.Pillar)) {
			s.Heading = s.Title
		}
		s.Count = w.t.Count("handout.questions", len(s.Questions))
	}
	return h
}

func handoutQuestionOf(q *questionnaire.Questionnaire, x *questionnaire.Question, lang string, w printWords) handoutQuestion {
	hq := handoutQuestion{ID: x.ID, Text: x.Text.Get(lang), Help: x.Help.Get(lang), Critical: x.Critical}
	hazards := make([]string, len(x.Hazards))
	for i, z := range x.Hazards {
		hazards[i] = words.HazardName(z, lang)
	}
	hq.Facts = append(hq.Facts, w.hazards+w.colon+strings.Join(hazards, ", "))
	if x.Type.Scored() && x.Weight != 1 {
		hq.Facts = append(hq.Facts, w.weight+w.colon+w.t.Exact(x.Weight))
	}
	if len(x.Agencies) > 0 {
		var names []string
		for _, id := range x.Agencies {
			if a, ok := q.Agency(id); ok {
				names = append(names, a.Title.Get(lang))
			}
		}
		hq.Facts = append(hq.Facts, w.heldBy+w.colon+strings.Join(names, ", "))
	}
	if len(x.References) > 0 {
		hq.Facts = append(hq.Facts, w.sources+w.colon+strings.Join(x.References, w.refSep))
	}
	if x.When != nil {
		hq.When = w.askOnlyIf + w.colon + printCondition(q, x.When, lang, w) + "."
	}
	switch x.Type {
	case questionnaire.TypeScale:
		for _, l := range x.Scale.Levels {
			hq.Options = append(hq.Options, handoutOption{Label: fmt.Sprintf("%d %s", l.Level, l.Label.Get(lang)), Detail: x.LevelText(l.Level).Get(lang)})
		}
	case questionnaire.TypeYesNo:
		hq.Options = append(hq.Options, handoutOption{Label: w.yes}, handoutOption{Label: w.no})
	case questionnaire.TypeChoice, questionnaire.TypeMulti:
		for _, c := range x.Choices {
			hq.Options = append(hq.Options, handoutOption{Label: c.Label.Get(lang)})
		}
		if x.Type == questionnaire.TypeMulti {
			hq.Hint = w.tickAll
		}
	case questionnaire.TypeNumber:
		hq.Field, hq.Lines = true, 1
		num := func(p *float64) string { return w.t.Exact(*p) }
		switch {
		case x.Min != nil && x.Max != nil:
			hq.Hint = fmt.Sprintf(w.between, num(x.Min), num(x.Max))
		case x.Min != nil:
			hq.Hint = fmt.Sprintf(w.from, num(x.Min))
		case x.Max != nil:
			hq.Hint = fmt.Sprintf(w.upTo, num(x.Max))
		}
	case questionnaire.TypeText:
		hq.Field, hq.Lines = true, 3
	}
	hq.Options = append(hq.Options, handoutOption{Label: w.dontKnow})
	if x.NAAllowed {
		hq.Options = append(hq.Options, handoutOption{Label: w.notApplicable})
	}
	return hq
}

// printCondition says when a question is asked, in words: "PRV-01 is at least 3 and not
// (PRV-02 is No)".
func printCondition(q *questionnaire.Questionnaire, c *questionnaire.Condition, lang string, w printWords) string {
	switch c.Op {
	case questionnaire.OpAll, questionnaire.OpAny:
		joiner := " " + w.and + " "
		if c.Op == questionnaire.OpAny {
			joiner = " " + w.or + " "
		}
		parts := make([]string, len(c.Children))
		for i, ch := range c.Children {
			parts[i] = printSubCondition(q, ch, lang, w)
		}
		return strings.Join(parts, joiner)
	case questionnaire.OpNot:
		return w.not + " (" + printCondition(q, c.Children[0], lang, w) + ")"
	}
	target, _ := q.Question(c.Question)
	multi := target != nil && target.Type == questionnaire.TypeMulti
	labels := make([]string, len(c.Values))
	for i, v := range c.Values {
		labels[i] = printConditionValue(target, v, lang, w)
	}
	bound := w.t.Exact(c.Bound)
	switch c.Op {
	case questionnaire.OpEquals:
		if multi {
			return fmt.Sprintf(w.includes, c.Question, strings.Join(labels, ""))
		}
		return fmt.Sprintf(w.is, c.Question, strings.Join(labels, ""))
	case questionnaire.OpIn:
		list := strings.Join(labels, " "+w.or+" ")
		if multi {
			return fmt.Sprintf(w.includesOneOf, c.Question, list)
		}
		return fmt.Sprintf(w.isOneOf, c.Question, list)
	case questionnaire.OpMin:
		return fmt.Sprintf(w.atLeast, c.Question, bound)
	case questionnaire.OpMax:
		return fmt.Sprintf(w.atMost, c.Question, bound)
	}
	return c.Question
}

// printSubCondition brackets a combination inside another one.
func printSubCondition(q *questionnaire.Questionnaire, c *questionnaire.Condition, lang string, w printWords) string {
	s := printCondition(q, c, lang, w)
	if c.Op == questionnaire.OpAll || c.Op == questionnaire.OpAny {
		return "(" + s + ")"
	}
	return s
}

// printConditionValue names a value a condition compares with: a choice's label, yes or no,
// a level with its label.
func printConditionValue(target *questionnaire.Question, v, lang string, w printWords) string {
	if target == nil {
		return v
	}
	switch target.Type {
	case questionnaire.TypeYesNo:
		if v == "true" {
			return w.yes
		}
		return w.no
	case questionnaire.TypeChoice, questionnaire.TypeMulti:
		if c, ok := target.Choice(v); ok {
			return "“" + c.Label.Get(lang) + "”"
		}
	case questionnaire.TypeScale:
		if n, err := strconv.Atoi(v); err == nil {
			if l, ok := target.Scale.Level(n); ok {
				return fmt.Sprintf("%d (%s)", n, l.Label.Get(lang))
			}
		}
	case questionnaire.TypeText:
		return "“" + v + "”"
	}
	return v
}
