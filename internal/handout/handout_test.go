package handout

import (
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// A scale question with levels of its own shows them beside its tick boxes instead of the
// scale's descriptions, in every format: the handout is answered on paper from the same
// evidence the terminal shows.
func TestQuestionLevelsReplaceTheScaleDescriptions(t *testing.T) {
	q, err := questionnaire.Load("../../testdata/questionnaire/valid/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	x, _ := q.Question("PRV-LEG-02")
	if x.Levels == nil {
		t.Fatal("the example's PRV-LEG-02 lost its levels; this test needs them")
	}
	for _, format := range Formats() {
		for _, lang := range []string{"en", "fr"} {
			out, err := Render(format, Input{Questionnaire: q, Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			s := string(out)
			// PRV-LEG-02, the example's one scale question, shows its own text for level 1 and
			// never the scale's ("Nothing is in place.").
			own := x.LevelText(1).Get(lang)
			if !strings.Contains(s, strings.ReplaceAll(own, "'", "&#39;")) && !strings.Contains(s, own) {
				t.Errorf("%s/%s: PRV-LEG-02's level 1 text %q is missing", format, lang, own)
			}
			if scale := x.Scale.Levels[0].Description.Get(lang); strings.Contains(s, scale) {
				t.Errorf("%s/%s: the scale's description %q is shown although the question has its own", format, lang, scale)
			}
		}
	}
}

// A questionnaire's own figures (a weight, a number's bounds) read as given, with the
// language's decimal mark and never in exponent form: 1000000 was "1e+06".
func TestFiguresAsGiven(t *testing.T) {
	q, err := questionnaire.Parse("figures.yaml", []byte(`schema: cbrn.questionnaire/v1
id: figures
version: 1.0.0
languages: [en, fr]
title: {en: Figures, fr: Chiffres}
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
      - {id: S, type: scale, scale: capacity, weight: 1.5, text: {en: Scale, fr: Échelle}}
      - {id: N, type: number, min: 0.5, max: 1000000, text: {en: How many, fr: Combien}}
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, weight, bounds string }{
		{"en", "1.5", "between 0.5 and 1000000"},
		{"fr", "1,5", "entre 0,5 et 1000000"},
	} {
		out, err := Render("markdown", Input{Questionnaire: q, Lang: c.lang})
		if err != nil {
			t.Fatal(err)
		}
		s := string(out)
		if !strings.Contains(s, c.weight) {
			t.Errorf("%s: no weight %q in\n%s", c.lang, c.weight, s)
		}
		if !strings.Contains(s, c.bounds) {
			t.Errorf("%s: no bounds %q in\n%s", c.lang, c.bounds, s)
		}
	}
}
