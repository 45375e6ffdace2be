package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// runWith runs args with the tree newRoot builds for only, as Main does, and gives what it
// wrote and its error.
func runWith(only string, args []string) (out, errOut string, err error) {
	var o, e bytes.Buffer
	s := &Streams{In: strings.NewReader(""), Out: &o, Err: &e, Getenv: os.Getenv}
	root := newRoot(s, only)
	root.SetArgs(args)
	_, err = root.ExecuteC()
	return o.String(), e.String(), err
}

// A run of one command builds that command alone, and reads exactly as it does in the whole
// tree: its help, its usage errors and its results.
func TestOneCommandTreeAsWhole(t *testing.T) {
	sample := "../../questionnaires/samples/examplia.answers.yaml"
	runs := [][]string{{"version"}, {"report", sample}, {"report", sample, "-o", "json"},
		{"report"}, {"report", "--nope"}, {"plan", sample, "-o", "markdown"}, {"validate", sample}}
	for _, c := range commandBuilders() {
		runs = append(runs, []string{c.name, "--help"})
	}
	for _, args := range runs {
		only := commandNamed(args)
		if only != args[0] {
			t.Fatalf("%q: runs %q", args, only)
		}
		wo, we, werr := runWith("", args)
		oo, oe, oerr := runWith(only, args)
		if wo != oo || we != oe || (werr == nil) != (oerr == nil) || werr != nil && werr.Error() != oerr.Error() {
			t.Errorf("%q alone:\n%s%s%v\nin the whole tree:\n%s%s%v", args, oo, oe, oerr, wo, we, werr)
		}
		if wo == "" && we == "" && werr == nil {
			t.Errorf("%q: nothing written", args)
		}
	}
	// A flag first, help, completion, a help topic or a misspelt command get the whole tree.
	for _, args := range [][]string{{}, {"--version"}, {"help", "report"}, {"completion", "bash"},
		{"__complete", "re"}, {"scoring"}, {"reprot"}} {
		if only := commandNamed(args); only != "" {
			t.Errorf("%q: only %q is built", args, only)
		}
	}
	if cmds := newRoot(&Streams{}, "report").Commands(); len(cmds) != 1 || cmds[0].Name() != "report" {
		t.Errorf("the tree of a report has %d commands", len(cmds))
	}
}

// --version is the root's own flag: a command's run does not take it, in the whole tree as in
// the tree of that command alone.
func TestVersionFlagOnlyOnRoot(t *testing.T) {
	for _, only := range []string{"", "report"} {
		_, _, err := runWith(only, []string{"report", "--version"})
		if err == nil || !strings.Contains(err.Error(), "unknown flag: --version") {
			t.Errorf("tree %q: report --version: %v", only, err)
		}
	}
	out, _, err := runWith("", []string{"--version"})
	if err != nil || !strings.HasPrefix(out, "cbrn ") {
		t.Errorf("--version: %q %v", out, err)
	}
}
