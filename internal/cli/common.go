package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/atomicfile"
	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// DefaultQuestionnaire is the questionnaire used when none is named.
const DefaultQuestionnaire = "cbrn-core"

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorFor(cmd, "%s takes no arguments, got %q", cmd.CommandPath(), args[0])
	}
	return nil
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageErrorFor(cmd, "%s needs %s", cmd.CommandPath(), what)
		}
		return nil
	}
}

func rangeArgs(lo, hi int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < lo || (hi >= 0 && len(args) > hi) {
			return usageErrorFor(cmd, "%s takes %s", cmd.CommandPath(), what)
		}
		return nil
	}
}

// addOutputFlag adds -o/--output with the formats a command supports; the first is the default
// unless def is set.
func addOutputFlag(cmd *cobra.Command, target *string, def string, formats ...string) {
	*target = def
	cmd.Flags().StringVarP(target, "output", "o", def, "output format: "+strings.Join(formats, ", "))
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

// completeQuestionnaire completes -q: the shipped ids, and file names as well.
func completeQuestionnaire(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return questionnaires.IDs(), cobra.ShellCompDirectiveDefault
}

// checkFormat refuses a format the command does not support, listing those it does.
func checkFormat(format string, formats ...string) error {
	if !slices.Contains(formats, format) {
		return usageErrorf("unknown output format %q; use one of: %s", format, strings.Join(formats, ", "))
	}
	return nil
}

// loadQuestionnaire resolves -q: a shipped id, or a path to a questionnaire file.
func loadQuestionnaire(ref string) (*questionnaire.Questionnaire, error) {
	if ref == "" {
		ref = DefaultQuestionnaire
	}
	if data, name, ok := questionnaires.File(ref); ok && !looksLikePath(ref) {
		return questionnaire.Parse(name, data)
	}
	if _, err := os.Stat(ref); err == nil {
		return questionnaire.Load(ref)
	} else if looksLikePath(ref) {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file", ref)
		}
		return nil, err
	}
	return nil, usageErrorf("unknown questionnaire %q: not a shipped id (%s) nor a file", ref, strings.Join(questionnaires.IDs(), ", "))
}

func looksLikePath(s string) bool {
	return strings.ContainsAny(s, `/\`) || strings.HasSuffix(s, ".yaml") || strings.HasSuffix(s, ".yml")
}

// assessment is an answers file checked against its questionnaire.
type assessment struct {
	Q        *questionnaire.Questionnaire
	A        *answers.File
	QFile    string // the questionnaire's file; "" for a shipped questionnaire
	Warnings []diag.Problem
}

// inputs are the files the assessment was read from, which --out must never overwrite.
func (as *assessment) inputs() []string {
	if as.QFile == "" {
		return []string{as.A.Path}
	}
	return []string{as.A.Path, as.QFile}
}

// loadAssessment reads an answers file and the questionnaire it answers: the one given with -q,
// else a shipped one of the id the file names, else a file <id>.yaml beside the answers.
func loadAssessment(path, qRef string) (*assessment, error) {
	a, err := answers.Load(path)
	if err != nil {
		return nil, err
	}
	q, err := questionnaireFor(a, qRef)
	if err != nil {
		return nil, err
	}
	warnings, err := a.Check(q)
	if err != nil {
		return nil, err
	}
	return &assessment{Q: q, A: a, QFile: questionnaireFile(a, qRef), Warnings: warnings}, nil
}

func questionnaireFor(a *answers.File, qRef string) (*questionnaire.Questionnaire, error) {
	if qRef != "" {
		return loadQuestionnaire(qRef)
	}
	id := a.Questionnaire.ID
	if data, name, ok := questionnaires.File(id); ok {
		return questionnaire.Parse(name, data)
	}
	if p := besideAnswers(a); p != "" {
		return questionnaire.Load(p)
	}
	return nil, fmt.Errorf("%s: answers questionnaire %q, which is not shipped with cbrn; name its file with -q FILE", a.Path, id)
}

// questionnaireIDRE is the form of a questionnaire id (DESIGN §3).
var questionnaireIDRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// besideAnswers is the questionnaire file <id>.yaml (or <id>.questionnaire.yaml) beside the
// answers file a, or "" when there is none.
func besideAnswers(a *answers.File) string {
	return questionnaireBeside(filepath.Dir(a.Path), a.Questionnaire.ID)
}

// questionnaireBeside is the regular file <id>.yaml (or <id>.questionnaire.yaml) in dir, or "".
func questionnaireBeside(dir, id string) string {
	// The id comes from an answers file: one that is not an id (../x, a/b) names no file, so
	// that hostile answers cannot point cbrn at a file elsewhere.
	if !questionnaireIDRE.MatchString(id) {
		return ""
	}
	for _, name := range []string{id + ".yaml", id + ".questionnaire.yaml"} {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// questionnaireFile is the file questionnaireFor reads the questionnaire of a from, or "" for a
// shipped questionnaire: an input like the answers, that --out must never overwrite.
func questionnaireFile(a *answers.File, qRef string) string {
	if qRef != "" {
		return questionnaireRefFile(qRef)
	}
	if _, _, ok := questionnaires.File(a.Questionnaire.ID); ok {
		return ""
	}
	return besideAnswers(a)
}

// questionnaireRefFile is the file loadQuestionnaire reads for -q ref, or "" for a shipped id.
func questionnaireRefFile(ref string) string {
	if _, _, ok := questionnaires.File(ref); (ok && !looksLikePath(ref)) || ref == "" {
		return ""
	}
	return ref
}

// printWarnings writes problems to stderr as warnings.
func printWarnings(s *Streams, ws []diag.Problem) {
	for _, w := range ws {
		fmt.Fprintf(s.Err, "warning: %s\n", w)
	}
}

// writeResult writes data to stdout, or atomically to outPath (mode 0600), never over one of the
// command's inputs.
func writeResult(s *Streams, outPath string, inputs []string, data []byte) error {
	if outPath == "" {
		_, err := s.Out.Write(data)
		return err
	}
	if err := refuseInput(outPath, inputs); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(outPath, data); err != nil {
		return err
	}
	fmt.Fprintf(s.Err, "wrote %s\n", outPath)
	return nil
}

// refuseInput refuses an output path that is one of the inputs (by name or by identity).
func refuseInput(out string, inputs []string) error {
	for _, in := range inputs {
		if in != "" && sameFile(out, in) {
			return usageErrorf("--out %s is one of the input files; choose another file name", out)
		}
	}
	return nil
}

// sameFile tells whether two paths name one file: the same path, or links to one file (a hard
// link, or a symbolic link that writing through would follow).
func sameFile(a, b string) bool {
	aAbs, _ := filepath.Abs(a)
	bAbs, _ := filepath.Abs(b)
	if aAbs == bAbs {
		return true
	}
	aInfo, aErr := os.Stat(a)
	bInfo, bErr := os.Stat(b)
	return aErr == nil && bErr == nil && os.SameFile(aInfo, bInfo)
}
