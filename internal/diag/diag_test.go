package diag

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Path: "q.yaml", Line: 3, Col: 7, Msg: "bad"}, "q.yaml:3:7: bad"},
		{Problem{Path: "q.yaml", Msg: "the file is empty"}, "q.yaml: the file is empty"},
		{Problem{Msg: "no path, no position"}, "no path, no position"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestListErrIsNilWithoutProblems(t *testing.T) {
	l := &List{Path: "q.yaml"}
	if err := l.Err(); err != nil {
		t.Fatalf("Err() = %v, want nil", err)
	}
}

func TestListErrSortsByPositionAndDropsRepeats(t *testing.T) {
	l := &List{Path: "q.yaml"}
	l.AtPos(9, 1, "last")
	l.AtPos(2, 5, "second")
	l.AtPos(2, 5, "same place, recorded later")
	l.AtPos(2, 3, "first on line 2")
	l.AtPos(2, 5, "second") // found again by another rule, not adjacent once sorted
	l.AtPos(0, 0, "whole file")
	err := l.Err()
	want := strings.Join([]string{
		"q.yaml: whole file",
		"q.yaml:2:3: first on line 2",
		"q.yaml:2:5: second",
		"q.yaml:2:5: same place, recorded later",
		"q.yaml:9:1: last",
	}, "\n")
	if err == nil || err.Error() != want {
		t.Fatalf("Err() =\n%v\nwant\n%s", err, want)
	}
	de, ok := err.(*Error)
	if !ok || len(de.Problems) != 5 {
		t.Fatalf("Err() is %T with %v, want *Error with 5 problems", err, err)
	}
	if de.Count() != 5 || (&Error{Problems: make([]Problem, 3)}).Count() != 3 {
		t.Errorf("Count() = %d, want 5", de.Count())
	}
	if l.Len() != 6 {
		t.Errorf("Len() = %d, want 6: Err must not drop recorded problems", l.Len())
	}
}

func TestListKeepsAtMostMaxProblems(t *testing.T) {
	l := &List{Path: "f"}
	for i := range MaxProblems + 5 {
		if l.Full() != (i >= MaxProblems) {
			t.Fatalf("Full() = %v after %d problems, want true from %d on", l.Full(), i, MaxProblems)
		}
		l.AtPos(i+1, 1, "problem %d", i+1)
	}
	if !l.Full() || l.Len() != MaxProblems {
		t.Fatalf("Full() = %v, Len() = %d after %d problems", l.Full(), l.Len(), MaxProblems+5)
	}
	err := l.Err().(*Error)
	if got := len(err.Problems); got != MaxProblems+1 {
		t.Fatalf("Err() has %d lines, want %d kept and one summary", got, MaxProblems)
	}
	if got, want := err.Problems[MaxProblems].String(), "f: 5 more problems not shown; fix the ones above and run again"; got != want {
		t.Errorf("last line = %q, want %q", got, want)
	}
	if got, want := err.Problems[MaxProblems-1].String(), "f:200:1: problem 200"; got != want {
		t.Errorf("last kept = %q, want %q", got, want)
	}
	if err.Count() != MaxProblems+5 {
		t.Errorf("Count() = %d, want %d", err.Count(), MaxProblems+5)
	}
}

func TestAtUsesNodePosition(t *testing.T) {
	l := &List{Path: "f"}
	l.At(&yaml.Node{Line: 4, Column: 9}, "x=%d", 1)
	l.At(nil, "no node")
	if got, want := l.Err().Error(), "f: no node\nf:4:9: x=1"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func mustNode(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Content[0]
}

func TestFields(t *testing.T) {
	n := mustNode(t, "id: a\ntitel: b\nid: c\nzzzzzz: d\nweight: 1\n")
	l := &List{Path: "f"}
	got := Fields(l, n, "a question", "id", "title", "weight")
	want := strings.Join([]string{
		`f:2:1: unknown key "titel" in a question; did you mean "title"?`,
		`f:3:1: duplicate key "id" in a question (first at line 1)`,
		`f:4:1: unknown key "zzzzzz" in a question (allowed: id, title, weight)`,
	}, "\n")
	if err := l.Err(); err == nil || err.Error() != want {
		t.Fatalf("problems =\n%v\nwant\n%s", err, want)
	}
	if len(got) != 2 || got["id"].Value.Value != "a" || got["weight"].Value.Value != "1" {
		t.Errorf("fields = %v, want id=a (the first) and weight=1 only", got)
	}
	if _, ok := got["titel"]; ok {
		t.Error("an unknown key must not be returned as a field")
	}
}

func TestFieldsDuplicateOfUnknownKey(t *testing.T) {
	n := mustNode(t, "colour: a\ncolour: b\n")
	l := &List{Path: "f"}
	Fields(l, n, "x", "id")
	want := "f:1:1: unknown key \"colour\" in x (allowed: id)\nf:2:1: duplicate key \"colour\" in x (first at line 1)"
	if err := l.Err(); err == nil || err.Error() != want {
		t.Fatalf("problems =\n%v\nwant\n%s", err, want)
	}
}

func TestFieldsRefusesNonMapping(t *testing.T) {
	for src, kind := range map[string]string{"[a, b]": "a list", "hello": "a single value", "~": "empty"} {
		l := &List{Path: "f"}
		if got := Fields(l, mustNode(t, src), "a section", "id"); len(got) != 0 {
			t.Errorf("%s: fields = %v, want none", src, got)
		}
		want := "f:1:1: a section must be a mapping of keys to values, not " + kind
		if err := l.Err(); err == nil || err.Error() != want {
			t.Errorf("%s: problems = %v, want %s", src, err, want)
		}
	}
}

func TestScalarReaders(t *testing.T) {
	n := mustNode(t, `
s: "text"
unq: 1.0
i: 42
neg: -3
f: 0.25
big: 1_000.5
yes: true
no: false
null: ~
list: [a, 2, true]
map: {a: 1}
long: "ééééééééééééééééééééééééééééééééééééééééééééé"
hex: 0x1F
`)
	get := func(key string) *yaml.Node {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1]
			}
		}
		t.Fatalf("no key %s", key)
		return nil
	}
	l := &List{Path: "f"}
	if s, ok := String(l, get("s"), "s"); !ok || s != "text" {
		t.Errorf("String(s) = %q, %v", s, ok)
	}
	if s, ok := String(l, get("unq"), "version"); !ok || s != "1.0" {
		t.Errorf("String(1.0) = %q, %v; an unquoted number is read as written", s, ok)
	}
	if v, ok := Int(l, get("i"), "i"); !ok || v != 42 {
		t.Errorf("Int(42) = %d, %v", v, ok)
	}
	if v, ok := Int(l, get("neg"), "neg"); !ok || v != -3 {
		t.Errorf("Int(-3) = %d, %v", v, ok)
	}
	if v, ok := Float(l, get("f"), "f"); !ok || v != 0.25 {
		t.Errorf("Float(0.25) = %v, %v", v, ok)
	}
	if v, ok := Float(l, get("i"), "i"); !ok || v != 42 {
		t.Errorf("Float(42) = %v, %v", v, ok)
	}
	if v, ok := Float(l, get("big"), "big"); !ok || v != 1000.5 {
		t.Errorf("Float(1_000.5) = %v, %v", v, ok)
	}
	if v, ok := Bool(l, get("yes"), "b"); !ok || !v {
		t.Errorf("Bool(true) = %v, %v", v, ok)
	}
	if v, ok := Bool(l, get("no"), "b"); !ok || v {
		t.Errorf("Bool(false) = %v, %v", v, ok)
	}
	if v, nodes, ok := Strings(l, get("list"), "ids"); !ok || strings.Join(v, ",") != "a,2,true" || len(nodes) != 3 {
		t.Errorf("Strings([a, 2, true]) = %q, %d nodes, %v", v, len(nodes), ok)
	}
	if err := l.Err(); err != nil {
		t.Fatalf("good values gave problems: %v", err)
	}

	// Each bad value gives one problem naming what was expected and what was found.
	bad := &List{Path: "f"}
	String(bad, get("null"), "version")
	String(bad, get("list"), "version")
	Int(bad, get("f"), "level")
	Int(bad, get("s"), "level")
	Int(bad, get("hex"), "level")
	Float(bad, get("s"), "weight")
	Float(bad, get("map"), "weight")
	Bool(bad, get("s"), "critical")
	Bool(bad, get("i"), "critical")
	Strings(bad, get("s"), "hazards")
	Strings(bad, get("map"), "hazards")
	Int(bad, get("long"), "level")
	want := []string{
		`version must be a single value, not empty`,
		`version must be a single value, not a list`,
		`level must be a whole number, not "0.25"`,
		`level must be a whole number, not "text"`,
		`level must be a whole number, not "0x1F"`,
		`weight must be a number, not "text"`,
		`weight must be a number, not a mapping`,
		`critical must be true or false, not "text"`,
		`critical must be true or false, not "42"`,
		`hazards must be a list, not a single value`,
		`hazards must be a list, not a mapping`,
		// Long values are cut after 40 characters, never inside a character.
		`level must be a whole number, not "` + strings.Repeat("é", 40) + `…"`,
	}
	if len(bad.Problems) != len(want) {
		t.Fatalf("got %d problems, want %d: %v", len(bad.Problems), len(want), bad.Problems)
	}
	for i, p := range bad.Problems {
		if p.Msg != want[i] {
			t.Errorf("problem %d = %q, want %q", i, p.Msg, want[i])
		}
		if p.Line == 0 {
			t.Errorf("problem %q has no position", p.Msg)
		}
	}
}

