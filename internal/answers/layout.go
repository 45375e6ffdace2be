package answers

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// layout is what a hand-edited answers file holds beyond its data: its comments and its blank
// lines, kept with the keys and answers they stand by, so that a save does not erase them. YAML
// nodes carry comments; blank lines are noted from the file's lines.
type layout struct {
	docHead, docFoot string
	keys             map[string]*notes // top-level keys: schema, questionnaire, ...
	answers          map[string]*notes // by question id
}

// notes are the comments of one key and its value, as the writer can put them back: those
// before it, the one at the end of its line, those after it; and whether a blank line came
// before it. The writer puts a key and its value on one line (but answers and respondent), so
// comments that stood inside a value written over several lines go before it.
type notes struct {
	head, line, foot string
	blankBefore      bool
}

// blankMark is a comment the writer turns into a blank line.
const blankMark = "#cbrn:blank-line"

// lineAbove is the number of the line just above a key on line keyLine and its head comment:
// where a blank line before the key would be.
func lineAbove(keyLine int, head string) int {
	above := keyLine - strings.Count(head, "\n") - 1
	if head != "" {
		above--
	}
	return above
}

// captureLayout reads the comments and blank lines of a parsed file (root is its top mapping,
// holding the document's own comments too); nil when it has none.
func captureLayout(root *yaml.Node, data []byte) *layout {
	if root == nil || root.Kind != yaml.MappingNode || !bytes.Contains(data, []byte("#")) && !bytes.Contains(data, []byte("\n\n")) {
		return nil
	}
	lines := bytes.Split(data, []byte("\n"))
	blankBefore := func(k *yaml.Node) bool {
		first := lineAbove(k.Line, k.HeadComment)
		return first >= 1 && first <= len(lines) && len(bytes.TrimSpace(lines[first-1])) == 0
	}
	lay := &layout{docHead: root.HeadComment, docFoot: root.FootComment, keys: map[string]*notes{}, answers: map[string]*notes{}}
	take := func(k, v *yaml.Node, first bool) *notes {
		n := &notes{head: joinComments(k.HeadComment, v.HeadComment), foot: joinComments(k.FootComment, v.FootComment),
			blankBefore: !first && blankBefore(k)}
		n.line = joinLine(k.LineComment, v.LineComment)
		if v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode {
			var inner []string
			for _, c := range v.Content {
				walkComments(c, func(s string) { inner = append(inner, s) })
			}
			n.head = joinComments(n.head, strings.Join(inner, "\n"))
		}
		return n
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value == "answers" && v.Kind == yaml.MappingNode {
			lay.keys[k.Value] = &notes{head: joinComments(k.HeadComment, v.HeadComment), line: joinLine(k.LineComment, v.LineComment),
				foot: joinComments(k.FootComment, v.FootComment), blankBefore: i > 0 && blankBefore(k)}
			for j := 0; j+1 < len(v.Content); j += 2 {
				lay.answers[v.Content[j].Value] = take(v.Content[j], v.Content[j+1], j == 0)
			}
			continue
		}
		lay.keys[k.Value] = take(k, v, i == 0)
	}
	return lay
}

func walkComments(n *yaml.Node, f func(string)) {
	for _, s := range []string{n.HeadComment, n.LineComment, n.FootComment} {
		if s != "" {
			f(s)
		}
	}
	for _, c := range n.Content {
		walkComments(c, f)
	}
}

// joinLine joins two end-of-line comments into one line.
func joinLine(a, b string) string {
	if a != "" && b != "" {
		return a + " " + b
	}
	return a + b
}

func joinComments(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}

// apply puts the notes back on the nodes of a mapping written by Marshal: keys and values in
// pairs, by the key's text.
func (n *notes) apply(k, v *yaml.Node) {
	if n == nil {
		return
	}
	k.HeadComment, k.FootComment = n.head, n.foot
	if n.blankBefore {
		k.HeadComment = joinComments(blankMark, k.HeadComment)
	}
	switch {
	case n.line == "":
	case v.Kind == yaml.ScalarNode || v.Style&yaml.FlowStyle != 0:
		v.LineComment = n.line
	default:
		k.LineComment = n.line // a block below the key: the comment ends the key's line
	}
}

// restore applies the layout to the document Marshal built.
func (lay *layout) restore(doc *yaml.Node) {
	if lay == nil {
		return
	}
	doc.HeadComment, doc.FootComment = lay.docHead, lay.docFoot
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		lay.keys[k.Value].apply(k, v)
		if k.Value == "answers" && v.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(v.Content); j += 2 {
				lay.answers[v.Content[j].Value].apply(v.Content[j], v.Content[j+1])
			}
		}
	}
}

// blankLines turns the writer's blank-line marks back into blank lines.
func blankLines(out []byte) []byte {
	if !bytes.Contains(out, []byte(blankMark)) {
		return out
	}
	lines := bytes.SplitAfter(out, []byte("\n"))
	for i, l := range lines {
		if string(bytes.TrimSpace(l)) == blankMark {
			lines[i] = []byte("\n")
		}
	}
	return bytes.Join(lines, nil)
}
