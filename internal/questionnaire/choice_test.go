package questionnaire

import (
	"fmt"
	"strings"
	"testing"
)

// Choice finds a choice by the index the loader builds, and by a search in a question made by
// hand; both agree, and a question with thousands of choices is loaded with its index.
func TestChoiceLookup(t *testing.T) {
	var b strings.Builder
	b.WriteString("schema: cbrn.questionnaire/v1\nid: wide\nversion: 1.0.0\ntitle: Wide\nsections:\n  - id: s\n    pillar: prevention\n    title: S\n    questions:\n      - id: M\n        type: multi\n        text: T\n        choices:\n")
	const n = 5000
	for i := range n {
		fmt.Fprintf(&b, "          - {id: c%d, label: L%d, score: 0}\n", i, i)
	}
	q, err := Parse("wide.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	loaded, _ := q.Question("M")
	if len(loaded.choiceIndex) != n {
		t.Fatalf("the loader indexed %d choices, want %d", len(loaded.choiceIndex), n)
	}
	byHand := &Question{ID: "M", Type: TypeMulti, Choices: loaded.Choices}
	for _, id := range []string{"c0", "c1", "c2500", "c4999", "c5000", "", "C0"} {
		c1, ok1 := loaded.Choice(id)
		c2, ok2 := byHand.Choice(id)
		if ok1 != ok2 || (ok1 && (c1.ID != id || c2.ID != id || c1.Label.Get("en") != c2.Label.Get("en"))) {
			t.Errorf("Choice(%q): indexed %+v %v, searched %+v %v", id, c1, ok1, c2, ok2)
		}
	}
	if c, _ := loaded.Choice("c2500"); c != &loaded.Choices[2500] {
		t.Error("Choice does not point into Choices")
	}
}
