package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/prompt"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// AssessOptions are the inputs of `cbrn assess`.
type AssessOptions struct {
	Answers       string // "" for <questionnaire-id>.answers.yaml
	Questionnaire string
	Lang          string
	Pillars       []string
	Hazards       []string
	Sections      []string
	Agencies      []string
	Accessible    bool
	Review        bool
}

func newAssessCmd(s *Streams, runF func(*AssessOptions) error) *cobra.Command {
	opts := &AssessOptions{}
	cmd := &cobra.Command{
		Use:   "assess [ANSWERS]",
		Short: "Answer a questionnaire, one question at a time",
		Long: `Answer a questionnaire in the terminal, one question at a time, and keep the
answers in an answers file (default: <questionnaire-id>.answers.yaml, here).

Every answer is saved the moment it is given, so you can stop at any time
(Ctrl-C, or close the terminal) and run the same command again to pick up at
the first unanswered question. On a new file you are first asked who is
answering; every item may be skipped.

Each question shows where you are, the question, and the levels with what they
mean. Besides the answers you can choose "Don't know", "Not applicable" where
the questionnaire allows it, "Help" for guidance on the evidence to look for,
and "Previous question". After each answer you may add a note (Enter skips it)
and, for capacity levels, how sure you are: documented, judgement or assumed.

Questions that depend on an earlier answer are only asked when they apply. The
filters --pillar (prevention, detection, preparedness, response), --hazard
(C, B, R, N), --section and --agency (ids from the questionnaire) narrow the
questions asked: repeat a filter or give a comma-separated list; different
filters combine. Each agency can so answer its own part into its own file.

The full-screen mode is driven with the arrow keys and Enter. --accessible
(also ACCESSIBLE=1, or TERM=dumb) asks with plain lines instead, for screen
readers and simple terminals: type a level's number, or a letter shown next to
each other option, then Enter. It also reads answers piped on stdin.

--review lists the questions answered so far; pick one to change its answer,
and repeat until done.

Exit status: 0 when done, 1 on error, 2 on bad usage, 130 when stopped early
(the answers given so far are saved).`,
		Example: `  # answer cbrn-core into cbrn-core.answers.yaml, here; run it again to resume
  cbrn assess

  # the one-hour quick check, in French
  cbrn assess -q cbrn-quick --lang fr

  # one agency's part, into its own file; detection questions on B only
  cbrn assess health.answers.yaml --agency health
  cbrn assess --pillar detection --hazard B

  # change answers already given
  cbrn assess cbrn-core.answers.yaml --review

  # line-based prompts, answers read from a file
  cbrn assess --accessible < answers.txt`,
		Args: rangeArgs(0, 1, "at most one answers file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Answers = args[0]
			}
			return run(s, opts, runF, func(s *Streams, opts *AssessOptions) error {
				err := runAssess(s, opts)
				var ee *exitError
				if errors.As(err, &ee) && ee.code == ExitUsage && ee.help == "" {
					ee.help = cmd.CommandPath()
				}
				return err
			})
		},
	}
	f := cmd.Flags()
	addQuestionnaireFlag(cmd, &opts.Questionnaire, "shipped id or file (default: "+DefaultQuestionnaire+")")
	addLangFlag(cmd, &opts.Lang, "language: en or fr (default: the file's)")
	f.StringSliceVar(&opts.Pillars, "pillar", nil, "ask only questions of this pillar")
	f.StringSliceVar(&opts.Hazards, "hazard", nil, "ask only questions covering hazard C, B, R or N")
	f.StringSliceVar(&opts.Sections, "section", nil, "ask only questions of this section (id)")
	f.StringSliceVar(&opts.Agencies, "agency", nil, "ask only this agency's questions (id)")
	f.BoolVar(&opts.Accessible, "accessible", false, "line-based prompts for screen readers and pipes")
	f.BoolVar(&opts.Review, "review", false, "change answers given so far")
	_ = cmd.RegisterFlagCompletionFunc("pillar", cobra.FixedCompletions(questionnaire.Pillars(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("hazard", cobra.FixedCompletions(questionnaire.Hazards(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("section", completeIDs(sectionIDs))
	_ = cmd.RegisterFlagCompletionFunc("agency", completeIDs(agencyIDs))
	return cmd
}

// session is an assessment ready to be answered.
type session struct {
	path  string
	hold  *answers.Holder // the session's hold on path: one writer at a time
	q     *questionnaire.Questionnaire
	a     *answers.File
	isNew bool
	lang  string
	scope prompt.Scope
	warns []diag.Problem
}

func runAssess(s *Streams, opts *AssessOptions) error {
	ses, err := openSession(s, opts)
	if err != nil {
		return err
	}
	defer ses.hold.Release()
	accessible := accessibleMode(s, opts.Accessible)
	if !accessible && (!s.InTTY || !s.ErrTTY) {
		return usageErrorf("cbrn assess needs a terminal for its full-screen prompts, and %s is not one.\n"+
			"Use --accessible (or ACCESSIBLE=1) for line-based prompts, which also read answers piped on stdin:\n"+
			"  cbrn assess --accessible %s", notTerminal(s), shellQuote(ses.path))
	}
	if opts.Review && ses.isNew {
		return fmt.Errorf("%s does not exist yet: run %s to start answering", ses.path, commandLine("cbrn assess", ses.path, opts, false))
	}
	msg := prompt.Catalogue(ses.lang)
	printWarnings(s, ses.warns)

	flow := &prompt.Flow{Q: ses.q, A: ses.a, Lang: ses.lang, Msg: msg, Scope: ses.scope, Now: s.Now,
		Save: func() error { return ses.hold.Save(ses.a) }}
	var intro []string
	if !ses.isNew && !opts.Review {
		counts, left := flow.Summary()
		intro = append(intro, fmt.Sprintf(msg.Resuming, ses.path, total(counts)-left, total(counts)))
	}
	p, stop := newPrompter(s, accessible, msg, intro)
	defer stop()
	flow.P = p

	if ses.isNew {
		// Written at once: a folder we cannot write to shows now, not after the first answer.
		if err := ses.hold.Save(ses.a); err != nil {
			return err
		}
	}
	if opts.Review {
		if len(flow.Asked()) == 0 || !slices.ContainsFunc(flow.Asked(), func(x *questionnaire.Question) bool { return ses.a.Get(x.ID).Given() }) {
			return fmt.Errorf(msg.ReviewNone, ses.path, commandLine("cbrn assess", ses.path, opts, false))
		}
		err = flow.Review()
	} else {
		if askRespondent(ses) {
			err = flow.Respondent()
		}
		if err == nil {
			err = flow.Run()
		}
	}
	if errors.Is(err, prompt.ErrInterrupted) || errors.Is(err, io.EOF) {
		given := 0
		for _, a := range ses.a.Answers {
			if a.Given() {
				given++ // not the notes left by cbrn migrate on questions to answer again
			}
		}
		fmt.Fprintln(s.Err, s.wrap(msg.Count(msg.Saved, given, ses.path)))
		return ErrCancelled
	}
	if err != nil {
		return err
	}
	return printAssessSummary(s, flow, ses, opts, msg)
}

// askRespondent tells whether to ask "About you": on a file made now, and on a file without
// answers that was stopped partway through it (some items given, not all four). A file whose
// four items were all skipped, or all given, is not asked again; nor one with answers.
func askRespondent(ses *session) bool {
	if len(ses.a.Answers) > 0 {
		return false
	}
	if ses.isNew {
		return true
	}
	r := ses.a.Respondent
	given := 0
	for _, v := range []string{r.Name, r.Organisation, r.Country, r.Role} {
		if v != "" {
			given++
		}
	}
	return given > 0 && given < 4
}

func notTerminal(s *Streams) string {
	if !s.InTTY {
		return "stdin"
	}
	return "stderr"
}

func total(counts []prompt.PillarCount) int {
	n := 0
	for _, c := range counts {
		n += c.Questions
	}
	return n
}

// openSession finds the answers file and its questionnaire, and checks the flags against them.
func openSession(s *Streams, opts *AssessOptions) (_ *session, err error) {
	ses := &session{path: opts.Answers}
	defer func() {
		if err != nil {
			ses.hold.Release()
		}
	}()
	if ses.path == "" {
		q, err := loadQuestionnaire(opts.Questionnaire)
		if err != nil {
			return nil, err
		}
		ses.q = q
		ses.path = q.ID + ".answers.yaml"
	}
	if st, err := os.Stat(ses.path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a folder; name an answers file, e.g. %s", ses.path, filepath.Join(ses.path, "answers.yaml"))
	}
	if ses.hold, err = answers.Hold(ses.path); err != nil {
		return nil, err
	}
	_, err = os.Stat(ses.path)
	switch {
	case err == nil:
		as, err := loadAssessment(ses.path, opts.Questionnaire)
		if err != nil {
			return nil, err
		}
		ses.q, ses.a, ses.warns = as.Q, as.A, as.Warnings
	case errors.Is(err, fs.ErrNotExist):
		if ses.q == nil {
			if ses.q, err = loadQuestionnaire(opts.Questionnaire); err != nil {
				return nil, err
			}
		}
		dir := filepath.Dir(ses.path)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("cannot write %s: folder %s does not exist", ses.path, dir)
		}
		ses.a = answers.New(ses.q, s.Now())
		ses.isNew = true
	default:
		return nil, err
	}

	switch {
	case opts.Lang != "":
		if !ses.q.HasLanguage(opts.Lang) {
			return nil, usageErrorf("--lang %s: questionnaire %s is written in %s", opts.Lang, ses.q.ID, strings.Join(ses.q.Languages, ", "))
		}
		ses.lang = opts.Lang
		ses.a.Language = opts.Lang
	case ses.a.Language != "" && ses.q.HasLanguage(ses.a.Language):
		ses.lang = ses.a.Language
	default:
		ses.lang = ses.q.DefaultLanguage()
		ses.a.Language = ses.lang
	}

	scope, err := assessScope(ses.q, opts)
	if err != nil {
		return nil, err
	}
	ses.scope = scope
	return ses, nil
}

// assessScope checks the filters against the questionnaire.
func assessScope(q *questionnaire.Questionnaire, opts *AssessOptions) (prompt.Scope, error) {
	var sc prompt.Scope
	var sections, agencies []string
	for _, x := range q.Sections {
		sections = append(sections, x.ID)
	}
	for _, x := range q.Agencies {
		agencies = append(agencies, x.ID)
	}
	check := func(flag string, given, known []string, fold func(string) string) ([]string, error) {
		var out []string
		for _, g := range given {
			g = fold(strings.TrimSpace(g))
			if !slices.Contains(known, g) {
				msg := fmt.Sprintf("--%s %s: no such %s in %s", flag, g, flag, q.ID)
				if s := diag.Suggest(g, known); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				if len(known) == 0 {
					return nil, usageErrorf("%s, which defines none", msg)
				}
				return nil, usageErrorf("%s (one of: %s)", msg, strings.Join(known, ", "))
			}
			if !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
		return out, nil
	}
	same := func(s string) string { return s }
	var err error
	if sc.Pillars, err = check("pillar", opts.Pillars, questionnaire.Pillars(), strings.ToLower); err != nil {
		return sc, err
	}
	if sc.Hazards, err = check("hazard", opts.Hazards, questionnaire.Hazards(), strings.ToUpper); err != nil {
		return sc, err
	}
	if sc.Sections, err = check("section", opts.Sections, sections, same); err != nil {
		return sc, err
	}
	if sc.Agencies, err = check("agency", opts.Agencies, agencies, same); err != nil {
		return sc, err
	}
	n := 0
	for _, x := range q.Questions {
		if sc.Includes(x) {
			n++
		}
	}
	if n == 0 {
		return sc, usageErrorf("no question of %s matches these filters together; drop one", q.ID)
	}
	return sc, nil
}

// commandLine rebuilds a command for the respondent to run next.
func commandLine(base, path string, opts *AssessOptions, review bool) string {
	parts := []string{base}
	if opts.Questionnaire != "" && looksLikePath(opts.Questionnaire) {
		parts = append(parts, "-q", shellQuote(opts.Questionnaire))
	}
	parts = append(parts, shellQuote(path))
	if review {
		parts = append(parts, "--review")
	}
	return strings.Join(parts, " ")
}

// printAssessSummary ends a session: how the questions in scope were answered, per pillar, and
// what to run next.
func printAssessSummary(s *Streams, flow *prompt.Flow, ses *session, opts *AssessOptions, msg *prompt.Messages) error {
	counts, left := flow.Summary()
	var buf bytes.Buffer
	fmt.Fprintf(&buf, msg.SummaryTitle+"\n\n", ses.path)
	var rows [][]string
	var sum prompt.PillarCount
	for _, c := range counts {
		rows = append(rows, []string{words.PillarName(c.Pillar, ses.lang), strconv.Itoa(c.Answered), strconv.Itoa(c.DontKnow), strconv.Itoa(c.NA)})
		sum.Answered += c.Answered
		sum.DontKnow += c.DontKnow
		sum.NA += c.NA
		sum.Questions += c.Questions
	}
	rows = append(rows, []string{msg.ColTotal, strconv.Itoa(sum.Answered), strconv.Itoa(sum.DontKnow), strconv.Itoa(sum.NA)})
	if err := textfmt.Table(&buf, []string{msg.ColPillar, msg.ColAnswered, msg.ColDontKnow, msg.ColNA}, rows,
		[]bool{false, true, true, true}); err != nil {
		return err
	}
	buf.WriteString("\n")
	if left > 0 {
		fmt.Fprintln(&buf, msg.Count(msg.Remaining, left, commandLine("cbrn assess", ses.path, opts, false)))
	} else {
		fmt.Fprintln(&buf, msg.Count(msg.AllAnswered, sum.Questions))
	}
	fmt.Fprintf(&buf, msg.NextStep+"\n", commandLine("cbrn report", ses.path, opts, false))
	fmt.Fprintf(&buf, msg.ReviewTip+"\n", commandLine("cbrn assess", ses.path, opts, true))
	_, err := s.Out.Write(buf.Bytes())
	return err
}
