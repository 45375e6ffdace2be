package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/report/golden")

const fixtureDir = "../../testdata/report"

// fixture loads the fixture assessment and scores it.
func fixture(t *testing.T, opts score.Options) Input {
	t.Helper()
	q, err := questionnaire.Load(filepath.Join(fixtureDir, "fixture.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := answers.Load(filepath.Join(fixtureDir, "fixture.answers.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Check(q); err != nil {
		t.Fatal(err)
	}
	return Input{Result: score.Compute(q, a, opts), Answers: a}
}

func render(t *testing.T, format string, in Input) []byte {
	t.Helper()
	out, err := Render(format, in)
	if err != nil {
		t.Fatalf("Render(%s): %v", format, err)
	}
	return out
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(fixtureDir, "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from its golden file (go test ./internal/report -update rewrites it after review):\n%s", name, firstDiff(want, got))
	}
}

func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, w, g)
		}
	}
	return "same lines, different bytes"
}

func TestGolden(t *testing.T) {
	for _, c := range []struct {
		file, format, lang string
		opts               score.Options
	}{
		{"fixture.table.txt", "table", "", score.Options{}},
		{"fixture.md", "markdown", "", score.Options{}},
		{"fixture.json", "json", "", score.Options{}},
		{"fixture.csv", "csv", "", score.Options{}},
		{"fixture.html", "html", "", score.Options{}},
		{"fixture.fr.table.txt", "table", "fr", score.Options{}},
		{"fixture.fr.html", "html", "fr", score.Options{}},
		{"fixture.next.table.txt", "table", "", score.Options{Target: score.Target{Next: true}}},
	} {
		t.Run(c.file, func(t *testing.T) {
			in := fixture(t, c.opts)
			in.Lang = c.lang
			golden(t, c.file, render(t, c.format, in))
		})
	}
}

// TestDeterministic: two runs from scratch give the same bytes in every format.
func TestDeterministic(t *testing.T) {
	for _, format := range Formats() {
		for _, lang := range []string{"en", "fr"} {
			a, b := fixture(t, score.Options{}), fixture(t, score.Options{})
			a.Lang, b.Lang = lang, lang
			if !bytes.Equal(render(t, format, a), render(t, format, b)) {
				t.Errorf("%s/%s: two runs differ", format, lang)
			}
		}
	}
}

func TestRenderRefuses(t *testing.T) {
	in := fixture(t, score.Options{})
	if _, err := Render("pdf", in); err == nil || !strings.Contains(err.Error(), "table, markdown, json, csv, html") {
		t.Errorf("unknown format: err = %v, want one listing the formats", err)
	}
	if _, err := Render("table", Input{}); err == nil {
		t.Error("an empty input must be refused, not rendered")
	}
}

