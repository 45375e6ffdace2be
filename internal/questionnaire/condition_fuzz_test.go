package questionnaire

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"testing"
)

// FuzzCondition builds random questionnaires with random `when` trees (up to the nesting limit)
// and random answers from the fuzz bytes, and checks Condition.Eval and Questionnaire.Shown
// against a reference written another way: leaves straight from DESIGN §3, and Kleene's logic
// as the pair "may be true / may be false" rather than an order on truth values. Neither may
// panic, whatever the tree.
func FuzzCondition(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{4, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte("\x05\x06\x04\x05\x00\x01\x02\x03\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"))
	f.Add([]byte("all any not equals in min max: a tree of every kind, nested"))
	deep := make([]byte, 0, 200)
	for range 40 {
		deep = append(deep, 6, 6) // not(not(…)) down to the limit
	}
	f.Add(deep)
	f.Fuzz(func(t *testing.T, data []byte) {
		in := &fuzzInput{data: data}
		q, values := in.questionnaire()
		lookup := func(id string) (any, bool) {
			v, ok := values[id]
			return v, ok
		}
		for _, x := range q.Questions {
			if x.When == nil {
				continue
			}
			if got, want := x.When.Eval(lookup), refEval(x.When, lookup); got != want {
				t.Fatalf("%s: Eval = %v, reference %v\ncondition %s\nvalues %v", x.ID, got, want, describeCondition(x.When), values)
			}
			// Laws of Kleene's logic the engine must keep as well.
			notNot := &Condition{Op: OpNot, Children: []*Condition{{Op: OpNot, Children: []*Condition{x.When}}}}
			if got, want := notNot.Eval(lookup), x.When.Eval(lookup); got != want {
				t.Fatalf("%s: not(not(c)) = %v, c = %v", x.ID, got, want)
			}
			if x.When.Op == OpAll {
				deMorgan := &Condition{Op: OpAny}
				for _, c := range x.When.Children {
					deMorgan.Children = append(deMorgan.Children, &Condition{Op: OpNot, Children: []*Condition{c}})
				}
				not := &Condition{Op: OpNot, Children: []*Condition{x.When}}
				if got, want := not.Eval(lookup), deMorgan.Eval(lookup); got != want {
					t.Fatalf("%s: not(all) = %v, any(not) = %v", x.ID, got, want)
				}
			}
		}
		// Shown: a question is shown when it has no condition or its condition is true, with the
		// answers of hidden questions counting as absent.
		got := q.Shown(lookup)
		shown := map[string]bool{}
		visible := func(id string) (any, bool) {
			if !shown[id] {
				return nil, false
			}
			return lookup(id)
		}
		for i, x := range q.Questions {
			want := x.When == nil || refEval(x.When, visible) == True
			shown[x.ID] = want
			if got[i] != want {
				t.Fatalf("%s: Shown = %v, reference %v\ncondition %s\nvalues %v", x.ID, got[i], want, describeCondition(x.When), values)
			}
		}
	})
}

// fuzzInput reads choices from the fuzz bytes; past their end every choice is 0.
type fuzzInput struct {
	data []byte
}

func (in *fuzzInput) next(n int) int {
	if len(in.data) == 0 {
		return 0
	}
	b := in.data[0]
	in.data = in.data[1:]
	return int(b) % n
}

// Values conditions compare with, and those answers hold: they overlap so that leaves are
// sometimes true, sometimes false.
var (
	fuzzStrings = []string{"a", "b", "c", "true", "false", "1", "2", "3", "2.5", "-1", ""}
	fuzzNumbers = []float64{-1, 0, 1, 2, 2.5, 3, 4, 5, math.Inf(1), math.Inf(-1), math.NaN(), 1e300}
)

// questionnaire makes up to 8 questions; each may have a condition on the ones before it, and an
// answer of any of the forms answers take once checked (or none).
func (in *fuzzInput) questionnaire() (*Questionnaire, map[string]any) {
	q := &Questionnaire{questionIndex: map[string]*Question{}}
	values := map[string]any{}
	n := 1 + in.next(8)
	for i := range n {
		x := &Question{ID: fmt.Sprintf("Q%d", i), Index: i}
		if i > 0 && in.next(3) > 0 {
			x.When = in.condition(q.Questions, 1)
		}
		q.Questions = append(q.Questions, x)
		q.questionIndex[x.ID] = x
		switch in.next(7) {
		case 1:
			values[x.ID] = in.next(2) == 1
		case 2:
			values[x.ID] = 1 + in.next(5) // a level
		case 3:
			values[x.ID] = fuzzNumbers[in.next(len(fuzzNumbers))]
		case 4:
			values[x.ID] = fuzzStrings[in.next(len(fuzzStrings))] // a choice id or a text
		case 5:
			var ids []string
			for range in.next(4) {
				ids = append(ids, fuzzStrings[in.next(len(fuzzStrings))])
			}
			values[x.ID] = ids // a multiple choice, maybe empty
		}
	}
	return q, values
}

