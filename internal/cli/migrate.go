package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/atomicfile"
	"github.com/cbrn-tool/cbrn/internal/migrate"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/internal/words"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// MigrateOptions are the inputs of `cbrn migrate`.
type MigrateOptions struct {
	Answers string
	docFlags
}

var migrateFormats = []string{"text", "json"}

func newMigrateCmd(s *Streams, runF func(*MigrateOptions) error) *cobra.Command {
	opts := &MigrateOptions{}
	cmd := &cobra.Command{
		Use:   "migrate ANSWERS --out FILE",
		Short: "Move answers to a newer version of their questionnaire",
		Long: `Move an answers file to a newer version of its questionnaire, and say exactly
what the team must discuss again. The answers file itself is never changed:
the migrated answers go to --out FILE (mode 0600, written atomically).

The answers go to the newest shipped version of their questionnaire, or to the
one -q names: a shipped id, ID@VERSION, or a questionnaire file (its earlier
versions are then the files of the same id in its folder, and the shipped
ones). The way there follows the questionnaires' migrations, version by
version (1.0.0 to 1.1.0 to 1.2.0):

  - an answer to a question with the same id is carried over, with its note,
    confidence, time and agreement, when it is still valid;
  - a renamed question carries its answer under its new id;
  - a removed question drops its answer (listed);
  - a reworded question, or one whose answer is no longer valid (a choice that
    is gone, a level outside the new scale, N/A no longer allowed), is left to
    answer again: its old answer goes into its note, e.g. "Answer under 1.0.0:
    3 Established";
  - new questions are unanswered.

The respondent, language and created time are kept. Then cbrn assess on the
new file asks only what is unanswered.

-o json prints one object (schema cbrn.migrate/v1):
  {"schema", "answers" (the input), "out", "questionnaire": {"id", "from",
   "to", "path": [versions]},
   "carried": [{"id", "text"}], "renamed": [{"from", "to", "text"}],
   "dropped": [{"id", "text", "answer", "reason"}],
   "again": [{"id", "text", "answer", "reason"}], "new": [{"id", "text"}]}
"text" is the question's text in the answers' language; "answer" the old
answer as people read it; "again" holds reworded and no longer valid answers,
and those left to answer by an earlier migration.

Exit status: 0 when written, 1 when the answers cannot be read or moved (no
migration path), 2 on bad usage.`,
		Example: `  cbrn migrate examplia.answers.yaml --out examplia-1.1.0.answers.yaml
  cbrn assess examplia-1.1.0.answers.yaml    # asks only what is unanswered
  cbrn migrate old.answers.yaml -q cbrn-core@1.1.0 --out new.answers.yaml
  cbrn migrate a.answers.yaml -q drill/1.2.0.yaml --out b.answers.yaml -o json`,
		Args: exactArgs(1, "one answers file (and --out FILE)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Answers = args[0]
			if err := opts.check(); err != nil {
				return err
			}
			if opts.Out == "" {
				return usageErrorFor(cmd, "cbrn migrate needs --out FILE: the migrated answers never replace the answers file")
			}
			return run(s, opts, runF, runMigrate)
		},
	}
	opts.add(cmd, migrateFormats, docUsage{
		Questionnaire: "`ID`[@VERSION] or file to move to (default: newest)",
		Out:           "write the migrated answers to `FILE` (0600)",
		Lang:          "`LANG` of texts and notes (default: the answers')",
	})
	return cmd
}

