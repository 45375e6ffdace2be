// Command gencorpus writes generated assessments of a shipped questionnaire for compare.sh:
//
//	go run ./testdata/perf/gencorpus -q cbrn-core -n 1000 -style block -out DIR
//
// DIR receives assessment-NNNNN.answers.yaml (the generator of the export benchmarks, seeded
// 1..n) and questionnaire.yaml, the questionnaire they answer. -style block rewrites each file
// with block mappings and lists and single-quoted texts, as PyYAML's safe_dump writes them;
// flow (the default) keeps cbrn's own style.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"github.com/cbrn-tool/cbrn/internal/export/exporttest"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

func main() {
	id := flag.String("q", "cbrn-core", "shipped questionnaire `id`")
	n := flag.Int("n", 1000, "number of assessments")
	style := flag.String("style", "flow", "flow (as cbrn writes) or block (as PyYAML writes)")
	out := flag.String("out", "", "folder to write into (created)")
	flag.Parse()
	if *out == "" || (*style != "flow" && *style != "block") {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*id, *n, *style, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(id string, n int, style, out string) error {
	data, name, ok := questionnaires.File(id)
	if !ok {
		return fmt.Errorf("no shipped questionnaire %q", id)
	}
	q, err := questionnaire.Parse(name, data)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o700); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "questionnaire.yaml"), data, 0o600); err != nil {
		return err
	}
	for i := 1; i <= n; i++ {
		b, err := exporttest.Assessment(q, uint64(i)).Marshal()
		if err != nil {
			return err
		}
		if style == "block" {
			if b, err = block(b); err != nil {
				return err
			}
		}
		if err := os.WriteFile(filepath.Join(out, fmt.Sprintf("assessment-%05d.answers.yaml", i)), b, 0o600); err != nil {
			return err
		}
	}
	return nil
}

// block rewrites a file in block style with single-quoted texts.
func block(data []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
			n.Style = 0
		}
		if n.Style == yaml.DoubleQuotedStyle {
			n.Style = yaml.SingleQuotedStyle
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}
