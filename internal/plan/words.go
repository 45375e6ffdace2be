package plan

import (
	"strconv"

	names "github.com/cbrn-tool/cbrn/internal/words"
)

// words are the tool's words in a draft action plan.
type words struct {
	t                                                     names.Words
	title, draftNote, summary                             string
	overall, conservative, completeness, target, outOf100 string
	counts, infoCount, unansweredNote                     string // keys of plural entries
	criticalCount, priority                               string
	objectivesHeading, rank, objective, actions, critical string
	lead, supporting, timeframe, partners, noPartners     string
	noLead, none, portfolioHeading, portfolioIntro        string
	activityType, category, pillarsHeading, pillar, score string
	gaps, theme, question, nowTarget, activities, cost    string
	indicator, toAgree, leadConfirmed, officer, budget    string
	startEnd, status, noGaps, answersOf, targetsOwn       string
	targetsLevel, targetsNext                             string
	unscored, colon, starLegend                           string
	needsTitle, needsIntro, genericTitle, part            string
	infoIndicator, whoMayKnow, allPillars                 string
	andMore, alsoChosen, chosenOf                         string
	timeframes                                            map[Timeframe]string
	timeframesShort                                       map[Timeframe]string
	categories                                            map[Category]string
	statuses                                              []string
	// the workbook's column titles beyond the ones above
	section, questionText, from, to, start, end, id, sections string
	objectivesSheet, actionsSheet                             string
}

// wordsFor gives the plan's words in lang (English for a language the tool does not speak):
// the plan.* entries of the words catalogue.
func wordsFor(lang string) words {
	t := names.For(lang)
	k := func(key string) string { return t.Format("plan." + key) }
	w := words{t: t,
		actions:           k("actions"),
		actionsSheet:      k("actionsSheet"),
		activities:        k("activities"),
		activityType:      k("activityType"),
		allPillars:        k("allPillars"),
		alsoChosen:        k("alsoChosen"),
		andMore:           k("andMore"),
		answersOf:         k("answersOf"),
		budget:            k("budget"),
		category:          k("category"),
		chosenOf:          k("chosenOf"),
		colon:             k("colon"),
		completeness:      k("completeness"),
		conservative:      k("conservative"),
		cost:              k("cost"),
		critical:          k("critical"),
		criticalCount:     k("criticalCount"),
		draftNote:         k("draftNote"),
		end:               k("end"),
		from:              k("from"),
		gaps:              k("gaps"),
		genericTitle:      k("genericTitle"),
		id:                k("id"),
		indicator:         k("indicator"),
		infoIndicator:     k("infoIndicator"),
		lead:              k("lead"),
		leadConfirmed:     k("leadConfirmed"),
		needsIntro:        k("needsIntro"),
		needsTitle:        k("needsTitle"),
		noGaps:            k("noGaps"),
		noLead:            k("noLead"),
		noPartners:        k("noPartners"),
		none:              k("none"),
		nowTarget:         k("nowTarget"),
		objective:         k("objective"),
		objectivesHeading: k("objectivesHeading"),
		objectivesSheet:   k("objectivesSheet"),
		officer:           k("officer"),
		outOf100:          k("outOf100"),
		overall:           k("overall"),
		part:              k("part"),
		partners:          k("partners"),
		pillar:            k("pillar"),
		pillarsHeading:    k("pillarsHeading"),
		portfolioHeading:  k("portfolioHeading"),
		portfolioIntro:    k("portfolioIntro"),
		question:          k("question"),
		questionText:      k("questionText"),
		rank:              k("rank"),
		score:             k("score"),
		section:           k("section"),
		sections:          k("sections"),
		starLegend:        k("starLegend"),
		start:             k("start"),
		startEnd:          k("startEnd"),
		status:            k("status"),
		summary:           k("summary"),
		supporting:        k("supporting"),
		target:            k("target"),
		targetsLevel:      k("targetsLevel"),
		targetsNext:       k("targetsNext"),
		targetsOwn:        k("targetsOwn"),
		theme:             k("theme"),
		timeframe:         k("timeframe"),
		title:             k("title"),
		to:                k("to"),
		toAgree:           k("toAgree"),
		unscored:          k("unscored"),
		whoMayKnow:        k("whoMayKnow"),
		priority:          k("priority"),
		counts:            "plan.counts", infoCount: "plan.infoCount", unansweredNote: "plan.unansweredNote",
		timeframes: map[Timeframe]string{}, timeframesShort: map[Timeframe]string{}, categories: map[Category]string{},
	}
	for _, tf := range []Timeframe{Short, Medium, Long} {
		w.timeframes[tf], w.timeframesShort[tf] = k("timeframe."+string(tf)), k("timeframeShort."+string(tf))
	}
	for _, c := range Categories() {
		w.categories[c] = k("category." + string(c))
	}
	for i := 1; i <= 5; i++ {
		w.statuses = append(w.statuses, k("statuses."+strconv.Itoa(i)))
	}
	return w
}
