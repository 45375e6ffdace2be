package consensus

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
)

// The JSON form of a consensus (schema cbrn.consensus/v1): part of the contract.
type consensusJSDoc struct {
	Schema        string                   `json:"schema"`
	Questionnaire consensusJSRef           `json:"questionnaire"`
	Participants  []consensusJSParticipant `json:"participants"`
	Summary       consensusJSSummary       `json:"summary"`
	Questions     []consensusJSQuestion    `json:"questions"`
}

type consensusJSRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
}

type consensusJSParticipant struct {
	Name         string `json:"name"`
	File         string `json:"file"`
	Organisation string `json:"organisation,omitempty"`
	Answered     int    `json:"answered"` // answers to questions of the questionnaire
}

type consensusJSSummary struct {
	Questions int `json:"questions"` // questions with at least one answer
	Disputed  int `json:"disputed"`
	Settled   int `json:"settled"` // disputes settled with --resolve
}

type consensusJSQuestion struct {
	ID       string              `json:"id"`
	Section  string              `json:"section"`
	Pillar   string              `json:"pillar"`
	Type     string              `json:"type"`
	Disputed bool                `json:"disputed"`
	Spread   *int                `json:"spread"` // levels apart; null on non-scale questions
	Distinct int                 `json:"distinct"`
	Answers  []consensusJSAnswer `json:"answers"`
	Merged   consensusJSMerged   `json:"merged"`
}

type consensusJSAnswer struct {
	Participant string `json:"participant"`
	consensusJSValue
	Confidence string `json:"confidence,omitempty"`
	Note       string `json:"note,omitempty"`
}

// consensusJSValue holds exactly one of value, na and unknown.
type consensusJSValue struct {
	Value   any  `json:"value,omitempty"`
	NA      bool `json:"na,omitempty"`
	Unknown bool `json:"unknown,omitempty"`
}

type consensusJSMerged struct {
	consensusJSValue
	Rule     string             `json:"rule"`
	Proposal *consensusJSValue  `json:"proposal,omitempty"` // the rules' answer, when settled otherwise
	Agreed   *consensusJSAgreed `json:"agreed,omitempty"`
}

type consensusJSAgreed struct {
	Reason string `json:"reason"`
	At     string `json:"at,omitempty"`
}

func consensusJSValueOf(a *answers.Answer) consensusJSValue {
	switch {
	case a.NA:
		return consensusJSValue{NA: true}
	case a.Unknown:
		return consensusJSValue{Unknown: true}
	}
	return consensusJSValue{Value: a.Value}
}

func consensusJSON(in RenderInput) ([]byte, error) {
	r := in.Result
	q := r.Questionnaire
	doc := consensusJSDoc{
		Schema:        Schema,
		Questionnaire: consensusJSRef{ID: q.ID, Version: q.Version},
		Participants:  []consensusJSParticipant{},
		Questions:     []consensusJSQuestion{},
		Summary:       consensusJSSummary{Questions: len(r.Items), Disputed: r.Disputed()},
	}
	for _, p := range r.Participants {
		n := 0
		for id := range p.File.Answers {
			if _, ok := q.Question(id); ok {
				n++
			}
		}
		doc.Participants = append(doc.Participants, consensusJSParticipant{
			Name: p.Name, File: p.File.Path, Organisation: p.File.Respondent.Organisation, Answered: n})
	}
	for _, it := range r.Items {
		qq := it.Question
		x := consensusJSQuestion{ID: qq.ID, Section: qq.Section.ID, Pillar: qq.Section.Pillar, Type: string(qq.Type),
			Disputed: it.Disputed, Spread: it.Spread, Distinct: it.Distinct, Answers: []consensusJSAnswer{}}
		for _, resp := range it.Responses {
			x.Answers = append(x.Answers, consensusJSAnswer{
				Participant:      r.Participants[resp.Participant].Name,
				consensusJSValue: consensusJSValueOf(resp.Answer),
				Confidence:       resp.Answer.Confidence,
				Note:             resp.Answer.Note,
			})
		}
		x.Merged = consensusJSMerged{consensusJSValue: consensusJSValueOf(it.Merged()), Rule: string(it.Rule)}
		if res := it.Resolution; res != nil {
			doc.Summary.Settled++
			p := consensusJSValueOf(it.Proposal)
			x.Merged.Proposal = &p
			x.Merged.Agreed = &consensusJSAgreed{Reason: res.Reason}
			if !res.At.IsZero() {
				x.Merged.Agreed.At = res.At.UTC().Format(time.RFC3339)
			}
		}
		doc.Questions = append(doc.Questions, x)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
