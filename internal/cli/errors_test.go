package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/huh"
	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/diag"
)

// TestReportExitCodes pins the exit codes and the single message each kind of error prints.
func TestReportExitCodes(t *testing.T) {
	cmd := &cobra.Command{Use: "validate"}
	(&cobra.Command{Use: "cbrn"}).AddCommand(cmd)
	problems := &diag.List{Path: "q.yaml"}
	problems.AtPos(3, 5, "unknown hazard %q", "X")
	tests := []struct {
		name string
		err  error
		code int
		out  string
	}{
		{"success", nil, 0, ""},
		{"error", errors.New("q.yaml: no such file"), 1, "cbrn: q.yaml: no such file\n"},
		{"wrapped error", fmt.Errorf("reading: %w", errors.New("boom")), 1, "cbrn: reading: boom\n"},
		// File problems are printed as they are: FILE:LINE:COL: message, no "cbrn:" prefix.
		{"problems", problems.Err(), 1, "q.yaml:3:5: unknown hazard \"X\"\n"},
		{"usage", usageErrorf("unknown output format %q", "xml"), 2, "cbrn: unknown output format \"xml\"\nRun 'cbrn --help' for usage.\n"},
		{"usage of a command", usageErrorFor(cmd, "needs a file"), 2, "cbrn: needs a file\nRun 'cbrn validate --help' for usage.\n"},
		// A command that already told the user says nothing more.
		{"already reported", silentFailure(ExitError), 1, ""},
		{"already reported usage", silentFailure(ExitUsage), 2, ""},
		{"cancelled", ErrCancelled, 130, ""},
		{"cancelled, wrapped", fmt.Errorf("assess: %w", ErrCancelled), 130, ""},
		{"aborted prompt", huh.ErrUserAborted, 130, ""},
	}
	for _, tt := range tests {
		var w bytes.Buffer
		if code := Report(tt.err, &w); code != tt.code || w.String() != tt.out {
			t.Errorf("%s: Report = %d, %q; want %d, %q", tt.name, code, w.String(), tt.code, tt.out)
		}
	}
}

// TestMainExitCodes runs the command line in-process: every path through Main ends in one of
// the documented exit codes, with results on stdout and messages on stderr.
func TestMainExitCodes(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string // a line stdout must hold, or "" for nothing
		stderr string
	}{
		{[]string{"version"}, 0, "cbrn ", ""},
		{[]string{"validate"}, 0, "questionnaires/cbrn-quick/1.0.0.yaml: ok", ""},
		{[]string{"validate", "--nope"}, 2, "", "Run 'cbrn validate --help' for usage."},
		{[]string{"questionnaires", "-o", "xml"}, 2, "", "Run 'cbrn questionnaires --help' for usage."},
		{[]string{"nope"}, 2, "", `cbrn: unknown command "nope"`},
		{[]string{"help", "nope"}, 2, "", `cbrn: unknown help topic "nope"`},
		{[]string{"completion", "tcsh"}, 2, "", `cbrn: unknown shell "tcsh"`},
		{[]string{"completion", "bash", "x"}, 2, "", `takes no arguments`},
		{[]string{"validate", "no/such/file.yaml"}, 1, "", "open no/such/file.yaml: no such file or directory"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		s := &Streams{In: strings.NewReader(""), Out: &out, Err: &errOut, Getenv: func(string) string { return "" }}
		code := Main(s, tt.args)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (stderr %q)", tt.args, code, tt.code, errOut.String())
		}
		if (tt.stdout == "") != (out.Len() == 0) || !strings.Contains(out.String(), tt.stdout) {
			t.Errorf("%v: stdout %q, want %q", tt.args, out.String(), tt.stdout)
		}
		if (tt.stderr == "") != (errOut.Len() == 0) || !strings.Contains(errOut.String(), tt.stderr) {
			t.Errorf("%v: stderr %q, want %q", tt.args, errOut.String(), tt.stderr)
		}
	}
}
