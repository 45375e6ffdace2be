package cli

import (
	"io"
	"os"
	"strconv"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"

	"github.com/cbrn-tool/cbrn/internal/prompt"
)

// Streams is what a command may touch of the outside world: its standard streams, the
// environment and the clock. Tests build their own.
type Streams struct {
	In  io.Reader
	Out io.Writer // results
	Err io.Writer // prompts, progress, warnings

	InTTY  bool
	OutTTY bool
	ErrTTY bool
	// ErrWidth is the width of the terminal on stderr, to which messages are wrapped; 0 when
	// stderr is not a terminal (messages are then written as they are).
	ErrWidth int

	Getenv func(string) string
	Now    func() time.Time
}

// System returns the process's own streams. SOURCE_DATE_EPOCH, when set, fixes the clock so
// that files written in scripts and tests are reproducible.
func System() *Streams {
	tty := func(f *os.File) bool { return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()) }
	now := time.Now
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			fixed := time.Unix(sec, 0).UTC()
			now = func() time.Time { return fixed }
		}
	}
	s := &Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		InTTY: tty(os.Stdin), OutTTY: tty(os.Stdout), ErrTTY: tty(os.Stderr),
		Getenv: os.Getenv,
		Now:    now,
	}
	if s.ErrTTY {
		if w, _, err := term.GetSize(os.Stderr.Fd()); err == nil {
			s.ErrWidth = w
		}
	}
	return s
}

// wrap fits a message (an error, a warning, a hint) to the terminal's width, breaking lines
// between words; it is left as it is when stderr is not a terminal.
func (s *Streams) wrap(msg string) string {
	if s.ErrWidth <= 0 {
		return msg
	}
	return prompt.WrapMessage(msg, s.ErrWidth-1)
}

// Color reports whether output to stdout may use colour: only on a terminal, never with NO_COLOR.
func (s *Streams) Color() bool {
	return s.OutTTY && s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb"
}
