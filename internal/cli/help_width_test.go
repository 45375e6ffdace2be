package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/clipperhouse/displaywidth"
	"github.com/spf13/cobra"
)

// columns is the width of a line on a terminal: display width, a tab moving to the next
// multiple of 8.
func columns(line string) int {
	n := 0
	for i, part := range strings.Split(line, "\t") {
		if i > 0 {
			n += 8 - n%8
		}
		n += displaywidth.String(part)
	}
	return n
}

// Every help cbrn prints fits an 80-column terminal: the root's, every command's and
// subcommand's (cobra's completion commands included), and every help topic's. The tree is
// walked, so that a command added later is held to it too.
func TestEveryHelpFits80Columns(t *testing.T) {
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			walk(sub, append(append([]string(nil), path...), sub.Name()))
		}
	}
	walk(NewRoot(&Streams{Getenv: func(string) string { return "" }, Now: time.Now}), nil)
	if len(paths) < 20 {
		t.Fatalf("walked %d commands; the tree has more (12 commands, 4 topics, help, completion and its shells)", len(paths))
	}
	for _, path := range paths {
		var out, errb bytes.Buffer
		s := &Streams{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }, Now: time.Now}
		args := append(append([]string(nil), path...), "--help")
		if code := Main(s, args); code != 0 || out.Len() == 0 {
			t.Errorf("cbrn %s: exit %d, %d bytes of help; stderr %q", strings.Join(args, " "), code, out.Len(), errb.String())
			continue
		}
		for i, line := range strings.Split(out.String(), "\n") {
			if n := columns(line); n > 80 {
				t.Errorf("cbrn %s: line %d is %d columns wide: %s", strings.Join(args, " "), i+1, n, line)
			}
		}
	}
}