// condition makes a tree on the earlier questions, no deeper than the loader allows.
func (in *fuzzInput) condition(earlier []*Question, depth int) *Condition {
	op := ConditionOp(1 + in.next(7))
	if depth >= MaxConditionDepth {
		op = ConditionOp(1 + in.next(4)) // a leaf
	}
	c := &Condition{Op: op}
	switch op {
	case OpAll, OpAny:
		for range 1 + in.next(3) {
			c.Children = append(c.Children, in.condition(earlier, depth+1))
		}
	case OpNot:
		c.Children = []*Condition{in.condition(earlier, depth+1)}
	default:
		c.Question = earlier[in.next(len(earlier))].ID
		switch op {
		case OpEquals:
			c.Values = []string{fuzzStrings[in.next(len(fuzzStrings))]}
		case OpIn:
			for range 1 + in.next(3) {
				c.Values = append(c.Values, fuzzStrings[in.next(len(fuzzStrings))])
			}
		default:
			c.Bound = fuzzNumbers[in.next(len(fuzzNumbers))]
		}
	}
	return c
}

// refEval is the reference: each node is what it may be, true and/or false; undefined may be both.
func refEval(c *Condition, value func(string) (any, bool)) Tri {
	mayTrue, mayFalse := refMay(c, value)
	switch {
	case mayTrue && mayFalse:
		return Undefined
	case mayTrue:
		return True
	}
	return False
}

func refMay(c *Condition, value func(string) (any, bool)) (mayTrue, mayFalse bool) {
	switch c.Op {
	case OpAll: // true only if every child may be true; false as soon as one may be false
		mayTrue = true
		for _, ch := range c.Children {
			t, f := refMay(ch, value)
			mayTrue = mayTrue && t
			mayFalse = mayFalse || f
		}
		return mayTrue, mayFalse
	case OpAny:
		mayFalse = true
		for _, ch := range c.Children {
			t, f := refMay(ch, value)
			mayTrue = mayTrue || t
			mayFalse = mayFalse && f
		}
		return mayTrue, mayFalse
	case OpNot:
		t, f := refMay(c.Children[0], value)
		return f, t
	}
	holds, defined := refLeaf(c, value)
	if !defined {
		return true, true
	}
	return holds, !holds
}

// refLeaf follows DESIGN §3: equals and in compare the value (for a multiple choice, any chosen
// id); min and max compare a level or a number, and have no truth on other values.
func refLeaf(c *Condition, value func(string) (any, bool)) (holds, defined bool) {
	v, ok := value(c.Question)
	if !ok {
		return false, false
	}
	switch c.Op {
	case OpEquals, OpIn:
		var chosen []string
		switch x := v.(type) {
		case []string:
			chosen = x
		case bool:
			chosen = []string{strconv.FormatBool(x)}
		case int:
			chosen = []string{strconv.Itoa(x)}
		case float64:
			chosen = []string{strconv.FormatFloat(x, 'g', -1, 64)}
		case string:
			chosen = []string{x}
		}
		for _, x := range chosen {
			if slices.Contains(c.Values, x) {
				return true, true
			}
		}
		return false, true
	case OpMin, OpMax:
		var n float64
		switch x := v.(type) {
		case int:
			n = float64(x)
		case float64:
			n = x
		default:
			return false, false
		}
		if c.Op == OpMin {
			return n >= c.Bound, true
		}
		return n <= c.Bound, true
	}
	return false, false
}

func describeCondition(c *Condition) string {
	if c == nil {
		return "none"
	}
	name := map[ConditionOp]string{OpEquals: "equals", OpIn: "in", OpMin: "min", OpMax: "max", OpAll: "all", OpAny: "any", OpNot: "not"}[c.Op]
	switch c.Op {
	case OpAll, OpAny, OpNot:
		s := name + "("
		for i, ch := range c.Children {
			if i > 0 {
				s += ", "
			}
			s += describeCondition(ch)
		}
		return s + ")"
	case OpMin, OpMax:
		return fmt.Sprintf("%s %s %v", c.Question, name, c.Bound)
	}
	return fmt.Sprintf("%s %s %q", c.Question, name, c.Values)
}
