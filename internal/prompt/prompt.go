// Package prompt runs the interactive answering flow of `cbrn assess`. The flow (what to ask,
// skip logic, progress, back, saving) is plain Go in Flow; the prompts themselves go through the
// small Prompter interface, which has a full-screen implementation (huh forms), a line-based one
// for screen readers and piped input (huh's accessible mode), and a fake in tests.
package prompt

import (
	"errors"
)

// ErrInterrupted ends a flow the respondent stopped: Ctrl-C in the full-screen mode, or a
// signal. Prompters return io.EOF when the input ends.
var ErrInterrupted = errors.New("interrupted")

// Prompter shows one prompt at a time and returns what was chosen or typed. An implementation
// returns ErrInterrupted when the respondent stops and io.EOF when the input ends; what was being
// typed is then not returned, so that nothing unconfirmed is ever saved.
type Prompter interface {
	// Select asks for one of the options and returns its Value.
	Select(p SelectPrompt) (string, error)
	// MultiSelect asks for any number of options and returns their Values in option order.
	MultiSelect(p MultiPrompt) ([]string, error)
	// Input asks for a line of text, checked with p.Validate.
	Input(p InputPrompt) (string, error)
}

// Option is one answer a prompt offers.
type Option struct {
	Value string // what the prompter returns
	Key   string // what to type in the line-based mode ("3", "d"); "" for Enter alone
	Label string
	// Detail is shown after the label: a level's descriptor.
	Detail string
	// Exclusive options (don't know, none of these...) cannot be combined in a MultiSelect.
	Exclusive bool
	// Action options (don't know, help, previous question) are chosen alone in a MultiSelect:
	// the full-screen list shows them without a box to tick, and Enter on one chooses it.
	Action bool
}

// SelectPrompt asks for one option.
type SelectPrompt struct {
	Heading []string // lines shown above the prompt: where the respondent is, the question, help
	Title   string   // the prompt itself: "Answer"
	// Context reminds the respondent what a follow-up prompt is about; only the full-screen mode
	// shows it (in the line-based mode it was just read out).
	Context string
	Options []Option
	Default string // a Value; used when DefaultSet: the cursor starts there and Enter alone chooses it
	// DefaultSet says Default is meaningful (an empty Value may be an option).
	DefaultSet bool
	// Compact asks for a one-line prompt in the line-based mode (the options on the prompt line),
	// for optional follow-ups that must not slow a respondent down.
	Compact bool
}

// MultiPrompt asks for several options.
type MultiPrompt struct {
	Heading []string
	Title   string
	Options []Option
	Default []string // Values chosen before
}

// InputPrompt asks for a line of text.
type InputPrompt struct {
	Heading []string
	Title   string
	Context string // as in SelectPrompt
	Default string // what Enter alone keeps
	// Validate checks a line as typed (trimmed); nil accepts anything.
	Validate func(string) error
}
