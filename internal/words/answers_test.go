package words

import (
	"slices"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

const answersQ = `schema: cbrn.questionnaire/v1
id: words
version: 1.0.0
languages: [en, fr]
title: {en: Words, fr: Mots}
scales:
  capacity:
    levels:
      - {level: 1, label: {en: Absent, fr: Absente}}
      - {level: 3, label: {en: Established, fr: Établie}}
sections:
  - id: det
    pillar: detection
    title: {en: Detection, fr: Détection}
    questions:
      - {id: S, type: scale, scale: capacity, text: {en: Scale, fr: Échelle}}
      - {id: Y, type: yesno, text: {en: Yes or no, fr: Oui ou non}}
      - {id: C, type: choice, text: {en: One, fr: Un}, choices: [{id: a, label: {en: Alpha, fr: Alpha-fr}, score: 1}]}
      - id: M
        type: multi
        text: {en: Several, fr: Plusieurs}
        choices:
          - {id: portal, label: {en: Radiation portals, fr: Portiques}, score: 0.5}
          - {id: expert, label: {en: Expert support, fr: Appui d'experts}, score: 0.5}
          - {id: none, label: {en: None of these, fr: Aucun}, score: 0}
      - {id: T, type: text, text: {en: Free, fr: Libre}}
      - {id: N, type: number, text: {en: How many, fr: Combien}}
`

func TestAnswersInWords(t *testing.T) {
	q, err := questionnaire.Parse("words.yaml", []byte(answersQ))
	if err != nil {
		t.Fatal(err)
	}
	qq := func(id string) *questionnaire.Question { x, _ := q.Question(id); return x }
	en, fr := For("en"), For("fr")
	for _, c := range []struct {
		w           Words
		q           string
		a           *answers.Answer
		long, short string
	}{
		{en, "S", &answers.Answer{Value: 3}, "3 Established", "3"},
		{fr, "S", &answers.Answer{Value: 3}, "3 Établie", "3"},
		{en, "S", &answers.Answer{Value: 2}, "2", "2"}, // a level the scale does not name
		{en, "Y", &answers.Answer{Value: true}, "Yes", "yes"},
		{fr, "Y", &answers.Answer{Value: false}, "Non", "non"},
		{en, "C", &answers.Answer{Value: "a"}, "Alpha", "a"},
		// The file's order is expert, portal; the questionnaire's is portal, expert.
		{en, "M", &answers.Answer{Value: []string{"expert", "portal"}}, "Radiation portals, Expert support", "[portal,expert]"},
		{fr, "M", &answers.Answer{Value: []string{"expert", "portal"}}, "Portiques, Appui d'experts", "[portal,expert]"},
		// Nothing chosen is the question's own "none of these" in the short form.
		{en, "M", &answers.Answer{Value: []string{}}, "none", "[none]"},
		{en, "T", &answers.Answer{Value: "a plan"}, "“a plan”", `"a plan"`},
		// A number as given, with the language's decimal mark; the short form is the file's.
		{en, "N", &answers.Answer{Value: 2.5}, "2.5", "2.5"},
		{fr, "N", &answers.Answer{Value: 2.5}, "2,5", "2.5"},
		{en, "N", &answers.Answer{Value: 1e6}, "1000000", "1e+06"},
		{en, "S", &answers.Answer{NA: true}, "N/A", "N/A"},
		{fr, "S", &answers.Answer{Unknown: true}, "ne sait pas", "ne sait pas"},
	} {
		if got := c.w.Answer(qq(c.q), c.a, c.w.Lang()); got != c.long {
			t.Errorf("%s %s %v: Answer %q, want %q", c.w.Lang(), c.q, c.a.Value, got, c.long)
		}
		if got := c.w.ShortAnswer(qq(c.q), c.a); got != c.short {
			t.Errorf("%s %s %v: ShortAnswer %q, want %q", c.w.Lang(), c.q, c.a.Value, got, c.short)
		}
	}
	if got := en.Answer(qq("S"), nil, "en"); got != "" {
		t.Errorf("no answer reads %q", got)
	}
	// An id the question lacks comes first; an id given twice stays twice.
	if got, want := ChosenIDs(qq("M"), []string{"expert", "gone", "portal", "expert"}), []string{"gone", "portal", "expert", "expert"}; !slices.Equal(got, want) {
		t.Errorf("ChosenIDs = %q, want %q", got, want)
	}
}

func TestTargetsInWords(t *testing.T) {
	q, err := questionnaire.Parse("words.yaml", []byte(answersQ))
	if err != nil {
		t.Fatal(err)
	}
	qq := func(id string) *questionnaire.Question { x, _ := q.Question(id); return x }
	three := 3
	for _, c := range []struct {
		lang, q string
		level   *int
		choice  string
		want    string
	}{
		{"en", "S", &three, "", "3 Established"},
		{"fr", "S", &three, "", "3 Établie"},
		{"en", "Y", nil, "", "Yes"},
		{"fr", "Y", nil, "", "Oui"},
		{"fr", "C", nil, "a", "Alpha-fr"},
		{"en", "M", nil, "", "full"}, // a multiple choice's target is every scoring choice
		{"fr", "M", nil, "", "maximum"},
	} {
		if got := For(c.lang).Target(qq(c.q), c.level, c.choice, c.lang); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.lang, c.q, got, c.want)
		}
	}
}
