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
