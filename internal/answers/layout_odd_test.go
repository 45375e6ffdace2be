package answers

import "testing"

// Comments anywhere YAML allows them are kept or moved, and the saved file always reads back
// with the same answers.
func TestOddCommentsStillRoundTrip(t *testing.T) {
	for _, src := range []string{
		"schema: cbrn.answers/v1\nquestionnaire: # q\n  id: q # id\nanswers:\n  A:\n    # head of value\n    {value: 1}\n",
		"schema: cbrn.answers/v1\nquestionnaire: {id: q}\nanswers: # none yet\n  {}\n# foot\n",
		"# top\n\n\n# second block\nschema: cbrn.answers/v1 # s\n# between\nquestionnaire: {id: q}\nrespondent:\n  name: Ada # me\n  # org next\n  organisation: X\nanswers:\n  A: {value: [a, # first\n    b]}\n  B:\n    na: true\n    # why\n    note: \"no plant\" # really\n  # foot of answers\n# end\n",
		"schema: cbrn.answers/v1\nquestionnaire: {id: q}\nanswers:\n\n\n  A: {value: 1}\n\n  B: {value: 2}\n\n\n",
		"schema: cbrn.answers/v1\nquestionnaire: {id: q}\nanswers:\n  A: {value: 1}\n  # cbrn:blank-line\n  B: {value: 2}\n",
	} {
		f, err := Parse("a.yaml", []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		out, err := f.Marshal()
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		back, err := Parse("a.yaml", out)
		if err != nil {
			t.Fatalf("%q saved as\n%s\ndoes not read back: %v", src, out, err)
		}
		if len(back.Order) != len(f.Order) {
			t.Errorf("%q: %d answers read back, want %d:\n%s", src, len(back.Order), len(f.Order), out)
		}
		again, _ := back.Marshal()
		if string(again) != string(out) {
			t.Errorf("%q: second save differs:\n%s\nthen\n%s", src, out, again)
		}
	}
}
