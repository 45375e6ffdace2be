package consensus

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/words"
)

const fixtures = "../../testdata/consensus"

func load(t *testing.T, names ...string) (*questionnaire.Questionnaire, []*answers.File) {
	t.Helper()
	q, err := questionnaire.Load(filepath.Join(fixtures, "workshop.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*answers.File
	for _, n := range names {
		f, err := answers.Load(filepath.Join(fixtures, n))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Check(q); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return q, files
}

func itemOf(t *testing.T, r *Result, id string) *Item {
	t.Helper()
	for _, it := range r.Items {
		if it.Question.ID == id {
			return it
		}
	}
	t.Fatalf("no item for %s", id)
	return nil
}

func TestComputeOnThreeParticipants(t *testing.T) {
	q, files := load(t, "alice.answers.yaml", "bruno.answers.yaml", "chloe.answers.yaml")
	r := Compute(q, files)

	names := []string{}
	for _, p := range r.Participants {
		names = append(names, p.Name)
	}
	// Chloé's file names no respondent: she is named by her file.
	if want := []string{"Alice Martin", "Bruno Keller", "chloe.answers.yaml"}; !slices.Equal(names, want) {
		t.Errorf("participants = %q, want %q", names, want)
	}

	type want struct {
		spread    int // -1: none
		distinct  int
		disputed  bool
		rule      Rule
		merged    string // ShortAnswer of the proposal
		values    int
		na, unk   int
		responses int
	}
	cases := map[string]want{
		// levels 4, 1, 3: spread 4-1 = 3; sorted 1,3,4, median 3.
		"WS-GOV-01": {3, 3, true, Median, "3", 3, 0, 0, 3},
		// yes, yes, yes.
		"WS-GOV-02": {-1, 1, false, Unanimous, "yes", 3, 0, 0, 3},
		// partial, full, don't know: two answers differ on a choice: disputed, merged don't know.
		"WS-GOV-03": {-1, 2, true, Disagreement, "don't know", 2, 0, 1, 3},
		// 2, N/A, 3: spread 1 but N/A beside levels is disputed; median of 2,3 is the lower: 2.
		"WS-DET-01": {1, 3, true, Median, "2", 2, 1, 0, 3},
		// [lab field] and [field lab] are the same answer.
		"WS-DET-02": {-1, 1, false, Unanimous, "[lab,field]", 2, 0, 0, 2},
		// only the customs participant answered: no conflict.
		"WS-DET-03": {0, 1, false, Unanimous, "2", 1, 0, 0, 1},
		// 3, don't know, 4: spread 1, not disputed; median of 3,4 is the lower: 3.
		"WS-RSP-01": {1, 2, false, Median, "3", 2, 0, 1, 3},
		"WS-RSP-02": {-1, 1, false, Unanimous, "12", 2, 0, 0, 2},
		// two different texts.
		"WS-RSP-03": {-1, 2, true, Disagreement, "don't know", 2, 0, 0, 2},
		// N/A, N/A: all not applicable.
		"WS-RSP-04": {-1, 1, false, AllNA, "N/A", 0, 2, 0, 2},
		// N/A and don't know, no value: don't know.
		"WS-RSP-05": {-1, 1, false, NoValue, "don't know", 0, 1, 1, 2},
	}
	if len(r.Items) != len(cases) {
		t.Errorf("%d items, want %d (WS-PRP-01, answered by nobody, left out)", len(r.Items), len(cases))
	}
	for id, w := range cases {
		it := itemOf(t, r, id)
		spread := -1
		if it.Spread != nil {
			spread = *it.Spread
		}
		got := want{spread, it.Distinct, it.Disputed, it.Rule, words.For("en").ShortAnswer(it.Question, it.Proposal),
			it.Values, it.NA, it.Unknown, len(it.Responses)}
		if got != w {
			t.Errorf("%s: got %+v, want %+v", id, got, w)
		}
	}

	// Most disputed first: disputed by score spread (GOV-01 75 = (4-1)/4×100, GOV-03 50 = 1-0.5,
	// DET-01 25, RSP-03 0 unscored), then the others (RSP-01 25, then the rest at 0 with one
	// answer, in questionnaire order).
	var order []string
	for _, it := range r.Items {
		order = append(order, it.Question.ID)
	}
	wantOrder := []string{"WS-GOV-01", "WS-GOV-03", "WS-DET-01", "WS-RSP-03", "WS-RSP-01",
		"WS-GOV-02", "WS-DET-02", "WS-DET-03", "WS-RSP-02", "WS-RSP-04", "WS-RSP-05"}
	if !slices.Equal(order, wantOrder) {
		t.Errorf("order = %q\nwant    %q", order, wantOrder)
	}
	if got := r.Disputed(); got != 4 {
		t.Errorf("Disputed() = %d, want 4", got)
	}
	if got := itemOf(t, r, "WS-GOV-01").ScoreSpread; got != 75 {
		t.Errorf("GOV-01 score spread = %v, want 75", got)
	}
}

func TestMedianRoundsDown(t *testing.T) {
	q, _ := load(t)
	qq, _ := q.Question("WS-GOV-01")
	cases := []struct {
		levels []int
		want   int
	}{
		{[]int{5}, 5},
		{[]int{2, 5}, 2},          // even: the lower middle
		{[]int{1, 2, 3, 4}, 2},    // even: 2 and 3, lower 2
		{[]int{4, 1, 5}, 4},       // odd: sorted 1,4,5
		{[]int{3, 3, 4, 4}, 3},    // even: 3 and 4
		{[]int{5, 5, 1, 1, 1}, 1}, // odd: sorted 1,1,1,5,5
	}
	for _, c := range cases {
		var files []*answers.File
		for i, lv := range c.levels {
			f := answers.New(q, time.Time{})
			f.Path = string(rune('a'+i)) + ".yaml"
			f.Set(qq.ID, &answers.Answer{Value: lv})
			files = append(files, f)
		}
		it := Compute(q, files).Items[0]
		if got := it.Proposal.Value; got != c.want {
			t.Errorf("median of %v = %v, want %d", c.levels, got, c.want)
		}
	}
}

func TestDisputeThreshold(t *testing.T) {
	q, _ := load(t)
	mk := func(id string, vals ...answers.Answer) *Item {
		var files []*answers.File
		for i := range vals {
			f := answers.New(q, time.Time{})
			f.Path = string(rune('a'+i)) + ".yaml"
			f.Set(id, &vals[i])
			files = append(files, f)
		}
		return Compute(q, files).Items[0]
	}
	v := func(x any) answers.Answer { return answers.Answer{Value: x} }
	cases := []struct {
		name string
		it   *Item
		want bool
	}{
		{"scale one level apart", mk("WS-GOV-01", v(2), v(3)), false},
		{"scale two levels apart", mk("WS-GOV-01", v(2), v(4)), true},
		{"scale with don't know", mk("WS-GOV-01", v(2), answers.Answer{Unknown: true}), false},
		{"scale N/A beside a level", mk("WS-DET-01", v(2), answers.Answer{NA: true}), true},
		{"yes and no", mk("WS-GOV-02", v(true), v(false)), true},
		{"yes and don't know", mk("WS-GOV-02", v(true), answers.Answer{Unknown: true}), false},
		{"numbers differ", mk("WS-RSP-02", v(3.0), v(4.0)), true},
		{"multi same set", mk("WS-DET-02", v([]string{"portal", "lab"}), v([]string{"lab", "portal"})), false},
		{"multi different sets", mk("WS-DET-02", v([]string{"lab"}), v([]string{"lab", "portal"})), true},
	}
	for _, c := range cases {
		if c.it.Disputed != c.want {
			t.Errorf("%s: disputed = %v, want %v", c.name, c.it.Disputed, c.want)
		}
	}
}

func TestMergedConfidenceAndRule(t *testing.T) {
	q, _ := load(t)
	mk := func(vals ...answers.Answer) *Item {
		var files []*answers.File
		for i := range vals {
			f := answers.New(q, time.Time{})
			f.Path = string(rune('a'+i)) + ".yaml"
			f.Set("WS-DET-01", &vals[i])
			files = append(files, f)
		}
		return Compute(q, files).Items[0]
	}
	// One level and one N/A: the level, by the median rule (not unanimous: N/A dissents).
	it := mk(answers.Answer{Value: 3, Confidence: "documented"}, answers.Answer{NA: true, Confidence: "assumed"})
	if it.Rule != Median || it.Proposal.Value != 3 || it.Proposal.Confidence != "documented" {
		t.Errorf("level + N/A: rule %s, proposal %+v", it.Rule, it.Proposal)
	}
	// A confidence left out by one participant leaves the merged answer without one.
	it = mk(answers.Answer{Value: 3, Confidence: "documented"}, answers.Answer{Value: 3})
	if it.Rule != Unanimous || it.Proposal.Confidence != "" {
		t.Errorf("partly stated confidence: rule %s, proposal %+v", it.Rule, it.Proposal)
	}
	// All N/A: N/A, with the weakest confidence.
	it = mk(answers.Answer{NA: true, Confidence: "judgement"}, answers.Answer{NA: true, Confidence: "documented"})
	if it.Rule != AllNA || !it.Proposal.NA || it.Proposal.Confidence != "judgement" {
		t.Errorf("all N/A: rule %s, proposal %+v", it.Rule, it.Proposal)
	}
}

// A decision is the answer's `agreed` field, written with the merged file and read back from
// it, and nothing else: a note, or a respondent's name, that reads like an agreement is text.
func TestAgreementIsDataNotNotes(t *testing.T) {
	q, files := load(t, "alice.answers.yaml", "bruno.answers.yaml")
	// A hostile respondent name that spells the note of a settled answer.
	files[0].Respondent.Name = `Agreed in the workshop: "x". Answers`
	r := Compute(q, files)
	at := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)
	r.Resolve(0, answers.Answer{Value: 2}, "Paper only", at)
	data, err := r.File("en", at).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := answers.Parse("merged.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := back.Check(q); err != nil {
		t.Fatal(err)
	}
	settled := 0
	for _, id := range back.Order {
		if a := back.Get(id); a.Agreed != nil {
			settled++
			if id != r.Items[0].Question.ID || a.Agreed.Reason != "Paper only" || !a.Agreed.At.Equal(at) {
				t.Errorf("%s read back as agreed %+v", id, a.Agreed)
			}
		}
	}
	if settled != 1 {
		t.Errorf("%d answers read back as agreed, want the one settled", settled)
	}
	// Run again over the merged file: one agreement kept, whatever the notes say.
	again := Compute(q, files)
	c := again.Carry(back, "en")
	if c.Agreements != 1 || len(c.Kept) != 0 || len(c.Replaced) != 0 {
		t.Errorf("Carry = %+v, want one agreement and nothing else", c)
	}
	for i, it := range again.Items {
		if (it.Resolution != nil) != (i == 0) {
			t.Errorf("item %d (%s): resolution %+v", i, it.Question.ID, it.Resolution)
		}
	}
}

func TestDuplicateNamesAreToldApart(t *testing.T) {
	q, _ := load(t)
	var files []*answers.File
	for _, p := range []string{"health/a.yaml", "customs/a.yaml", "b.yaml"} {
		f := answers.New(q, time.Time{})
		f.Path = p
		f.Respondent.Name = "Focal point"
		files = append(files, f)
	}
	files[2].Respondent.Name = ""
	r := Compute(q, files)
	var got []string
	for _, p := range r.Participants {
		got = append(got, p.Name)
	}
	want := []string{"Focal point (health/a.yaml)", "Focal point (customs/a.yaml)", "b.yaml"}
	if !slices.Equal(got, want) {
		t.Errorf("names = %q, want %q", got, want)
	}
}

func TestMergedFile(t *testing.T) {
	q, files := load(t, "alice.answers.yaml", "bruno.answers.yaml", "chloe.answers.yaml")
	r := Compute(q, files)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	f := r.File("en", now)

	if f.Respondent.Name != "Consensus of 3 participants" || f.Respondent.Country != "Examplia" || f.Respondent.Organisation != "" {
		t.Errorf("respondent = %+v", f.Respondent)
	}
	// Questionnaire order, WS-PRP-01 (no answers) left out.
	want := []string{"WS-GOV-01", "WS-GOV-02", "WS-GOV-03", "WS-DET-01", "WS-DET-02", "WS-DET-03",
		"WS-RSP-01", "WS-RSP-02", "WS-RSP-03", "WS-RSP-04", "WS-RSP-05"}
	if !slices.Equal(f.Order, want) {
		t.Errorf("order = %q", f.Order)
	}
	gov := f.Get("WS-GOV-01")
	if gov.Value != 3 || gov.Confidence != "assumed" {
		t.Errorf("GOV-01 = %+v, want level 3 with the weakest confidence, assumed", gov)
	}
	wantNote := `Alice Martin: 4 ("Decree 12/2021"); Bruno Keller: 1 ("The body has not met since 2019"); chloe.answers.yaml: 3. Median of the levels given, rounded down.`
	if gov.Note != wantNote {
		t.Errorf("GOV-01 note = %q\nwant %q", gov.Note, wantNote)
	}
	if a := f.Get("WS-RSP-04"); !a.NA {
		t.Errorf("RSP-04 = %+v, want N/A", a)
	}
	if a := f.Get("WS-GOV-03"); !a.Unknown || !strings.HasSuffix(a.Note, "No agreement: recorded as don't know.") {
		t.Errorf("GOV-03 = %+v", a)
	}
	// The merged file is a valid answers file of the questionnaire.
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := answers.Parse("merged.yaml", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if ws, err := back.Check(q); err != nil || len(ws) > 0 {
		t.Fatalf("merged file does not check: %v %v\n%s", ws, err, data)
	}
	if back.Get("WS-DET-02").Value.([]string)[1] != "field" {
		t.Errorf("DET-02 = %v", back.Get("WS-DET-02").Value)
	}
	if !back.Created.Equal(now) {
		t.Errorf("created = %v", back.Created)
	}
}

func TestResolve(t *testing.T) {
	q, files := load(t, "alice.answers.yaml", "bruno.answers.yaml", "chloe.answers.yaml")
	r := Compute(q, files)
	at := time.Date(2026, 11, 27, 11, 30, 0, 0, time.UTC)
	r.Resolve(0, answers.Answer{Value: 2}, " The body exists on paper only ", at) // WS-GOV-01
	it := r.Items[0]
	if it.Proposal.Value != 3 || it.Merged().Value != 2 || !it.Merged().At.Equal(at) {
		t.Errorf("proposal %v, merged %+v", it.Proposal.Value, it.Merged())
	}
	f := r.File("fr", at)
	a := f.Get("WS-GOV-01")
	want := `Convenu en atelier: "The body exists on paper only". Réponses: Alice Martin: 4 ("Decree 12/2021"); Bruno Keller: 1 ("The body has not met since 2019"); chloe.answers.yaml: 3.`
	if a.Value != 2 || a.Note != want || a.Confidence != "" {
		t.Errorf("resolved answer = %+v\nwant note %q", a, want)
	}
	if f.Respondent.Name != "Consensus de 3 participants" || f.Language != "fr" {
		t.Errorf("respondent %q language %q", f.Respondent.Name, f.Language)
	}
}

// Key lists a multiple choice in the questionnaire's order whatever the order chosen, ids the
// questionnaire does not have first, each as often as it is given.
func TestKeyOrdersAMultipleChoice(t *testing.T) {
	qq := &questionnaire.Question{ID: "M", Type: questionnaire.TypeMulti,
		Choices: []questionnaire.Choice{{ID: "a"}, {ID: "b"}, {ID: "c"}}}
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"c", "a"}, "[a,c]"},
		{[]string{"a", "b", "c"}, "[a,b,c]"},
		{[]string{"c", "b", "a"}, "[a,b,c]"},
		{[]string{}, "[]"},
		{[]string{"b", "x", "a"}, "[x,a,b]"},
		{[]string{"b", "b"}, "[b,b]"},
	} {
		if got := Key(qq, c.in); got != c.want {
			t.Errorf("Key(%v) = %s, want %s", c.in, got, c.want)
		}
	}
	if got := Key(qq, 3); got != "3" {
		t.Errorf("Key(3) = %s", got)
	}
}