func TestStringsReportsBadItems(t *testing.T) {
	l := &List{Path: "f"}
	v, nodes, ok := Strings(l, mustNode(t, "[a, [b], c]"), "hazards")
	if ok || strings.Join(v, ",") != "a,c" || len(nodes) != 2 {
		t.Errorf("Strings = %q, %d nodes, %v; want the good items and false", v, len(nodes), ok)
	}
	if err := l.Err(); err == nil || err.Error() != "f:1:5: hazards item must be a single value, not a list" {
		t.Errorf("problems = %v", err)
	}
}

func TestKindName(t *testing.T) {
	tests := map[string]string{"{a: 1}": "a mapping", "[1]": "a list", "x": "a single value", "~": "empty", "": "empty"}
	for src, want := range tests {
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
		if src != "" {
			n = mustNode(t, src)
		}
		if got := KindName(n); got != want {
			t.Errorf("KindName(%s) = %q, want %q", src, got, want)
		}
	}
	if got := KindName(&yaml.Node{Kind: yaml.AliasNode}); got != "an alias" {
		t.Errorf("KindName(alias) = %q", got)
	}
	if got := KindName(&yaml.Node{Kind: yaml.DocumentNode}); got != "a document" {
		t.Errorf("KindName(document) = %q", got)
	}
}

