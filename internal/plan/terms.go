package plan

import "github.com/cbrn-tool/cbrn/internal/questionnaire"

// Timeframe is when an objective is to be met: short (within a year), medium (one to three
// years) or long (three to five years).
type Timeframe string

// The timeframes.
const (
	Short  Timeframe = "short"
	Medium Timeframe = "medium"
	Long   Timeframe = "long"
)

// TimeframeRule says in words how TimeframeOf decides; `cbrn plan --help` and the README quote it.
const TimeframeRule = `The timeframe of an objective comes from the most levels one of its
actions has to climb: one level is short (within a year), two levels
medium (one to three years), three or more long (three to five years).
An objective holding a critical gap is brought one step earlier (long
becomes medium, medium becomes short): a critical gap is not left to the
last years of the plan. The needs assessment of the "don't know" answers
is always short: the facts come first. A gap on a question that is not a
scale climbs one level per 25 points of gap ("no" to "yes" is four).`

// TimeframeOf is an objective's timeframe, as TimeframeRule says.
func TimeframeOf(o *Objective) Timeframe {
	if o.NeedsAssessment() {
		return Short
	}
	step := 0 // 0 short, 1 medium, 2 long
	switch {
	case o.Climb >= 3:
		step = 2
	case o.Climb == 2:
		step = 1
	}
	if o.Critical > 0 && step > 0 {
		step--
	}
	return []Timeframe{Short, Medium, Long}[step]
}

// Category is a cost category of an action, after the planning, organisation, equipment,
// training and exercises (POETE) breakdown that capability plans use.
type Category string

// The cost categories, in their usual order.
const (
	Planning     Category = "planning"
	Organisation Category = "organisation"
	Equipment    Category = "equipment"
	Training     Category = "training"
	Exercises    Category = "exercises"
)

// Categories lists the cost categories in their usual order.
func Categories() []Category {
	return []Category{Planning, Organisation, Equipment, Training, Exercises}
}

// builtinCategory is the cost category of a built-in activity type.
func builtinCategory(activity string) (Category, bool) {
	switch activity {
	case "needs-assessment", "action-plan":
		return Planning, true
	case "legal-review":
		return Organisation, true
	case "capacity-building", "best-practice-exchange":
		return Training, true
	case "tabletop-exercise", "field-exercise":
		return Exercises, true
	}
	return "", false
}

// CategoryRule says in words how CategoryOf decides.
const CategoryRule = `Each action has a cost category, from its first activity type: needs
assessment and action plan are planning; legal framework review is
organisation (mandates, bodies, staff); capacity building and exchanges
of best practice are training; tabletop and field exercises are
exercises. A questionnaire's own activity type whose id is, or begins
with, a category's name (equipment, training-of-trainers) takes that
category; any other is planning.`

// CategoryOf is the cost category of an activity type, as CategoryRule says.
func CategoryOf(q *questionnaire.Questionnaire, activity string) Category {
	if a, ok := q.Activity(activity); !ok || a.BuiltIn {
		if c, ok := builtinCategory(activity); ok {
			return c
		}
	}
	for _, c := range Categories() {
		s := string(c)
		if activity == s || len(activity) > len(s) && activity[:len(s)+1] == s+"-" {
			return c
		}
	}
	return Planning
}
