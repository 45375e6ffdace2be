package cli

import (
	"io"
	"os"
	"strconv"
	"time"

	"github.com/mattn/go-isatty"
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
	return &Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		InTTY: tty(os.Stdin), OutTTY: tty(os.Stdout), ErrTTY: tty(os.Stderr),
		Getenv: os.Getenv,
		Now:    now,
	}
}

// Color reports whether output to stdout may use colour: only on a terminal, never with NO_COLOR.
func (s *Streams) Color() bool {
	return s.OutTTY && s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb"
}
