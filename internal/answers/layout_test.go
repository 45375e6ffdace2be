package answers

import (
	"strings"
	"testing"
)

// A hand-edited answers file keeps its comments and blank lines when it is saved again, beside
// the keys and answers they stand by, whatever answers change, come or go.
func TestCommentsAndBlankLinesSurviveASave(t *testing.T) {
	const edited = `# Examplia national assessment
# edited by hand after the workshop

schema: cbrn.answers/v1
questionnaire: {id: cbrn-core, version: 1.0.0} # the shipped one
language: en

answers:
  # governance
  PRV-GOV-01: {value: 3} # checked with the ministry

  # detection, to redo
  PRV-GOV-02:
    value: 2 # was 1
    note: "x"
  PRV-GOV-03: {value: 1}
# end of file
`
	f, err := Parse("a.answers.yaml", []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	f.Set("PRV-GOV-01", &Answer{Value: 4}) // changed
	f.Delete("PRV-GOV-03")                 // gone
	f.Set("PRV-GOV-04", &Answer{Unknown: true})
	got, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	const want = `# Examplia national assessment
# edited by hand after the workshop

schema: cbrn.answers/v1
questionnaire: {id: cbrn-core, version: 1.0.0} # the shipped one
language: en

answers:
  # governance
  PRV-GOV-01: {value: 4} # checked with the ministry

  # detection, to redo
  # was 1
  PRV-GOV-02: {value: 2, note: "x"}
  PRV-GOV-04: {unknown: true}
# end of file
`
	if string(got) != want {
		t.Errorf("saved as\n%s\nwant\n%s", got, want)
	}
	// And again: a second save changes nothing.
	back, err := Parse("a.answers.yaml", got)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := back.Marshal()
	if string(again) != string(got) {
		t.Errorf("second save differs:\n%s", again)
	}
	// A file without comments is written as before.
	plain, _ := Parse("b.yaml", []byte("schema: cbrn.answers/v1\nquestionnaire: {id: q}\nanswers:\n  A: {value: 1}\n"))
	out, _ := plain.Marshal()
	if strings.Contains(string(out), "#") || strings.Contains(string(out), "\n\n") {
		t.Errorf("comments or blank lines from nowhere:\n%s", out)
	}
}
