package questionnaire

import (
	"reflect"
	"testing"
)

func TestCanonical(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{"partial", "partial"},
		{true, "true"},
		{false, "false"},
		{3, "3"},
		{3.0, "3"}, // 3 and 3.0 compare equal
		{2.5, "2.5"},
		{-0.125, "-0.125"},
		{[]string{"a"}, ""}, // lists are compared item by item, never as a whole
	}
	for _, tt := range tests {
		if got := Canonical(tt.v); got != tt.want {
			t.Errorf("Canonical(%#v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

// values is a value lookup for Eval: a question without an entry has no value.
type values map[string]any

func (v values) get(id string) (any, bool) {
	x, ok := v[id]
	return x, ok
}

func leaf(op ConditionOp, question string, vals ...string) *Condition {
	return &Condition{Op: op, Question: question, Values: vals}
}

func bound(op ConditionOp, question string, b float64) *Condition {
	return &Condition{Op: op, Question: question, Bound: b}
}

func TestEvalLeaves(t *testing.T) {
	v := values{"yes": true, "level": 3, "num": 2.5, "choice": "partial", "multi": []string{"lab", "customs"}, "text": "hello"}
	tests := []struct {
		name string
		c    *Condition
		want Tri
	}{
		{"equals bool", leaf(OpEquals, "yes", "true"), True},
		{"equals bool, other value", leaf(OpEquals, "yes", "false"), False},
		{"equals level", leaf(OpEquals, "level", "3"), True},
		{"equals choice", leaf(OpEquals, "choice", "partial"), True},
		{"equals text", leaf(OpEquals, "text", "hello"), True},
		{"in, listed", leaf(OpIn, "level", "2", "3"), True},
		{"in, not listed", leaf(OpIn, "choice", "none", "full"), False},
		// multi: equals X holds when X is among the chosen ids; in when any chosen id is listed.
		{"multi equals, chosen", leaf(OpEquals, "multi", "customs"), True},
		{"multi equals, not chosen", leaf(OpEquals, "multi", "police"), False},
		{"multi in, one chosen", leaf(OpIn, "multi", "police", "lab"), True},
		{"multi in, none chosen", leaf(OpIn, "multi", "police", "army"), False},
		{"min on level, equal", bound(OpMin, "level", 3), True},
		{"min on level, above", bound(OpMin, "level", 4), False},
		{"max on level", bound(OpMax, "level", 2), False},
		{"min on number", bound(OpMin, "num", 2.5), True},
		{"max on number", bound(OpMax, "num", 2.4), False},
		{"min on a choice has no truth", bound(OpMin, "choice", 1), Undefined},
		// A question without a value (unanswered, N/A, unknown, skipped) makes a leaf undefined.
		{"no value, equals", leaf(OpEquals, "missing", "true"), Undefined},
		{"no value, min", bound(OpMin, "missing", 1), Undefined},
	}
	for _, tt := range tests {
		if got := tt.c.Eval(v.get); got != tt.want {
			t.Errorf("%s: Eval = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestEvalKleeneLogic(t *testing.T) {
	v := values{"t": true}
	lit := map[Tri]*Condition{
		True:      leaf(OpEquals, "t", "true"),
		False:     leaf(OpEquals, "t", "false"),
		Undefined: leaf(OpEquals, "missing", "true"),
	}
	all := func(a, b Tri) *Condition { return &Condition{Op: OpAll, Children: []*Condition{lit[a], lit[b]}} }
	anyOf := func(a, b Tri) *Condition { return &Condition{Op: OpAny, Children: []*Condition{lit[a], lit[b]}} }
	not := func(a Tri) *Condition { return &Condition{Op: OpNot, Children: []*Condition{lit[a]}} }
	T, F, U := True, False, Undefined
	// The truth tables of Kleene's strong three-valued logic.
	andTable := map[[2]Tri]Tri{{T, T}: T, {T, U}: U, {T, F}: F, {U, U}: U, {U, F}: F, {F, F}: F, {U, T}: U, {F, T}: F, {F, U}: F}
	orTable := map[[2]Tri]Tri{{T, T}: T, {T, U}: T, {T, F}: T, {U, U}: U, {U, F}: U, {F, F}: F, {U, T}: T, {F, T}: T, {F, U}: U}
	for in, want := range andTable {
		if got := all(in[0], in[1]).Eval(v.get); got != want {
			t.Errorf("all(%v, %v) = %v, want %v", in[0], in[1], got, want)
		}
	}
	for in, want := range orTable {
		if got := anyOf(in[0], in[1]).Eval(v.get); got != want {
			t.Errorf("any(%v, %v) = %v, want %v", in[0], in[1], got, want)
		}
	}
	for in, want := range map[Tri]Tri{T: F, F: T, U: U} {
		if got := not(in).Eval(v.get); got != want {
			t.Errorf("not(%v) = %v, want %v", in, got, want)
		}
	}
}

// shownIDs lists the questions of the example questionnaire that Shown reports as shown.
func shownIDs(q *Questionnaire, v values) []string {
	var out []string
	for i, ok := range q.Shown(v.get) {
		if ok {
			out = append(out, q.Questions[i].ID)
		}
	}
	return out
}

func TestShown(t *testing.T) {
	q, _ := loadFixture(t, "example.yaml")
	// In example.yaml:
	//   PRV-LEG-02 when PRV-LEG-01 = true
	//   DET-BRD-02 when all(DET-BRD-01 in [some, all], not(PRV-LEG-02 <= 1))
	//   RSP-LSN-01 when any(PRP-STF-01 >= 1, DET-BRD-02 has portal)
	tests := []struct {
		name string
		v    values
		want []string
	}{
		{"nothing answered: only questions without conditions",
			values{}, []string{"PRV-LEG-01", "DET-BRD-01", "PRP-STF-01"}},
		{"everything on",
			values{"PRV-LEG-01": true, "PRV-LEG-02": 3, "DET-BRD-01": "some", "DET-BRD-02": []string{"portal"}, "PRP-STF-01": 0.0},
			[]string{"PRV-LEG-01", "PRV-LEG-02", "DET-BRD-01", "DET-BRD-02", "PRP-STF-01", "RSP-LSN-01"}},
		// PRV-LEG-02 is hidden, so its answer 3 counts as no value: not(undefined) is undefined,
		// all(true, undefined) is undefined, and only a true condition shows a question.
		{"a hidden question's answer is ignored",
			values{"PRV-LEG-01": false, "PRV-LEG-02": 3, "DET-BRD-01": "all", "DET-BRD-02": []string{"portal"}},
			[]string{"PRV-LEG-01", "DET-BRD-01", "PRP-STF-01"}},
		// all(false, undefined) is false, whatever the undefined part would be.
		{"false wins in all",
			values{"DET-BRD-01": "none"},
			[]string{"PRV-LEG-01", "DET-BRD-01", "PRP-STF-01"}},
		// any(true, undefined) is true: DET-BRD-02 is hidden but PRP-STF-01 >= 1 suffices.
		{"true wins in any",
			values{"PRP-STF-01": 12.0},
			[]string{"PRV-LEG-01", "DET-BRD-01", "PRP-STF-01", "RSP-LSN-01"}},
		{"not(level <= 1) is false at level 1",
			values{"PRV-LEG-01": true, "PRV-LEG-02": 1, "DET-BRD-01": "some", "DET-BRD-02": []string{"portal"}},
			[]string{"PRV-LEG-01", "PRV-LEG-02", "DET-BRD-01", "PRP-STF-01"}},
	}
	for _, tt := range tests {
		if got := shownIDs(q, tt.v); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n shown %v\n want  %v", tt.name, got, tt.want)
		}
	}
}