func TestSuggest(t *testing.T) {
	activities := []string{"needs-assessment", "action-plan", "capacity-building", "legal-review",
		"tabletop-exercise", "field-exercise", "best-practice-exchange"}
	tests := []struct {
		s          string
		candidates []string
		want       string
	}{
		{"legal-reveiw", activities, "legal-review"}, // swapped letters count once
		{"tabletop-exercice", activities, "tabletop-exercise"},
		{"acton-plan", activities, "action-plan"},
		{"training", activities, ""},                         // not a typo of anything
		{"c", []string{"C", "B", "R", "N"}, "C"},             // case differs only
		{"X", []string{"C", "B", "R", "N"}, ""},              // shares no letter: no hint
		{"fe", []string{"en", "fr"}, "fr"},                   // one letter off in a 2-letter code
		{"de", []string{"en", "fr"}, ""},                     // two letters off
		{"titel", []string{"title", "description"}, "title"}, // short word: limit 1 (a swap)
		{"tilte", []string{"title", "description"}, "title"}, // swap
		{"tite", []string{"title", "description"}, "title"},  // one deletion, 4 letters
		{"tt", []string{"title", "description"}, ""},         // too far
		{"preventoin", []string{"prevention", "detection"}, "prevention"},
		{strings.Repeat("a", 70), []string{strings.Repeat("a", 69)}, ""}, // too long to compare
		{"x", nil, ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.s, tt.candidates); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "abc", 0},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"ab", "ba", 1},     // transposition
		{"abcd", "acbd", 1}, // transposition in the middle
		{"é", "e", 1},       // characters, not bytes
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestParseYAML(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // the problems, or "" for none
	}{
		{"mapping", "a: 1\n", ""},
		{"empty", "", "f: the file is empty"},
		{"only a comment", "# nothing here\n", "f: the file is empty"},
		{"two documents", "a: 1\n---\nb: 2\n", "f:2:1: a second YAML document starts here; a file holds exactly one"},
		{"alias", "a: &x 1\nb: *x\n", "f:2:4: YAML aliases (*x) are not allowed; write the value out in full"},
		{"unknown anchor", "a: 1\nb: *nope\n", "f:2:4: YAML syntax error: unknown anchor 'nope' referenced"},
		// Scanner errors: the library's line is right.
		{"mapping in scalar", "x: 1\ny: 2\na: b: c\n", "f:3:1: YAML syntax error: mapping values are not allowed in this context; if a text holds \": \", put it in quotes, e.g. text: \"Note: see annex 2\""},
		{"mapping in scalar, line 1", "a: b: c\n", "f:1:1: YAML syntax error: mapping values are not allowed in this context; if a text holds \": \", put it in quotes, e.g. text: \"Note: see annex 2\""},
		// A question mark inside { } (French typography puts a space before it) must be quoted.
		{"question mark in flow", "a: 1\nt: {en: Done?, fr: Fait ?}\n", "f:2:1: YAML syntax error: did not find expected ',' or '}'; inside { }, a text with \"?\" or \": \" must be in quotes, e.g. {en: \"Is it done?\"}"},
		{"colon in flow", "t: {en: Note: see annex}\n", "f:1:1: YAML syntax error: did not find expected ',' or '}'; inside { }, a text with \"?\" or \": \" must be in quotes, e.g. {en: \"Is it done?\"}"},
		{"unclosed flow mapping: no hint", "a: 1\nx: {a: 1\n", "f:2:1: YAML syntax error: did not find expected ',' or '}'"},
		{"tab", "x: 1\n\ty: 2\n", "f:2:1: YAML syntax error: found a tab character that violates indentation"},
		{"unterminated quote", "a: 1\nb: 'abc\n", "f:2:1: YAML syntax error: found unexpected end of stream"},
		// Parser errors: the library counts from 0, the message from 1.
		{"list after mapping", "a: 1\nb: 2\n- c\n", "f:3:1: YAML syntax error: did not find expected key"},
		{"mapping after list", "- a\nb: 1\n", "f:2:1: YAML syntax error: did not find expected '-' indicator"},
		{"unclosed flow list", "a: 1\nb: 2\nx: [1, 2\n", "f:3:1: YAML syntax error: did not find expected ',' or ']'"},
		{"undefined tag handle", "a: 1\nb: !x!y 2\n", "f:2:1: YAML syntax error: found undefined tag handle"},
		// Reader errors have no line from the library: the position is found in the bytes.
		{"control character", "a: 1\nb: 2\nc: x\x01y\n", "f:3:5: YAML syntax error: control character U+0001 is not allowed; remove it or write it as an escape in a double-quoted string"},
		{"control character after accents", "é: \x7f\n", "f:1:4: YAML syntax error: control character U+007F is not allowed; remove it or write it as an escape in a double-quoted string"},
		{"too deep", strings.Repeat("[", 205) + strings.Repeat("]", 205), "f:1:202: nesting is deeper than 200 levels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &List{Path: "f"}
			root := ParseYAML(l, []byte(tt.src))
			err := l.Err()
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("problems =\n%s\nwant\n%s", got, tt.want)
			}
			if tt.want == "" && root == nil {
				t.Error("no root for a good document")
			}
		})
	}
}

