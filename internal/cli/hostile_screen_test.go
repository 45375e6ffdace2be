package cli

import (
	"strings"
	"testing"
)

// The full-screen flow draws the hostile questionnaire inert: it sends escape sequences of its
// own to draw, but none of the file's (OSC title and clipboard writes, C1 controls, colours)
// and none of its invisible characters (bidirectional overrides, zero-width spaces).
func TestHostileQuestionnaireFullScreen(t *testing.T) {
	dir := hostileDir(t)
	p := startPTY(t, dir, "assess", "-q", "hostile.yaml", "new.answers.yaml")
	p.skipRespondent(t)
	p.scr.waitFor(t, `\x1b[31mred`) // H-01, its escapes shown
	p.send(t, keyEnter)
	p.scr.waitFor(t, "Note (Enter to skip)")
	p.send(t, keyEnter)
	p.scr.waitFor(t, "Confidence:")
	p.send(t, keyEnter)
	p.scr.waitFor(t, `\u202edesrever`) // H-02, its override shown
	p.send(t, "?")
	p.send(t, keyCtrlC)
	p.wait(t)
	out := p.scr.text()
	for _, raw := range []string{"\x1b]0;owned", "\x1b]52;", "\x1b]8;;", "\u009b", "\u0085", "\x1b[31mred", "\x1b[2J\x1b[H",
		"\u202e", "\u200b", "\u200d", "\u2067", "\u2069", "\x07"} {
		if i := strings.Index(out, raw); i >= 0 {
			t.Errorf("the screen holds the file's raw %q: %s", raw, quote(out, i, i+len(raw)))
		}
	}
}
