package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/cbrn-tool/cbrn/internal/atomicfile"
)

// GenDocsOptions are the inputs of the hidden `cbrn gen-docs` command.
type GenDocsOptions struct {
	Dir string
}

func newGenDocsCmd(s *Streams) *cobra.Command {
	opts := &GenDocsOptions{}
	cmd := &cobra.Command{
		Use:    "gen-docs DIR",
		Short:  "Generate man pages and a Markdown command reference",
		Hidden: true,
		Long: `Generate man pages (DIR/man/cbrn*.1) and a Markdown command reference
(DIR/markdown/cbrn*.md) for packagers and documentation sites. The output is
reproducible: it carries no date.`,
		Args: exactArgs(1, "the folder to write into"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			return runGenDocs(s, cmd.Root(), opts)
		},
	}
	return cmd
}

var manDateRE = regexp.MustCompile(`(?m)^(\.TH "[^"]*" "[^"]*" )"[^"]*"`)

func runGenDocs(s *Streams, root *cobra.Command, opts *GenDocsOptions) error {
	if st, err := os.Stat(opts.Dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%s: no such folder; create it first", opts.Dir)
	}
	manDir, mdDir := filepath.Join(opts.Dir, "man"), filepath.Join(opts.Dir, "markdown")
	for _, d := range []string{manDir, mdDir} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return err
		}
	}
	root.DisableAutoGenTag = true
	count := 0
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		for _, sub := range c.Commands() {
			if !sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
				continue
			}
			if err := walk(sub); err != nil {
				return err
			}
		}
		base := strings.ReplaceAll(c.CommandPath(), " ", "_")
		var man bytes.Buffer
		if err := doc.GenMan(c, &doc.GenManHeader{Title: strings.ToUpper(base), Section: "1", Source: "cbrn " + Version(), Manual: "cbrn manual"}, &man); err != nil {
			return err
		}
		// The man header always carries a month; drop it so that output is reproducible.
		page := manDateRE.ReplaceAll(man.Bytes(), []byte(`$1""`))
		if err := atomicfile.WriteFile(filepath.Join(manDir, base+".1"), page); err != nil {
			return err
		}
		var md bytes.Buffer
		if err := doc.GenMarkdownCustom(c, &md, func(name string) string { return name }); err != nil {
			return err
		}
		if err := atomicfile.WriteFile(filepath.Join(mdDir, base+".md"), md.Bytes()); err != nil {
			return err
		}
		count++
		return nil
	}
	if err := walk(root); err != nil {
		return err
	}
	fmt.Fprintf(s.Err, "wrote %d man pages to %s and %d Markdown pages to %s\n", count, manDir, count, mdDir)
	return nil
}
