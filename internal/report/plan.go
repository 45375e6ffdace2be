package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/plan"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// PlanFormats lists the formats RenderPlan knows, the default first.
func PlanFormats() []string { return []string{"markdown", "html"} }

// PlanTopCritical is how many critical gaps the plan's summary names.
const PlanTopCritical = 5

// PlanLeads is how many agencies an action names as likely to lead; the others tagged on its
// questions are listed as also concerned.
const PlanLeads = 3

// RenderPlan renders a draft national action plan.
func RenderPlan(format string, p *plan.Plan) ([]byte, error) {
	if p == nil || p.Result == nil || p.Answers == nil {
		return nil, fmt.Errorf("report: no plan to render")
	}
	v := newPlanView(p)
	switch format {
	case "markdown":
		return planMarkdown(v), nil
	case "html":
		return planHTML(v)
	}
	return nil, fmt.Errorf("report: unknown plan format %q (one of %s)", format, strings.Join(PlanFormats(), ", "))
}

// planView is what a plan shows, in plain (unescaped) text: each renderer escapes it.
type planView struct {
	Lang  string
	W     planWords
	Title string
	Who   string // country · organisation · respondent
	Src   string // questionnaire · date of the answers · targets

	HasScore                          bool
	Score, Target, Conservative, Comp string
	Counts                            string
	Unanswered                        string // a warning when questions are unanswered, else ""

	Pillars     []planPillar
	Actions     []planAction
	TopCritical []planGap
	MoreCrit    string
	InfoGaps    []planGap
}

type planPillar struct {
	Name, Score, Target, Comp string
	Gaps                      int
}

type planAction struct {
	Rank                      int
	ID, Title, Objective      string
	Priority                  string
	GapCount, Critical        int
	Leads                     []string // the first PlanLeads agencies: "Ministry of health (5)"
	Others                    []string // the other agencies tagged on its questions
	LeadTop                   string   // the first lead's title, or ""
	Gaps                      []planGap
	InfoNote                  string // "It also closes N information gaps", or ""
	GapsLine                  string // "12 (3 critical)"
	NoGapsAnswered, HasAnyGap bool
}

type planGap struct {
	ID, Text, From, To string
	Pillar, Hazards    string
	Agencies           string
	Critical           bool
}

func newPlanView(p *plan.Plan) *planView {
	r := p.Result
	q := r.Questionnaire
	lang := p.Lang
	w := planWordsFor(lang)
	v := &planView{Lang: lang, W: w, Title: w.title}
	resp := p.Answers.Respondent
	var who []string
	for _, s := range []string{resp.Country, resp.Organisation, resp.Name} {
		if s = strings.TrimSpace(s); s != "" {
			who = append(who, s)
		}
	}
	v.Who = strings.Join(who, " · ")
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
	v.Src = strings.Join(src, " · ")

	o := r.Overall
	v.HasScore = o.Score != nil
	v.Score, v.Target = planNumber(o.Score, w), planNumber(o.Target, w)
	v.Conservative, v.Comp = planNumber(o.Conservative, w), planPercent(o.Completeness, w)
	critical := 0
	for _, g := range p.Gaps {
		if g.Q.Critical {
			critical++
		}
	}
	v.Counts = planCount(w.counts, w.countsOne, len(p.Gaps), critical) + " · " +
		planCount(w.infoCount, w.infoCountOne, len(p.InformationGaps))
	if p.Unanswered > 0 {
		v.Unanswered = planCount(w.unansweredNote, w.unansweredOne, p.Unanswered)
	}

	gapsIn := map[string]int{}
	for _, g := range p.Gaps {
		gapsIn[g.Q.Pillar]++
	}
	for i, id := range questionnaire.Pillars() {
		g := r.Pillars[i]
		v.Pillars = append(v.Pillars, planPillar{Name: words.PillarName(id, lang), Score: planNumber(g.Score, w),
			Target: planNumber(g.Target, w), Comp: planPercent(g.Completeness, w), Gaps: gapsIn[id]})
	}

	for _, g := range p.Gaps {
		if g.Q.Critical {
			if len(v.TopCritical) < PlanTopCritical {
				v.TopCritical = append(v.TopCritical, newPlanGap(q, g, lang, w))
			}
		}
	}
	if critical > PlanTopCritical {
		v.MoreCrit = fmt.Sprintf(w.moreCritical, critical-PlanTopCritical)
	}
	for _, g := range p.InformationGaps {
		v.InfoGaps = append(v.InfoGaps, newPlanGap(q, g, lang, w))
	}

	for _, a := range p.Actions {
		x := planAction{Rank: a.Rank, ID: a.Activity.ID, Title: a.Activity.Title.Get(lang), Objective: a.Objective,
			Priority: planDecimal(a.Priority, w), GapCount: len(a.Gaps) + len(a.InformationGaps), Critical: a.Critical()}
		for i, l := range a.Leads {
			s := fmt.Sprintf("%s (%d)", l.Agency.Title.Get(lang), l.Gaps)
			if i < PlanLeads {
				x.Leads = append(x.Leads, s)
			} else {
				x.Others = append(x.Others, s)
			}
		}
		if len(a.Leads) > 0 {
			x.LeadTop = a.Leads[0].Agency.Title.Get(lang)
		}
		for _, g := range a.Gaps {
			x.Gaps = append(x.Gaps, newPlanGap(q, g, lang, w))
		}
		if n := len(a.InformationGaps); n > 0 {
			x.InfoNote = planCount(w.alsoInfo, w.alsoInfoOne, n)
		}
		crit := 0
		for _, g := range a.Gaps {
			if g.Q.Critical {
				crit++
			}
		}
		x.GapsLine = strconv.Itoa(len(a.Gaps))
		if crit > 0 {
			x.GapsLine += fmt.Sprintf(w.criticalCount, crit)
		}
		if n := len(a.InformationGaps); n > 0 {
			x.GapsLine += planCount(w.plusInfo, w.plusInfoOne, n)
		}
		v.Actions = append(v.Actions, x)
	}
	return v
}

