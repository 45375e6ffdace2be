package prompt

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// Every word the tool says exists in each language, with the same placeholders in the same
// order, so that a translation can never print %!d(MISSING).
func TestCataloguesAreCompleteAndAgree(t *testing.T) {
	enM, frM := Catalogue("en"), Catalogue("fr")
	en, fr := reflect.ValueOf(*enM), reflect.ValueOf(*frM)
	for i := range en.NumField() {
		name := en.Type().Field(i).Name
		if !en.Type().Field(i).IsExported() {
			continue // the words the counted messages come from
		}
		var es, fs []string
		switch v := en.Field(i).Interface().(type) {
		case string:
			es, fs = []string{v}, []string{fr.Field(i).String()}
		case Plural:
			// The singular and the plural form, each filled in with arguments of the types its
			// placeholders ask for: a missing form, key or argument would show as %!.
			args := func(m *Messages) []any {
				var out []any
				for _, c := range verbs(m.words.Format(string(v)))[1:] {
					if c == 'd' {
						out = append(out, 7)
					} else {
						out = append(out, "x")
					}
				}
				return out
			}
			if enM.words.Format(string(v)) == string(v) || frM.words.Format(string(v)) == string(v) {
				t.Errorf("%s: no catalogue entry %q", name, v)
			}
			if a, b := verbs(enM.words.Format(string(v))), verbs(frM.words.Format(string(v))); a != b {
				t.Errorf("%s: placeholders differ: %q vs %q", name, a, b)
			}
			es = []string{enM.Count(v, 1, args(enM)...), enM.Count(v, 2, args(enM)...)}
			fs = []string{frM.Count(v, 1, args(frM)...), frM.Count(v, 2, args(frM)...)}
			for _, s := range append(es, fs...) {
				if strings.Contains(s, "%!") {
					t.Errorf("%s: %q", name, s)
				}
			}
		default:
			t.Fatalf("field %s of unexpected type %T", name, v)
		}
		for j := range es {
			if es[j] == "" || fs[j] == "" {
				t.Errorf("%s is empty in a language: %q / %q", name, es[j], fs[j])
			}
			if verbs(es[j]) != verbs(fs[j]) {
				t.Errorf("%s: placeholders differ: %q vs %q", name, es[j], fs[j])
			}
		}
	}
	if Catalogue("de").Lang != "en" {
		t.Error("an unknown language does not fall back to English")
	}
}

func verbs(s string) string {
	var b strings.Builder
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '%' {
			b.WriteByte(s[i+1])
			i++
		}
	}
	return b.String()
}

func TestCount(t *testing.T) {
	en, fr := Catalogue("en"), Catalogue("fr")
	cases := []struct {
		m    *Messages
		n    int
		want string
	}{
		{en, 0, "saved 0 answers to a.yaml — run the same command to resume"},
		{en, 1, "saved 1 answer to a.yaml — run the same command to resume"},
		{en, 12, "saved 12 answers to a.yaml — run the same command to resume"},
		{fr, 0, "0 réponse enregistrée dans a.yaml — relancez la même commande pour reprendre"},
		{fr, 1, "1 réponse enregistrée dans a.yaml — relancez la même commande pour reprendre"},
		{fr, 2, "2 réponses enregistrées dans a.yaml — relancez la même commande pour reprendre"},
	}
	for _, c := range cases {
		if got := c.m.Count(c.m.Saved, c.n, "a.yaml"); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.m.Lang, c.n, got, c.want)
		}
	}
}

// A section title that names its pillar already ("Prevention: governance", as in cbrn-core)
// is not preceded by the pillar a second time.
func TestProgressDoesNotRepeatThePillar(t *testing.T) {
	q, err := questionnaire.Parse("t.yaml", []byte(`schema: cbrn.questionnaire/v1
id: t
version: "1"
languages: [en]
title: T
sections:
  - id: s1
    pillar: prevention
    title: "Prevention: governance"
    questions:
      - {id: A, type: yesno, text: "A?"}
  - id: s2
    pillar: detection
    title: Laboratories
    questions:
      - {id: B, type: yesno, text: "B?"}
`))
	if err != nil {
		t.Fatal(err)
	}
	fk := newFake(t, "1", "")
	f := &Flow{Q: q, A: answers.New(q, fixedNow), Lang: "en", Msg: Catalogue("en"), P: fk,
		Now: func() time.Time { return fixedNow }, Save: func() error { return nil }}
	_ = f.Run()
	if got := fk.shown[0][0]; got != "Prevention: governance — question 1 of 2" {
		t.Errorf("progress %q", got)
	}
	if got := fk.shown[2][0]; got != "Detection · Laboratories — question 2 of 2" {
		t.Errorf("progress %q", got)
	}
}
