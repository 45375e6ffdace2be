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
	// The help topics (`cbrn help scoring`) are reference texts, not commands: man pages of
	// section 7, as git keeps gitglossary(7), and Markdown pages beside the commands'.
	for _, c := range root.Commands() {
		if !c.IsAdditionalHelpTopicCommand() {
			continue
		}
		base := "cbrn-" + c.Name()
		if err := atomicfile.WriteFile(filepath.Join(manDir, base+".7"), topicManPage(base, c)); err != nil {
			return err
		}
		md := "# cbrn help " + c.Name() + "\n\n" + c.Short + "\n\n```\n" + c.Long + "```\n"
		if err := atomicfile.WriteFile(filepath.Join(mdDir, base+".md"), []byte(md)); err != nil {
			return err
		}
		count++
	}
	fmt.Fprintf(s.Err, "wrote %d man pages to %s and %d Markdown pages to %s\n", count, manDir, count, mdDir)
	return nil
}

// topicManPage is the man page of a help topic: its text is laid out for a terminal already
// (aligned columns, indented examples), so it goes in unfilled, each line escaped for roff.
func topicManPage(base string, c *cobra.Command) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH \"%s\" \"7\" \"\" \"cbrn %s\" \"cbrn manual\"\n", strings.ToUpper(base), Version())
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n.SH SYNOPSIS\n\\fBcbrn help %s\\fP\n.SH DESCRIPTION\n.nf\n", base, roffLine(c.Short), c.Name())
	for _, line := range strings.Split(strings.TrimRight(c.Long, "\n"), "\n") {
		b.WriteString(roffLine(line) + "\n")
	}
	b.WriteString(".fi\n")
	return []byte(b.String())
}

// roffLine escapes one line of text for roff: backslashes, and a leading dot or quote that
// would start a request.
func roffLine(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}
