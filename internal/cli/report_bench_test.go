package cli

import (
	"io"
	"strings"
	"testing"
	"time"
)

// BenchmarkReport is everything a `cbrn report` of the full Examplia sample does in the
// process once it has started: build the commands, load the shipped questionnaire the answers
// name, read and check the answers, score, render. The start of the process itself (the
// runtime and the packages' initialisation) is measured on the binary: see
// testdata/perf/README.md.
func BenchmarkReport(b *testing.B) {
	for _, format := range []string{"table", "json"} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s := &Streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }, Now: time.Now}
				if code := Main(s, []string{"report", "../../questionnaires/samples/examplia.answers.yaml", "-o", format}); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

// BenchmarkQuestionnaireLoad loads the newest shipped cbrn-core as every command does: from its
// generated code, and (for comparison) by parsing its YAML.
func BenchmarkQuestionnaireLoad(b *testing.B) {
	src, err := refSource("cbrn-core")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("compiled", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := src.load(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("yaml", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := fileSource("../../questionnaires/cbrn-core/" + strings.TrimPrefix(src.key, "shipped:cbrn-core@") + ".yaml").load(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
