package plan

import (
	"testing"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	names "github.com/cbrn-tool/cbrn/internal/words"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// Every section of the newest shipped questionnaires has its outcome in every language the
// tool speaks, so that no objective of theirs falls back to "<section>: capacities reach their
// targets"; a section of another questionnaire has none.
func TestShippedSectionsHaveOutcomes(t *testing.T) {
	for _, id := range questionnaires.IDs() {
		data, name, _ := questionnaires.File(id)
		q, err := questionnaire.Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, sec := range q.Sections {
			for _, lang := range names.Languages() {
				if s, ok := names.For(lang).Outcome(q.ID, sec.ID); !ok || s == "" {
					t.Errorf("%s %s/%s: no outcome", lang, q.ID, sec.ID)
				}
			}
		}
	}
	if _, ok := names.For("en").Outcome("my-own", "prevention-governance"); ok {
		t.Error("a questionnaire the tool does not ship has an outcome")
	}
	// French words its own outcomes; a language the tool does not speak reads them in English.
	fr, _ := names.For("fr").Outcome("cbrn-quick", "detection")
	de, _ := names.For("de").Outcome("cbrn-quick", "detection")
	if fr != "Les événements NRBC sont détectés et confirmés tôt" || de != "CBRN events are detected and confirmed early" {
		t.Errorf("fr %q, de %q", fr, de)
	}
}
