// Package diag collects problems found in user files, each with the file, line and column
// where it was found, so that a user can fix every one of them in a single pass.
package diag

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// Problem is one thing wrong with a file.
type Problem struct {
	Path string
	Line int
	Col  int
	Msg  string
}

// String is the problem as one line for a terminal: "file:line:col: message". A file name or a
// text quoted from the file cannot break the line or send escape sequences (see Printable).
func (p Problem) String() string {
	switch {
	case p.Line > 0:
		return Printable(fmt.Sprintf("%s:%d:%d: %s", p.Path, p.Line, p.Col, p.Msg), false)
	case p.Path != "":
		return Printable(fmt.Sprintf("%s: %s", p.Path, p.Msg), false)
	default:
		return Printable(p.Msg, false)
	}
}

// Printable makes a message safe to print on a terminal: the control and invisible characters
// it may quote from a hostile file or file name (escape sequences, carriage returns, bells, C1
// controls, bidirectional overrides, zero-width characters) are shown as escapes such as \x1b
// or \u202e instead of being obeyed (see textfmt.Safe). Line breaks and tabs are kept when
// lines is true, else escaped too.
func Printable(s string, lines bool) string {
	if lines {
		return textfmt.Safe(s, textfmt.Lines)
	}
	return textfmt.Safe(s, textfmt.Line)
}

// MaxProblems bounds the problems kept for one file: past that many, the first ones are the
// ones to fix, and a hostile file cannot make the report (or the hints in it) endless.
const MaxProblems = 200

// List accumulates problems of one file.
type List struct {
	Path     string
	Problems []Problem

	dropped int // problems past MaxProblems, counted only
}

// At records a problem at the position of node n (or at the start of the file when n is nil).
func (l *List) At(n *yaml.Node, format string, args ...any) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	l.AtPos(line, col, format, args...)
}

// AtPos records a problem at an explicit position.
func (l *List) AtPos(line, col int, format string, args ...any) {
	if l.Full() {
		l.dropped++
		return
	}
	l.Problems = append(l.Problems, Problem{Path: l.Path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// Len is the number of problems recorded so far.
func (l *List) Len() int { return len(l.Problems) }

// Full reports whether MaxProblems are recorded: later ones are only counted, so callers may
// skip the work of describing them.
func (l *List) Full() bool { return len(l.Problems) >= MaxProblems }

// Err returns nil when no problem was recorded, else an *Error with the problems sorted by position.
func (l *List) Err() error {
	if len(l.Problems) == 0 && l.dropped == 0 {
		return nil
	}
	ps := append([]Problem(nil), l.Problems...)
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Col < ps[j].Col
	})
	// The same problem found twice by two rules is reported once.
	seen := make(map[Problem]bool, len(ps))
	out := ps[:0]
	for _, p := range ps {
		if seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	total := len(out)
	if l.dropped > 0 {
		total += l.dropped
		out = append(out, Problem{Path: l.Path, Msg: fmt.Sprintf("%d more %s not shown; fix the ones above and run again",
			l.dropped, Plural(l.dropped, "problem", "problems"))})
	}
	return &Error{Problems: out, total: total}
}

// Error is the error returned for a file with problems: one line per problem.
type Error struct {
	Problems []Problem

	total int // problems found, including those past MaxProblems
}

// Count is the number of problems found, including those not listed past MaxProblems.
func (e *Error) Count() int {
	if e.total == 0 {
		return len(e.Problems) // an Error made by hand
	}
	return e.total
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Plural is one or many as n calls for, in English: cbrn's problems and the command line's
// own reports are not translated (the words of every product are, and count through
// words.Count, by the language's plural rules).
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
