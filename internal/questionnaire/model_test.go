package questionnaire

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/cbrn-tool/cbrn/internal/diag"
)

func loadFixture(t *testing.T, name string) (*Questionnaire, []byte) {
	t.Helper()
	path := filepath.Join(fixtures, "valid", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	q, err := Load(path)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return q, data
}

func question(t *testing.T, q *Questionnaire, id string) *Question {
	t.Helper()
	x, ok := q.Question(id)
	if !ok {
		t.Fatalf("question %s not found", id)
	}
	return x
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func TestExampleModel(t *testing.T) {
	q, data := loadFixture(t, "example.yaml")

	sum := sha256.Sum256(data)
	if want := "sha256:" + hex.EncodeToString(sum[:]); q.Digest != want {
		t.Errorf("Digest = %s, want %s", q.Digest, want)
	}
	if q.ID != "example-readiness" || q.Version != "1.0.0" {
		t.Errorf("ID, Version = %q, %q", q.ID, q.Version)
	}
	if !reflect.DeepEqual(q.Languages, []string{"en", "fr"}) || q.DefaultLanguage() != "en" {
		t.Errorf("Languages = %v, default %q", q.Languages, q.DefaultLanguage())
	}
	if !q.HasLanguage("fr") || q.HasLanguage("de") {
		t.Error("HasLanguage: fr must be declared, de not")
	}
	if got := q.Title.Get("fr"); got != "Contrôle de préparation NRBC (exemple)" {
		t.Errorf("Title.Get(fr) = %q", got)
	}
	if got := q.Title.Get("de"); got != "Example CBRN readiness check" {
		t.Errorf("Title.Get(de) = %q, want the English title (fallback)", got)
	}
	if q.Description.IsZero() || q.Target != 3 {
		t.Errorf("Description zero = %v, Target = %d", q.Description.IsZero(), q.Target)
	}

	// Scale: levels 1..4; level 4 has score 1 written out, the others are linear:
	// (level - 1) / (4 - 1) = 0, 1/3, 2/3.
	if len(q.Scales) != 1 {
		t.Fatalf("%d scales, want 1", len(q.Scales))
	}
	sc := q.Scales[0]
	if sc.ID != "capacity" || sc.Min() != 1 || sc.Max() != 4 {
		t.Errorf("scale %s %d..%d", sc.ID, sc.Min(), sc.Max())
	}
	for lvl, want := range map[int]float64{1: 0, 2: 1.0 / 3, 3: 2.0 / 3, 4: 1} {
		l, ok := sc.Level(lvl)
		if !ok || !near(l.Score, want) {
			t.Errorf("level %d: found %v, score %v, want %v", lvl, ok, l, want)
		}
	}
	if _, ok := sc.Level(5); ok {
		t.Error("Level(5) found on a 1..4 scale")
	}
	if l, _ := sc.Level(1); l.Label.Get("fr") != "Absente" || l.Description.Get("en") != "Nothing is in place." {
		t.Errorf("level 1 = %+v", l)
	}
	if l, _ := sc.Level(2); !l.Description.IsZero() {
		t.Errorf("level 2 has a description %v; the file gives none", l.Description)
	}

	// Activities: the seven built-ins in their fixed order, then the file's own.
	var ids []string
	for _, a := range q.Activities {
		ids = append(ids, a.ID)
	}
	wantIDs := []string{"needs-assessment", "action-plan", "capacity-building", "legal-review",
		"tabletop-exercise", "field-exercise", "best-practice-exchange", "equipment"}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("activities = %v, want %v", ids, wantIDs)
	}
	if a, ok := q.Activity("equipment"); !ok || a.BuiltIn || a.Title.Get("fr") != "Équipement et infrastructures" {
		t.Errorf("Activity(equipment) = %+v, %v", a, ok)
	}
	if a, ok := q.Activity("legal-review"); !ok || !a.BuiltIn {
		t.Errorf("Activity(legal-review) = %+v, %v", a, ok)
	}
	if _, ok := q.Activity("training"); ok {
		t.Error("Activity(training) found")
	}
	if a, ok := q.Agency("customs"); !ok || a.Title.Get("en") != "Customs administration" {
		t.Errorf("Agency(customs) = %+v, %v", a, ok)
	}
	if _, ok := q.Agency("police"); ok || len(q.Agencies) != 2 {
		t.Errorf("agencies = %v", q.Agencies)
	}
	wantLadder := map[int][]string{1: {"needs-assessment", "legal-review"}, 2: {"action-plan", "capacity-building"},
		3: {"tabletop-exercise", "field-exercise"}}
	if !reflect.DeepEqual(q.Ladder, wantLadder) {
		t.Errorf("Ladder = %v, want %v", q.Ladder, wantLadder)
	}

	// Sections and questions in file order, with back-pointers and indexes.
	var pillars []string
	for _, s := range q.Sections {
		pillars = append(pillars, s.Pillar)
	}
	if !reflect.DeepEqual(pillars, Pillars()) {
		t.Errorf("section pillars = %v", pillars)
	}
	var qids []string
	for i, x := range q.Questions {
		qids = append(qids, x.ID)
		if x.Index != i {
			t.Errorf("%s.Index = %d, want %d", x.ID, x.Index, i)
		}
		if !containsQuestion(x.Section.Questions, x) {
			t.Errorf("%s is not among its section's questions", x.ID)
		}
	}
	if want := []string{"PRV-LEG-01", "PRV-LEG-02", "DET-BRD-01", "DET-BRD-02", "PRP-STF-01", "RSP-LSN-01"}; !reflect.DeepEqual(qids, want) {
		t.Errorf("questions = %v, want %v", qids, want)
	}
	if q.ScoredQuestions() != 4 {
		t.Errorf("ScoredQuestions = %d, want 4 (number and text are not scored)", q.ScoredQuestions())
	}

	yes := question(t, q, "PRV-LEG-01")
	if yes.Type != TypeYesNo || !yes.Critical || yes.Weight != 1 || yes.NAAllowed || yes.Target != 0 || yes.When != nil {
		t.Errorf("PRV-LEG-01 = %+v", yes)
	}
	if !reflect.DeepEqual(yes.Hazards, []string{"C", "B", "R", "N"}) {
		t.Errorf("PRV-LEG-01 hazards = %v, want all four by default", yes.Hazards)
	}
	if !reflect.DeepEqual(yes.References, []string{"UNSCR 1540 (2004) OP2"}) || !reflect.DeepEqual(yes.Activities, []string{"legal-review"}) {
		t.Errorf("PRV-LEG-01 references %v, activities %v", yes.References, yes.Activities)
	}
	if yes.Help.Get("fr") != "Indiquez la loi ou le décret qui la crée." || yes.Section.ID != "prevention-legal" {
		t.Errorf("PRV-LEG-01 help %v, section %s", yes.Help, yes.Section.ID)
	}

	scale := question(t, q, "PRV-LEG-02")
	if scale.Type != TypeScale || scale.Scale != sc || scale.Target != 4 || scale.Weight != 2 {
		t.Errorf("PRV-LEG-02 = %+v (its own target 4 beats the file's 3)", scale)
	}
	if !reflect.DeepEqual(scale.Hazards, []string{"C", "B"}) || !reflect.DeepEqual(scale.Agencies, []string{"health"}) {
		t.Errorf("PRV-LEG-02 hazards %v, agencies %v", scale.Hazards, scale.Agencies)
	}
	wantByLevel := map[int][]string{1: {"legal-review"}, 2: {"action-plan"}, 3: {"tabletop-exercise", "best-practice-exchange"}}
	if !reflect.DeepEqual(scale.ActivitiesByLevel, wantByLevel) || scale.Activities != nil {
		t.Errorf("PRV-LEG-02 activities %v, by level %v", scale.Activities, scale.ActivitiesByLevel)
	}
	if w := scale.When; w == nil || w.Op != OpEquals || w.Question != "PRV-LEG-01" || !reflect.DeepEqual(w.Values, []string{"true"}) {
		t.Errorf("PRV-LEG-02 when = %+v", w)
	}

	choice := question(t, q, "DET-BRD-01")
	if choice.Type != TypeChoice || !choice.NAAllowed || len(choice.Choices) != 3 {
		t.Errorf("DET-BRD-01 = %+v", choice)
	}
	if c, ok := choice.Choice("some"); !ok || c.Score != 0.5 || c.Label.Get("fr") != "Certains" {
		t.Errorf("Choice(some) = %+v, %v", c, ok)
	}
	if _, ok := choice.Choice("most"); ok {
		t.Error("Choice(most) found")
	}
	if !choice.InHazard("N") || choice.InHazard("C") {
		t.Errorf("DET-BRD-01 hazards = %v", choice.Hazards)
	}

	multi := question(t, q, "DET-BRD-02")
	w := multi.When
	if multi.Type != TypeMulti || w == nil || w.Op != OpAll || len(w.Children) != 2 {
		t.Fatalf("DET-BRD-02 = %+v, when %+v", multi, w)
	}
	if in := w.Children[0]; in.Op != OpIn || in.Question != "DET-BRD-01" || !reflect.DeepEqual(in.Values, []string{"some", "all"}) {
		t.Errorf("first child = %+v", in)
	}
	if not := w.Children[1]; not.Op != OpNot || len(not.Children) != 1 || not.Children[0].Op != OpMax || not.Children[0].Bound != 1 {
		t.Errorf("second child = %+v", not)
	}
	if w.Line != 141 || w.Column != 11 {
		t.Errorf("condition position = %d:%d, want 141:11", w.Line, w.Column)
	}

	number := question(t, q, "PRP-STF-01")
	if number.Type != TypeNumber || number.Type.Scored() || number.Min == nil || *number.Min != 0 || number.Max == nil || *number.Max != 100000 {
		t.Errorf("PRP-STF-01 = %+v", number)
	}
	text := question(t, q, "RSP-LSN-01")
	if text.Type != TypeText || text.Type.Scored() || text.When == nil || text.When.Op != OpAny {
		t.Errorf("RSP-LSN-01 = %+v", text)
	}
	if c := text.When.Children; c[0].Op != OpMin || c[0].Bound != 1 || c[1].Op != OpEquals || c[1].Values[0] != "portal" {
		t.Errorf("RSP-LSN-01 conditions = %+v, %+v", c[0], c[1])
	}
}

func containsQuestion(list []*Question, x *Question) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

func TestDefaults(t *testing.T) {
	q, _ := loadFixture(t, "defaults.yaml")
	if !reflect.DeepEqual(q.Languages, []string{"fr"}) || q.Title.Get("en") != "Questionnaire d'essai" {
		t.Errorf("languages %v, title in en (falls back to fr) %q", q.Languages, q.Title.Get("en"))
	}
	if q.Version != "2026.1" {
		t.Errorf("Version = %q: an unquoted number is kept as written", q.Version)
	}
	if q.Target != 0 {
		t.Errorf("Target = %d, want 0 (not given)", q.Target)
	}
	maturity, presence := q.Scales[0], q.Scales[1]
	// Level 1's score is given (0.2); the others are linear over 0..2: 0/2 = 0 and 2/2 = 1.
	for lvl, want := range map[int]float64{0: 0, 1: 0.2, 2: 1} {
		if l, _ := maturity.Level(lvl); !near(l.Score, want) {
			t.Errorf("maturity level %d score = %v, want %v", lvl, l.Score, want)
		}
	}
	// A single-level scale: that level is full marks.
	if l, _ := presence.Level(1); l.Score != 1 {
		t.Errorf("presence level 1 score = %v, want 1", l.Score)
	}
	// Without a file target, a scale question aims at its scale's top level.
	lab1, lab2 := question(t, q, "det_lab.1"), question(t, q, "det_lab.2")
	if lab1.Target != 2 || lab2.Target != 1 {
		t.Errorf("targets = %d, %d, want 2 and 1 (each scale's top)", lab1.Target, lab2.Target)
	}
	if !reflect.DeepEqual(lab1.Hazards, []string{"C", "B", "N"}) || lab1.Weight != 0.5 {
		t.Errorf("det_lab.1 hazards %v (want C, B, N order), weight %v", lab1.Hazards, lab1.Weight)
	}
	if n := question(t, q, "det_lab.3"); n.Min != nil || n.Max != nil {
		t.Errorf("det_lab.3 bounds = %v, %v, want none", n.Min, n.Max)
	}
	if _, ok := q.Activity("x-2"); !ok {
		t.Error("activity x-2 not declared")
	}
	if got := q.Ladder[0]; !reflect.DeepEqual(got, []string{"needs-assessment"}) {
		t.Errorf("Ladder[0] = %v", got)
	}
	if w := question(t, q, "det_lab.5").When; w.Op != OpEquals || w.Values[0] != "2" {
		t.Errorf("det_lab.5 when = %+v", w)
	}
}

func TestMinimal(t *testing.T) {
	q, _ := loadFixture(t, "minimal.yaml")
	if !reflect.DeepEqual(q.Languages, []string{"en"}) || q.Title.Get("en") != "Minimal questionnaire" {
		t.Errorf("languages %v, title %v", q.Languages, q.Title)
	}
	if len(q.Scales) != 0 || len(q.Agencies) != 0 || q.Ladder != nil || len(q.Activities) != 7 {
		t.Errorf("scales %v, agencies %v, ladder %v, %d activities", q.Scales, q.Agencies, q.Ladder, len(q.Activities))
	}
	x := q.Questions[0]
	if x.Weight != 1 || len(x.Hazards) != 4 || !x.Help.IsZero() || x.Critical || x.When != nil {
		t.Errorf("defaults of Q1 = %+v", x)
	}
}

func TestText(t *testing.T) {
	tx := Text{Default: "en", Values: []Translation{{"en", "Hello"}, {"fr", "Bonjour"}}}
	for lang, want := range map[string]string{"en": "Hello", "fr": "Bonjour", "de": "Hello", "": "Hello"} {
		if got := tx.Get(lang); got != want {
			t.Errorf("Get(%q) = %q, want %q", lang, got, want)
		}
	}
	if p := Plain("fr", "Oui"); p.Get("en") != "Oui" || p.Default != "fr" || p.IsZero() {
		t.Errorf("Plain = %+v", p)
	}
	if !(Text{}).IsZero() || (Text{}).Get("en") != "" {
		t.Error("the zero Text must be zero and read as empty")
	}
}

func TestFixedVocabularies(t *testing.T) {
	if got := Pillars(); !reflect.DeepEqual(got, []string{"prevention", "detection", "preparedness", "response"}) {
		t.Errorf("Pillars = %v", got)
	}
	if got := Hazards(); !reflect.DeepEqual(got, []string{"C", "B", "R", "N"}) {
		t.Errorf("Hazards = %v", got)
	}
	// Callers get copies: changing them cannot change the package's lists.
	Pillars()[0], Hazards()[0] = "x", "x"
	if Pillars()[0] != "prevention" || Hazards()[0] != "C" {
		t.Error("Pillars or Hazards returned the package's own slice")
	}
	b := BuiltinActivities()
	if len(b) != 7 || b[3].ID != "legal-review" || !b[3].BuiltIn || b[5].Title.Get("fr") == "" {
		t.Errorf("BuiltinActivities = %+v", b)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil || !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "is a directory, not a file") {
		t.Errorf("directory: %v", err)
	}
	// One byte over 4 MiB is refused before it is parsed; exactly 4 MiB is read.
	big := filepath.Join(dir, "big.yaml")
	data := append([]byte("# "), make([]byte, MaxFileSize-2)...)
	for i := 2; i < len(data); i++ {
		data[i] = 'x'
	}
	if err := os.WriteFile(big, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || strings.Contains(err.Error(), "larger than") {
		t.Errorf("a 4 MiB file must be read (and found empty of content): %v", err)
	}
	if err := os.WriteFile(big, append(data, 'x'), 0o600); err != nil {
		t.Fatal(err)
	}
	want := big + ": the file is larger than 4 MiB; this is not a questionnaire or answers file the tool accepts"
	if _, err := Load(big); err == nil || err.Error() != want {
		t.Errorf("Load(4 MiB + 1) = %v, want %s", err, want)
	}
	if _, err := Parse("mem.yaml", append(data, 'x')); err == nil || err.Error() != "mem.yaml: the file is larger than 4 MiB" {
		t.Errorf("Parse(4 MiB + 1) = %v", err)
	}
}

func TestTooManyQuestions(t *testing.T) {
	var b strings.Builder
	b.WriteString("schema: cbrn.questionnaire/v1\nid: big\nversion: 1\ntitle: Big\nsections:\n  - id: s\n    pillar: prevention\n    title: S\n    questions:\n")
	for i := range MaxQuestions + 2 {
		fmt.Fprintf(&b, "      - {id: Q%d, type: yesno, text: T}\n", i)
	}
	_, err := Parse("big.yaml", []byte(b.String()))
	// The header is 9 lines; question number MaxQuestions (counting from 0) is on line 10 + 5000.
	want := fmt.Sprintf("big.yaml:%d:9: more than %d questions; split the questionnaire", 10+MaxQuestions, MaxQuestions)
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s (once)", err, want)
	}
}

// A file full of mistakes must not make the hints slow: thousands of unknown references among
// thousands of similar ids come back quickly, with the first MaxProblems reported.
func TestManyProblemsStayFast(t *testing.T) {
	var b strings.Builder
	b.WriteString("schema: cbrn.questionnaire/v1\nid: big\nversion: 1\ntitle: Big\nsections:\n  - id: s\n    pillar: prevention\n    title: S\n    questions:\n")
	const n = 5000
	for i := range n {
		fmt.Fprintf(&b, "      - {id: PRV-GOVERNANCE-LONG-IDENTIFIER-%05d, type: yesno, text: T, when: {question: XPRV-GOVERNANCE-LONG-IDENTIFIER-%05d, equals: true}}\n", i, i)
	}
	_, err := Parse("big.yaml", []byte(b.String()))
	lines := strings.Split(fmt.Sprint(err), "\n")
	if len(lines) != 201 || lines[200] != "big.yaml: 4800 more problems not shown; fix the ones above and run again" {
		t.Fatalf("got %d lines ending %q", len(lines), lines[len(lines)-1])
	}
	if want := `big.yaml:10:91: condition refers to unknown question "XPRV-GOVERNANCE-LONG-IDENTIFIER-00000"; did you mean "PRV-GOVERNANCE-LONG-IDENTIFIER-00000"?`; lines[0] != want {
		t.Errorf("first line = %s\nwant %s", lines[0], want)
	}
}

func TestExamplePartnersLevelsMigrations(t *testing.T) {
	q, _ := loadFixture(t, "example.yaml")
	if len(q.Partners) != 2 || q.Partners[0].ID != "iaea" || q.Partners[1].ID != "opcw" {
		t.Fatalf("partners = %+v, want iaea and opcw in file order", q.Partners)
	}
	if p, ok := q.Partner("opcw"); !ok || p.Title.Get("fr") != "OIAC (assistance au titre de l'article X)" {
		t.Errorf("Partner(opcw) = %+v, %v", p, ok)
	}
	if _, ok := q.Partner("who"); ok {
		t.Error("Partner(who) found")
	}
	scale := question(t, q, "PRV-LEG-02")
	if !reflect.DeepEqual(scale.Partners, []string{"iaea", "opcw"}) {
		t.Errorf("PRV-LEG-02 partners = %v", scale.Partners)
	}
	if len(scale.Levels) != 4 || scale.Levels[3].Get("fr") != "La loi et ses textes d'application sont en vigueur." {
		t.Errorf("PRV-LEG-02 levels = %+v", scale.Levels)
	}
	// The question's own text wins over the scale's description; a level it does not have is zero.
	if got := scale.LevelText(1).Get("en"); got != "No law covers CBRN materials." {
		t.Errorf("LevelText(1) = %q", got)
	}
	if !scale.LevelText(9).IsZero() {
		t.Error("LevelText(9) of a 1..4 scale is not zero")
	}
	// Without levels of its own, a question shows the scale's descriptions (level 2 has none).
	plain := &Question{Type: TypeScale, Scale: scale.Scale}
	if got := plain.LevelText(1).Get("fr"); got != "Rien n'est en place." || !plain.LevelText(2).IsZero() {
		t.Errorf("LevelText without levels = %q, level 2 zero %v", got, plain.LevelText(2).IsZero())
	}
	if yes := question(t, q, "PRV-LEG-01"); yes.Levels != nil || yes.Partners != nil || !yes.LevelText(1).IsZero() {
		t.Errorf("PRV-LEG-01 levels %v, partners %v", yes.Levels, yes.Partners)
	}
	want := []Migration{{From: "0.9.0", Renamed: map[string]string{"PRV-LAW-02": "PRV-LEG-02"},
		Removed: []string{"DET-BRD-00"}, Reworded: []string{"DET-BRD-01"}}}
	if !reflect.DeepEqual(q.Migrations, want) {
		t.Errorf("migrations = %+v, want %+v", q.Migrations, want)
	}
}

// Levels out of order are one defect: once reported, the scale still holds them sorted, so
// targets and answers naming them are no further problem (see scale-unsorted-target.yaml).
func TestUnsortedLevelsStaySorted(t *testing.T) {
	p := &parser{l: &diag.List{Path: "mem.yaml"}, q: &Questionnaire{Languages: []string{"en"}}, scales: map[string]*ScaleDef{}}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte("capacity: {levels: [{level: 1, label: A}, {level: 4, label: D}, {level: 3, label: C}]}"), &root); err != nil {
		t.Fatal(err)
	}
	p.scaleDefs(root.Content[0])
	sc := p.scales["capacity"]
	var levels []int
	for _, l := range sc.Levels {
		levels = append(levels, l.Level)
	}
	// Linear scores over 1..4: (1-1)/3 = 0, (3-1)/3 = 2/3, (4-1)/3 = 1.
	if !reflect.DeepEqual(levels, []int{1, 3, 4}) || !near(sc.Levels[1].Score, 2.0/3) || sc.Levels[2].Score != 1 {
		t.Errorf("levels %v, scores %+v", levels, sc.Levels)
	}
	if p.l.Len() != 1 {
		t.Errorf("%d problems, want the one about the order", p.l.Len())
	}
}

// The default score of a level is computed in floating point: even levels at the ends of the
// int range (refused by validation, but computed before it refuses them) give 0..1, never an
// overflow. (0 - (-2^63)) / (2^63 - (-2^63)) = 2^63 / 2^64 = 0.5.
func TestLinearScoreCannotOverflow(t *testing.T) {
	for _, c := range []struct {
		level, first, last int
		want               float64
	}{
		{math.MinInt, math.MinInt, math.MaxInt, 0},
		{0, math.MinInt, math.MaxInt, 0.5},
		{math.MaxInt, math.MinInt, math.MaxInt, 1},
		{3, 1, 5, 0.5}, // (3-1)/(5-1)
		{7, 7, 7, 1},   // a one-level scale is full marks
	} {
		if got := linearScore(c.level, c.first, c.last); got != c.want {
			t.Errorf("linearScore(%d, %d, %d) = %v, want %v", c.level, c.first, c.last, got, c.want)
		}
	}
}
