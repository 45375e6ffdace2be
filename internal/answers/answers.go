// Package answers reads, checks and writes answers files (schema cbrn.answers/v1).
package answers

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// Schema is the value of the `schema` key of an answers file.
const Schema = "cbrn.answers/v1"

// Limits on hostile or runaway files, as for questionnaires: the file's size, the number of
// answers (a questionnaire has at most as many questions), and the length of every text (a note,
// a text answer, a respondent's field, a question id) in characters.
const (
	MaxFileSize   = questionnaire.MaxFileSize
	MaxAnswers    = questionnaire.MaxQuestions
	MaxTextLength = questionnaire.MaxTextLength
)

// Confidences an answer may carry.
var Confidences = []string{"documented", "judgement", "assumed"}

// File is an answers file.
type File struct {
	Path          string // where it was read from; "" when made in memory
	Questionnaire Ref
	Respondent    Respondent
	Language      string
	Created       time.Time // zero when absent
	Updated       time.Time
	Answers       map[string]*Answer
	Order         []string // question ids in the order they are written

	refLine, refCol   int // where `questionnaire:` stands, for messages
	langLine, langCol int // where `language:` stands

	layout   *layout // comments and blank lines of the file as read, kept by Marshal
	readOnly bool    // read by Read, without its layout: Marshal refuses it
}

// Ref names the questionnaire the answers were given to.
type Ref struct {
	ID      string
	Version string
	Digest  string
}

// Respondent describes who answered. Every field is optional.
type Respondent struct {
	Name         string
	Organisation string
	Country      string
	Role         string
}

// Answer is one answer: exactly one of Value, NA and Unknown is set.
//
// Value holds, once the file is checked against its questionnaire, an int level (scale), a bool
// (yesno), a choice id string (choice), a []string of choice ids (multi), a float64 (number) or a
// string (text). Before that check it holds what the YAML said: int, float64, bool, string or []string.
type Answer struct {
	Value      any
	NA         bool
	Unknown    bool
	Confidence string
	// Agreed records that a workshop settled this answer (cbrn consensus --resolve): the one
	// record of a decision. Nil when absent. Notes are free text and never read for meaning.
	Agreed    *Agreement
	Note      string
	At        time.Time // zero when absent
	Line, Col int       // where the answer stands in its file; 0 when made in memory

	raw string // the scalar as written, so that a text question answered 42 keeps "42"
}

// Agreement is a workshop's decision on an answer: why, and when.
type Agreement struct {
	Reason string
	At     time.Time // zero when absent
}

// Given reports whether there is an answer: a value, N/A or "don't know". An answer that holds
// only a note (a question to answer again, after cbrn migrate) is not given.
func (a *Answer) Given() bool { return a != nil && (a.NA || a.Unknown || a.Value != nil) }

// HasValue reports whether the answer gives a value (not N/A, not unknown).
func (a *Answer) HasValue() bool { return a != nil && !a.NA && !a.Unknown && a.Value != nil }

// New makes an empty answers file for a questionnaire.
func New(q *questionnaire.Questionnaire, now time.Time) *File {
	return &File{
		Questionnaire: Ref{ID: q.ID, Version: q.Version, Digest: q.Digest},
		Language:      q.DefaultLanguage(),
		Created:       now.UTC().Truncate(time.Second),
		Updated:       now.UTC().Truncate(time.Second),
		Answers:       map[string]*Answer{},
	}
}

// Get returns the answer to a question, or nil.
func (f *File) Get(id string) *Answer { return f.Answers[id] }

// Set records an answer, keeping the question's place in the file when it had one.
func (f *File) Set(id string, a *Answer) {
	if f.Answers == nil {
		f.Answers = map[string]*Answer{}
	}
	if _, ok := f.Answers[id]; !ok {
		f.Order = append(f.Order, id)
	}
	f.Answers[id] = a
}

