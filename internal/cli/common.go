package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/atomicfile"
	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/words"
)

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
// else the shipped version the file names, else a file <id>.yaml beside the answers.
func loadAssessment(path, qRef string) (*assessment, error) {
	a, err := answers.Load(path)
	if err != nil {
		return nil, err
	}
	return assessmentOf(a, qRef)
}

// readAssessment is loadAssessment for a command that never writes the answers file back: it
// reads the file with answers.Read, without noting its comments for a save.
func readAssessment(path, qRef string) (*assessment, error) {
	a, err := answers.Read(path)
	if err != nil {
		return nil, err
	}
	return assessmentOf(a, qRef)
}

// assessmentOf checks answers read from a file against their questionnaire, found as
// loadAssessment says.
func assessmentOf(a *answers.File, qRef string) (*assessment, error) {
	src, err := sourceFor(a, qRef)
	if err != nil {
		return nil, err
	}
	q, err := src.load()
	if err != nil {
		return nil, err
	}
	warnings, err := a.Check(q)
	if err != nil {
		return nil, err
	}
	return &assessment{Q: q, A: a, QFile: src.file, Warnings: warnings}, nil
}

// printWarnings writes problems to stderr as warnings.
func printWarnings(s *Streams, ws []diag.Problem) {
	for _, w := range ws {
		fmt.Fprintln(s.Err, s.wrap(fmt.Sprintf("warning: %s", w)))
	}
}

// writeResult writes data to stdout, or atomically to outPath (mode 0600), never over one of the
// command's inputs, and then says so in lang.
func writeResult(s *Streams, lang, outPath string, inputs []string, data []byte) error {
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
	fmt.Fprintln(s.Err, s.wrap(words.For(lang).T("output.wrote", outPath)))
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

// shellQuote quotes a path for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./+,:@%", r))
	}) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// schemaOf peeks at the schema key without judging the rest of the file: a duplicate key or a
// wrong type elsewhere must not make an answers file pass for a questionnaire.
func schemaOf(data []byte) string {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return ""
	}
	m := doc.Content[0].Content
	for i := 0; i+1 < len(m); i += 2 {
		if m[i].Value == "schema" {
			return m[i+1].Value
		}
	}
	return ""
}
