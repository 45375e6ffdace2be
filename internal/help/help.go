// Package help holds the reference that `cbrn help TOPIC` prints and the man pages carry: the
// questionnaire format, the answers format, the scoring rules and the outputs for machines.
// The texts are plain files beside this one, written for an 80-column terminal; a line
// "@example NAME" stands for the example file examples/NAME, indented, so that the examples
// shown are files the test suite validates.
package help

import (
	"bytes"
	"embed"
	"fmt"
	"strings"
)

//go:embed topics/*.txt examples/*.yaml
var files embed.FS

// Topic is one reference text.
type Topic struct {
	Name  string // as typed after `cbrn help`
	Short string // one line, for the list of help topics
}

// Topics lists the reference topics in the order `cbrn help` shows them.
func Topics() []Topic {
	return []Topic{
		{"questionnaire-format", "The questionnaire file: every key, type and rule"},
		{"answers-format", "The answers file: every key, how cbrn reads it"},
		{"scoring", "How scores, gaps and priorities are computed"},
		{"output-formats", "The JSON and CSV that the commands write"},
	}
}

// Text is the full text of a topic, its examples filled in.
func Text(name string) (string, error) {
	raw, err := files.ReadFile("topics/" + name + ".txt")
	if err != nil {
		return "", fmt.Errorf("no help topic %q", name)
	}
	var out bytes.Buffer
	for _, line := range strings.SplitAfter(string(raw), "\n") {
		ref, ok := strings.CutPrefix(strings.TrimRight(line, "\n"), "@example ")
		if !ok {
			out.WriteString(line)
			continue
		}
		ex, err := files.ReadFile("examples/" + ref)
		if err != nil {
			return "", fmt.Errorf("help topic %s: no example %q", name, ref)
		}
		for _, l := range strings.SplitAfter(strings.TrimRight(string(ex), "\n"), "\n") {
			if strings.TrimSpace(l) == "" {
				out.WriteString("\n")
				continue
			}
			out.WriteString("  " + strings.TrimRight(l, "\n") + "\n")
		}
	}
	return out.String(), nil
}

// Example returns the bytes of an example file the topics show.
func Example(name string) ([]byte, error) { return files.ReadFile("examples/" + name) }
