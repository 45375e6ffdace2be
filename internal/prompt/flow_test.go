package prompt

import (
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// The questionnaire of these tests, testdata/assess/mini.yaml, in file order:
//
//	GOV-01 yesno (help, references)          prevention/governance, hazards CBRN
//	GOV-02 scale 1-4, when GOV-01 = true     prevention/governance, agency health
//	GOV-03 choice never/sometimes/yearly, N/A allowed
//	LAB-01 scale, hazard B, agency health, N/A allowed, help    detection/labs
//	LAB-02 multi chem/bio, hazards C B
//	LAB-03 number 0..50, hazards C B
//	RSP-01 scale, hazards R N, agency customs                   response/coordination
//	RSP-02 text
func loadMini(t *testing.T) *questionnaire.Questionnaire {
	t.Helper()
	q, err := questionnaire.Load("../../testdata/assess/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return q
}

var fixedNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

type testFlow struct {
	*Flow
	fake  *fake
	saves int
}

func newFlow(t *testing.T, a *answers.File, keys ...string) *testFlow {
	t.Helper()
	q := loadMini(t)
	if a == nil {
		a = answers.New(q, fixedNow)
	}
	tf := &testFlow{fake: newFake(t, keys...)}
	tf.Flow = &Flow{Q: q, A: a, Lang: "en", Msg: Catalogue("en"), P: tf.fake,
		Now:  func() time.Time { return fixedNow },
		Save: func() error { tf.saves++; return nil }}
	return tf
}

// withAnswers makes an answers file holding the given answers, checked like a loaded one.
func withAnswers(t *testing.T, yaml string) *answers.File {
	t.Helper()
	a, err := answers.Parse("test.answers.yaml", []byte("schema: cbrn.answers/v1\nquestionnaire: {id: assess-mini}\nanswers:\n"+yaml))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Check(loadMini(t)); err != nil {
		t.Fatal(err)
	}
	return a
}

func value(t *testing.T, a *answers.File, id string) any {
	t.Helper()
	x := a.Get(id)
	if x == nil {
		t.Fatalf("%s has no answer", id)
	}
	switch {
	case x.Unknown:
		return "unknown"
	case x.NA:
		return "na"
	}
	return x.Value
}

func TestRunAsksInOrderAndSkipsAFollowUpWhoseConditionIsFalse(t *testing.T) {
	// GOV-01 "No" (2) makes GOV-02's condition false: it is not asked. Each answer is followed
	// by its note prompt (Enter), and each scale answer by the confidence prompt (Enter).
	f := newFlow(t, nil,
		"2", "", // GOV-01 no
		"1", "", // GOV-03 never
		"3", "", "", // LAB-01 level 3
		"1 2", "", // LAB-02 chem + bio
		"7", "", // LAB-03
		"4", "", "", // RSP-01
		"The civil protection agency", "") // RSP-02
	if err := f.Run(); err != nil {
		t.Fatal(err)
	}
	want := []string{"GOV-01", "GOV-03", "LAB-01", "LAB-02", "LAB-03", "RSP-01", "RSP-02"}
	if got := f.fake.questions(); !slices.Equal(got, want) {
		t.Fatalf("asked %v, want %v", got, want)
	}
	if f.A.Get("GOV-02") != nil {
		t.Error("GOV-02 was skipped but has an answer")
	}
	checks := map[string]any{"GOV-01": false, "GOV-03": "never", "LAB-01": 3, "LAB-03": 7.0, "RSP-01": 4,
		"RSP-02": "The civil protection agency"}
	for id, v := range checks {
		if got := value(t, f.A, id); got != v {
			t.Errorf("%s = %#v, want %#v", id, got, v)
		}
	}
	if got := value(t, f.A, "LAB-02"); !slices.Equal(got.([]string), []string{"chem", "bio"}) {
		t.Errorf("LAB-02 = %v", got)
	}
	// One save per answer, none for skipped notes and confidences: 7 answers.
	if f.saves != 7 {
		t.Errorf("saved %d times, want 7", f.saves)
	}
	if !slices.Equal(f.A.Order, want) {
		t.Errorf("file order %v, want %v", f.A.Order, want)
	}
}

func TestRunAsksTheFollowUpWhenItsConditionHolds(t *testing.T) {
	f := newFlow(t, nil, "1", "", "3", "", "")
	err := f.Run()
	if !errors.Is(err, io.EOF) {
		t.Fatalf("err = %v, want io.EOF when the keys run out", err)
	}
	if got := f.fake.questions(); !slices.Equal(got, []string{"GOV-01", "GOV-02", "GOV-03"}) {
		t.Fatalf("asked %v", got)
	}
}

func TestProgressCountsTheQuestionsShownAndInScope(t *testing.T) {
	f := newFlow(t, nil, "1", "", "3", "", "")
	_ = f.Run()
	// Before GOV-01 is answered GOV-02's condition is undefined, hence hidden: 7 questions.
	// Once GOV-01 is "yes", 8.
	want := []string{
		"Prevention · Governance — question 1 of 7",
		"Prevention · Governance — question 2 of 8",
		"Prevention · Governance — question 3 of 8",
	}
	var got []string
	for i, name := range f.fake.log {
		if strings.HasPrefix(name, "GOV") {
			got = append(got, f.fake.shown[i][0])
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("progress lines %q, want %q", got, want)
	}
}

func TestBackReturnsToThePreviousQuestionWithItsAnswerAsDefault(t *testing.T) {
	f := newFlow(t, nil,
		"1", "", // GOV-01 yes
		"3", "", "1", // GOV-02 level 3, no note, documented
		"b",        // at GOV-03: back
		"", "", "", // GOV-02 again: Enter keeps level, note and confidence
		"2") // GOV-03 asked again
	err := f.Run()
	if !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	if got := f.fake.questions(); !slices.Equal(got, []string{"GOV-01", "GOV-02", "GOV-03", "GOV-02", "GOV-03"}) {
		t.Fatalf("asked %v", got)
	}
	i := slices.Index(f.fake.log[4:], "GOV-02") + 4
	if h := strings.Join(f.fake.shown[i], "\n"); !strings.Contains(h, "Current answer: 3 · Established — Enter keeps it") {
		t.Errorf("the revisited question does not show its answer:\n%s", h)
	}
	a := f.A.Get("GOV-02")
	if a.Value != 3 || a.Confidence != "documented" {
		t.Errorf("GOV-02 = %+v, want level 3 documented kept", a)
	}
	if value(t, f.A, "GOV-03") != "sometimes" {
		t.Errorf("GOV-03 = %v", value(t, f.A, "GOV-03"))
	}
	// Keeping an answer as it was does not rewrite it: saves for GOV-01, GOV-02 (+confidence), GOV-03.
	if f.saves != 4 {
		t.Errorf("saved %d times, want 4", f.saves)
	}
}

func TestBackIsNotOfferedOnTheFirstQuestion(t *testing.T) {
	f := newFlow(t, nil)
	_ = f.Run()
	for _, o := range f.fake.opts[0] {
		if o.Value == valBack {
			t.Fatal("the first question offers to go back")
		}
	}
}

func TestChangingAnAnswerOnTheWayBackChangesWhatFollows(t *testing.T) {
	// GOV-02 answered, then back to GOV-01 and "no": GOV-02 is skipped from then on, and its
	// answer stays in the file (DESIGN §3: a hidden question's answer is kept).
	f := newFlow(t, nil,
		"1", "", // GOV-01 yes
		"2", "", "", // GOV-02 level 2
		"b",     // at GOV-03: back to GOV-02
		"b",     // at GOV-02: back to GOV-01
		"2", "", // GOV-01 no
		"1") // next: GOV-03, not GOV-02
	_ = f.Run()
	want := []string{"GOV-01", "GOV-02", "GOV-03", "GOV-02", "GOV-01", "GOV-03"}
	if got := f.fake.questions(); !slices.Equal(got, want) {
		t.Fatalf("asked %v, want %v", got, want)
	}
	if value(t, f.A, "GOV-02") != 2 {
		t.Error("the answer to the now hidden GOV-02 was dropped")
	}
}

func TestResumeStartsAtTheFirstUnansweredQuestion(t *testing.T) {
	a := withAnswers(t, "  GOV-01: {value: true}\n  GOV-02: {value: 2}\n  LAB-01: {unknown: true}\n")
	f := newFlow(t, a, "1", "", "1")
	_ = f.Run()
	// GOV-03 first; after it LAB-02 (LAB-01 has an answer).
	if got := f.fake.questions(); !slices.Equal(got, []string{"GOV-03", "LAB-02"}) {
		t.Fatalf("asked %v", got)
	}
}

func TestResumeAfterEveryQuestionIsAnsweredAsksNothing(t *testing.T) {
	a := withAnswers(t, `  GOV-01: {value: false}
  GOV-03: {na: true}
  LAB-01: {value: 1}
  LAB-02: {value: []}
  LAB-03: {value: 0}
  RSP-01: {unknown: true}
  RSP-02: {value: x}
`)
	f := newFlow(t, a)
	if err := f.Run(); err != nil {
		t.Fatal(err)
	}
	if len(f.fake.log) != 0 || f.saves != 0 {
		t.Fatalf("asked %v and saved %d times", f.fake.log, f.saves)
	}
}

func TestEndOfInputStopsWithTheConfirmedAnswersSaved(t *testing.T) {
	// Two answers, then the input ends while GOV-03 is asked: it is not answered.
	f := newFlow(t, nil, "1", "", "2", "a note")
	err := f.Run()
	if !errors.Is(err, io.EOF) {
		t.Fatalf("err = %v", err)
	}
	if len(f.A.Answers) != 2 || f.A.Get("GOV-03") != nil {
		t.Fatalf("answers %v", f.A.Order)
	}
	if f.A.Get("GOV-02").Note != "a note" {
		t.Errorf("note %q", f.A.Get("GOV-02").Note)
	}
	// GOV-01, GOV-02, GOV-02's note: three saves; the confidence prompt hit the end of input.
	if f.saves != 3 {
		t.Errorf("saved %d times, want 3", f.saves)
	}
}

func TestInterruptionStopsTheFlow(t *testing.T) {
	f := newFlow(t, nil, "1", "", "2")
	f.fake.errAt, f.fake.err = 2, ErrInterrupted // while GOV-02 is asked
	if err := f.Run(); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v", err)
	}
	if len(f.A.Answers) != 1 {
		t.Fatalf("answers %v", f.A.Order)
	}
}

func TestASaveErrorStopsTheFlow(t *testing.T) {
	f := newFlow(t, nil, "1", "")
	boom := errors.New("disk full")
	f.Save = func() error { return boom }
	if err := f.Run(); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if len(f.fake.log) != 1 {
		t.Errorf("went on asking after a failed save: %v", f.fake.log)
	}
}

func TestSpecialAnswers(t *testing.T) {
	f := newFlow(t, nil,
		"d", "", // GOV-01 don't know: GOV-02's condition is undefined, GOV-02 hidden
		"n", "no risk assessment yet", // GOV-03 not applicable, with a note
		"d", "") // LAB-01 don't know: no confidence prompt after it
	_ = f.Run()
	if value(t, f.A, "GOV-01") != "unknown" || value(t, f.A, "GOV-03") != "na" || value(t, f.A, "LAB-01") != "unknown" {
		t.Fatalf("answers: %v", f.A.Answers)
	}
	if f.A.Get("GOV-03").Note != "no risk assessment yet" {
		t.Errorf("note %q", f.A.Get("GOV-03").Note)
	}
	want := []string{"GOV-01", "note", "GOV-03", "note", "LAB-01", "note", "LAB-02"}
	if !slices.Equal(f.fake.log, want) {
		t.Errorf("prompts %v, want %v", f.fake.log, want)
	}
}

func TestNotApplicableIsOfferedOnlyWhereAllowed(t *testing.T) {
	f := newFlow(t, nil)
	_ = f.Run()
	if _, ok := optionByKey(f.fake.opts[0], "n"); ok {
		t.Error("GOV-01 offers N/A, which it does not allow")
	}
	f = newFlow(t, withAnswers(t, "  GOV-01: {value: false}\n"))
	_ = f.Run()
	if o, ok := optionByKey(f.fake.opts[0], "n"); !ok || o.Label != "Not applicable" {
		t.Error("GOV-03 does not offer N/A")
	}
}

func TestHelpIsShownOnDemand(t *testing.T) {
	f := newFlow(t, nil, "h", "1")
	_ = f.Run()
	if len(f.fake.shown) < 2 {
		t.Fatalf("prompts %v", f.fake.log)
	}
	first, second := strings.Join(f.fake.shown[0], "\n"), strings.Join(f.fake.shown[1], "\n")
	if strings.Contains(first, "Help:") {
		t.Error("help shown before it was asked for")
	}
	for _, want := range []string{"Help: Look for the decree that creates it.", "Sources: UNSCR 1540 (2004) OP3"} {
		if !strings.Contains(second, want) {
			t.Errorf("after h, the question does not show %q:\n%s", want, second)
		}
	}
	if _, ok := optionByKey(f.fake.opts[1], "h"); ok {
		t.Error("help still offered once shown")
	}
	if value(t, f.A, "GOV-01") != true {
		t.Error("GOV-01 not answered after the help")
	}
}

func TestNoteAndConfidence(t *testing.T) {
	a := withAnswers(t, "  GOV-01: {value: true}\n  GOV-02: {value: 2, confidence: assumed, note: old}\n")
	// Review GOV-02 through Back from GOV-03: keep the level, remove the note, set judgement.
	f := newFlow(t, a, "b", "", "-", "2")
	_ = f.Run()
	got := f.A.Get("GOV-02")
	if got.Value != 2 || got.Note != "" || got.Confidence != "judgement" {
		t.Fatalf("GOV-02 = %+v", got)
	}
	// The confidence prompt is one line and Enter keeps what is there.
	i := slices.Index(f.fake.log, "confidence")
	if i < 0 {
		t.Fatalf("no confidence prompt: %v", f.fake.log)
	}
	if f.fake.titles[i] != "Confidence" {
		t.Errorf("title %q", f.fake.titles[i])
	}
}

func TestNumberAnswersAreChecked(t *testing.T) {
	a := withAnswers(t, "  GOV-01: {value: false}\n  GOV-03: {value: never}\n  LAB-01: {value: 1}\n  LAB-02: {value: [bio]}\n")
	f := newFlow(t, a)
	_ = f.Run()
	if len(f.fake.log) != 1 || f.fake.log[0] != "LAB-03" {
		t.Fatalf("prompts %v", f.fake.log)
	}
	// Find the validator through a fresh prompt that records it.
	var validate func(string) error
	f2 := newFlow(t, a)
	f2.P = validatorSpy{fake: f2.fake, got: &validate}
	_ = f2.Run()
	for _, bad := range []string{"", "many", "51", "-1"} {
		if validate(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	for _, good := range []string{"0", "50", "12", "3,5", "d", "D", "b"} {
		if err := validate(good); err != nil {
			t.Errorf("%q refused: %v", good, err)
		}
	}
	if msg := validate("51").Error(); msg != "51 is above the maximum 50" {
		t.Errorf("message %q", msg)
	}
	// In French the figures read with a decimal comma, as they may be typed.
	f4 := newFlow(t, a)
	f4.Lang, f4.Msg = "fr", Catalogue("fr")
	f4.P = validatorSpy{fake: f4.fake, got: &validate}
	_ = f4.Run()
	if msg := validate("50,5").Error(); msg != "50,5 est supérieur au maximum 50" {
		t.Errorf("French message %q", msg)
	}
	// A decimal comma is read as a point.
	f3 := newFlow(t, a, "3,5", "")
	_ = f3.Run()
	if value(t, f3.A, "LAB-03") != 3.5 {
		t.Errorf("LAB-03 = %v", value(t, f3.A, "LAB-03"))
	}
}

// validatorSpy records the validator of the first Input prompt and stops.
type validatorSpy struct {
	*fake
	got *func(string) error
}

func (v validatorSpy) Input(p InputPrompt) (string, error) {
	*v.got = p.Validate
	return "", io.EOF
}

// A multiple answer reads in the questionnaire's order (chem, then bio), as in every output,
// whatever order the file gives; an id the question lacks comes first, as itself.
func TestMultiAnswerReadsInQuestionnaireOrder(t *testing.T) {
	f := newFlow(t, nil)
	q, _ := f.Q.Question("LAB-02")
	for _, c := range []struct {
		ids  []string
		want string
	}{
		{[]string{"bio", "chem"}, "Chemical, Biological"},
		{[]string{"chem", "bio"}, "Chemical, Biological"},
		{[]string{"bio", "gone"}, "gone, Biological"},
	} {
		if got := f.describe(q, &answers.Answer{Value: c.ids}); got != c.want {
			t.Errorf("%v reads %q, want %q", c.ids, got, c.want)
		}
	}
}

func TestMultiAnswers(t *testing.T) {
	const before = "  GOV-01: {value: false}\n  GOV-03: {value: never}\n  LAB-01: {value: 1}\n"
	f := newFlow(t, withAnswers(t, before), "0", "")
	_ = f.Run()
	if got := value(t, f.A, "LAB-02"); len(got.([]string)) != 0 {
		t.Errorf("none of these = %v, want []", got)
	}
	// Chosen in any order, stored in choice order.
	f = newFlow(t, withAnswers(t, before), "2 1", "")
	_ = f.Run()
	if got := value(t, f.A, "LAB-02"); !slices.Equal(got.([]string), []string{"chem", "bio"}) {
		t.Errorf("LAB-02 = %v", got)
	}
}

func TestScopeNarrowsTheQuestionsAsked(t *testing.T) {
	cases := []struct {
		name  string
		scope Scope
		a     string
		want  []string
	}{
		{"pillar", Scope{Pillars: []string{"detection"}}, "", []string{"LAB-01", "LAB-02", "LAB-03"}},
		{"hazard", Scope{Hazards: []string{"N"}}, "", []string{"GOV-01", "GOV-03", "RSP-01", "RSP-02"}},
		{"section", Scope{Sections: []string{"coordination"}}, "", []string{"RSP-01", "RSP-02"}},
		// GOV-02 is for health too, but its condition on GOV-01 (out of scope) is undefined.
		{"agency", Scope{Agencies: []string{"health"}}, "", []string{"LAB-01"}},
		// With GOV-01 answered "yes" in the file, GOV-02 is asked.
		{"agency with answers", Scope{Agencies: []string{"health"}}, "  GOV-01: {value: true}\n", []string{"GOV-02", "LAB-01"}},
		{"filters combine", Scope{Pillars: []string{"detection", "response"}, Hazards: []string{"C"}}, "", []string{"LAB-02", "LAB-03", "RSP-02"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var a *answers.File
			if c.a != "" {
				a = withAnswers(t, c.a)
			}
			f := newFlow(t, a)
			f.Scope = c.scope
			var got []string
			for _, q := range f.Asked() {
				got = append(got, q.ID)
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("asked %v, want %v", got, c.want)
			}
		})
	}
}

func TestRespondent(t *testing.T) {
	f := newFlow(t, nil, "Ada Lovelace", "", "Examplia", "National focal point")
	if err := f.Respondent(); err != nil {
		t.Fatal(err)
	}
	r := f.A.Respondent
	if r.Name != "Ada Lovelace" || r.Organisation != "" || r.Country != "Examplia" || r.Role != "National focal point" {
		t.Fatalf("respondent %+v", r)
	}
	if f.saves != 3 {
		t.Errorf("saved %d times, want 3 (once per item given)", f.saves)
	}
	if f.fake.log[0] != "input Your name (Enter to skip)" || f.fake.shown[0][0] != "About you — every item is optional" {
		t.Errorf("first prompt %q %q", f.fake.log[0], f.fake.shown[0])
	}
}

func TestReviewChangesAnAnswerAndComesBackToTheList(t *testing.T) {
	a := withAnswers(t, "  GOV-01: {value: true}\n  GOV-02: {value: 2}\n  GOV-03: {value: never}\n")
	f := newFlow(t, a,
		"2",         // the second answered question: GOV-02
		"4", "", "", // level 4, no note, no confidence
		"3", "b", // GOV-03, then back to the list
		"") // Enter: done
	if err := f.Review(); err != nil {
		t.Fatal(err)
	}
	want := []string{"review", "GOV-02", "note", "confidence", "review", "GOV-03", "review"}
	if !slices.Equal(f.fake.log, want) {
		t.Fatalf("prompts %v, want %v", f.fake.log, want)
	}
	if value(t, f.A, "GOV-02") != 4 || value(t, f.A, "GOV-03") != "never" {
		t.Errorf("answers %v %v", value(t, f.A, "GOV-02"), value(t, f.A, "GOV-03"))
	}
	labels := []string{}
	for _, o := range f.fake.opts[4] {
		labels = append(labels, o.Label)
	}
	wantLabels := []string{"Done",
		"GOV-01 · Yes — Is there a national CBRN coordination body?",
		"GOV-02 · 4 · Demonstrated — How well does the coordination body work?",
		"GOV-03 · Never — How often is the national risk assessment updated?"}
	if !slices.Equal(labels, wantLabels) {
		t.Errorf("review list\n%q\nwant\n%q", labels, wantLabels)
	}
	if o, _ := optionByKey(f.fake.opts[5], "b"); o.Label != "Back to the list" {
		t.Errorf("back in review reads %q", o.Label)
	}
}

func TestFrenchWords(t *testing.T) {
	f := newFlow(t, nil, "s", "")
	f.Lang, f.Msg = "fr", Catalogue("fr")
	_ = f.Run()
	h := strings.Join(f.fake.shown[0], "\n")
	for _, want := range []string{"Prévention · Gouvernance — question 1 sur 7", "GOV-01\u00a0: Existe-t-il un organe national de coordination NRBC ?"} {
		if !strings.Contains(h, want) {
			t.Errorf("French heading lacks %q:\n%s", want, h)
		}
	}
	var labels []string
	for _, o := range f.fake.opts[0] {
		labels = append(labels, o.Key+" "+o.Label)
	}
	if want := []string{"1 Oui", "2 Non", "s Je ne sais pas", "a Aide"}; !slices.Equal(labels, want) {
		t.Errorf("options %q, want %q", labels, want)
	}
	if value(t, f.A, "GOV-01") != "unknown" {
		t.Error("s is not « je ne sais pas »")
	}
	if f.fake.titles[1] != "Note (Entrée pour passer)" {
		t.Errorf("note title %q", f.fake.titles[1])
	}
}

func TestSummary(t *testing.T) {
	a := withAnswers(t, `  GOV-01: {value: true}
  GOV-02: {unknown: true}
  GOV-03: {na: true}
  LAB-01: {value: 3}
  LAB-02: {unknown: true}
  RSP-09: {value: 1}
`)
	f := newFlow(t, a)
	counts, left := f.Summary()
	// prevention: GOV-01 answered, GOV-02 don't know, GOV-03 N/A → 3 questions.
	// detection: LAB-01 answered, LAB-02 don't know, LAB-03 unanswered → 3 questions.
	// response: RSP-01, RSP-02 unanswered; RSP-09 is not in the questionnaire.
	want := []PillarCount{
		{"prevention", 3, 1, 1, 1},
		{"detection", 3, 1, 1, 0},
		{"preparedness", 0, 0, 0, 0},
		{"response", 2, 0, 0, 0},
	}
	if !slices.Equal(counts, want) || left != 3 {
		t.Fatalf("summary %+v, %d left; want %+v, 3 left", counts, left, want)
	}
}

func TestShorten(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"a fairly long question text", 12, "a fairly…"},
		{"unbreakablewordhere", 8, "unbreak…"},
		// Display columns, not runes: each ideograph takes two, so 6 columns hold two of
		// them and the ellipsis (2+2+1 = 5; a third would make 7).
		{"核生化放射性", 6, "核生…"},
		{"é é é é é é", 7, "é é é…"}, // 7 columns: "é é é" (5) and "…" after the cut at a space
	} {
		if got := shorten(c.in, c.n); got != c.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

// A multiple choice whose questionnaire has its own "none" choice offers that one alone: the
// flow adds no "None of these" of its own, and the questionnaire's one cannot be combined.
func TestMultiWithItsOwnNoneOffersOneNone(t *testing.T) {
	data, err := os.ReadFile("../../testdata/assess/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	own := strings.Replace(string(data), "          - {id: bio, label: {en: Biological, fr: Biologique}, score: 0.5}\n",
		"          - {id: bio, label: {en: Biological, fr: Biologique}, score: 0.5}\n"+
			"          - {id: none, label: {en: No laboratory, fr: Aucun laboratoire}, score: 0}\n", 1)
	q, err := questionnaire.Parse("own-none.yaml", []byte(own))
	if err != nil {
		t.Fatal(err)
	}
	const before = "  GOV-01: {value: false}\n  GOV-03: {value: never}\n  LAB-01: {value: 1}\n"
	f := newFlow(t, withAnswers(t, before), "3", "")
	f.Q = q
	_ = f.Run()
	var multi []Option
	for i, name := range f.fake.log {
		if name == "LAB-02" {
			multi = f.fake.opts[i]
		}
	}
	var nones []string
	for _, o := range multi {
		if o.Exclusive && !o.Action {
			nones = append(nones, o.Key+" "+o.Label)
		}
		if o.Label == "None of these" {
			t.Errorf("the flow added its own none: %+v", o)
		}
	}
	if !slices.Equal(nones, []string{"3 No laboratory"}) {
		t.Errorf("exclusive choices = %q, want the questionnaire's none alone", nones)
	}
	if got := value(t, f.A, "LAB-02"); !slices.Equal(got.([]string), []string{"none"}) {
		t.Errorf("LAB-02 = %v, want [none]", got)
	}

}

// A scale question with levels of its own shows them instead of the scale's descriptions, in
// the full-screen options and in the line-based mode.
func TestQuestionLevelsReplaceTheScaleDescriptions(t *testing.T) {
	data, err := os.ReadFile("../../testdata/assess/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	own := strings.Replace(string(data), "        when: {question: GOV-01, equals: true}\n",
		"        when: {question: GOV-01, equals: true}\n        levels:\n"+
			"          1: {en: No body meets., fr: Aucun organe ne se réunit.}\n"+
			"          2: {en: It met once., fr: Il s'est réuni une fois.}\n"+
			"          3: {en: It meets twice a year., fr: Il se réunit deux fois par an.}\n"+
			"          4: {en: Its decisions are followed up., fr: Ses décisions sont suivies.}\n", 1)
	q, err := questionnaire.Parse("levels.yaml", []byte(own))
	if err != nil {
		t.Fatal(err)
	}
	f := newFlow(t, withAnswers(t, "  GOV-01: {value: true}\n"), "3", "")
	f.Q = q
	_ = f.Run()
	var details []string
	for i, name := range f.fake.log {
		if name == "GOV-02" {
			for _, o := range f.fake.opts[i] {
				if o.Detail != "" {
					details = append(details, o.Detail)
				}
			}
		}
	}
	want := []string{"No body meets.", "It met once.", "It meets twice a year.", "Its decisions are followed up."}
	if !slices.Equal(details, want) {
		t.Errorf("details = %q, want %q", details, want)
	}

	// The line-based mode prints them.
	var out strings.Builder
	l := &Lines{In: NewLineReader(t.Context(), strings.NewReader("3\n")), Out: &out, Msg: Catalogue("fr")}
	g := &Flow{Q: q, A: withAnswers(t, "  GOV-01: {value: true}\n"), Lang: "fr", Msg: Catalogue("fr"), P: l,
		Now: func() time.Time { return fixedNow }, Save: func() error { return nil }}
	_ = g.Run()
	if !strings.Contains(out.String(), "3  Établie\u00a0: Il se réunit deux fois par an.") || strings.Contains(out.String(), "Adoptée et dotée") {
		t.Errorf("line-based mode:\n%s", out.String())
	}
}
