package prompt

import (
	"bufio"
	"context"
	"errors"
	"io"
	"sync"
)

// LineReader hands its input out at most one line per Read. huh's accessible prompts each wrap
// their input in a fresh bufio.Scanner, which reads ahead: given piped stdin directly, the first
// prompt would swallow the answers meant for the next ones. Through a LineReader each scanner
// only ever sees the line it asked for.
//
// Reads happen in a goroutine so that a Read can be abandoned when ctx is done (a signal): the
// flow then stops at once instead of waiting for a line that may never come.
type LineReader struct {
	ctx context.Context
	in  io.Reader

	start   sync.Once
	lines   chan chunk
	pending []byte // the rest of a line longer than the caller's buffer

	eof         bool
	interrupted bool
	err         error
}

type chunk struct {
	data []byte
	err  error
}

// NewLineReader reads lines from r until ctx is done.
func NewLineReader(ctx context.Context, r io.Reader) *LineReader {
	return &LineReader{ctx: ctx, in: r, lines: make(chan chunk)}
}

// run reads ahead by one line at most: the channel is unbuffered.
func (l *LineReader) run() {
	br := bufio.NewReader(l.in)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			select {
			case l.lines <- chunk{data: line}:
			case <-l.ctx.Done():
				return
			}
		}
		if err != nil {
			select {
			case l.lines <- chunk{err: err}:
			case <-l.ctx.Done():
			}
			return
		}
	}
}

// Read returns at most one line (or the part of it that fits in p).
func (l *LineReader) Read(p []byte) (int, error) {
	if len(l.pending) > 0 {
		n := copy(p, l.pending)
		l.pending = l.pending[n:]
		return n, nil
	}
	if l.eof || l.interrupted || l.err != nil {
		return 0, l.readErr()
	}
	l.start.Do(func() { go l.run() })
	select {
	case c := <-l.lines:
		if c.err != nil {
			if errors.Is(c.err, io.EOF) {
				l.eof = true
			} else {
				l.err = c.err
			}
			return 0, l.readErr()
		}
		n := copy(p, c.data)
		l.pending = c.data[n:]
		return n, nil
	case <-l.ctx.Done():
		l.interrupted = true
		return 0, l.readErr()
	}
}

func (l *LineReader) readErr() error {
	switch {
	case l.interrupted:
		return ErrInterrupted
	case l.eof:
		return io.EOF
	}
	return l.err
}

// EOF reports whether the input has ended.
func (l *LineReader) EOF() bool { return l.eof }

// Stopped returns why reading stopped: ErrInterrupted, io.EOF, a read error, or nil while it goes on.
func (l *LineReader) Stopped() error {
	if !l.eof && !l.interrupted && l.err == nil {
		if l.ctx.Err() != nil {
			return ErrInterrupted
		}
		return nil
	}
	return l.readErr()
}