// A multiple choice with its own "none of these" choice: choosing it and choosing nothing mean
// the same, so two participants who answered the two ways agree, and their answer is merged.
func TestNoneChoiceAndNoChoiceAgree(t *testing.T) {
	withNone := &questionnaire.Question{ID: "M", Type: questionnaire.TypeMulti,
		Choices: []questionnaire.Choice{{ID: "a"}, {ID: "none"}}}
	if Key(withNone, []string{}) != Key(withNone, []string{"none"}) {
		t.Errorf("Key([]) = %s, Key([none]) = %s: want them equal", Key(withNone, []string{}), Key(withNone, []string{"none"}))
	}
	if Key(withNone, []string{"a"}) == Key(withNone, []string{"none"}) {
		t.Error("a choice and none have the same key")
	}
	// Without a none choice of its own, an empty list stays an empty list.
	without := &questionnaire.Question{ID: "M", Type: questionnaire.TypeMulti, Choices: []questionnaire.Choice{{ID: "a"}}}
	if got := Key(without, []string{}); got != "[]" {
		t.Errorf("Key([]) without a none choice = %s, want []", got)
	}

	q := &questionnaire.Questionnaire{ID: "t", Questions: []*questionnaire.Question{withNone}}
	x, y := &answers.File{}, &answers.File{}
	x.Set("M", &answers.Answer{Value: []string{"none"}})
	y.Set("M", &answers.Answer{Value: []string{}})
	r := Compute(q, []*answers.File{x, y})
	it := itemOf(t, r, "M")
	if it.Disputed || it.Distinct != 1 || it.Rule != Unanimous || it.Proposal.Unknown {
		t.Errorf("disputed %v, distinct %d, rule %v, proposal %+v: want one agreed answer", it.Disputed, it.Distinct, it.Rule, it.Proposal)
	}
}

// Participants whose names differ only by invisible characters look the same to the room: they
// are told apart by their file names, as two people of one name are.
func TestInvisiblyDifferentNamesAreToldApart(t *testing.T) {
	q, files := load(t, "alice.answers.yaml", "bruno.answers.yaml")
	files[0].Respondent.Name = "Ada"
	files[1].Respondent.Name = "Ad\u200ba"
	r := Compute(q, files)
	if a, b := r.Participants[0].Name, r.Participants[1].Name; a != "Ada (alice.answers.yaml)" || b != "Ad\u200ba (bruno.answers.yaml)" {
		t.Errorf("participants %q and %q, want them told apart by file", a, b)
	}
	files[1].Respondent.Name = "\u200b\u202e"
	if got := Compute(q, files).Participants[1].Name; got != "bruno.answers.yaml" {
		t.Errorf("an invisible name: %q, want the file's name", got)
	}
}
