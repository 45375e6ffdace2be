// Package gendocs writes cbrn's man pages and Markdown command reference. It is a program of
// its own (cmd/cbrn-gen-docs) so that the man-page renderer and its Markdown parser are not
// linked into cbrn, whose every run would otherwise initialise them.
package gendocs

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/cbrn-tool/cbrn/internal/atomicfile"
	"github.com/cbrn-tool/cbrn/internal/cli"
	"github.com/cbrn-tool/cbrn/internal/help"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// Main runs cbrn-gen-docs with args (one folder) and returns the exit code.
func Main(s *cli.Streams, args []string) int {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(s.Err, "cbrn-gen-docs: needs the folder to write into\nUsage: cbrn-gen-docs DIR")
		return cli.ExitUsage
	}
	if err := Run(s.Err, cli.NewRoot(s), args[0]); err != nil {
		fmt.Fprintln(s.Err, textfmt.Safe("cbrn-gen-docs: "+err.Error(), textfmt.Line))
		return cli.ExitError
	}
	return 0
}

var manDateRE = regexp.MustCompile(`(?m)^(\.TH "[^"]*" "[^"]*" )"[^"]*"`)

// Run writes the man pages of root's commands (DIR/man/cbrn*.1) and help topics
// (DIR/man/cbrn-*.7), and a Markdown reference of both (DIR/markdown), reporting on stderr.
func Run(stderr io.Writer, root *cobra.Command, dir string) error {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%s: no such folder; create it first", dir)
	}
	manDir, mdDir := filepath.Join(dir, "man"), filepath.Join(dir, "markdown")
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
		if err := doc.GenMan(c, &doc.GenManHeader{Title: strings.ToUpper(base), Section: "1", Source: "cbrn " + cli.Version(), Manual: "cbrn manual"}, &man); err != nil {
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
		text, err := help.Text(c.Name())
		if err != nil {
			return err
		}
		if err := atomicfile.WriteFile(filepath.Join(manDir, base+".7"), topicManPage(base, c, text)); err != nil {
			return err
		}
		md := "# cbrn help " + c.Name() + "\n\n" + c.Short + "\n\n```\n" + text + "```\n"
		if err := atomicfile.WriteFile(filepath.Join(mdDir, base+".md"), []byte(md)); err != nil {
			return err
		}
		count++
	}
	fmt.Fprintf(stderr, "wrote %d man pages to %s and %d Markdown pages to %s\n", count, manDir, count, mdDir)
	return nil
}

// topicManPage is the man page of a help topic: its text is laid out for a terminal already
// (aligned columns, indented examples), so it goes in unfilled, each line escaped for roff.
func topicManPage(base string, c *cobra.Command, text string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH \"%s\" \"7\" \"\" \"cbrn %s\" \"cbrn manual\"\n", strings.ToUpper(base), cli.Version())
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n.SH SYNOPSIS\n\\fBcbrn help %s\\fP\n.SH DESCRIPTION\n.nf\n", base, roffLine(c.Short), c.Name())
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
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
