package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/cbrn-tool/cbrn/internal/prompt"
)

// The prompter setup that assess and consensus --resolve share.

// accessibleMode tells whether to use line-based prompts: asked for, or a terminal that cannot
// do better.
func accessibleMode(s *Streams, flag bool) bool {
	if flag || s.Getenv("TERM") == "dumb" {
		return true
	}
	switch strings.ToLower(strings.TrimSpace(s.Getenv("ACCESSIBLE"))) {
	case "", "0", "false", "no", "off":
		return false
	}
	return true
}

// newPrompter is the prompter of assess and consensus --resolve: line-based when accessible,
// else full-screen, with intro shown first (printed, or under the first prompt's title). Signals
// end it the way Ctrl-C does, so that every answer already given is on disk and the command
// can say so; stop releases them.
func newPrompter(s *Streams, accessible bool, msg *prompt.Messages, intro []string) (prompt.Prompter, func()) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	if accessible {
		for _, line := range intro {
			fmt.Fprintln(s.Err, s.wrap(line))
		}
		return &prompt.Lines{In: prompt.NewLineReader(ctx, s.In), Out: s.Err, Msg: msg, Echo: !s.InTTY}, stop
	}
	return &prompt.Screen{Ctx: ctx, In: s.In, Out: s.Err, Msg: msg, Plain: s.Getenv("NO_COLOR") != "", Intro: intro}, stop
}