func runMigrate(s *Streams, opts *MigrateOptions) error {
	a, err := answers.Load(opts.Answers)
	if err != nil {
		return err
	}
	from := a.Questionnaire.Version
	if from == "" {
		return fmt.Errorf("%s: the answers name no version of questionnaire %s, so there is nothing to migrate from; add it under questionnaire: {id, version}", opts.Answers, a.Questionnaire.ID)
	}
	target, known, files, err := migrationTarget(a, opts.Questionnaire)
	if err != nil {
		return err
	}
	old := known(from)
	if old == nil {
		return fmt.Errorf("%s: answers %s %s, a version that is neither shipped nor beside %s; cannot tell what the answers meant", opts.Answers, a.Questionnaire.ID, from, orShipped(opts.Questionnaire))
	}
	if _, err := a.Check(old); err != nil {
		return err
	}
	chain, err := migrate.Chain(from, target, known)
	if err != nil {
		return fmt.Errorf("%s: %w", opts.Answers, err)
	}
	lang := opts.Lang
	if lang == "" {
		lang = a.Language
	}
	if !target.HasLanguage(lang) {
		lang = target.DefaultLanguage()
	}
	res := migrate.Run(a, chain, lang, s.Now())

	if err := refuseInput(opts.Out, append([]string{opts.Answers}, files...)); err != nil {
		return err
	}
	if isQuestionnaireFile(opts.Out) {
		return usageErrorf("--out %s is a questionnaire; choose another file name", opts.Out)
	}
	data, err := res.File.Marshal()
	if err != nil {
		return err
	}
	if err := atomicfile.WriteFile(opts.Out, data); err != nil {
		return err
	}
	summary := newMigrateSummary(opts, a, res, lang)
	var out []byte
	if opts.Output == "json" {
		if out, err = textfmt.JSON(summary); err != nil {
			return err
		}
	} else {
		var buf bytes.Buffer
		summary.writeText(&buf)
		out = buf.Bytes()
	}
	if err := writeResult(s, lang, "", nil, out); err != nil {
		return err
	}
	fmt.Fprintln(s.Err, s.wrap(words.For(lang).T("output.wrote", opts.Out)))
	return nil
}

// isQuestionnaireFile reports whether path is an existing questionnaire file, even a broken one.
func isQuestionnaireFile(path string) bool {
	data, err := questionnaire.ReadFileLimited(path, questionnaire.MaxFileSize)
	return err == nil && (schemaOf(data) == questionnaire.Schema || hasQuestionnaireSchema(data))
}

func orShipped(qRef string) string {
	if qRef != "" && looksLikePath(qRef) {
		return qRef
	}
	return "the questionnaire"
}

// migrationTarget is the questionnaire to move answers a to (-q, else the newest shipped version
// of their questionnaire), how to find the other versions of it, and the questionnaire files
// read, which --out must never overwrite.
func migrationTarget(a *answers.File, qRef string) (*questionnaire.Questionnaire, func(string) *questionnaire.Questionnaire, []string, error) {
	id := a.Questionnaire.ID
	if qRef == "" {
		if _, ok := questionnaires.Newest(id); !ok {
			return nil, nil, nil, fmt.Errorf("%s: answers questionnaire %q, which is not shipped with cbrn; name the version to move to with -q FILE", a.Path, id)
		}
		qRef = id
	}
	src, err := refSource(qRef)
	if err != nil {
		return nil, nil, nil, err
	}
	target, err := src.load()
	if err != nil {
		return nil, nil, nil, err
	}
	if target.ID != id {
		return nil, nil, nil, fmt.Errorf("%s: the answers are for questionnaire %q, not %q", a.Path, id, target.ID)
	}
	known, files := knownVersions(target, src)
	return target, known, files, nil
}

// migrateSummary is what `cbrn migrate` reports; its JSON form (cbrn.migrate/v1) only ever gains
// fields.
type migrateSummary struct {
	Schema        string           `json:"schema"`
	Answers       string           `json:"answers"`
	Out           string           `json:"out"`
	Questionnaire migrateRef       `json:"questionnaire"`
	Carried       []migrateItem    `json:"carried"`
	Renamed       []migrateRenamed `json:"renamed"`
	Dropped       []migrateItem    `json:"dropped"`
	Again         []migrateItem    `json:"again"`
	New           []migrateItem    `json:"new"`
}

type migrateRef struct {
	ID   string   `json:"id"`
	From string   `json:"from"`
	To   string   `json:"to"`
	Path []string `json:"path"`
}

type migrateItem struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Answer string `json:"answer,omitempty"`
	Reason string `json:"reason,omitempty"`
}

type migrateRenamed struct {
	From string `json:"from"`
	To   string `json:"to"`
	Text string `json:"text"`
}

