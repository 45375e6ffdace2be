package plan

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	names "github.com/cbrn-tool/cbrn/internal/words"
)

// MaxSupporting is how many supporting agencies an objective names in the documents (markdown,
// html); the others are counted. JSON and the workbook name them all.
const MaxSupporting = 4

// view is what a plan shows, in plain (unescaped) text: each renderer escapes it.
type view struct {
	Lang  string
	W     words
	Title string
	Who   string // country · organisation · respondent
	Src   string // questionnaire · date of the answers · targets

	HasScore                          bool
	Score, Target, Conservative, Comp string
	Counts                            string
	Unanswered                        string // a warning when questions are unanswered, else ""

	Pillars    []viewPillar
	Objectives []viewObjective
	Portfolio  []viewCount
}

type viewPillar struct {
	Name, Score, Target, Comp string
	Gaps                      int
}

type viewCount struct {
	Title, Category string
	Actions         int
}

type viewObjective struct {
	Rank                          int
	ID, Title, Theme, Pillar      string
	Lead, LeadShort, Supporting   string
	Timeframe, TimeframeShort     string
	Partners                      string
	Priority                      string
	Critical                      int
	ActionsLine                   string // "7 (2 critical)"
	Needs                         bool
	Actions                       []viewAction
	LeadID                        string
	SupportingIDs, PartnerIDs     []string
	SupportingList, PartnersList  []string
	TimeframeID, SectionsList     string
	SectionIDs                    []string
	PriorityValue                 float64
	PillarID                      string
	ActionCount                   int
	CriticalLine, SupportingShort string
}

type viewAction struct {
	ID, Text, From, To string
	FromLv, ToLv       *int
	Critical           bool
	Activities         string // titles, joined
	ActivityTitles     []string
	ActivityIDs        []string
	Category           string
	CategoryID         Category
	Indicator          string
	Agencies           string // every agency named on the question: who may know
	Section            string
}

func newView(p *Plan) *view {
	r := p.Result
	q := r.Questionnaire
	lang := p.Lang
	w := wordsFor(lang)
	v := &view{Lang: lang, W: w, Title: w.title}
	resp := p.Answers.Respondent
	var who []string
	for _, s := range []string{resp.Country, resp.Organisation, resp.Name} {
		if s = strings.TrimSpace(s); s != "" {
			who = append(who, s)
		}
	}
	v.Who = safe(strings.Join(who, " · "))
	src := []string{q.Title.Get(lang) + " (" + q.ID + " " + q.Version + ")"}
	if t := p.Answers.Updated; !t.IsZero() {
		src = append(src, fmt.Sprintf(w.answersOf, t.UTC().Format("2006-01-02")))
	} else if t := p.Answers.Created; !t.IsZero() {
		src = append(src, fmt.Sprintf(w.answersOf, t.UTC().Format("2006-01-02")))
	}
	switch {
	case p.Target.Next:
		src = append(src, w.targetsNext)
	case p.Target.Level != 0:
		src = append(src, fmt.Sprintf(w.targetsLevel, p.Target.Level))
	default:
		src = append(src, w.targetsOwn)
	}
	v.Src = safe(strings.Join(src, " · "))

	o := r.Overall
	v.HasScore = o.Score != nil
	v.Score, v.Target = number(o.Score, w), number(o.Target, w)
	v.Conservative, v.Comp = number(o.Conservative, w), percent(o.Completeness, w)
	critical := 0
	for _, g := range p.Gaps {
		if g.Q.Critical {
			critical++
		}
	}
	v.Counts = w.t.Count(w.counts, len(p.Gaps), critical) + " · " + w.t.Count(w.infoCount, len(p.InformationGaps))
	if p.Unanswered > 0 {
		v.Unanswered = w.t.Count(w.unansweredNote, p.Unanswered)
	}

	gapsIn := map[string]int{}
	for _, g := range p.Gaps {
		gapsIn[g.Q.Pillar]++
	}
	for i, id := range questionnaire.Pillars() {
		g := r.Pillars[i]
		v.Pillars = append(v.Pillars, viewPillar{Name: names.PillarName(id, lang), Score: number(g.Score, w),
			Target: number(g.Target, w), Comp: percent(g.Completeness, w), Gaps: gapsIn[id]})
	}
	for _, c := range p.Portfolio {
		v.Portfolio = append(v.Portfolio, viewCount{Title: safe(c.Activity.Title.Get(lang)), Actions: c.Actions,
			Category: w.categories[c.Category]})
	}
	for i := range p.Objectives {
		v.Objectives = append(v.Objectives, newViewObjective(q, &p.Objectives[i], lang, w))
	}
	return v
}

