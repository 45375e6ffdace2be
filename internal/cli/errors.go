package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/charmbracelet/huh"
	"github.com/spf13/cobra"

	"github.com/cbrn-tool/cbrn/internal/diag"
)

// Exit codes.
const (
	ExitOK        = 0
	ExitError     = 1
	ExitUsage     = 2
	ExitCancelled = 130
)

// ErrCancelled ends a command the user interrupted; its message was already shown.
var ErrCancelled = errors.New("cancelled")

// exitError carries an exit code; printed is set when the command has already told the user.
type exitError struct {
	code    int
	err     error
	printed bool
	help    string // the command whose --help to point to
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErrorf is an error in how the command was called: exit code 2.
func usageErrorf(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}

// usageErrorFor is a usage error of a given command, whose help it points to.
func usageErrorFor(cmd *cobra.Command, format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...), help: cmd.CommandPath()}
}

// silentFailure is a failure the command has already reported in full.
func silentFailure(code int) error {
	return &exitError{code: code, err: fmt.Errorf("exit status %d", code), printed: true}
}

// Report prints err (if any) to w and returns the process exit code.
func Report(err error, w io.Writer) int {
	return reportWrapped(err, w, func(s string) string { return s })
}

// reportWrapped is Report with each message passed through wrap (fitted to the terminal).
func reportWrapped(err error, w io.Writer, wrap func(string) string) int {
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, ErrCancelled) || errors.Is(err, huh.ErrUserAborted) {
		return ExitCancelled
	}
	var ee *exitError
	code := ExitError
	if errors.As(err, &ee) {
		code = ee.code
		if ee.printed {
			return code
		}
	}
	var de *diag.Error
	if errors.As(err, &de) {
		fmt.Fprintln(w, wrap(de.Error()))
		return code
	}
	// Messages may quote file names and texts from hostile files: no escape sequence gets through.
	fmt.Fprintln(w, wrap("cbrn: "+diag.Printable(err.Error(), true)))
	if code == ExitUsage {
		help := "cbrn"
		if ee.help != "" {
			help = ee.help
		}
		fmt.Fprintf(w, "Run '%s --help' for usage.\n", help)
	}
	return code
}
