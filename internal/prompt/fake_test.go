package prompt

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

// fake is a Prompter that answers from a script of keys, as a respondent would type them in the
// line-based mode ("" is Enter alone), and logs what it was asked. When the script runs out it
// returns io.EOF, as the end of piped input does.
type fake struct {
	t      *testing.T
	keys   []string
	log    []string   // "GOV-01", "note", "confidence", "input <title>", "review"
	shown  [][]string // the heading of each prompt
	titles []string
	opts   [][]Option
	// errAt makes the prompt with this number (from 0) fail with err instead.
	errAt int
	err   error
}

func newFake(t *testing.T, keys ...string) *fake { return &fake{t: t, keys: keys, errAt: -1} }

func (f *fake) next(kind string, heading []string, title string, opts []Option) (string, error) {
	f.t.Helper()
	name := kind
	if len(heading) > 1 {
		if id, _, ok := strings.Cut(heading[1], " "); ok {
			name = strings.TrimSuffix(id, ":")
		}
	}
	if name == "input" {
		name = "input " + title
	}
	f.log = append(f.log, name)
	f.shown = append(f.shown, heading)
	f.titles = append(f.titles, title)
	f.opts = append(f.opts, opts)
	if len(f.log)-1 == f.errAt {
		return "", f.err
	}
	if len(f.keys) == 0 {
		return "", io.EOF
	}
	k := f.keys[0]
	f.keys = f.keys[1:]
	return k, nil
}

func (f *fake) Select(p SelectPrompt) (string, error) {
	f.t.Helper()
	kind := "select"
	switch p.Title {
	case "Confidence", "Degré de confiance":
		kind = "confidence"
	}
	if len(p.Heading) == 1 {
		kind = "review"
	}
	k, err := f.next(kind, p.Heading, p.Title, p.Options)
	if err != nil {
		return "", err
	}
	if k == "" {
		if !p.DefaultSet {
			f.t.Fatalf("prompt %d (%s): Enter alone with no default", len(f.log), f.log[len(f.log)-1])
		}
		return p.Default, nil
	}
	o, ok := optionByKey(p.Options, k)
	if !ok {
		f.t.Fatalf("prompt %d (%s): no option with key %q among %s", len(f.log), f.log[len(f.log)-1], k, keyList(p.Options))
	}
	return o.Value, nil
}

func (f *fake) MultiSelect(p MultiPrompt) ([]string, error) {
	f.t.Helper()
	k, err := f.next("multi", p.Heading, p.Title, p.Options)
	if err != nil {
		return nil, err
	}
	if k == "" {
		return slices.Clone(p.Default), nil
	}
	var out []string
	for _, key := range strings.Fields(k) {
		o, ok := optionByKey(p.Options, key)
		if !ok {
			f.t.Fatalf("prompt %d: no option with key %q", len(f.log), key)
		}
		out = append(out, o.Value)
	}
	return out, nil
}

func (f *fake) Input(p InputPrompt) (string, error) {
	f.t.Helper()
	kind := "input"
	if strings.HasPrefix(p.Title, "Note") {
		kind = "note"
	}
	if p.Title == "Answer" || p.Title == "Réponse" {
		kind = "answer"
	}
	k, err := f.next(kind, p.Heading, p.Title, nil)
	if err != nil {
		return "", err
	}
	if k == "" && p.Default != "" {
		return p.Default, nil
	}
	if p.Validate != nil {
		if err := p.Validate(k); err != nil {
			f.t.Fatalf("prompt %d (%s): %q refused: %v", len(f.log), f.log[len(f.log)-1], k, err)
		}
	}
	return k, nil
}

// questions returns the question ids asked, in order, leaving out notes and the rest.
func (f *fake) questions() []string {
	var ids []string
	for _, x := range f.log {
		if strings.Contains(x, "-") && !strings.Contains(x, " ") {
			ids = append(ids, x)
		}
	}
	return ids
}

func (f *fake) String() string { return fmt.Sprint(f.log) }