func newPlanGap(q *questionnaire.Questionnaire, g plan.Gap, lang string, w planWords) planGap {
	x := g.Q
	hz := slices.Clone(x.Hazards)
	pg := planGap{ID: x.ID, Text: x.Q.Text.Get(lang), Pillar: words.PillarName(x.Pillar, lang),
		Hazards: strings.Join(hz, ", "), Critical: x.Critical}
	pg.From, pg.To = planFromTo(x, g, lang, w)
	var ag []string
	for _, id := range x.Q.Agencies {
		if a, ok := q.Agency(id); ok {
			ag = append(ag, a.Title.Get(lang))
		}
	}
	pg.Agencies = strings.Join(ag, ", ")
	return pg
}

// planFromTo is a gap's current answer and target in words: "2 Initiated" → "4 Demonstrated",
// "No" → "Yes", a choice → the best choice, don't know → the target.
func planFromTo(x *score.Question, g plan.Gap, lang string, w planWords) (from, to string) {
	qq := x.Q
	level := func(n int) string {
		if l, ok := qq.Scale.Level(n); ok {
			return fmt.Sprintf("%d %s", n, l.Label.Get(lang))
		}
		return strconv.Itoa(n)
	}
	switch qq.Type {
	case questionnaire.TypeScale:
		if x.TargetLv != nil {
			to = level(*x.TargetLv)
		}
	case questionnaire.TypeYesNo:
		to = w.yes
	case questionnaire.TypeChoice:
		best := -1.0
		for _, c := range qq.Choices {
			if c.Score > best {
				best, to = c.Score, c.Label.Get(lang)
			}
		}
	default:
		to = w.full
	}
	a := g.Answer
	switch {
	case x.Status == score.Unknown || a == nil:
		return w.dontKnow, to
	case x.Level != nil:
		return level(*x.Level), to
	}
	switch v := a.Value.(type) {
	case bool:
		if v {
			return w.yes, to
		}
		return w.no, to
	case string:
		if c, ok := qq.Choice(v); ok {
			return c.Label.Get(lang), to
		}
		return v, to
	case []string:
		labels := words.ChosenLabels(qq, v, lang)
		if len(labels) == 0 {
			return w.none, to
		}
		return strings.Join(labels, ", "), to
	}
	return questionnaire.Canonical(a.Value), to
}

// planCount fills a count into its plural form, or uses the singular one for 1 (whose other
// verbs, if any, come after).
func planCount(many, one string, n int, more ...any) string {
	if n == 1 {
		if strings.Contains(one, "%") {
			return fmt.Sprintf(one, more...)
		}
		return one
	}
	return fmt.Sprintf(many, append([]any{n}, more...)...)
}

// planDecimal is a figure rounded to one decimal for people, with the language's decimal mark.
func planDecimal(x float64, w planWords) string {
	s := strconv.FormatFloat(x, 'f', 1, 64)
	return strings.Replace(s, ".", w.decimalComma, 1)
}

func planNumber(p *float64, w planWords) string {
	if p == nil {
		return w.unscored
	}
	return planDecimal(*p, w)
}

func planPercent(p *float64, w planWords) string {
	if p == nil {
		return w.unscored
	}
	return planDecimal(*p*100, w) + " %"
}