// TestJSONMatchesEngine: the JSON holds every field of DESIGN §6, in its order, and every
// figure exactly as the engine computed it.
func TestJSONMatchesEngine(t *testing.T) {
	in := fixture(t, score.Options{})
	out := render(t, "json", in)
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	groupKeys := []string{"score", "conservative", "target", "gap", "completeness", "answered", "na", "unknown", "unanswered", "skipped",
		"mean_level", "spar_equivalent"} // DESIGN §6 GROUP, then the SPAR-equivalent figures it gained
	wantKeys := map[string][]string{
		// The keys of the first release in its order, then the ones gained since.
		"":              {"schema", "questionnaire", "respondent", "overall", "pillars", "hazards", "sections", "activities", "questions", "weighted_gap", "weakest_pillar", "weakest_hazard"},
		"questionnaire": {"id", "version"},
		"respondent":    {"name", "organisation", "country", "role"},
		"overall":       groupKeys,
		"pillar":        append([]string{"id"}, groupKeys...),
		"section":       append([]string{"id", "pillar"}, groupKeys...),
		"activity":      {"id", "title", "priority", "questions", "share"},
		"question":      {"id", "section", "pillar", "hazards", "status", "score", "target", "gap", "weight", "priority", "critical", "activities", "target_choice"},
	}
	keys := func(what string, raw json.RawMessage) {
		t.Helper()
		got := objectKeys(t, raw)
		if !slices.Equal(got, wantKeys[what]) {
			t.Errorf("%s keys = %v, want %v", what, got, wantKeys[what])
		}
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(out, &top); err != nil {
		t.Fatal(err)
	}
	keys("", out)
	keys("questionnaire", top["questionnaire"])
	keys("respondent", top["respondent"])
	keys("overall", top["overall"])
	var lists struct {
		Pillars, Hazards, Sections, Activities, Questions []json.RawMessage
	}
	if err := json.Unmarshal(out, &lists); err != nil {
		t.Fatal(err)
	}
	for _, x := range append(lists.Pillars, lists.Hazards...) {
		keys("pillar", x)
	}
	for _, x := range lists.Sections {
		keys("section", x)
	}
	for _, x := range lists.Activities {
		keys("activity", x)
	}
	for _, x := range lists.Questions {
		keys("question", x)
	}

	// Figures read back as the very float64 the engine computed.
	var rep jsonReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	r := in.Result
	if !reflect.DeepEqual(rep.Overall, r.Overall.JSON()) {
		t.Errorf("overall = %+v, want %+v", rep.Overall, r.Overall.JSON())
	}
	for i, g := range r.Pillars {
		if rep.Pillars[i].ID != g.ID || !reflect.DeepEqual(rep.Pillars[i].GroupJSON, g.JSON()) {
			t.Errorf("pillar %s differs", g.ID)
		}
	}
	for i, g := range r.Hazards {
		if rep.Hazards[i].ID != g.ID || !reflect.DeepEqual(rep.Hazards[i].GroupJSON, g.JSON()) {
			t.Errorf("hazard %s differs", g.ID)
		}
	}
	for i, g := range r.Sections {
		if rep.Sections[i].ID != g.ID || rep.Sections[i].Pillar != g.Pillar || !reflect.DeepEqual(rep.Sections[i].GroupJSON, g.JSON()) {
			t.Errorf("section %s differs", g.ID)
		}
	}
	if rep.WeightedGap != r.WeightedGap || rep.WeakestPillar == nil || *rep.WeakestPillar != r.WeakestPillar ||
		rep.WeakestHazard == nil || *rep.WeakestHazard != r.WeakestHazard {
		t.Errorf("figures: json %v %v %v, engine %v %q %q", rep.WeightedGap, rep.WeakestPillar, rep.WeakestHazard,
			r.WeightedGap, r.WeakestPillar, r.WeakestHazard)
	}
	for i, a := range r.Activities {
		if rep.Activities[i].Share != a.Share {
			t.Errorf("activity %s share: json %v, engine %v", a.ID, rep.Activities[i].Share, a.Share)
		}
	}
	for i, x := range r.Questions {
		j := rep.Questions[i]
		if (j.TargetChoice == nil) != (x.TargetChoice == "") || (j.TargetChoice != nil && *j.TargetChoice != x.TargetChoice) {
			t.Errorf("question %s target choice: json %v, engine %q", x.ID, j.TargetChoice, x.TargetChoice)
		}
		if j.ID != x.ID || !reflect.DeepEqual(j.Score, x.Score) || !reflect.DeepEqual(j.Target, x.Target) ||
			!reflect.DeepEqual(j.Gap, x.Gap) || j.Priority != x.Priority || j.Weight != x.Weight || j.Status != string(x.Status) ||
			!slices.Equal(j.Activities, x.Activities) || !slices.Equal(j.Hazards, x.Hazards) || j.Critical != x.Critical {
			t.Errorf("question %s: json %+v, engine %+v", x.ID, j, x)
		}
	}

	// The fixture's figures, by hand (see testdata/report/fixture.yaml):
	// answered: PRV-01 (w2, 25), PRV-02 (1, 50), PRV-03 (1, 0), DET-01 (1.5, 0.55·100),
	// DET-02 (1, 100), DET-03 (1, 25), PRP-00 (1, 0), PRP-02 (3, 0), RSP-01 (2, 50).
	// Σw = 13.5; Σws = 50 + 50 + 0 + 1.5·55.00000000000001 + 100 + 25 + 0 + 0 + 100.
	if rep.Overall.Answered != 9 || rep.Overall.NA != 1 || rep.Overall.Unknown != 1 || rep.Overall.Unanswered != 1 || rep.Overall.Skipped != 1 {
		t.Errorf("overall counts = %+v", rep.Overall)
	}
	some := 0.55
	var ws float64
	for _, x := range [][2]float64{{2, 25}, {1, 50}, {1, 0}, {1.5, some * 100}, {1, 100}, {1, 25}, {1, 0}, {3, 0}, {2, 50}} {
		ws += x[0] * x[1]
	}
	if *rep.Overall.Score != ws/13.5 {
		t.Errorf("overall score = %v, want Σws/Σw = %v", *rep.Overall.Score, ws/13.5)
	}
	// completeness = 9 / (9 + 1 + 1)
	if *rep.Overall.Completeness != 9.0/11 {
		t.Errorf("completeness = %v, want 9/11", *rep.Overall.Completeness)
	}
	// needs-assessment: DET-01 1.5·(100 − 55.00000000000001) + PRP-00 100 + PRP-02 225 + RSP-04 75,
	// its gaps critical first (PRP-02), then by priority.
	na := rep.Activities[0]
	if na.ID != "needs-assessment" || na.Title != "Needs and risk assessment" ||
		!slices.Equal(na.Questions, []string{"PRP-02", "PRP-00", "RSP-04", "DET-01"}) {
		t.Errorf("first activity = %+v", na)
	}
	var order []string
	for _, a := range rep.Activities {
		order = append(order, a.ID)
	}
	// legal-review 100 + 225 = 325; action-plan 100 + 25 + 25 = 150; capacity-building 25 + 50;
	// tabletop-exercise 50.
	if want := []string{"needs-assessment", "legal-review", "action-plan", "capacity-building", "tabletop-exercise"}; !slices.Equal(order, want) {
		t.Errorf("activities = %v, want %v", order, want)
	}
}

// objectKeys lists the keys of a JSON object in the order they appear.
func objectKeys(t *testing.T, raw []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", raw)
	}
	var out []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestJSONEmpty: with no answer at all, undefined figures are null (not 0), lists are [] (not
// null), and all four pillars and hazards are there.
func TestJSONEmpty(t *testing.T) {
	q := parseQuestionnaire(t, `schema: cbrn.questionnaire/v1
id: e
version: "1"
title: e
sections:
  - id: s
    pillar: detection
    title: s
    questions:
      - {id: A, type: yesno, text: a, hazards: [B]}
`)
	a := answers.New(q, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	out := render(t, "json", Input{Result: score.Compute(q, a, score.Options{}), Answers: a})
	s := string(out)
	for _, want := range []string{
		`"respondent": {
    "name": null,`,
		`"activities": []`,
		`"score": null`,
		`"completeness": null`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("json lacks %s:\n%s", want, s)
		}
	}
	var rep jsonReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Pillars) != 4 || len(rep.Hazards) != 4 || rep.Pillars[3].ID != "response" || rep.Hazards[3].ID != "N" {
		t.Errorf("pillars %d hazards %d, want all four of each in order", len(rep.Pillars), len(rep.Hazards))
	}
	// A is unanswered: completeness 0/1 = 0, not null; score null.
	if rep.Overall.Completeness == nil || *rep.Overall.Completeness != 0 || rep.Overall.Score != nil {
		t.Errorf("overall = %+v", rep.Overall)
	}
	if rep.Questions[0].Activities == nil || !strings.Contains(s, `"activities": []`) {
		t.Error("a question without a gap must list its activities as [], not null")
	}
	// Every human format renders an assessment with no answer without failing.
	for _, format := range []string{"table", "markdown", "html", "csv"} {
		out := render(t, format, Input{Result: score.Compute(q, a, score.Options{}), Answers: a})
		if len(out) == 0 {
			t.Errorf("%s: empty output", format)
		}
		if format == "table" && !strings.Contains(string(out), "No question is answered yet") {
			t.Errorf("table without answers does not say so:\n%s", out)
		}
	}
}

func parseQuestionnaire(t *testing.T, src string) *questionnaire.Questionnaire {
	t.Helper()
	q, err := questionnaire.Parse("q.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestCSV(t *testing.T) {
	in := fixture(t, score.Options{})
	out := render(t, "csv", in)
	if !bytes.HasSuffix(out, []byte("\r\n")) || bytes.Count(out, []byte("\r\n")) < len(in.Result.Questions)+1 {
		t.Error("CSV lines must end in CRLF (RFC 4180)")
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read back: %v", err)
	}
	if !slices.Equal(rows[0], CSVHeader) {
		t.Errorf("header = %v", rows[0])
	}
	if len(rows) != len(in.Result.Questions)+1 {
		t.Fatalf("%d rows, want one per question plus the header", len(rows))
	}
	col := func(name string) int { return slices.Index(CSVHeader, name) }
	byID := map[string][]string{}
	for _, r := range rows[1:] {
		byID[r[0]] = r
	}
	// Text cells that a spreadsheet would run as a formula are neutralised...
	if got := byID["PRV-02"][col("note")]; got != `'=HYPERLINK("http://x")` {
		t.Errorf("note = %q, want it prefixed with a quote", got)
	}
	if got := byID["RSP-03"][col("answer")]; got != "'+ lessons: decon was slow" {
		t.Errorf("text answer = %q, want it prefixed with a quote", got)
	}
	// ...numeric cells never: a negative number stays a number.
	if got := byID["PRP-03"][col("answer")]; got != "-12" {
		t.Errorf("number answer = %q, want -12", got)
	}
	// Full precision, empty when undefined, line breaks kept inside quotes.
	if got := byID["DET-01"][col("score")]; got != "55.00000000000001" {
		t.Errorf("DET-01 score = %q", got)
	}
	if got := byID["RSP-04"][col("score")]; got != "" {
		t.Errorf("unknown score = %q, want empty", got)
	}
	if got := byID["PRP-02"][col("note")]; got != "draft only,\nnot adopted" {
		t.Errorf("note = %q", got)
	}
	if got := byID["PRV-02"][col("text")]; got != "Is the action plan costed | funded & <monitored>?" {
		t.Errorf("text = %q", got)
	}
	if got := byID["DET-02"][col("answer")]; got != "portal handheld expert" {
		t.Errorf("multi answer = %q", got)
	}
	if got := byID["PRV-01"][col("hazards")]; got != "C B R N" {
		t.Errorf("hazards = %q", got)
	}
}

func TestHTMLSelfContainedAndEscaped(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		in := fixture(t, score.Options{})
		in.Lang = lang
		s := string(render(t, "html", in))
		for _, bad := range []string{"<script", "http://", "https://", "src=", "url(", "@import", "<link", "<iframe", "<img", "javascript:"} {
			if strings.Contains(strings.ToLower(s), bad) {
				t.Errorf("%s: the HTML holds %q; it must be self-contained", lang, bad)
			}
		}
		if strings.Count(s, "<svg") != 2 {
			t.Errorf("%s: want two SVG charts (radar and bars)", lang)
		}
		if !strings.Contains(s, `<html lang="`+lang+`">`) {
			t.Errorf("%s: the page does not declare its language", lang)
		}
		// Texts from the files are escaped.
		if strings.Contains(s, "<monitored>") || strings.Contains(s, "<suivi>") || strings.Contains(s, "<Examplia>") {
			t.Errorf("%s: unescaped text from the questionnaire or the answers", lang)
		}
	}
	s := string(render(t, "html", fixture(t, score.Options{})))
	if !strings.Contains(s, "&lt;monitored&gt;") || !strings.Contains(s, "&amp;") {
		t.Error("escaped question text not found")
	}
}

func TestMarkdownEscaping(t *testing.T) {
	s := string(render(t, "markdown", fixture(t, score.Options{})))
	if !strings.Contains(s, `costed \| funded \& \<monitored\>?`) {
		t.Errorf("question text is not escaped:\n%s", s)
	}
	// Every table row is one line: starts and ends with a pipe, the right number of cells.
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "|") && !strings.HasSuffix(line, "|") {
			t.Errorf("broken table row: %q", line)
		}
	}
	if strings.Contains(s, "registered,\nincluding") {
		t.Error("a line break inside a text reached the Markdown")
	}
	for in, want := range map[string]string{"a|b": `a\|b`, "x\ny": "x y", "*b* _i_ `c` [l](u) <h>": "\\*b\\* \\_i\\_ \\`c\\` \\[l\\](u) \\<h\\>"} {
		if got := textfmt.Markdown(in); got != want {
			t.Errorf("textfmt.Markdown(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTableFits80Columns on the fixture, the shipped questionnaires answered at random and the
// shipped sample assessments, in both languages.
func TestTableFits80Columns(t *testing.T) {
	inputs := map[string]Input{"fixture": fixture(t, score.Options{})}
	for _, id := range questionnaires.IDs() {
		data, name, _ := questionnaires.File(id)
		q, err := questionnaire.Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		a := randomAnswers(q)
		inputs[id] = Input{Result: score.Compute(q, a, score.Options{}), Answers: a}
	}
	for _, name := range questionnaires.Samples() {
		data, shown, _ := questionnaires.Sample(name)
		a, err := answers.Parse(shown, data)
		if err != nil {
			t.Fatal(err)
		}
		qData, qName, ok := questionnaires.Version(a.Questionnaire.ID, a.Questionnaire.Version)
		if !ok {
			t.Fatalf("sample %s answers unknown questionnaire %s", name, a.Questionnaire.ID)
		}
		q, err := questionnaire.Parse(qName, qData)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.Check(q); err != nil {
			t.Fatal(err)
		}
		inputs["sample "+name] = Input{Result: score.Compute(q, a, score.Options{}), Answers: a}
	}
	for name, in := range inputs {
		for _, lang := range []string{"en", "fr"} {
			in.Lang = lang
			for i, line := range strings.Split(string(render(t, "table", in)), "\n") {
				if w := textfmt.DisplayWidth(line); w > textfmt.Width {
					t.Errorf("%s/%s line %d is %d columns wide: %q", name, lang, i+1, w, line)
				}
			}
		}
	}
}

// randomAnswers answers every scored question of q with a fixed pseudo-random pattern.
func randomAnswers(q *questionnaire.Questionnaire) *answers.File {
	rng := rand.New(rand.NewPCG(7, 7))
	a := answers.New(q, time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
	for _, x := range q.Questions {
		switch {
		case rng.IntN(8) == 0:
			a.Set(x.ID, &answers.Answer{Unknown: true})
		case x.Type == questionnaire.TypeScale:
			a.Set(x.ID, &answers.Answer{Value: x.Scale.Levels[rng.IntN(len(x.Scale.Levels))].Level})
		case x.Type == questionnaire.TypeYesNo:
			a.Set(x.ID, &answers.Answer{Value: rng.IntN(2) == 0})
		case x.Type == questionnaire.TypeChoice:
			a.Set(x.ID, &answers.Answer{Value: x.Choices[rng.IntN(len(x.Choices))].ID})
		case x.Type == questionnaire.TypeMulti:
			a.Set(x.ID, &answers.Answer{Value: []string{x.Choices[0].ID}})
		}
	}
	return a
}

func TestFrench(t *testing.T) {
	in := fixture(t, score.Options{})
	in.Lang = "fr"
	s := string(render(t, "table", in))
	for _, want := range []string{"Niveau de préparation global", "Piliers", "Risques", "30,2", "81,8\u202f%", "Chimique",
		"Un organe national de coordination NRBC", "2 Amorcée → 4 Démontrée", "Non → Oui", "ne sait pas → 4 Démontrée",
		"Évaluation des besoins et des risques", "Comment lire ces chiffres", "Évaluation de préparation (jeu d'essai)"} {
		if !strings.Contains(s, want) {
			t.Errorf("French table lacks %q", want)
		}
	}
	for _, english := range []string{"Overall", "Pillar", "Hazard", "gaps", "priority", "don't know", "Needs and risk"} {
		if strings.Contains(s, english) {
			t.Errorf("French table still says %q", english)
		}
	}
	// Without --lang, the answers file's language decides.
	in = fixture(t, score.Options{})
	in.Answers.Language = "fr"
	if s := string(render(t, "markdown", in)); !strings.Contains(s, "# Évaluation de préparation (jeu d'essai)") {
		t.Error("the answers file's language (fr) was not used")
	}
	// A language the questionnaire lacks keeps its texts in the default language.
	in.Answers.Language = "de"
	if got := Language(in); got != "en" {
		t.Errorf("Language = %q, want the questionnaire's default en", got)
	}
}

func TestIndicative(t *testing.T) {
	in := fixture(t, score.Options{})
	// The fixture is 9/11 = 81.8 % complete: not indicative.
	for _, format := range []string{"table", "markdown", "html"} {
		if strings.Contains(string(render(t, format, in)), "INDICATIVE") {
			t.Errorf("%s: a complete enough assessment is called indicative", format)
		}
	}
	// Forget four answers: 5/11 = 45.5 %.
	for _, id := range []string{"PRV-01", "PRV-02", "DET-01", "RSP-01"} {
		in.Answers.Delete(id)
	}
	in.Result = score.Compute(in.Result.Questionnaire, in.Answers, score.Options{})
	for _, format := range []string{"table", "markdown", "html"} {
		s := string(render(t, format, in))
		if !strings.Contains(s, "INDICATIVE") || !strings.Contains(s, "45.5 %") {
			t.Errorf("%s: an assessment 45.5 %% complete is not called indicative", format)
		}
	}
}

func TestColourOnlyWhenAsked(t *testing.T) {
	in := fixture(t, score.Options{})
	if bytes.Contains(render(t, "table", in), []byte("\x1b")) {
		t.Error("escape sequences without Color")
	}
	in.Color = true
	s := render(t, "table", in)
	if !bytes.Contains(s, []byte("\x1b[1m")) {
		t.Error("no bold with Color")
	}
	for _, format := range []string{"markdown", "json", "csv", "html"} {
		if bytes.Contains(render(t, format, in), []byte("\x1b")) {
			t.Errorf("%s: escape sequences outside the table", format)
		}
	}
}

// TestTerminalSanitised: control sequences in a questionnaire never reach the terminal.
func TestTerminalSanitised(t *testing.T) {
	q := parseQuestionnaire(t, "schema: cbrn.questionnaire/v1\nid: evil\nversion: \"1\"\ntitle: \"T\\e[31m\"\n"+
		"sections:\n  - id: s\n    pillar: prevention\n    title: s\n    questions:\n"+
		"      - {id: A, type: yesno, text: \"clear\\e]0;pwned\\aline\"}\n")
	a := answers.New(q, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	a.Set("A", &answers.Answer{Value: false})
	a.Respondent.Name = "x\x1b[2Jy"
	out := render(t, "table", Input{Result: score.Compute(q, a, score.Options{}), Answers: a})
	if bytes.ContainsAny(out, "\x1b\a") {
		t.Errorf("control characters reached the table:\n%q", out)
	}
}

// The headline gives the SPAR equivalent beside the cbrn score in every human format. The
// fixture's answered scale levels are PRV-01 2, PRV-02 3, DET-03 2, PRP-02 1 and RSP-01 3
// (PRP-01 is skipped): mean 11/5 = 2.2, SPAR equivalent 2.2 × 20 = 44 %, while the cbrn
// score of the same levels averages (25+50+25+0+50)/5 = 30.
func TestSPAREquivalentLine(t *testing.T) {
	in := fixture(t, score.Options{})
	for format, want := range map[string]string{
		"table":    "SPAR equivalent    44.0 %   (mean level 2.20 × 20)",
		"markdown": "| SPAR equivalent | 44.0 % (mean level 2.20 × 20) |",
		"html":     `<div class="big">44.0 %</div>`,
	} {
		if out := string(render(t, format, in)); !strings.Contains(out, want) {
			t.Errorf("%s lacks %q", format, want)
		}
	}
	in.Lang = "fr"
	if out := string(render(t, "table", in)); !strings.Contains(out, "Équivalent SPAR ") || !strings.Contains(out, "44,0") || !strings.Contains(out, "(niveau moyen 2,20 × 20)") {
		t.Errorf("French table lacks the SPAR line:\n%s", out)
	}
}

// A pillar or a hazard without a score is drawn without its mark and said so: the radar has
// no dot on Detection's axis and reads "no score"; the bars have no score bar, no conservative
// bar and no target tick for Biological, and read "–". The other three of each are drawn.
func TestHTMLChartsWithoutAScore(t *testing.T) {
	in := fixture(t, score.Options{})
	in.Result.Pillars[1].Score = nil
	in.Result.Hazards[1].Score, in.Result.Hazards[1].Conservative, in.Result.Hazards[1].Target = nil, nil, nil
	s := string(render(t, "html", in))
	if n := strings.Count(s, "<circle"); n != 3 {
		t.Errorf("%d dots on the radar, want 3", n)
	}
	if !strings.Contains(s, `<text x="330.0" y="161.0" text-anchor="start" class="axis">Detection</text>`+"\n"+
		`<text x="330.0" y="176.0" text-anchor="start" class="value">no score</text>`) {
		t.Error("Detection's axis does not read no score")
	}
	// Biological's row: y = 24 + 54 = 78; its name at y + 14 = 92, its frame, then its value at
	// y + 15 = 93, nothing between.
	if !strings.Contains(s, `<text x="0" y="92.0" class="axis">Biological</text>`+"\n"+
		`<rect x="120.0" y="78.0" width="252.0" height="20" fill="#fff" stroke="#999" stroke-width="1"/>`+"\n"+
		`<text x="380.0" y="93.0" class="value">–</text>`) {
		t.Error("Biological's bar is not empty")
	}
	if n := strings.Count(s, `height="20" fill="#444"`); n != 3 {
		t.Errorf("%d score bars, want 3", n)
	}
}
