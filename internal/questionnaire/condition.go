package questionnaire

import (
	"slices"
	"strconv"
)

// ConditionOp is the kind of a condition.
type ConditionOp int

// Condition kinds: leaves compare one earlier question's value; All, Any and Not combine.
const (
	OpEquals ConditionOp = iota + 1
	OpIn
	OpMin
	OpMax
	OpAll
	OpAny
	OpNot
)

// Condition is a `when` condition.
type Condition struct {
	Op       ConditionOp
	Question string       // leaves
	Values   []string     // OpEquals (one) and OpIn: canonical forms, see Canonical
	Bound    float64      // OpMin, OpMax
	Children []*Condition // OpAll, OpAny: the list; OpNot: one
	Line     int
	Column   int
}

// Tri is a three-valued truth: a condition on a question without a value is Undefined.
type Tri int

// The three truth values.
const (
	False Tri = iota
	Undefined
	True
)

// Canonical is the string form used to compare a value with a condition: a choice id or
// text as itself, true/false, and numbers in their shortest form (3 and 3.0 are both "3").
func Canonical(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return ""
}

// Eval evaluates the condition. value returns a question's value (an int level, a bool, a
// choice id string, a []string of choice ids, a float64 number or a text string) and whether it
// has one; a question that is unanswered, N/A, unknown or itself skipped has none.
func (c *Condition) Eval(value func(id string) (any, bool)) Tri {
	switch c.Op {
	case OpAll:
		out := True
		for _, ch := range c.Children {
			out = min(out, ch.Eval(value)) // Kleene: False < Undefined < True
		}
		return out
	case OpAny:
		out := False
		for _, ch := range c.Children {
			out = max(out, ch.Eval(value))
		}
		return out
	case OpNot:
		return True - c.Children[0].Eval(value)
	}
	v, ok := value(c.Question)
	if !ok {
		return Undefined
	}
	switch c.Op {
	case OpEquals, OpIn:
		if list, isList := v.([]string); isList {
			for _, x := range list {
				if slices.Contains(c.Values, x) {
					return True
				}
			}
			return False
		}
		return truth(slices.Contains(c.Values, Canonical(v)))
	case OpMin, OpMax:
		var n float64
		switch x := v.(type) {
		case int:
			n = float64(x)
		case float64:
			n = x
		default:
			return Undefined
		}
		if c.Op == OpMin {
			return truth(n >= c.Bound)
		}
		return truth(n <= c.Bound)
	}
	return Undefined
}

func truth(b bool) Tri {
	if b {
		return True
	}
	return False
}

// Shown tells, for every question in file order, whether it is shown: it has no condition, or its
// condition is true. value gives the raw answers; a hidden question's value is treated as absent by
// the conditions after it. The result is indexed by Question.Index.
func (q *Questionnaire) Shown(value func(id string) (any, bool)) []bool {
	shown := make([]bool, len(q.Questions))
	visible := func(id string) (any, bool) {
		x, ok := q.questionIndex[id]
		if !ok || !shown[x.Index] {
			return nil, false
		}
		return value(id)
	}
	for i, x := range q.Questions {
		shown[i] = x.When == nil || x.When.Eval(visible) == True
	}
	return shown
}
