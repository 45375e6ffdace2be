package exporttest

import (
	"bytes"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

func allQuestionnaires(t *testing.T) []*questionnaire.Questionnaire {
	t.Helper()
	var qs []*questionnaire.Questionnaire
	for _, id := range questionnaires.IDs() {
		data, name, _ := questionnaires.File(id)
		q, err := questionnaire.Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
	q, err := questionnaire.Load("../../../testdata/export/assessments/fixture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return append(qs, q)
}

// Every generated assessment is a valid answers file of its questionnaire: it reads back and
// checks without a problem or a warning.
func TestAssessmentsAreValid(t *testing.T) {
	for _, q := range allQuestionnaires(t) {
		statuses := map[string]int{}
		for seed := uint64(1); seed <= 50; seed++ {
			data, err := Assessment(q, seed).Marshal()
			if err != nil {
				t.Fatal(err)
			}
			a, err := answers.Parse("generated.answers.yaml", data)
			if err != nil {
				t.Fatalf("%s seed %d: %v\n%s", q.ID, seed, err, data)
			}
			ws, err := a.Check(q)
			if err != nil || len(ws) > 0 {
				t.Fatalf("%s seed %d: %v %v\n%s", q.ID, seed, err, ws, data)
			}
			for _, x := range a.Answers {
				switch {
				case x.NA:
					statuses["na"]++
				case x.Unknown:
					statuses["unknown"]++
				default:
					statuses["value"]++
				}
			}
		}
		if statuses["value"] == 0 || statuses["unknown"] == 0 {
			t.Errorf("%s: answers of too few kinds: %v", q.ID, statuses)
		}
	}
}

func TestAssessmentIsDeterministic(t *testing.T) {
	q := allQuestionnaires(t)[0]
	a, _ := Assessment(q, 7).Marshal()
	b, _ := Assessment(q, 7).Marshal()
	c, _ := Assessment(q, 8).Marshal()
	if !bytes.Equal(a, b) || bytes.Equal(a, c) {
		t.Error("the same seed must give the same file, another seed another")
	}
}

func TestWrite(t *testing.T) {
	q := allQuestionnaires(t)[0]
	paths, err := Write(q, t.TempDir(), 3)
	if err != nil || len(paths) != 3 {
		t.Fatalf("%v %v", paths, err)
	}
	for _, p := range paths {
		if _, err := answers.Load(p); err != nil {
			t.Error(err)
		}
	}
}