func newMigrateSummary(opts *MigrateOptions, a *answers.File, res *migrate.Result, lang string) migrateSummary {
	sum := migrateSummary{Schema: "cbrn.migrate/v1", Answers: opts.Answers, Out: opts.Out,
		Questionnaire: migrateRef{ID: res.File.Questionnaire.ID, From: a.Questionnaire.Version,
			To: res.File.Questionnaire.Version, Path: res.Path},
		Carried: []migrateItem{}, Renamed: []migrateRenamed{}, Dropped: []migrateItem{}, Again: []migrateItem{}, New: []migrateItem{}}
	text := func(x *questionnaire.Question) string {
		if x == nil {
			return ""
		}
		return x.Text.Get(lang)
	}
	for _, it := range res.Items {
		switch it.Kind {
		case migrate.Carried:
			sum.Carried = append(sum.Carried, migrateItem{ID: it.To, Text: text(it.New)})
		case migrate.Renamed:
			sum.Renamed = append(sum.Renamed, migrateRenamed{From: it.From, To: it.To, Text: text(it.New)})
		case migrate.Removed, migrate.Gone:
			sum.Dropped = append(sum.Dropped, migrateItem{ID: it.From, Text: text(it.Old), Answer: it.Answer, Reason: it.Reason})
		case migrate.Reworded, migrate.Invalid, migrate.Pending:
			reason := it.Reason
			if it.Kind == migrate.Pending {
				reason = "still to answer"
			}
			sum.Again = append(sum.Again, migrateItem{ID: it.To, Text: text(it.New), Answer: it.Answer, Reason: reason})
		}
	}
	for _, x := range res.New {
		sum.New = append(sum.New, migrateItem{ID: x.ID, Text: text(x)})
	}
	return sum
}

// writeText writes the summary for people: what happened to every answer, grouped, with the
// question texts, and the command to run next. It fits 80 columns.
func (m *migrateSummary) writeText(b *bytes.Buffer) {
	t := textfmt.Terminal
	via := ""
	if len(m.Questionnaire.Path) > 2 {
		via = " (through " + strings.Join(m.Questionnaire.Path[1:len(m.Questionnaire.Path)-1], ", ") + ")"
	}
	textfmt.WriteWrapped(b, fmt.Sprintf("Moved %s from %s %s to %s%s into %s.", t(m.Answers), t(m.Questionnaire.ID),
		t(m.Questionnaire.From), t(m.Questionnaire.To), via, t(m.Out)), "", "", 80)
	item := func(id, text, detail string) {
		textfmt.WriteWrapped(b, t(id)+": "+t(text), "  ", "    ", 80)
		if detail != "" {
			textfmt.WriteWrapped(b, t(detail), "    ", "    ", 80)
		}
	}
	group := func(title string, n int) bool {
		if n == 0 {
			return false
		}
		fmt.Fprintf(b, "\n%s (%d):\n", title, n)
		return true
	}
	if group("Carried over", len(m.Carried)) {
		// Unchanged answers need no discussion: their ids only (the texts are in -o json).
		ids := make([]string, len(m.Carried))
		for i, x := range m.Carried {
			ids[i] = t(x.ID)
		}
		textfmt.WriteWrapped(b, strings.Join(ids, ", "), "  ", "  ", 80)
	}
	if group("Renamed, answer carried over", len(m.Renamed)) {
		for _, x := range m.Renamed {
			item(x.From+" → "+x.To, x.Text, "")
		}
	}
	// A dropped answer and one to give again: each with why, and the old answer when there was one.
	for _, g := range []struct {
		title, was string
		items      []migrateItem
	}{
		{"Dropped", "the answer was", m.Dropped},
		{"To answer again, the old answer in the note", "it was", m.Again},
	} {
		if group(g.title, len(g.items)) {
			for _, x := range g.items {
				detail := x.Reason
				if x.Answer != "" {
					detail += "; " + g.was + ": " + x.Answer
				}
				item(x.ID, x.Text, detail)
			}
		}
	}
	if group("New questions, unanswered", len(m.New)) {
		for _, x := range m.New {
			item(x.ID, x.Text, "")
		}
	}
	if len(m.Again)+len(m.New) > 0 {
		fmt.Fprintf(b, "\nTo discuss and answer them: cbrn assess %s\n(it asks only what is unanswered).\n", shellQuote(m.Out))
	}
}
