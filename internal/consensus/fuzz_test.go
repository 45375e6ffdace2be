package consensus

import (
	"slices"
	"testing"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// answerFrom makes a participant's answer to q from one byte: no answer, N/A (where allowed),
// don't know, or a value of q's type.
func answerFrom(q *questionnaire.Question, b byte) *answers.Answer {
	switch b % 8 {
	case 0:
		return nil
	case 1:
		if q.NAAllowed {
			return &answers.Answer{NA: true}
		}
		return &answers.Answer{Unknown: true}
	case 2:
		return &answers.Answer{Unknown: true, Confidence: "assumed"}
	}
	conf := answers.Confidences[int(b)%3]
	n := int(b / 8)
	switch q.Type {
	case questionnaire.TypeScale:
		return &answers.Answer{Value: q.Scale.Levels[n%len(q.Scale.Levels)].Level, Confidence: conf}
	case questionnaire.TypeYesNo:
		return &answers.Answer{Value: n%2 == 0}
	case questionnaire.TypeChoice:
		return &answers.Answer{Value: q.Choices[n%len(q.Choices)].ID}
	case questionnaire.TypeMulti:
		var ids []string
		for i, c := range q.Choices {
			if n&(1<<i) != 0 {
				ids = append(ids, c.ID)
			}
		}
		if n%2 == 1 {
			slices.Reverse(ids)
		}
		if ids == nil {
			ids = []string{}
		}
		return &answers.Answer{Value: ids}
	case questionnaire.TypeNumber:
		return &answers.Answer{Value: float64(n % 3)}
	}
	return &answers.Answer{Value: []string{"Plan adopted", "Plan | draft", "\"quoted\"\n"}[n%3], Note: "note " + string(rune('a'+n%26))}
}

// FuzzMerge: whatever the participants answer, the merged file is a valid answers file of the
// questionnaire; a merged level is one of the levels given and the lower median of them; a
// merged non-scale value is given by everyone who gave one; the disputes follow the rule.
func FuzzMerge(f *testing.F) {
	f.Add([]byte{3, 11, 19, 27, 35, 43, 51, 59, 67, 75, 83, 91, 99, 107})
	f.Add([]byte{1, 1, 1, 2, 2, 2, 0, 0, 0, 200, 201, 202})
	f.Add([]byte("participants answer differently"))
	q, err := questionnaire.Load("../../testdata/consensus/workshop.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		n := 2 + int(data[0])%4
		var files []*answers.File
		k := 1
		for p := range n {
			fl := answers.New(q, time.Time{})
			fl.Path = string(rune('a'+p)) + ".yaml"
			for _, qq := range q.Questions {
				b := byte(0)
				if k < len(data) {
					b = data[k]
				}
				k++
				if a := answerFrom(qq, b); a != nil {
					fl.Set(qq.ID, a)
				}
			}
			files = append(files, fl)
		}
		r := Compute(q, files)
		merged := r.File("en", time.Unix(0, 0))
		out, err := merged.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		back, err := answers.Parse("merged.yaml", out)
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if ws, err := back.Check(q); err != nil || len(ws) > 0 {
			t.Fatalf("%v %v\n%s", ws, err, out)
		}
		for _, it := range r.Items {
			var levels []int
			var keys []string
			na := false
			for _, resp := range it.Responses {
				switch a := resp.Answer; {
				case a.NA:
					na = true
				case a.HasValue():
					keys = append(keys, Key(it.Question, a.Value))
					if lv, ok := a.Value.(int); ok {
						levels = append(levels, lv)
					}
				}
			}
			slices.Sort(levels)
			distinct := len(slices.Compact(slices.Clone(slices.Sorted(slices.Values(keys)))))
			p := it.Proposal
			switch {
			case it.Question.Type == questionnaire.TypeScale && len(levels) > 0:
				if p.Value != levels[(len(levels)-1)/2] {
					t.Errorf("%s: merged %v, levels %v", it.Question.ID, p.Value, levels)
				}
				if want := levels[len(levels)-1]-levels[0] >= DisputedLevels || na; it.Disputed != want {
					t.Errorf("%s: disputed %v, levels %v, N/A %v", it.Question.ID, it.Disputed, levels, na)
				}
			case len(keys) > 0 && distinct == 1:
				if !p.HasValue() || Key(it.Question, p.Value) != keys[0] {
					t.Errorf("%s: unanimous %v merged as %+v", it.Question.ID, keys, p)
				}
			case len(keys) > 0:
				if !p.Unknown || !it.Disputed {
					t.Errorf("%s: answers %v differ, merged %+v, disputed %v", it.Question.ID, keys, p, it.Disputed)
				}
			default:
				if p.HasValue() {
					t.Errorf("%s: no value given, merged %+v", it.Question.ID, p)
				}
			}
		}
	})
}

// BenchmarkConsensus compares 30 participants' answers to cbrn-core and writes the merged file.
func BenchmarkConsensus(b *testing.B) {
	data, name, _ := questionnaires.File("cbrn-core")
	q, err := questionnaire.Parse(name, data)
	if err != nil {
		b.Fatal(err)
	}
	var files []*answers.File
	for p := range 30 {
		fl := answers.New(q, time.Time{})
		fl.Path = string(rune('a'+p%26)) + string(rune('0'+p/26)) + ".yaml"
		for i, qq := range q.Questions {
			if a := answerFrom(qq, byte(p*7+i*13)); a != nil {
				fl.Set(qq.ID, a)
			}
		}
		files = append(files, fl)
	}
	b.ResetTimer()
	for b.Loop() {
		r := Compute(q, files)
		if _, err := r.File("en", time.Time{}).Marshal(); err != nil {
			b.Fatal(err)
		}
	}
}
