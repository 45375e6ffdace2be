package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/consensus"
	"github.com/cbrn-tool/cbrn/internal/prompt"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// resolveWords are the words of the --resolve flow, around the prompter's own.
type resolveWords struct {
	t                                                            words.Words // the answers, as people read them
	dispute, answers, proposal, agreed, open, other, otherPrompt string
	reason, reasonNeeded, settled, none                          string
	// Counted by the disputed questions: done and stopped take the total first, then how
	// many are settled, then the merged file.
	done, stopped, allDone prompt.Plural
	kept                   prompt.Plural
	// A rerun over an existing merged file: answers no participant gave, kept (the file, then
	// the ids), and merged answers replaced (the file, then "ID old -> new; …").
	keptOwn, replaced prompt.Plural
	// After --out: the merged file, its answers, the disputed ones; the hint without --out.
	wrote          string
	merged, contra prompt.Plural
	hint           prompt.Plural
	rules          map[consensus.Rule]string
}

func resolveWordsFor(lang string) resolveWords {
	t := words.For(lang)
	k := func(key string) string { return t.Format("resolve." + key) }
	w := resolveWords{t: t,
		dispute: k("dispute"), answers: k("answers"), proposal: k("proposal"), agreed: k("agreed"),
		open: k("open"), other: k("other"), otherPrompt: k("otherPrompt"), reason: k("reason"),
		reasonNeeded: k("reasonNeeded"), settled: k("settled"), none: k("none"), wrote: k("wrote"),
		done: "resolve.done", stopped: "resolve.stopped", allDone: "resolve.allDone", kept: "resolve.kept",
		keptOwn: "resolve.keptOwn", replaced: "resolve.replaced", merged: "resolve.merged",
		contra: "resolve.contra", hint: "resolve.hint",
		rules: map[consensus.Rule]string{},
	}
	for _, r := range []consensus.Rule{consensus.Unanimous, consensus.Median, consensus.Disagreement, consensus.AllNA, consensus.NoValue} {
		w.rules[r] = k("rule." + string(r))
	}
	return w
}

// Option values of the agreed-answer prompt that are not answers.
const (
	resolveOpen  = "!open"
	resolveOther = "!other"
	resolveDK    = "!unknown"
	resolveNA    = "!na"
)

// resolveDisputes walks the disputed questions that are not settled yet, most disputed first:
// the room agrees on an answer and a reason, recorded at once in the merged file (saved after
// each one). It returns ErrCancelled when the input ends or the user stops, having said how far
// it got.
func resolveDisputes(s *Streams, opts *ConsensusOptions, res *consensus.Result, lang string) error {
	w := resolveWordsFor(lang)
	msg := prompt.Catalogue(lang)
	var todo []int
	for i, it := range res.Items {
		if it.Disputed && it.Resolution == nil {
			todo = append(todo, i)
		}
	}
	total := res.Disputed()
	switch {
	case total == 0:
		fmt.Fprintln(s.Err, s.wrap(w.none))
		return nil
	case len(todo) == 0:
		fmt.Fprintln(s.Err, s.wrap(msg.Count(w.allDone, total, opts.Out)))
		return nil
	}
	accessible := accessibleMode(s, opts.Accessible)
	if !accessible && (!s.InTTY || !s.ErrTTY) {
		// Piped input is the line-based mode's to read: there is no screen to draw on.
		accessible = true
	}
	// Signals stop the walk like Ctrl-C: every agreement already made is on disk.
	p, stop := newPrompter(s, accessible, msg, nil)
	defer stop()

	settled := total - len(todo)
	for n, i := range todo {
		it := res.Items[i]
		if accessible {
			fmt.Fprintln(s.Err)
		}
		agreed, reason, err := askAgreement(p, res, it, lang, msg, w, n+1+total-len(todo), total)
		if errors.Is(err, prompt.ErrInterrupted) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			fmt.Fprintln(s.Err, s.wrap(msg.Count(w.stopped, total, settled, opts.Out)))
			return ErrCancelled
		}
		if err != nil {
			return err
		}
		if agreed == nil {
			continue // left open
		}
		res.Resolve(i, *agreed, reason, s.Now())
		if err := saveMerged(res, opts, lang, s); err != nil {
			return err
		}
		settled++
		fmt.Fprintln(s.Err, s.wrap(fmt.Sprintf(w.settled, it.Question.ID, textfmt.Terminal(w.t.Answer(it.Question, it.Merged(), lang)), opts.Out)))
	}
	fmt.Fprintln(s.Err, s.wrap(msg.Count(w.done, total, settled, opts.Out)))
	return nil
}

