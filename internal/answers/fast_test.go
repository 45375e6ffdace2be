package answers_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/cbrn-tool/cbrn/internal/answers"
	"github.com/cbrn-tool/cbrn/internal/export/exporttest"
	"github.com/cbrn-tool/cbrn/internal/questionnaire"
	"github.com/cbrn-tool/cbrn/questionnaires"
)

// sameAsYAML checks the fast path against the YAML path on data: when the fast path accepts a
// file, the YAML path accepts it too, without a problem, and reads every field, value, line and
// column the same. It reports whether the fast path accepted.
func sameAsYAML(t testing.TB, data []byte) bool {
	t.Helper()
	fast := answers.ParseFast("f.answers.yaml", data)
	if fast == nil {
		return false
	}
	slow, err := answers.ParseYAML("f.answers.yaml", data)
	if err != nil {
		t.Fatalf("the fast path accepts what the YAML path refuses:\n%v\n--- file:\n%s", err, data)
	}
	// The comments and blank lines kept for the next save are part of the File (unexported),
	// which DeepEqual compares too; the saved files must then be the same.
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("the two paths differ:\nfast %s\nyaml %s\n--- file:\n%s", dump(fast), dump(slow), data)
	}
	fastOut, err1 := fast.Marshal()
	slowOut, err2 := slow.Marshal()
	if (err1 == nil) != (err2 == nil) || !bytes.Equal(fastOut, slowOut) {
		t.Fatalf("the two paths save differently:\nfast (%v)\n%s\nyaml (%v)\n%s\n--- file:\n%s", err1, fastOut, err2, slowOut, data)
	}
	return true
}

func dump(f *answers.File) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%#v\n%s\n", *f, answers.DumpLayout(f))
	for _, id := range f.Order {
		fmt.Fprintf(&b, "  %s: %#v\n", id, *f.Answers[id])
	}
	return b.String()
}

// restyle rewrites a file as other programs write YAML: every mapping and list in block style
// (as PyYAML's safe_dump does), and, when single is true, texts single-quoted instead of
// double-quoted.
func restyle(t testing.TB, data []byte, single bool) []byte {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
			n.Style = 0
		}
		if single && n.Style == yaml.DoubleQuotedStyle {
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
		t.Fatal(err)
	}
	return buf.Bytes()
}

