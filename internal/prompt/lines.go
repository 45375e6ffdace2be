package prompt

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"
)

// Lines is the line-based Prompter for screen readers, plain terminals and piped input: every
// prompt is printed as plain lines and answered with one line, read through huh's accessible
// mode. Options are typed by their key: a level's number, a choice's number, a letter for
// "don't know", help and the others.
type Lines struct {
	In  *LineReader
	Out io.Writer
	Msg *Messages
	// Echo writes each accepted line after its prompt, so that a transcript of piped input reads
	// as a dialogue; on a terminal the terminal echoes already.
	Echo bool
}

var errLineTooLong = errors.New("an input line is too long to read (over 64 KiB)")

// plainTheme has no styles: no colour, no padding, nothing but the words for a screen reader.
func plainTheme() *huh.Theme { return &huh.Theme{} }

// line asks one line until validate accepts it. It returns the accepted line, trimmed, or why
// reading stopped (io.EOF, ErrInterrupted): a line cut short by the end of input is not accepted.
func (l *Lines) line(prompt string, validate func(string) error) (string, error) {
	var accepted bool
	var got, buf string
	in := huh.NewInput().Title(prompt).Value(&buf).Validate(func(s string) error {
		accepted = false
		if l.Echo {
			fmt.Fprintln(l.Out, s)
		}
		s = strings.TrimSpace(s)
		if err := validate(s); err != nil {
			return err
		}
		accepted, got = true, s
		return nil
	})
	in.WithTheme(plainTheme())
	if err := in.RunAccessible(l.Out, l.In); err != nil {
		return "", err
	}
	if !accepted {
		if err := l.In.Stopped(); err != nil {
			return "", err
		}
		// huh's scanner gave up without an answer: a line over its 64 KiB limit.
		return "", errLineTooLong
	}
	return got, nil
}

func (l *Lines) heading(lines []string) {
	for _, h := range lines {
		fmt.Fprintln(l.Out, h)
	}
}

// keyList describes the keys of options compactly: "1-5, d, h, b".
func keyList(opts []Option) string {
	var parts []string
	for i := 0; i < len(opts); i++ {
		k := opts[i].Key
		if k == "" {
			continue
		}
		n, err := strconv.Atoi(k)
		if err != nil {
			parts = append(parts, k)
			continue
		}
		j := i
		for j+1 < len(opts) {
			m, err := strconv.Atoi(opts[j+1].Key)
			if err != nil || m != n+(j+1-i) {
				break
			}
			j++
		}
		if j > i {
			parts = append(parts, k+"-"+opts[j].Key)
			i = j
		} else {
			parts = append(parts, k)
		}
	}
	return strings.Join(parts, ", ")
}

func printOptions(w io.Writer, opts []Option, colon string) {
	for _, o := range opts {
		s := "  " + o.Key + "  " + o.Label
		if o.Detail != "" {
			s += colon + " " + o.Detail
		}
		fmt.Fprintln(w, s)
	}
}

func optionByKey(opts []Option, key string) (Option, bool) {
	for _, o := range opts {
		if o.Key != "" && strings.EqualFold(o.Key, key) {
			return o, true
		}
	}
	return Option{}, false
}

// Select prints the options with their keys and reads one key.
func (l *Lines) Select(p SelectPrompt) (string, error) {
	l.heading(p.Heading)
	prompt := p.Title + " (" + keyList(p.Options) + ")"
	if p.Compact {
		var parts []string
		for _, o := range p.Options {
			parts = append(parts, o.Key+" "+o.Label)
		}
		prompt = p.Title + " — " + strings.Join(parts, ", ")
	} else {
		printOptions(l.Out, p.Options, l.Msg.Colon)
	}
	if p.DefaultSet {
		for _, o := range p.Options {
			if o.Value == p.Default {
				prompt += " [" + o.Label + "]"
			}
		}
	}
	prompt += l.Msg.Colon
	validate := func(s string) error {
		if s == "" && p.DefaultSet {
			return nil
		}
		if _, ok := optionByKey(p.Options, s); ok {
			return nil
		}
		return fmt.Errorf(l.Msg.TypeOneOf, keyList(p.Options))
	}
	s, err := l.line(prompt, validate)
	if err != nil {
		return "", err
	}
	if s == "" {
		return p.Default, nil
	}
	o, _ := optionByKey(p.Options, s)
	return o.Value, nil
}

// MultiSelect prints the options and reads their keys on one line, separated by spaces or commas.
func (l *Lines) MultiSelect(p MultiPrompt) ([]string, error) {
	l.heading(p.Heading)
	printOptions(l.Out, p.Options, l.Msg.Colon)
	hint := l.Msg.MultiHint
	for _, o := range p.Options {
		if o.Exclusive && !o.Action {
			hint += " " + fmt.Sprintf(l.Msg.MultiNoneHint, o.Key, o.Label)
			break
		}
	}
	fmt.Fprintln(l.Out, hint)
	prompt := p.Title + " (" + keyList(p.Options) + ")"
	var defKeys []string
	for _, o := range p.Options {
		if slices.Contains(p.Default, o.Value) {
			defKeys = append(defKeys, o.Key)
		}
	}
	if len(defKeys) > 0 {
		prompt += " [" + strings.Join(defKeys, " ") + "]"
	}
	prompt += l.Msg.Colon
	parse := func(s string) ([]string, error) {
		fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' })
		var vals []string
		var exclusive *Option
		for _, k := range fields {
			o, ok := optionByKey(p.Options, k)
			if !ok {
				return nil, fmt.Errorf(l.Msg.TypeOneOf, keyList(p.Options))
			}
			if o.Exclusive {
				exclusive = &o
			}
			if !slices.Contains(vals, o.Value) {
				vals = append(vals, o.Value)
			}
		}
		if exclusive != nil && len(vals) > 1 {
			return nil, fmt.Errorf(l.Msg.ExclusiveAlone, exclusive.Label)
		}
		if len(vals) == 0 {
			return nil, fmt.Errorf("%s", l.Msg.ChooseOne)
		}
		return vals, nil
	}
	validate := func(s string) error {
		if s == "" && len(p.Default) > 0 {
			return nil
		}
		_, err := parse(s)
		return err
	}
	s, err := l.line(prompt, validate)
	if err != nil {
		return nil, err
	}
	if s == "" {
		return slices.Clone(p.Default), nil
	}
	vals, err := parse(s)
	if err != nil {
		return nil, err
	}
	// In option order, as the full-screen mode returns them.
	var out []string
	for _, o := range p.Options {
		if slices.Contains(vals, o.Value) {
			out = append(out, o.Value)
		}
	}
	return out, nil
}

// Input reads a line; Enter alone keeps the default.
func (l *Lines) Input(p InputPrompt) (string, error) {
	l.heading(p.Heading)
	prompt := p.Title
	if p.Default != "" {
		prompt += " [" + p.Default + "]"
	}
	prompt += l.Msg.Colon
	validate := func(s string) error {
		if s == "" && p.Default != "" {
			return nil
		}
		if p.Validate != nil {
			return p.Validate(s)
		}
		return nil
	}
	s, err := l.line(prompt, validate)
	if err != nil {
		return "", err
	}
	if s == "" {
		return p.Default, nil
	}
	return s, nil
}