// askAgreement shows one disputed question with every participant's answer and note, and asks
// for the agreed answer and the reason. A nil answer means the question is left open.
func askAgreement(p prompt.Prompter, res *consensus.Result, it *consensus.Item, lang string, msg *prompt.Messages,
	w resolveWords, n, total int) (*answers.Answer, string, error) {
	qq := it.Question
	t := func(s string) string { return textfmt.Terminal(s) }
	heading := []string{
		fmt.Sprintf(w.dispute, n, total, qq.ID),
		t(qq.Text.Get(lang)),
		w.answers,
	}
	for _, r := range it.Responses {
		line := "  " + t(res.Participants[r.Participant].Name) + msg.Colon + " " + t(w.t.Answer(qq, r.Answer, lang))
		if note := strings.TrimSpace(r.Answer.Note); note != "" {
			line += " — " + t(note)
		}
		heading = append(heading, line)
	}
	proposal := t(w.t.Answer(qq, it.Proposal, lang))
	heading = append(heading, fmt.Sprintf(w.proposal, proposal, w.rules[it.Rule]))

	opts, values := agreementOptions(res, it, lang, msg, w)
	opts = append(opts, prompt.Option{Value: resolveOpen, Key: "", Label: fmt.Sprintf(w.open, proposal)})
	choice, err := p.Select(prompt.SelectPrompt{Heading: heading, Title: w.agreed, Options: opts,
		Default: resolveOpen, DefaultSet: true})
	if err != nil {
		return nil, "", err
	}
	var agreed *answers.Answer
	switch choice {
	case resolveOpen:
		return nil, "", nil
	case resolveDK:
		agreed = &answers.Answer{Unknown: true}
	case resolveNA:
		agreed = &answers.Answer{NA: true}
	case resolveOther:
		typed, err := p.Input(prompt.InputPrompt{Title: w.otherPrompt, Context: t(qq.Text.Get(lang)),
			Validate: func(s string) error { _, msg := typedAnswer(qq, s, msg); return msg }})
		if err != nil {
			return nil, "", err
		}
		v, _ := typedAnswer(qq, typed, msg)
		agreed = &answers.Answer{Value: v}
	default:
		agreed = &answers.Answer{Value: values[choice]}
	}
	reason, err := p.Input(prompt.InputPrompt{Title: w.reason, Context: qq.ID + " = " + t(w.t.Answer(qq, agreed, lang)),
		Validate: func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New(w.reasonNeeded)
			}
			return nil
		}})
	if err != nil {
		return nil, "", err
	}
	return agreed, reason, nil
}

// agreementOptions are the answers the room may agree on: every level or choice of a closed
// question; for the others, the answers given, and another one to type. Options are keyed by
// number; don't know and N/A by the prompter's usual keys.
func agreementOptions(res *consensus.Result, it *consensus.Item, lang string, msg *prompt.Messages, w resolveWords) ([]prompt.Option, map[string]any) {
	qq := it.Question
	var opts []prompt.Option
	values := map[string]any{}
	add := func(label, detail string, v any) {
		key := strconv.Itoa(len(opts) + 1)
		opts = append(opts, prompt.Option{Value: key, Key: key, Label: label, Detail: detail})
		values[key] = v
	}
	switch qq.Type {
	case questionnaire.TypeScale:
		for _, l := range qq.Scale.Levels {
			add(textfmt.Terminal(l.Label.Get(lang)), textfmt.Terminal(qq.LevelText(l.Level).Get(lang)), l.Level)
		}
	case questionnaire.TypeYesNo:
		add(msg.Yes, "", true)
		add(msg.No, "", false)
	case questionnaire.TypeChoice:
		for _, c := range qq.Choices {
			add(textfmt.Terminal(c.Label.Get(lang)), "", c.ID)
		}
	default:
		seen := map[string]bool{}
		for _, r := range it.Responses {
			if !r.Answer.HasValue() {
				continue
			}
			k := consensus.Key(qq, r.Answer.Value)
			if seen[k] {
				continue
			}
			seen[k] = true
			add(textfmt.Terminal(w.t.Answer(qq, r.Answer, lang)), "", r.Answer.Value)
		}
		if qq.Type != questionnaire.TypeMulti {
			opts = append(opts, prompt.Option{Value: resolveOther, Key: "a", Label: w.other})
		}
	}
	opts = append(opts, prompt.Option{Value: resolveDK, Key: msg.KeyDontKnow, Label: msg.DontKnow})
	if qq.NAAllowed {
		opts = append(opts, prompt.Option{Value: resolveNA, Key: msg.KeyNotApplicable, Label: msg.NotApplicable})
	}
	return opts, values
}

// typedAnswer reads a typed answer to a number or text question, normalised to its type.
func typedAnswer(qq *questionnaire.Question, s string, msg *prompt.Messages) (any, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, errors.New(msg.EmptyAnswer)
	}
	var raw any = s
	if qq.Type == questionnaire.TypeNumber {
		x, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		if err != nil {
			return nil, fmt.Errorf(msg.NotANumber, s)
		}
		raw = x
	}
	v, problem := answers.Normalise(qq, raw, s)
	if problem != "" {
		return nil, errors.New(problem)
	}
	return v, nil
}
