package migrate

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

const dir = "../../testdata/migrate"

// drill loads the three versions of the drill questionnaire (see testdata/migrate).
func drill(t *testing.T) map[string]*questionnaire.Questionnaire {
	t.Helper()
	out := map[string]*questionnaire.Questionnaire{}
	for _, v := range []string{"1.0.0", "1.1.0", "1.2.0"} {
		q, err := questionnaire.Load(filepath.Join(dir, v+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		out[v] = q
	}
	return out
}

func team(t *testing.T, q *questionnaire.Questionnaire) *answers.File {
	t.Helper()
	f, err := answers.Load(filepath.Join(dir, "team.answers.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Check(q); err != nil {
		t.Fatal(err)
	}
	return f
}

func lookup(qs map[string]*questionnaire.Questionnaire) func(string) *questionnaire.Questionnaire {
	return func(v string) *questionnaire.Questionnaire { return qs[v] }
}

func versions(chain []*questionnaire.Questionnaire) []string {
	var out []string
	for _, q := range chain {
		out = append(out, q.Version)
	}
	return out
}

func TestChain(t *testing.T) {
	qs := drill(t)
	// 1.2.0 migrates from 1.1.0 only, which migrates from 1.0.0: two steps.
	chain, err := Chain("1.0.0", qs["1.2.0"], lookup(qs))
	if err != nil || !reflect.DeepEqual(versions(chain), []string{"1.0.0", "1.1.0", "1.2.0"}) {
		t.Errorf("1.0.0 → 1.2.0: %v, %v", versions(chain), err)
	}
	chain, err = Chain("1.0.0", qs["1.1.0"], lookup(qs))
	if err != nil || !reflect.DeepEqual(versions(chain), []string{"1.0.0", "1.1.0"}) {
		t.Errorf("1.0.0 → 1.1.0: %v, %v", versions(chain), err)
	}
	// Without 1.1.0 at hand there is no path.
	delete(qs, "1.1.0")
	_, err = Chain("1.0.0", qs["1.2.0"], lookup(qs))
	if want := "no migration path from drill 1.0.0 to 1.2.0: 1.2.0 migrates from 1.1.0 only"; err == nil || err.Error() != want {
		t.Errorf("without 1.1.0: %v, want %s", err, want)
	}
	for from, want := range map[string]string{
		"1.2.0": "the answers are already for drill 1.2.0",
		"2.0.0": "the answers are for drill 2.0.0, which is newer than 1.2.0",
	} {
		if _, err := Chain(from, qs["1.2.0"], lookup(qs)); err == nil || err.Error() != want {
			t.Errorf("from %s: %v, want %s", from, err, want)
		}
	}
	if _, err := Chain("0.9.0", qs["1.0.0"], lookup(qs)); err == nil || !strings.Contains(err.Error(), "it has no migrations") {
		t.Errorf("no migrations at all: %v", err)
	}
}

// A direct migration beats a longer path: a 1.2.0 that also migrates from 1.0.0 goes there in one step.
func TestChainPrefersTheDirectMigration(t *testing.T) {
	qs := drill(t)
	direct := *qs["1.2.0"]
	direct.Migrations = append([]questionnaire.Migration{{From: "1.1.0"}}, questionnaire.Migration{From: "1.0.0"})
	chain, err := Chain("1.0.0", &direct, lookup(qs))
	if err != nil || !reflect.DeepEqual(versions(chain), []string{"1.0.0", "1.2.0"}) {
		t.Errorf("%v, %v", versions(chain), err)
	}
}

func TestRunAlongTheChain(t *testing.T) {
	qs := drill(t)
	f := team(t, qs["1.0.0"])
	chain, err := Chain("1.0.0", qs["1.2.0"], lookup(qs))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 8, 30, 0, 0, time.UTC)
	res := Run(f, chain, "en", now)

	type outcome struct {
		kind     Kind
		from, to string
		reason   string
	}
	var got []outcome
	for _, it := range res.Items {
		got = append(got, outcome{it.Kind, it.From, it.To, it.Reason})
	}
	want := []outcome{
		{Carried, "Q-KEEP", "Q-KEEP", ""},
		{Renamed, "Q-OLD", "Q-NEW", ""},
		{Removed, "Q-GONE", "", "removed in 1.1.0"},
		{Reworded, "Q-WORD", "Q-WORD", "reworded in 1.2.0"},
		{Invalid, "Q-CHOICE", "Q-CHOICE", `question Q-CHOICE has no choice "partial" (choices: none, full)`},
		{Invalid, "Q-LEVEL", "Q-LEVEL", "question Q-LEVEL: level 5 is not on its scale; the value must be a level from 1 to 4"},
		{Renamed, "Q-TWICE", "Q-TWICE-2", ""},
		{Gone, "Q-SILENT", "", "not in 1.2.0"},
		{Invalid, "Q-NA", "Q-NA", "question Q-NA no longer allows N/A"},
		{Carried, "Q-UNK", "Q-UNK", ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("items:\n%v\nwant:\n%v", got, want)
	}
	var added []string
	for _, x := range res.New {
		added = append(added, x.ID)
	}
	if !reflect.DeepEqual(added, []string{"Q-ADDED-1", "Q-ADDED-2"}) {
		t.Errorf("new questions %v", added)
	}
	if !reflect.DeepEqual(res.Path, []string{"1.0.0", "1.1.0", "1.2.0"}) {
		t.Errorf("path %v", res.Path)
	}

	out := res.File
	if out.Questionnaire != (answers.Ref{ID: "drill", Version: "1.2.0", Digest: qs["1.2.0"].Digest}) {
		t.Errorf("ref %+v", out.Questionnaire)
	}
	if out.Respondent != f.Respondent || out.Language != "en" || !out.Created.Equal(f.Created) || !out.Updated.Equal(now) {
		t.Errorf("respondent %+v, language %s, created %v, updated %v", out.Respondent, out.Language, out.Created, out.Updated)
	}
	// Carried answers keep value, confidence, note, time and agreement.
	if a := out.Get("Q-KEEP"); a == nil || a.Value != 3 || a.Confidence != "documented" || a.Note != "Decree 12/2021" || a.At.IsZero() {
		t.Errorf("Q-KEEP = %+v", a)
	}
	if a := out.Get("Q-UNK"); a == nil || !a.Unknown || a.Agreed == nil || a.Agreed.Reason != "settled in the workshop" || a.Note != "ask customs" {
		t.Errorf("Q-UNK = %+v", a)
	}
	if a := out.Get("Q-NEW"); a == nil || a.Value != true || a.Note != "carried under its new id" {
		t.Errorf("Q-NEW = %+v", a)
	}
	if a := out.Get("Q-TWICE-2"); a == nil || a.Value != false || a.Confidence != "assumed" {
		t.Errorf("Q-TWICE-2 = %+v", a)
	}
	// To answer again: only a note with the old answer as people read it, then the old note.
	for id, note := range map[string]string{
		"Q-WORD":   "Answer under 1.0.0: 3 Established — plan of 2019",
		"Q-CHOICE": "Answer under 1.0.0: Partial",
		"Q-LEVEL":  "Answer under 1.0.0: 5 Sustained",
		"Q-NA":     "Answer under 1.0.0: N/A — no such facility",
	} {
		a := out.Get(id)
		if a == nil || a.Given() || a.Note != note || a.Confidence != "" || a.Agreed != nil {
			t.Errorf("%s = %+v, want only the note %q", id, a, note)
		}
	}
	// Dropped answers are not in the new file; the old file is untouched.
	for _, id := range []string{"Q-GONE", "Q-SILENT", "Q-OLD", "Q-TWICE"} {
		if out.Get(id) != nil {
			t.Errorf("%s is still in the new file", id)
		}
	}
	if !reflect.DeepEqual(out.Order, []string{"Q-KEEP", "Q-NEW", "Q-WORD", "Q-CHOICE", "Q-LEVEL", "Q-TWICE-2", "Q-NA", "Q-UNK"}) {
		t.Errorf("order %v", out.Order)
	}
	if f.Get("Q-OLD") == nil || f.Questionnaire.Version != "1.0.0" || f.Get("Q-WORD").Value != 3 {
		t.Error("Run changed the old answers")
	}
	// The new file is valid against 1.2.0, and written and read back the same.
	data, err := out.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := answers.Parse("new.yaml", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if w, err := back.Check(qs["1.2.0"]); err != nil || len(w) != 0 {
		t.Errorf("the migrated file against 1.2.0: %v, warnings %v\n%s", err, w, data)
	}
}

// A second migration of the migrated file's pending answers keeps them pending, notes and all.
func TestPendingAnswersStayPending(t *testing.T) {
	qs := drill(t)
	f := team(t, qs["1.0.0"])
	first := Run(f, []*questionnaire.Questionnaire{qs["1.0.0"], qs["1.1.0"]}, "en", time.Now())
	if it := first.Of(Invalid); len(it) != 2 || it[0].From != "Q-CHOICE" || it[1].From != "Q-NA" {
		t.Fatalf("1.0.0 → 1.1.0 invalid: %+v", it)
	}
	second := Run(first.File, []*questionnaire.Questionnaire{qs["1.1.0"], qs["1.2.0"]}, "en", time.Now())
	pending := second.Of(Pending)
	if len(pending) != 2 || pending[0].To != "Q-CHOICE" || pending[1].To != "Q-NA" {
		t.Errorf("pending %+v", pending)
	}
	if a := second.File.Get("Q-CHOICE"); a.Given() || a.Note != "Answer under 1.0.0: Partial" {
		t.Errorf("Q-CHOICE = %+v", a)
	}
	// Only new questions are new: Q-ADDED-1 existed in 1.1.0.
	if len(second.New) != 1 || second.New[0].ID != "Q-ADDED-2" {
		t.Errorf("new %v", second.New)
	}
}

func TestNotesInFrench(t *testing.T) {
	qs := drill(t)
	f := team(t, qs["1.0.0"])
	res := Run(f, []*questionnaire.Questionnaire{qs["1.0.0"], qs["1.1.0"]}, "fr", time.Now())
	if a := res.File.Get("Q-CHOICE"); a.Note != "Réponse sous 1.0.0\u00a0: Partiel" { // a no-break space before the colon, as French sets it
		t.Errorf("note %q", a.Note)
	}
	if it := res.Of(Removed); len(it) != 1 || it[0].Reason != "question retirée en 1.1.0" {
		t.Errorf("removed %+v", it)
	}
}