func newViewObjective(q *questionnaire.Questionnaire, o *Objective, lang string, w words) viewObjective {
	x := viewObjective{Rank: o.Rank, ID: o.ID, Title: safe(title(q, o, lang, w)), Needs: o.NeedsAssessment(),
		Priority: decimal(o.Priority, w), PriorityValue: o.Priority, Critical: o.Critical, PillarID: o.Pillar,
		TimeframeID: string(o.Timeframe), Timeframe: w.timeframes[o.Timeframe],
		TimeframeShort: w.timeframesShort[o.Timeframe], ActionCount: len(o.Actions)}
	var themes []string
	for _, s := range o.Sections {
		themes = append(themes, safe(s.Title.Get(lang)))
		x.SectionIDs = append(x.SectionIDs, s.ID)
	}
	x.Theme = strings.Join(themes, "; ")
	x.SectionsList = strings.Join(x.SectionIDs, ", ")
	x.Pillar = w.allPillars
	if o.Pillar != "" {
		x.Pillar = names.PillarName(o.Pillar, lang)
	}
	x.Lead, x.LeadShort = w.noLead, "—"
	if o.Lead != nil {
		x.LeadID = o.Lead.ID
		x.Lead = safe(o.Lead.Title.Get(lang))
		x.LeadShort = x.Lead
	}
	for _, ag := range o.Supporting {
		x.SupportingIDs = append(x.SupportingIDs, ag.ID)
		x.SupportingList = append(x.SupportingList, safe(ag.Title.Get(lang)))
	}
	x.Supporting = joinOr(x.SupportingList, w.none)
	if n := len(x.SupportingList); n > MaxSupporting+1 {
		x.Supporting = strings.Join(x.SupportingList[:MaxSupporting], "; ") + fmt.Sprintf(w.andMore, n-MaxSupporting)
	}
	for _, pt := range o.Partners {
		x.PartnerIDs = append(x.PartnerIDs, pt.ID)
		x.PartnersList = append(x.PartnersList, safe(pt.Title.Get(lang)))
	}
	x.Partners = joinOr(x.PartnersList, w.noPartners)
	x.ActionsLine = strconv.Itoa(len(o.Actions))
	if o.Critical > 0 {
		x.ActionsLine += fmt.Sprintf(w.criticalCount, o.Critical)
	}
	for i := range o.Actions {
		x.Actions = append(x.Actions, newViewAction(q, &o.Actions[i], lang, w))
	}
	return x
}

func newViewAction(q *questionnaire.Questionnaire, a *Action, lang string, w words) viewAction {
	x := a.Q
	va := viewAction{ID: safe(x.ID), Text: safe(x.Q.Text.Get(lang)), Critical: x.Critical, FromLv: a.From, ToLv: a.To,
		ActivityIDs: a.Activities, CategoryID: a.Category, Category: w.categories[a.Category],
		Indicator: safe(indicator(a, lang, w)), Section: safe(x.Q.Section.Title.Get(lang))}
	var titles []string
	for _, id := range a.Activities {
		titles = append(titles, safe(q.ActivityTitle(id, lang)))
	}
	va.Activities = strings.Join(titles, "; ")
	va.ActivityTitles = titles
	va.From, va.To = fromTo(a, lang, w)
	va.From, va.To = safe(va.From), safe(va.To)
	var ag []string
	for _, id := range x.Q.Agencies {
		if a, ok := q.Agency(id); ok {
			ag = append(ag, safe(a.Title.Get(lang)))
		}
	}
	va.Agencies = strings.Join(ag, ", ")
	return va
}

// Indicator is the evidence that shows an action's target is met, in lang: for a scale question
// its target level's text (the question's own, else the scale's description); for a yes/no
// question "yes"; for a choice the best choice; for a multiple choice the scoring choices not
// chosen yet;
// for a "don't know", a documented answer.
func Indicator(a *Action, lang string) string { return indicator(a, lang, wordsFor(lang)) }

// indicator is Indicator with the plan's words in lang already at hand.
func indicator(a *Action, lang string, w words) string {
	x := a.Q
	qq := x.Q
	if x.Status == score.Unknown {
		return w.infoIndicator
	}
	switch qq.Type {
	case questionnaire.TypeScale:
		if x.TargetLv != nil {
			if s := qq.LevelText(*x.TargetLv).Get(lang); s != "" {
				return s
			}
		}
	case questionnaire.TypeMulti:
		chosen := map[string]bool{}
		if a.Answer != nil {
			if ids, ok := a.Answer.Value.([]string); ok {
				for _, id := range ids {
					chosen[id] = true
				}
			}
		}
		var labels []string
		for _, c := range qq.Choices {
			if c.Score > 0 && !chosen[c.ID] {
				labels = append(labels, c.Label.Get(lang))
			}
		}
		if len(labels) > 0 {
			return w.alsoChosen + strings.Join(labels, "; ")
		}
	}
	// Otherwise the target as every product words it: the level, yes, the best choice, full.
	return w.t.Target(qq, x.TargetLv, x.TargetChoice, lang)
}

// fromTo is an action's current answer and target in words: "2 Initiated" → "4 Demonstrated",
// "No" → "Yes", a choice → the best choice, "2 of 5 chosen" → full, don't know → the target.
// Other than a multiple choice's count, the answer reads as in every product (words.Answer).
func fromTo(a *Action, lang string, w words) (from, to string) {
	x := a.Q
	qq := x.Q
	to = w.t.Target(qq, x.TargetLv, x.TargetChoice, lang)
	if x.Status == score.Unknown || a.Answer == nil {
		return w.t.T("answer.unknown"), to
	}
	if ids, ok := a.Answer.Value.([]string); ok && qq.Type == questionnaire.TypeMulti {
		// A count: the labels chosen may be many and long, and the indicator names the
		// ones still to add.
		return fmt.Sprintf(w.chosenOf, len(ids), len(qq.Choices)), to
	}
	return w.t.Answer(qq, a.Answer, lang), to
}

// safe makes a text from a file inert, on one line: every renderer gets it so.
func safe(s string) string { return textfmt.Safe(s, textfmt.Flat) }

func joinOr(xs []string, none string) string {
	if len(xs) == 0 {
		return none
	}
	return strings.Join(xs, "; ")
}

// decimal is a figure rounded to one decimal for people, as the words write numbers.
func decimal(x float64, w words) string { return w.t.Decimal(x) }

func number(p *float64, w words) string {
	if p == nil {
		return w.unscored
	}
	return w.t.Decimal(*p)
}

func percent(p *float64, w words) string {
	if p == nil {
		return w.unscored
	}
	return w.t.Percent(p)
}