func shipped(t testing.TB) []*questionnaire.Questionnaire {
	t.Helper()
	var qs []*questionnaire.Questionnaire
	for _, id := range questionnaires.IDs() {
		data, name, _ := questionnaires.File(id)
		q, err := questionnaire.Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
	q, err := questionnaire.Load("../../testdata/questionnaire/valid/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return append(qs, q)
}

// The fast path takes the files cbrn writes, and the same in block style with either quotes,
// as other programs write them: else an export would not gain from it.
func TestFastPathTakesWrittenFiles(t *testing.T) {
	for _, q := range shipped(t) {
		for seed := uint64(1); seed <= 20; seed++ {
			data, err := exporttest.Assessment(q, seed).Marshal()
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range []struct {
				name string
				data []byte
			}{{"flow", data}, {"block", restyle(t, data, false)}, {"block-single", restyle(t, data, true)}} {
				if !sameAsYAML(t, v.data) {
					t.Fatalf("%s seed %d, %s style: the fast path declines\n%s", q.ID, seed, v.name, v.data)
				}
			}
		}
	}
}

// The shipped sample has comments and blank lines, as files edited by hand have: the fast path
// takes it, and keeps them as the YAML path does.
func TestFastPathTakesCommentedSample(t *testing.T) {
	data, err := os.ReadFile("../../questionnaires/samples/examplia.answers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("\n  # ")) || !bytes.Contains(data, []byte("\n\n")) {
		t.Fatal("the sample has no comments or blank lines any more: this test needs another file")
	}
	if !sameAsYAML(t, data) {
		t.Fatal("the fast path declines the shipped sample")
	}
}

// commented are files with comments and blank lines where people put them, for the fuzz test
// to start from.
var commented = []string{
	"# Examplia national assessment\n# edited by hand after the workshop\n\nschema: cbrn.answers/v1\n" +
		"questionnaire: {id: cbrn-core, version: 1.0.0} # the shipped one\nlanguage: en\n\nanswers:\n  # governance\n" +
		"  PRV-GOV-01: {value: 3} # checked with the ministry\n\n  # detection, to redo\n  PRV-GOV-02:\n    value: 2 # was 1\n" +
		"    note: \"x\"\n  PRV-GOV-03: {value: 1}\n# end of file\n",
	"schema: cbrn.answers/v1 # s\n# foot\n\n# head\nquestionnaire:\n  id: q # the id\n  version: '1'\nrespondent:\n  name: Ada # me\n" +
		"\n# r\nanswers:\n  A: {value: [a, b], note: 'a # b'} # t\n  # B next\n  B:\n    na: true\n    note: \"no plant\" # really\n" +
		"  # foot of B\n\n\n  C:\n    value:\n    - x # one\n    - y\n\n# end\n\n",
	"schema: cbrn.answers/v1\nquestionnaire: {id: q}\nanswers:\n\n\n  A: {value: 1}\n\n  B: {value: 2}\n\n\n",
	"schema: cbrn.answers/v1\nquestionnaire: {id: q}\nanswers: {} # none yet\n# foot\n",
}

// Hand-written forms the fast path reads, each checked against the YAML path; and forms it
// must leave to the YAML path.
func TestFastPathForms(t *testing.T) {
	const head = "schema: cbrn.answers/v1\nquestionnaire: {id: q}\n"
	accepted := []string{
		head + "answers: {}\n",
		head + "answers:\n",
		head + "answers: ~  \n",
		"schema: 'cbrn.answers/v1'  \nquestionnaire:\n  id: q\n  version: \"1.0\"\n   \nanswers:\n  A: {value: 3}\n",
		head + "respondent:\nlanguage: fr\nanswers:\n  A: {value: -12, note: ~}\n  B: {value: 0.25}\n  C: {value: True}\n  D: {value: FALSE}\n",
		head + "answers:\n  A:\n    value:\n    - a\n    - 'b c'\n    confidence: assumed\n  B:\n    value:\n      - x\n  C: {value: []}\n",
		head + "answers:\n  A: {value: \"\\u00e9t\\xe9 \\\"quoted\\\" \\\\ \\t\\n\\U0001F600\"}\n  B: {value: 'it''s'}\n",
		head + "answers:\n  A: {value: été à 3 h, at: 2026-11-27T10:05:00+02:00}\n  B: {unknown: true, note: Über}\n",
		head + "answers:\n  A: {value: a.b, note: 'x: y'}\n",
		head + "respondent: {name: Ana, role: ~}\nanswers:\n  A:   {  value:  yes ,  confidence: judgement  }\n",
		head + "answers:\n  A: {value: 1, at: \"2028-02-29T10:00:00Z\"}\n",
		head + "answers:\n  A: {value: 1, agreed: {reason: decree 12/2021 applies, at: 2026-01-01T00:00:00Z}}\n  B: {value: 2, agreed: ~}\n",
		head + "answers:\n  A:\n    value: 1\n    agreed:\n      reason: 'the workshop: agreed'\n    note: x\n",
		// Comments and blank lines, kept for the next save as the YAML path keeps them.
		head + "answers: ~ # none yet\n",
		"# comment\n" + head + "answers: {}\n",
		"# the file\n\n# more\n\n\n# the schema\n" + head + "answers: {}\n",
		head + "\nanswers: {}\n",
		head + "answers:\n  A: {value: a#b, note: \"x # y\"}\n",
		head + "answers: # by hand\n  # first\n  A: {value: 1} # sure\n\n  # second\n\n  # still\n  B: {value: 2}\n  # foot of B\n\n  C: {value: 3}\n",
		head + "respondent: # who\n  name: Ana # me\n  role: r\n# foot of respondent\n\nlanguage: en # the language\n# head of answers\nanswers:\n  A: {value: 1}\n# foot of answers\n\n# the end\n\n",
		head + "answers:\n  A:\n    value: # a list\n    - a # first\n    - b\n    note: x # the note\n  # foot of A\n\n  B: {value: 2}\n  # foot of B\n",
		"schema: cbrn.answers/v1 # plain\n# foot of schema\n\nquestionnaire: {id: q}\nanswers: {}\n",
		"schema: 'cbrn.answers/v1'\n# head of questionnaire\n\nquestionnaire: {id: q}\nanswers: {}\n",
		head + "answers:\n  A: {value: 1}\n  B:\n    value: 2\n    agreed:\n# foot of answers\n\nlanguage: en\n",
		head + "answers:\n  A: {value: 1}\n\n  # at the end, after a blank line\n",
	}
	for _, s := range append(accepted, commented...) {
		data := []byte(s)
		if !sameAsYAML(t, data) {
			t.Errorf("declined:\n%s", s)
		}
	}
	declined := []string{
		// Comments placed where the YAML library's placing of them is not the plain one: inside
		// a value written over several lines, or at another indentation than the key below.
		head + "answers:\n  A:\n    # the value\n    value: 1\n",
		head + "answers:\n  A: {value: 1}\n# dedented\n  B: {value: 2}\n",
		head + "answers:\n  A: {value: 1}\n    # indented\n  B: {value: 2}\n",
		"",
		"# only a comment\n",
		"  " + head + "answers: {}\n",
		"---\n" + head + "answers: {}\n",
		head + "answers: {}\n---\n",
		head + "answers: {}\n...\n",
		head + "answers:\n\tA: {value: 1}\n",
		strings.ReplaceAll(head+"answers: {}\n", "\n", "\r\n"),
		"\ufeff" + head + "answers: {}\n",
		head + "answers:\n  A: {value: 0x1F}\n",
		head + "answers:\n  A: {value: 1_000}\n",
		head + "answers:\n  A: {value: 1e6}\n",
		head + "answers:\n  A: {value: .5}\n",
		head + "answers:\n  A: {value: 017}\n",
		head + "answers:\n  A: {value: +3}\n",
		head + "answers:\n  A: {value: 2026-01-01}\n",
		head + "answers:\n  A: {value: &x 1}\n",
		head + "answers:\n  A: {value: !!str 1}\n",
		head + "answers:\n  A: {value: |\n    text\n  }\n",
		head + "answers:\n  A: {value: \"two\n    lines\"}\n",
		head + "answers:\n  A:\n    note: two\n      lines\n    unknown: true\n",
		head + "answers:\n  A: {value: 1,\n    note: x}\n",
		head + "answers:\n  A: {value: 1, note: x, }\n",
		head + "answers:\n  A: {value: 1}\n  A: {value: 2}\n",
		head + "answers:\n  A: {value: 1, agreed: {at: 2026-01-01T00:00:00Z}}\n",
		head + "answers:\n  A: {value: 1, agreed: {reason: ' '}}\n",
		head + "answers:\n  A: {value: 1, agreed: {reason: r, reason: s}}\n",
		head + "answers:\n  A: {value: 1, agreed: {reason: r, by: me}}\n",
		head + "answers:\n  A: {value: 1, agreed: yes}\n",
		head + "answers:\n  A: {na: false}\n",
		head + "answers:\n  A: {value: 1, unknown: true}\n",
		head + "answers:\n  A: {value: 1, confidence: sure}\n",
		head + "answers:\n  A: {value: 1, at: 2026-13-01T00:00:00Z}\n",
		head + "answers:\n  A: {value: 1, at: 2026-04-31T00:00:00Z}\n",
		head + "answers:\n  A: {value: \"\\/\"}\n",
		head + "answers:\n  A: {value: \"\\ud800\"}\n",
		head + "answers:\n  A: {value: ~}\n",
		head + "answers:\n  A: {value: [a, ~]}\n",
		head + "answers:\n  A: 3\n",
		head + "answers:\n  A:\n",
		head + "answers:\n  - A\n",
		head + "answers:\n  A: {value: 1}\n extra: 1\n",
		head + "answers:\n  A: {value: 1}\nanswers: {}\n",
		head + "answer: {}\n",
		"schema: cbrn.questionnaire/v1\nquestionnaire: {id: q}\nanswers: {}\n",
		"questionnaire: {id: q}\nanswers: {}\n",
		"schema: cbrn.answers/v1\nquestionnaire: {version: 1}\nanswers: {}\n",
		head + "answers:\n  A: {value: 1}#c\n",
		head + "answers:\n  A: {value: \"" + strings.Repeat("x", answers.MaxTextLength+1) + "\"}\n",
		head + "answers:\n  A: {value: a\u0085b}\n",
		head + "answers:\n  A: {value: \"a\"b}\n",
		head + "answers:\n  ? A\n  : {value: 1}\n",
		head + "answers:\n  \"A\": {value: 1}\n",
		head + "answers:\n  É: {value: 1}\n",
		head + "answers:\n  A: {value: 1, at: 2026-02-29T10:00:00Z}\n",
		head + "answers:\n  A: {value: 1, note: x: y}\n",
	}
	for _, s := range declined {
		if answers.ParseFast("f", []byte(s)) != nil {
			t.Errorf("the fast path accepts a form it should leave to the YAML path:\n%s", s)
		}
	}
}

// FuzzFastParse holds the fast path to the YAML path on arbitrary bytes: whatever the fast path
// accepts, the YAML path accepts without a problem and reads the same (fields, values, lines and
// columns); what it declines goes to the YAML path, which is then the whole story.
func FuzzFastParse(f *testing.F) {
	for _, dir := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join("../../testdata/answers", dir, "*.answers.yaml"))
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	samples, _ := filepath.Glob("../../questionnaires/samples/*.answers.yaml")
	for _, p := range samples {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range commented {
		f.Add([]byte(s))
	}
	qs := shipped(f)
	q := qs[len(qs)-1] // the example questionnaire: small files, quick mutations
	for seed := uint64(1); seed <= 4; seed++ {
		data, err := exporttest.Assessment(q, seed).Marshal()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(restyle(f, data, false))
		f.Add(restyle(f, data, true))
	}
	f.Add([]byte("schema: cbrn.answers/v1\nquestionnaire: {id: q}\nanswers:\n  A: {value: 1, agreed: {reason: 'decree 12/2021', at: 2026-01-01T00:00:00Z}}\n" +
		"  B:\n    value: [a, b]\n    agreed:\n      reason: \"the workshop \\u00e9\"\n    note: x # why\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsYAML(t, data)
		readAsYAML(t, data)
	})
}

// readAsYAML: the fast path read for reading only (answers.Read) gives the data the YAML path
// gives, whenever it accepts the file, including files whose comments the fast path cannot
// place (which Load then reads by the YAML path).
func readAsYAML(t testing.TB, data []byte) {
	t.Helper()
	fast := answers.ReadFast("f.answers.yaml", data)
	if fast == nil {
		return
	}
	slow, err := answers.ParseYAML("f.answers.yaml", data)
	if err != nil {
		t.Fatalf("the fast path reads what the YAML path refuses:\n%v\n--- file:\n%s", err, data)
	}
	if got, want := answers.WithoutLayout(fast), answers.WithoutLayout(slow); !reflect.DeepEqual(got, want) {
		t.Fatalf("the two paths read different data:\nfast %s\nyaml %s\n--- file:\n%s", dump(got), dump(want), data)
	}
}

// BenchmarkParse reads one generated cbrn-core assessment, in cbrn's style and in block style,
// and the shipped Examplia sample (edited by hand: comments and blank lines), by each path: the
// fast path is what Parse takes for such files.
func BenchmarkParse(b *testing.B) {
	q := shipped(b)[0]
	data, err := exporttest.Assessment(q, 1).Marshal()
	if err != nil {
		b.Fatal(err)
	}
	sample, err := os.ReadFile("../../questionnaires/samples/examplia.answers.yaml")
	if err != nil {
		b.Fatal(err)
	}
	if answers.ParseFast("examplia.answers.yaml", sample) == nil {
		b.Fatal("the fast path declines the Examplia sample")
	}
	for _, style := range []struct {
		name string
		data []byte
	}{{"flow", data}, {"block", restyle(b, data, true)}, {"examplia", sample}} {
		for _, path := range []struct {
			name  string
			parse func(string, []byte) (*answers.File, error)
		}{{"fast", answers.Parse}, {"yaml", answers.ParseYAML}} {
			b.Run(style.name+"/"+path.name, func(b *testing.B) {
				b.SetBytes(int64(len(style.data)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := path.parse("a.answers.yaml", style.data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