// Delete removes an answer.
func (f *File) Delete(id string) {
	if _, ok := f.Answers[id]; !ok {
		return
	}
	delete(f.Answers, id)
	f.Order = slices.DeleteFunc(f.Order, func(x string) bool { return x == id })
}

// Value is the lookup conditions need: a question's value, when it has one.
func (f *File) Value(id string) (any, bool) {
	a := f.Answers[id]
	if !a.HasValue() {
		return nil, false
	}
	return a.Value, true
}

// Load reads an answers file and checks its structure (not yet against a questionnaire).
func Load(path string) (*File, error) {
	data, err := questionnaire.ReadFileLimited(path, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads an answers file held in memory; path names it in messages.
func Parse(path string, data []byte) (*File, error) {
	if f := parseFast(path, data); f != nil {
		return f, nil
	}
	return parseYAML(path, data)
}

// Read reads an answers file that will not be written back: a report, a plan, an export or a
// comparison of it. It does not note the comments and blank lines that Load keeps for the next
// save (half of reading a commented file), and Marshal and Save refuse the File it returns.
func Read(path string) (*File, error) {
	data, err := questionnaire.ReadFileLimited(path, MaxFileSize)
	if err != nil {
		return nil, err
	}
	f := readFast(path, data)
	if f == nil {
		if f, err = parseYAML(path, data); err != nil {
			return nil, err
		}
	}
	f.readOnly = true
	return f, nil
}

// parseYAML reads an answers file with the YAML library: every file the fast path declines,
// and the judge of the fast path in tests.
func parseYAML(path string, data []byte) (*File, error) {
	l := &diag.List{Path: path}
	root := diag.ParseFile(l, data, MaxFileSize)
	if root == nil {
		return nil, l.Err()
	}
	f := &File{Path: path, Answers: map[string]*Answer{}}
	parseFile(l, root, f)
	if err := l.Err(); err != nil {
		return nil, err
	}
	f.layout = captureLayout(root, data)
	return f, nil
}

// questionnaireSchema returns the value of a top-level `schema: cbrn.questionnaire/v1`, if any.
func questionnaireSchema(root *yaml.Node) *yaml.Node {
	if root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value == "schema" && v.Kind == yaml.ScalarNode && v.Value == questionnaire.Schema {
			return v
		}
	}
	return nil
}

func parseFile(l *diag.List, root *yaml.Node, f *File) {
	// A questionnaire given for its answers is one mistake: say that alone, not every key of
	// the questionnaire that an answers file does not have.
	if v := questionnaireSchema(root); v != nil {
		l.At(v, "this is a questionnaire (schema %s), not an answers file: answer it with "+
			"`cbrn assess -q %s`, then pass the answers file that writes", questionnaire.Schema, l.Path)
		return
	}
	fields := diag.Fields(l, root, "the answers file", "schema", "questionnaire", "respondent",
		"language", "created", "updated", "answers")
	if root.Kind != yaml.MappingNode {
		return
	}
	if v, ok := fields["schema"]; ok {
		if s, ok := diag.String(l, v.Value, "schema"); ok && s != Schema {
			l.At(v.Value, "unknown schema %q; an answers file starts with `schema: %s`", s, Schema)
		}
	} else {
		l.At(root, "missing key \"schema\"; an answers file starts with `schema: %s`", Schema)
	}
	if v, ok := fields["questionnaire"]; ok {
		f.refLine, f.refCol = v.Value.Line, v.Value.Column
		qf := diag.Fields(l, v.Value, "questionnaire", "id", "version", "digest")
		if x, ok := qf["id"]; ok {
			f.Questionnaire.ID, _ = diag.String(l, x.Value, "questionnaire id")
			checkLength(l, x.Value, "questionnaire id", f.Questionnaire.ID)
		} else if v.Value.Kind == yaml.MappingNode {
			l.At(v.Value, "missing key \"id\": the id of the questionnaire answered, e.g. {id: cbrn-core}")
		}
		if x, ok := qf["version"]; ok {
			f.Questionnaire.Version, _ = diag.String(l, x.Value, "questionnaire version")
			checkLength(l, x.Value, "questionnaire version", f.Questionnaire.Version)
		}
		if x, ok := qf["digest"]; ok {
			f.Questionnaire.Digest, _ = diag.String(l, x.Value, "questionnaire digest")
			checkLength(l, x.Value, "questionnaire digest", f.Questionnaire.Digest)
		}
	} else {
		l.At(root, "missing key \"questionnaire\": the questionnaire answered, e.g. `questionnaire: {id: cbrn-core}`")
	}
	if v, ok := fields["respondent"]; ok && !isNull(v.Value) {
		rf := diag.Fields(l, v.Value, "respondent", "name", "organisation", "country", "role")
		for key, dst := range map[string]*string{"name": &f.Respondent.Name, "organisation": &f.Respondent.Organisation,
			"country": &f.Respondent.Country, "role": &f.Respondent.Role} {
			if x, ok := rf[key]; ok && !isNull(x.Value) {
				*dst, _ = diag.String(l, x.Value, "respondent "+key)
				checkLength(l, x.Value, "respondent "+key, *dst)
			}
		}
	}
	if v, ok := fields["language"]; ok {
		f.langLine, f.langCol = v.Value.Line, v.Value.Column
		f.Language, _ = diag.String(l, v.Value, "language")
		checkLength(l, v.Value, "language", f.Language)
	}
	if v, ok := fields["created"]; ok {
		f.Created = timestamp(l, v.Value, "created")
	}
	if v, ok := fields["updated"]; ok {
		f.Updated = timestamp(l, v.Value, "updated")
	}
	v, ok := fields["answers"]
	if !ok {
		l.At(root, "missing key \"answers\" (write `answers: {}` for none yet)")
		return
	}
	if isNull(v.Value) {
		return
	}
	if v.Value.Kind != yaml.MappingNode {
		l.At(v.Value, "answers must map question ids to answers, not %s", diag.KindName(v.Value))
		return
	}
	for i := 0; i+1 < len(v.Value.Content); i += 2 {
		k, an := v.Value.Content[i], v.Value.Content[i+1]
		id := k.Value
		if len(f.Order) == MaxAnswers {
			l.At(k, "more than %d answers; a questionnaire has at most %d questions", MaxAnswers, questionnaire.MaxQuestions)
			return
		}
		if !checkLength(l, k, "a question id", id) {
			continue
		}
		if _, dup := f.Answers[id]; dup {
			l.At(k, "question %s is answered twice (first at line %d)", id, f.Answers[id].Line)
			continue
		}
		a := parseAnswer(l, id, an)
		a.Line, a.Col = k.Line, k.Column
		f.Answers[id] = a
		f.Order = append(f.Order, id)
	}
}

// checkLength refuses a text longer than MaxTextLength characters; it reports whether s is short enough.
func checkLength(l *diag.List, n *yaml.Node, what, s string) bool {
	if c := utf8.RuneCountInString(s); c > MaxTextLength {
		l.At(n, "%s is %d characters long; the limit is %d", what, c, MaxTextLength)
		return false
	}
	return true
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func timestamp(l *diag.List, n *yaml.Node, what string) time.Time {
	s, ok := diag.String(l, n, what)
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		l.At(n, "%s must be a date and time such as 2026-11-27T10:00:00Z, not %q", what, s)
	}
	return t
}

func parseAnswer(l *diag.List, id string, n *yaml.Node) *Answer {
	a := &Answer{}
	what := "the answer to " + id
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		l.At(n, "%s must be a mapping such as {value: %s}, not a bare value", what, n.Value)
		return a
	}
	f := diag.Fields(l, n, what, "value", "na", "unknown", "confidence", "agreed", "note", "at")
	if n.Kind != yaml.MappingNode {
		return a
	}
	set := 0
	if v, ok := f["value"]; ok {
		set++
		a.Value, a.raw = rawValue(l, v.Value, what)
		if s, ok := a.Value.(string); ok {
			checkLength(l, v.Value, "the value of "+what, s)
		}
	}
	for key, dst := range map[string]*bool{"na": &a.NA, "unknown": &a.Unknown} {
		if v, ok := f[key]; ok {
			b, good := diag.Bool(l, v.Value, key)
			if good && !b {
				l.At(v.Value, "write `%s: true`, or leave %q out", key, key)
			}
			if b {
				*dst = true
				set++
			}
		}
	}
	if v, ok := f["confidence"]; ok {
		if c, ok := diag.String(l, v.Value, "confidence"); ok {
			if !slices.Contains(Confidences, c) {
				if s := diag.Suggest(c, Confidences); s != "" {
					l.At(v.Value, "unknown confidence %q; did you mean %q?", c, s)
				} else {
					l.At(v.Value, "unknown confidence %q (one of documented, judgement, assumed)", c)
				}
			}
			a.Confidence = c
		}
	}
	if v, ok := f["agreed"]; ok && !isNull(v.Value) {
		a.Agreed = parseAgreement(l, id, v.Value)
	}
	if v, ok := f["note"]; ok && !isNull(v.Value) {
		a.Note, _ = diag.String(l, v.Value, "note")
		checkLength(l, v.Value, "the note to "+id, a.Note)
	}
	if v, ok := f["at"]; ok {
		a.At = timestamp(l, v.Value, "at")
	}
	// An answer with only a note is a question to answer again (cbrn migrate writes the old
	// answer to a reworded question so): it counts as unanswered.
	if set > 1 || (set == 0 && a.Note == "") {
		l.At(n, "%s needs exactly one of `value`, `na: true` or `unknown: true`", what)
	}
	return a
}

