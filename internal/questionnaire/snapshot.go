package questionnaire

import (
	"bytes"
	"encoding/gob"
	"fmt"
)

// A snapshot is a loaded questionnaire in a binary form that reads back in a fraction of the
// time its YAML takes to parse and check: the shipped questionnaires have snapshots made at
// build time (go generate ./questionnaires), so that a report does not parse 200 KB of YAML at
// every run. A snapshot is made only of a questionnaire that loaded without a problem; it
// starts with the digest of that questionnaire's file on a line of its own, and reading it
// back gives a questionnaire equal to that load in every field.

// snapshot is what is encoded: the questionnaire without its back-pointers (gob writes values,
// not shared pointers) and without its indexes, which are rebuilt.
type snapshot struct {
	Q       *Questionnaire
	Section []int // of each question: its section's index in Q.Sections
	Scale   []int // of each question: its scale's index in Q.Scales, -1 for none
	// Of each question, its Min and Max: gob does not write a pointer to zero, which a bound
	// of 0 is.
	Bounds   []float64 // min, max
	HasBound []bool    // min given, max given
}

// MarshalSnapshot encodes q, as loaded from a file, as a snapshot.
func (q *Questionnaire) MarshalSnapshot() ([]byte, error) {
	if q.Digest == "" {
		return nil, fmt.Errorf("questionnaire %s: no digest; only a loaded questionnaire has a snapshot", q.ID)
	}
	c := *q
	n := len(q.Questions)
	s := snapshot{Q: &c, Section: make([]int, n), Scale: make([]int, n), Bounds: make([]float64, 2*n), HasBound: make([]bool, 2*n)}
	sections := map[*Section]int{}
	c.Sections = make([]*Section, len(q.Sections))
	for i, x := range q.Sections {
		y := *x
		y.Questions = nil
		c.Sections[i] = &y
		sections[x] = i
	}
	scales := map[*ScaleDef]int{}
	for i, x := range q.Scales {
		scales[x] = i
	}
	c.Questions = make([]*Question, len(q.Questions))
	for i, x := range q.Questions {
		y := *x
		var ok bool
		if s.Section[i], ok = sections[x.Section]; !ok {
			return nil, fmt.Errorf("question %s: its section is not among the questionnaire's", x.ID)
		}
		s.Scale[i] = -1
		if x.Scale != nil {
			if s.Scale[i], ok = scales[x.Scale]; !ok {
				return nil, fmt.Errorf("question %s: its scale is not among the questionnaire's", x.ID)
			}
		}
		for j, b := range []*float64{x.Min, x.Max} {
			if b != nil {
				s.Bounds[2*i+j], s.HasBound[2*i+j] = *b, true
			}
		}
		y.Section, y.Scale, y.Min, y.Max = nil, nil, nil, nil
		c.Questions[i] = &y
	}
	var buf bytes.Buffer
	buf.WriteString(q.Digest + "\n")
	if err := gob.NewEncoder(&buf).Encode(&s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ParseShipped returns the questionnaire of a shipped file: from snap when it is the snapshot
// of these very bytes, else by parsing data (name names it in messages).
func ParseShipped(name string, data, snap []byte) (*Questionnaire, error) {
	if q, err := LoadSnapshot(snap, Digest(data)); err == nil {
		return q, nil
	}
	return Parse(name, data)
}

// LoadSnapshot decodes a snapshot made by MarshalSnapshot of the file whose digest is given;
// it refuses the snapshot of any other file.
func LoadSnapshot(snap []byte, digest string) (*Questionnaire, error) {
	head, body, ok := bytes.Cut(snap, []byte("\n"))
	if !ok || string(head) != digest {
		return nil, fmt.Errorf("questionnaire snapshot: not the snapshot of %s", digest)
	}
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&s); err != nil {
		return nil, fmt.Errorf("questionnaire snapshot: %w", err)
	}
	q := s.Q
	n := 0
	if q != nil {
		n = len(q.Questions)
	}
	if q == nil || len(s.Section) != n || len(s.Scale) != n || len(s.Bounds) != 2*n || len(s.HasBound) != 2*n {
		return nil, fmt.Errorf("questionnaire snapshot: inconsistent")
	}
	for i, x := range q.Questions {
		si, ci := s.Section[i], s.Scale[i]
		if si < 0 || si >= len(q.Sections) || ci >= len(q.Scales) {
			return nil, fmt.Errorf("questionnaire snapshot: question %s: no such section or scale", x.ID)
		}
		x.Section = q.Sections[si]
		x.Section.Questions = append(x.Section.Questions, x)
		if ci >= 0 {
			x.Scale = q.Scales[ci]
		}
		if s.HasBound[2*i] {
			x.Min = &s.Bounds[2*i]
		}
		if s.HasBound[2*i+1] {
			x.Max = &s.Bounds[2*i+1]
		}
	}
	q.index()
	return q, nil
}

// index builds the lookups the loader builds, as it builds them.
func (q *Questionnaire) index() {
	q.activityIndex = make(map[string]*Activity, len(q.Activities))
	for i := range q.Activities {
		q.activityIndex[q.Activities[i].ID] = &q.Activities[i]
	}
	if q.Agencies != nil {
		q.agencyIndex = make(map[string]*Agency, len(q.Agencies))
		for i := range q.Agencies {
			q.agencyIndex[q.Agencies[i].ID] = &q.Agencies[i]
		}
	}
	if q.Partners != nil {
		q.partnerIndex = make(map[string]*Partner, len(q.Partners))
		for i := range q.Partners {
			q.partnerIndex[q.Partners[i].ID] = &q.Partners[i]
		}
	}
	q.questionIndex = make(map[string]*Question, len(q.Questions))
	for _, x := range q.Questions {
		q.questionIndex[x.ID] = x
		if x.Type == TypeChoice || x.Type == TypeMulti {
			x.choiceIndex = make(map[string]int, len(x.Choices))
			for i, c := range x.Choices {
				x.choiceIndex[c.ID] = i
			}
		}
	}
}
