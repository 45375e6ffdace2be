package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/compare"
	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/migrate"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/semver"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// CompareOptions are the inputs of `cbrn compare`.
type CompareOptions struct {
	Base, New string
	docFlags
}

func newCompareCmd(s *Streams, runF func(*CompareOptions) error) *cobra.Command {
	opts := &CompareOptions{}
	cmd := &cobra.Command{
		Use:   "compare BASE NEW",
		Short: "Show what changed between two assessments",
		Long: `Compare two assessments of the same questionnaire - a country a year apart,
or two agencies - and show what changed from BASE to NEW:

  - a one-line verdict per pillar (score change, completeness, "don't know");
  - the change of score and completeness per pillar, hazard and section;
  - the questions that improved, worsened, were newly answered, newly answered
    "don't know", or otherwise changed status;
  - the activity types whose priority rose or fell.

Both files are scored with the same questionnaire (the version NEW answers, or
-q), and questions are matched by id. Files of different questionnaires are
refused. When BASE answers an earlier version and migrations lead from it to
NEW's, BASE is compared as cbrn migrate would move it, and a note on stderr says
so; otherwise the change of version is allowed with a warning.

-o csv gives one tidy row per item of every level, changed or not; -o json the
document described in the README (schema cbrn.compare/v1).

Exit status: 0 when compared, 1 when a file cannot be read or the two files
answer different questionnaires, 2 on bad usage.`,
		Example: `  cbrn compare examplia-2025.answers.yaml examplia-2026.answers.yaml
  cbrn compare old.answers.yaml new.answers.yaml -o markdown --out changes.md
  cbrn compare old.answers.yaml new.answers.yaml -o json | jq .pillars`,
		Args: exactArgs(2, "two answers files: BASE and NEW"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Base, opts.New = args[0], args[1]
			if err := opts.check(); err != nil {
				return err
			}
			return run(s, opts, runF, runCompare)
		},
	}
	opts.add(cmd, compare.Formats(), docUsage{
		Questionnaire: "score both files with this: shipped id or file",
		Out:           outUsage,
		Lang:          "language of titles (default: questionnaire's)",
		Target:        true,
	})
	return cmd
}

func runCompare(s *Streams, opts *CompareOptions) error {
	target, err := parseTarget(opts.Target)
	if err != nil {
		return err
	}
	base, err := answers.Read(opts.Base)
	if err != nil {
		return err
	}
	next, err := answers.Read(opts.New)
	if err != nil {
		return err
	}
	if base.Questionnaire.ID != next.Questionnaire.ID {
		return fmt.Errorf("cannot compare %s (questionnaire %s) with %s (questionnaire %s): compare two assessments of the same questionnaire",
			opts.Base, base.Questionnaire.ID, opts.New, next.Questionnaire.ID)
	}
	src, err := sourceFor(next, opts.Questionnaire)
	if err != nil {
		return err
	}
	q, err := src.load()
	if err != nil {
		return err
	}
	migrated, err := migrateBase(s, opts, base, q, src)
	if err != nil {
		return err
	}
	if migrated != nil {
		base = migrated
	} else if bv, nv := base.Questionnaire.Version, next.Questionnaire.Version; bv != nv && bv != "" && nv != "" {
		// The versions come from the files: no escape sequence of theirs reaches the terminal.
		fmt.Fprintln(s.Err, diag.Printable(fmt.Sprintf("warning: %s answered %s %s and %s answered %s; both are scored with %s %s, questions matched by id",
			opts.Base, q.ID, bv, opts.New, nv, q.ID, q.Version), false))
	}
	for _, f := range []*answers.File{base, next} {
		ws, err := f.Check(q)
		printWarnings(s, ws)
		if err != nil {
			return err
		}
	}
	lang, err := outputLanguage(s, q, opts.Lang, "")
	if err != nil {
		return err
	}
	so := score.Options{Target: target}
	res := compare.Compute(score.Compute(q, base, so), score.Compute(q, next, so))
	data, err := compare.Render(opts.Output, compare.Input{Q: q,
		Base: compare.Side{Path: opts.Base, A: base}, New: compare.Side{Path: opts.New, A: next},
		Lang: lang, Result: res})
	if err != nil {
		return err
	}
	return writeResult(s, opts.Lang, opts.Out, []string{opts.Base, opts.New, src.file}, data)
}

// migrateBase moves BASE to the version of q when it answers an earlier version and the
// migrations lead from there to q, as cbrn migrate would, and says so on stderr; nil when
// there is nothing to migrate or no way to (the answers are then matched by id).
func migrateBase(s *Streams, opts *CompareOptions, base *answers.File, q *questionnaire.Questionnaire, src questionnaireSource) (*answers.File, error) {
	from := base.Questionnaire.Version
	if from == "" || from == q.Version || semver.Compare(from, q.Version) > 0 {
		return nil, nil
	}
	known, _ := knownVersions(q, src)
	old := known(from)
	if old == nil {
		return nil, nil
	}
	chain, err := migrate.Chain(from, q, known)
	if err != nil {
		return nil, nil
	}
	if _, err := base.Check(old); err != nil {
		return nil, err
	}
	res := migrate.Run(base, chain, base.Language, s.Now())
	// The comparison shows BASE as it is: its file, the version it answered, when it was updated.
	res.File.Path, res.File.Updated = base.Path, base.Updated
	res.File.Questionnaire = answers.Ref{ID: q.ID, Version: from}
	again := len(res.Of(migrate.Reworded, migrate.Invalid, migrate.Pending))
	dropped := len(res.Of(migrate.Removed, migrate.Gone))
	fmt.Fprintln(s.Err, s.wrap(textfmt.Terminal(fmt.Sprintf(
		"note: %s answers %s %s; it is compared as migrated to %s (as cbrn migrate does): %d answers carried, %d to answer again (unanswered here), %d dropped",
		opts.Base, q.ID, from, q.Version, len(res.Items)-again-dropped, again, dropped))))
	return res.File, nil
}