// osa is the textbook optimal string alignment distance, the reference distanceWithin must match.
func osa(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func TestDistanceWithinMatchesFullDistance(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() []rune {
		r := make([]rune, rng.IntN(9))
		for i := range r {
			r[i] = rune('a' + rng.IntN(3)) // a small alphabet makes near misses and swaps common
		}
		return r
	}
	// Suggest reuses its row buffers from one candidate to the next: so does this test, so
	// that a cell left over from an earlier pair would show.
	r0, r1, r2 := make([]int, 9), make([]int, 9), make([]int, 9)
	for range 20000 {
		a, b := word(), word()
		want := osa(a, b)
		for k := 0; k <= 5; k++ {
			if got := distanceWithin(a, b, k, r0, r1, r2); got != min(want, k+1) {
				t.Fatalf("distanceWithin(%q, %q, %d) = %d, want %d (full distance %d)", string(a), string(b), k, got, min(want, k+1), want)
			}
		}
	}
}

// Hints must stay cheap: a file may hold thousands of ids and as many unknown references.
func BenchmarkSuggestAmongManyIDs(b *testing.B) {
	ids := make([]string, 5000)
	for i := range ids {
		ids[i] = fmt.Sprintf("PRV-GOVERNANCE-LONG-IDENTIFIER-%05d", i)
	}
	for b.Loop() {
		Suggest("XPRV-GOVERNANCE-LONG-IDENTIFIER-02500", ids)
	}
}

// English uses the singular for 1 only: "0 problems", "1 problem", "2 problems".
func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "problems", 1: "problem", 2: "problems", -1: "problems"} {
		if got := Plural(n, "problem", "problems"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}
