package report

import (
	"slices"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// The human formats (table, markdown, html) show the same briefing, built here once.

// TopGaps is how many gaps the table lists by name; the others are counted.
const TopGaps = 10

// IndicativeBelow is the completeness under which the scores are called indicative.
const IndicativeBelow = 0.75

// view is what a human report shows, in one language, with texts not yet escaped.
type view struct {
	lang       string
	t          words.Words // the tool's words in lang (English when the tool lacks lang)
	r          *score.Result
	q          *questionnaire.Questionnaire
	a          *answers.File
	title      string
	who        string // respondent line, "" when the file names nobody
	source     string // questionnaire, date of the answers, targets
	gaps       []gap  // every question with a gap: critical first, then by priority, ties in file order
	activities []activity
	tables     textfmt.Tables // the terminal tables' one writer
}

type gap struct {
	Q    *score.Question
	Text string // the question, in the report's language
}

// fromTo is a gap's current answer and target in words ("2 Initiated" → "4 Demonstrated",
// "No" → "Yes", "don't know"), worded only for the gaps a format shows (the terminal, ten).
func (v *view) fromTo(g gap) (from, to string) {
	return v.t.Answer(g.Q.Q, v.a.Get(g.Q.ID), v.lang), v.t.Target(g.Q.Q, g.Q.TargetLv, g.Q.TargetChoice, v.lang)
}

type activity struct {
	ID        string
	Title     string
	Priority  float64
	Share     float64           // Priority over the weighted gap (score.Activity.Share)
	Questions []*score.Question // as ranked by the engine
}

func newView(in Input) *view {
	r := in.Result
	q := r.Questionnaire
	lang := Language(in)
	v := &view{lang: lang, t: words.For(lang), r: r, q: q, a: in.Answers}
	v.title = q.Title.Get(v.lang)
	v.who = respondentLine(in, v.lang)
	v.source = v.sourceLine(in)

	byID := map[string]*score.Question{}
	for i := range r.Questions {
		byID[r.Questions[i].ID] = &r.Questions[i]
	}
	for _, x := range r.Gaps() {
		v.gaps = append(v.gaps, gap{Q: x, Text: x.Q.Text.Get(v.lang)})
	}
	for _, a := range r.Activities {
		act := activity{ID: a.ID, Title: q.ActivityTitle(a.ID, v.lang), Priority: a.Priority, Share: a.Share}
		for _, id := range a.Questions {
			act.Questions = append(act.Questions, byID[id])
		}
		v.activities = append(v.activities, act)
	}
	return v
}

// w is the report's message of key (report.<key> in the catalogue) with its arguments.
func (v *view) w(key string, args ...any) string { return v.t.T("report."+key, args...) }

func respondentLine(in Input, lang string) string {
	p := in.Answers.Respondent
	var parts []string
	for _, s := range []string{p.Country, p.Organisation} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	switch {
	case p.Name != "" && p.Role != "":
		parts = append(parts, p.Name+", "+p.Role)
	case p.Name != "":
		parts = append(parts, p.Name)
	case p.Role != "":
		parts = append(parts, p.Role)
	}
	return strings.Join(parts, " · ")
}

func (v *view) sourceLine(in Input) string {
	parts := []string{v.q.ID + " " + v.q.Version}
	if t := in.Answers.Updated; !t.IsZero() {
		parts = append(parts, v.w("answersOf", t.UTC().Format("2006-01-02")))
	} else if t := in.Answers.Created; !t.IsZero() {
		parts = append(parts, v.w("answersOf", t.UTC().Format("2006-01-02")))
	}
	switch t := v.r.Options.Target; {
	case t.Next:
		parts = append(parts, v.w("targetsNext"))
	case t.Level != 0:
		parts = append(parts, v.w("targetsLevel", t.Level, t.Level))
	default:
		parts = append(parts, v.w("targetsOwn"))
	}
	return strings.Join(parts, " · ")
}

// indicative reports whether the overall completeness is below IndicativeBelow.
func (v *view) indicative() bool {
	c := v.r.Overall.Completeness
	return c != nil && *c < IndicativeBelow
}

// spar is the SPAR-equivalent figure of the headline, the overall mean level on 1..5 scales
// × 20 as a percentage, and the note that says how it is reached; both "" when no question on
// such a scale is answered. cbrn scores level 3 as 50, SPAR as 60 %: the line lets a reader
// compare with SPAR without mixing the two.
func (v *view) spar() (value, note string) {
	o := v.r.Overall
	if o.SPAREquivalent == nil || o.MeanLevel == nil {
		return "", ""
	}
	share := *o.SPAREquivalent / 100
	// Two decimals for the mean level, so that the product reads right: 2.45 × 20 = 49.0.
	return v.t.Percent(&share), v.w("sparNote", v.t.Decimals(*o.MeanLevel, 2))
}

// applicable is the number of questions completeness counts: answered, don't know, unanswered.
func applicable(g score.Group) int { return g.Answered + g.Unknown + g.Unanswered }

// brief is the few sentences a reader acts on: the weakest pillar and hazard, the least
// complete pillar when it is too incomplete to trust, the gaps, and the first activity.
func (v *view) brief() []string {
	var out []string
	if id := v.r.WeakestPillar; id != "" && v.r.ScoredPillars > 1 {
		g := v.r.Pillars[slices.IndexFunc(v.r.Pillars, func(g score.Group) bool { return g.ID == id })]
		out = append(out, v.w("weakestPillar", v.t.Pillar(g.ID), v.t.Number(g.Score), v.t.Number(g.Target)))
	}
	if id := v.r.WeakestHazard; id != "" {
		g := v.r.Hazards[slices.IndexFunc(v.r.Hazards, func(g score.Group) bool { return g.ID == id })]
		out = append(out, v.w("weakestHazard", v.t.Hazard(g.ID), v.t.Number(g.Score), v.t.Number(g.Target)))
	}
	var least *score.Group
	for i, g := range v.r.Pillars {
		if c := g.Completeness; c != nil && *c < IndicativeBelow && (least == nil || *c < *least.Completeness) {
			least = &v.r.Pillars[i]
		}
	}
	if least != nil {
		out = append(out, v.w("leastComplete", v.t.Pillar(least.ID), v.t.Percent(least.Completeness)))
	}
	critical := 0
	for _, g := range v.gaps {
		if g.Q.Critical {
			critical++
		}
	}
	switch {
	case len(v.gaps) == 0:
		out = append(out, v.w("gapsNone"))
	case len(v.gaps) == 1 && critical == 1:
		out = append(out, v.w("gapOneCritical"))
	case len(v.gaps) == 1:
		out = append(out, v.w("gapOne"))
	case critical == 0:
		out = append(out, v.w("gapsCountNone", len(v.gaps)))
	default:
		out = append(out, v.w("gapsCount", len(v.gaps), critical))
	}
	if u := v.r.Overall.Unknown; u > 0 {
		out = append(out, v.w("unknownBrief", u))
	}
	if len(v.activities) > 0 {
		a := v.activities[0]
		out = append(out, v.w("firstActivity", a.Title, v.gapCount(len(a.Questions))))
	}
	return out
}

// priorityLine is an activity's priority with its share of the total priority of all gaps: a
// question maps to several activities, so the shares add up to more than 100 %.
func (v *view) priorityLine(a activity) string {
	return v.w("priority") + " " + v.t.Decimal(a.Priority) + " (" + v.w("ofTotal", v.t.Percent(&a.Share)) + ")"
}