// parseAgreement reads `agreed: {reason: TEXT, at: TIME}`; the reason is required.
func parseAgreement(l *diag.List, id string, n *yaml.Node) *Agreement {
	what := "the agreement on " + id
	f := diag.Fields(l, n, what, "reason", "at")
	if n.Kind != yaml.MappingNode {
		return nil
	}
	ag := &Agreement{}
	if v, ok := f["reason"]; ok && !isNull(v.Value) {
		ag.Reason, _ = diag.String(l, v.Value, "the reason of "+what)
		checkLength(l, v.Value, "the reason of "+what, ag.Reason)
	}
	if strings.TrimSpace(ag.Reason) == "" {
		l.At(n, "%s needs a reason, e.g. {reason: \"decree 12/2021 applies\"}", what)
	}
	if v, ok := f["at"]; ok {
		ag.At = timestamp(l, v.Value, "at")
	}
	return ag
}

func rawValue(l *diag.List, n *yaml.Node, what string) (any, string) {
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			l.At(n, "the value of %s is empty; use `unknown: true` for \"don't know\"", what)
			return nil, ""
		case "!!int", "!!float":
			// The YAML library reads every spelling YAML allows: 0x1F, 1_000, +3, .inf.
			var i int
			if n.Tag == "!!int" && n.Decode(&i) == nil {
				return i, n.Value
			}
			var x float64
			if n.Decode(&x) == nil {
				return x, n.Value
			}
			l.At(n, "the value of %s is marked as a number but %q is not one", what, n.Value)
			return nil, ""
		case "!!bool":
			var b bool
			if n.Decode(&b) == nil {
				return b, n.Value
			}
			l.At(n, "the value of %s is marked as true or false but is %q", what, n.Value)
			return nil, ""
		}
		return n.Value, n.Value
	case yaml.SequenceNode:
		ids, _, _ := diag.Strings(l, n, "the value of "+what)
		if ids == nil {
			ids = []string{}
		}
		return ids, ""
	}
	l.At(n, "the value of %s must be a single value or a list, not %s", what, diag.KindName(n))
	return nil, ""
}

// describeValue renders a raw value for messages.
func describeValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case []string:
		return "[" + strings.Join(x, ", ") + "]"
	case float64:
		return number(x)
	}
	return fmt.Sprint(v)
}
