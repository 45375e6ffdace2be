package prompt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/term"
)

// Screen is the full-screen Prompter: one huh form per prompt, driven with the arrow keys and
// Enter. Ctrl-C and a cancelled context (a signal) end a prompt with ErrInterrupted.
type Screen struct {
	Ctx context.Context
	In  io.Reader // the terminal
	Out io.Writer // the terminal too: stderr, so that stdout stays for results
	Msg *Messages
	// Plain drops colours (NO_COLOR).
	Plain bool

	shown int // prompts shown so far: the first one tells how to stop
}

func (s *Screen) theme() *huh.Theme {
	if s.Plain {
		return huh.ThemeBase()
	}
	return huh.ThemeCharm()
}

// keyMap is huh's, with the help words in the respondent's language and the keys that would
// only confuse here turned off: shift+tab (each form has one field), filtering, select-all.
func (s *Screen) keyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	m := s.Msg
	km.Quit.SetHelp("ctrl+c", m.KeyStop)
	km.Select.Up.SetHelp("↑", m.KeyUp)
	km.Select.Down.SetHelp("↓", m.KeyDown)
	km.Select.Next.SetHelp("enter", m.KeyChoose)
	km.Select.Submit.SetHelp("enter", m.KeyChoose)
	km.MultiSelect.Up.SetHelp("↑", m.KeyUp)
	km.MultiSelect.Down.SetHelp("↓", m.KeyDown)
	km.MultiSelect.Toggle.SetHelp("x", m.KeyToggle)
	km.MultiSelect.Next.SetHelp("enter", m.KeyChoose)
	km.MultiSelect.Submit.SetHelp("enter", m.KeyChoose)
	km.Input.Next.SetHelp("enter", m.KeyChoose)
	km.Input.Submit.SetHelp("enter", m.KeyChoose)
	for _, b := range []*key.Binding{
		&km.Select.Prev, &km.Select.Filter, &km.Select.HalfPageUp, &km.Select.HalfPageDown,
		&km.Select.GotoTop, &km.Select.GotoBottom,
		&km.MultiSelect.Prev, &km.MultiSelect.Filter, &km.MultiSelect.SelectAll, &km.MultiSelect.SelectNone,
		&km.MultiSelect.HalfPageUp, &km.MultiSelect.HalfPageDown, &km.MultiSelect.GotoTop, &km.MultiSelect.GotoBottom,
		&km.Input.Prev, &km.Input.AcceptSuggestion,
	} {
		b.SetEnabled(false)
	}
	return km
}

// run shows one field and waits for it to be submitted.
func (s *Screen) run(field huh.Field) error {
	form := huh.NewForm(huh.NewGroup(field)).
		// Signals are the command's to handle: they cancel s.Ctx, which ends the form.
		// WithProgramOptions replaces every program option, so it comes before the input and
		// output are set (else the form draws on stdout and reads stdin).
		WithProgramOptions(tea.WithoutSignalHandler(), tea.WithReportFocus()).
		WithInput(s.In).
		WithOutput(s.Out).
		WithTheme(s.theme()).
		WithKeyMap(s.keyMap()).
		WithShowHelp(true)
	// Sized to the terminal so that a long list scrolls under the question instead of pushing
	// the top of the screen away; measured for each prompt, so a resized window is followed.
	if f, ok := s.Out.(interface{ Fd() uintptr }); ok {
		if _, rows, err := term.GetSize(f.Fd()); err == nil && rows > 8 {
			form = form.WithHeight(rows - 1)
		}
	}
	s.shown++
	err := form.RunWithContext(s.Ctx)
	switch {
	case s.Ctx.Err() != nil, errors.Is(err, huh.ErrUserAborted):
		return ErrInterrupted
	case err != nil:
		return err
	case form.State != huh.StateCompleted:
		// A form that quit without being submitted holds the highlighted option, not a choice.
		return ErrInterrupted
	}
	return nil
}

// titles splits what is shown above the options: the first heading line becomes the title,
// the rest the description.
func (s *Screen) titles(heading []string, title, context string) (string, string) {
	desc := slices.Clone(heading)
	if len(desc) == 0 {
		desc = []string{title}
	}
	t := desc[0]
	rest := desc[1:]
	if context != "" {
		rest = append(rest, context)
	}
	if s.shown == 0 {
		rest = append(rest, s.Msg.StopHint)
	}
	return t, strings.Join(rest, "\n\n")
}

// label is how an option reads on screen: numbered options keep their number.
func label(o Option) string {
	s := o.Label
	if o.Key != "" && strings.IndexFunc(o.Key, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
		s = o.Key + " · " + s
	}
	if o.Detail != "" {
		s += " — " + o.Detail
	}
	return s
}

// Select shows a list with the cursor on the default.
func (s *Screen) Select(p SelectPrompt) (string, error) {
	title, desc := s.titles(p.Heading, p.Title, p.Context)
	opts := make([]huh.Option[string], len(p.Options))
	for i, o := range p.Options {
		opts[i] = huh.NewOption(label(o), o.Value)
	}
	v := p.Options[0].Value
	if p.DefaultSet {
		v = p.Default
	}
	field := huh.NewSelect[string]().Title(title).Description(desc).Options(opts...).Value(&v)
	if err := s.run(field); err != nil {
		return "", err
	}
	return v, nil
}

// MultiSelect shows a list of check boxes; exclusive options must stand alone. The check is
// made once the list is submitted (huh would show its error before the first key), and the
// list comes back with the error and the ticks as they were.
func (s *Screen) MultiSelect(p MultiPrompt) ([]string, error) {
	vals := slices.Clone(p.Default)
	problem := ""
	for {
		heading := slices.Clone(p.Heading)
		if problem != "" {
			heading = append(heading, "* "+problem)
		}
		title, desc := s.titles(heading, p.Title, "")
		opts := make([]huh.Option[string], len(p.Options))
		for i, o := range p.Options {
			opts[i] = huh.NewOption(label(o), o.Value).Selected(slices.Contains(vals, o.Value))
		}
		// A limit as large as the list turns off "select all", which would tick the exclusive
		// options too.
		field := huh.NewMultiSelect[string]().Title(title).Description(desc).Options(opts...).Value(&vals).
			Limit(len(opts))
		if err := s.run(field); err != nil {
			return nil, err
		}
		problem = ""
		if len(vals) == 0 {
			problem = s.Msg.ChooseOne
		}
		for _, o := range p.Options {
			if o.Exclusive && len(vals) > 1 && slices.Contains(vals, o.Value) {
				problem = fmt.Sprintf(s.Msg.ExclusiveAlone, o.Label)
			}
		}
		if problem == "" {
			break
		}
	}
	var out []string
	for _, o := range p.Options {
		if slices.Contains(vals, o.Value) {
			out = append(out, o.Value)
		}
	}
	return out, nil
}

// Input shows a text field holding the default.
func (s *Screen) Input(p InputPrompt) (string, error) {
	title, desc := s.titles(p.Heading, p.Title, p.Context)
	if len(p.Heading) > 0 { // the prompt says what to type: a name, a number
		desc += "\n\n" + p.Title
	}
	v := p.Default
	field := huh.NewInput().Title(title).Description(desc).Value(&v).Validate(func(x string) error {
		if p.Validate == nil {
			return nil
		}
		return p.Validate(strings.TrimSpace(x))
	})
	if err := s.run(field); err != nil {
		return "", err
	}
	return strings.TrimSpace(v), nil
}
