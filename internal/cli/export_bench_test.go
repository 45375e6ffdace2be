package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/export"
	"github.com/cbrn-tool/cbrn/internal/export/exporttest"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// benchQuestionnaire is the shipped cbrn-core (the quick check before it shipped).
func benchQuestionnaire(b *testing.B) *questionnaire.Questionnaire {
	b.Helper()
	id := "cbrn-core"
	if _, _, ok := questionnaires.File(id); !ok {
		id = "cbrn-quick"
	}
	q, err := loadQuestionnaire(id)
	if err != nil {
		b.Fatal(err)
	}
	return q
}

// benchSizes are the numbers of assessments benchmarked; time per assessment should not depend
// on them.
var benchSizes = []int{1000, 10000}

func benchCorpus(b *testing.B, q *questionnaire.Questionnaire, n int) (dir string, paths []string, bytes int64) {
	b.Helper()
	dir, err := exporttest.Cached(q, n)
	if err != nil {
		b.Fatal(err)
	}
	inputs, problems := export.Expand([]string{dir})
	if len(problems) > 0 || len(inputs) != n {
		b.Fatalf("corpus %s: %d files, problems %v", dir, len(inputs), problems)
	}
	for _, in := range inputs {
		st, err := os.Stat(in.Path)
		if err != nil {
			b.Fatal(err)
		}
		bytes += st.Size()
		paths = append(paths, in.Path)
	}
	b.Logf("corpus: %d assessments of %s in %s, %.1f MB", n, q.ID, dir, float64(bytes)/1e6)
	return dir, paths, bytes
}

// BenchmarkExport runs the export command end to end (expand the folder, read the heads, parse,
// check, score, build and write the rows) on n generated assessments.
func BenchmarkExport(b *testing.B) {
	q := benchQuestionnaire(b)
	for _, n := range benchSizes {
		dir, _, size := benchCorpus(b, q, n)
		for _, c := range []struct{ format, level string }{{"csv", "pillar"}, {"csv", "question"}, {"json", "question"}} {
			b.Run(fmt.Sprintf("n=%d/%s/%s", n, c.format, c.level), func(b *testing.B) {
				b.SetBytes(size)
				for b.Loop() {
					s := &Streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }, Now: time.Now}
					if code := Main(s, []string{"export", dir, "-o", c.format, "--level", c.level}); code != 0 {
						b.Fatalf("exit %d", code)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/assessment")
			})
		}
		// The same export on one worker: the speed-up of the default shows the parsing uses
		// every core (when the machine has them free).
		b.Run(fmt.Sprintf("n=%d/csv/pillar/workers=1", n), func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				s := &Streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }, Now: time.Now}
				opts := &ExportOptions{Inputs: []string{dir}, docFlags: docFlags{Output: "csv"}, Level: "pillar", Workers: 1}
				if err := runExport(context.Background(), s, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/assessment")
		})
	}
}

// BenchmarkExportXLSX writes the full workbook (six sheets) of n assessments to a file.
func BenchmarkExportXLSX(b *testing.B) {
	q := benchQuestionnaire(b)
	for _, n := range benchSizes {
		dir, _, size := benchCorpus(b, q, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.SetBytes(size)
			out := filepath.Join(b.TempDir(), "out.xlsx")
			for b.Loop() {
				os.Remove(out)
				var errs bytes.Buffer
				s := &Streams{In: strings.NewReader(""), Out: io.Discard, Err: &errs, Getenv: func(string) string { return "" }, Now: time.Now}
				if code := Main(s, []string{"export", dir, "-o", "xlsx", "--out", out}); code != 0 {
					b.Fatalf("exit %d: %s", code, errs.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/assessment")
		})
	}
}

// BenchmarkDecode is the floor the export is measured against: reading and decoding the same
// files (answers.Load), sequentially and on all cores, nothing else.
func BenchmarkDecode(b *testing.B) {
	q := benchQuestionnaire(b)
	for _, n := range benchSizes {
		_, paths, size := benchCorpus(b, q, n)
		for _, workers := range []int{1, runtime.NumCPU()} {
			b.Run(fmt.Sprintf("n=%d/workers=%d", n, workers), func(b *testing.B) {
				b.SetBytes(size)
				for b.Loop() {
					err := export.Ordered(context.Background(), len(paths), workers, 8*workers,
						func(i int) error { _, err := answers.Load(paths[i]); return err },
						func(i int, err error) error { return err })
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/assessment")
			})
		}
	}
}
