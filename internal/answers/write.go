package answers

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/cbrn-tool/cbrn/internal/atomicfile"
)

// Marshal renders the file as YAML: fixed key order, one answer per line, answers in Order, with
// the comments and blank lines the file had when it was read, beside the same keys and answers.
func (f *File) Marshal() ([]byte, error) {
	if f.readOnly {
		// A defect of the calling code: written now, the file would lose its comments.
		return nil, fmt.Errorf("%s was read for reading only (answers.Read), without its comments: load it with answers.Load to write it", f.Path)
	}
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(parent *yaml.Node, key string, value *yaml.Node) {
		parent.Content = append(parent.Content, str(key), value)
	}
	add(root, "schema", str(Schema))
	ref := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	add(ref, "id", str(f.Questionnaire.ID))
	if f.Questionnaire.Version != "" {
		add(ref, "version", str(f.Questionnaire.Version))
	}
	if f.Questionnaire.Digest != "" {
		add(ref, "digest", str(f.Questionnaire.Digest))
	}
	add(root, "questionnaire", ref)
	resp := &yaml.Node{Kind: yaml.MappingNode}
	for _, kv := range [][2]string{{"name", f.Respondent.Name}, {"organisation", f.Respondent.Organisation},
		{"country", f.Respondent.Country}, {"role", f.Respondent.Role}} {
		if kv[1] != "" {
			add(resp, kv[0], str(kv[1]))
		}
	}
	if len(resp.Content) > 0 {
		add(root, "respondent", resp)
	}
	if f.Language != "" {
		add(root, "language", str(f.Language))
	}
	if !f.Created.IsZero() {
		add(root, "created", stamp(f.Created))
	}
	if !f.Updated.IsZero() {
		add(root, "updated", stamp(f.Updated))
	}
	list := &yaml.Node{Kind: yaml.MappingNode}
	if len(f.Order) == 0 {
		list.Style = yaml.FlowStyle
	}
	for _, id := range f.Order {
		a := f.Answers[id]
		if a == nil {
			continue
		}
		n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		switch {
		case a.NA:
			add(n, "na", scalar("!!bool", "true"))
		case a.Unknown:
			add(n, "unknown", scalar("!!bool", "true"))
		case a.Value == nil:
			// only a note: a question to answer again
		default:
			add(n, "value", valueNode(a.Value, a.raw))
		}
		if a.Confidence != "" {
			add(n, "confidence", str(a.Confidence))
		}
		if a.Note != "" {
			add(n, "note", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: a.Note, Style: yaml.DoubleQuotedStyle})
		}
		if a.Agreed != nil {
			ag := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
			add(ag, "reason", quoted(a.Agreed.Reason))
			if !a.Agreed.At.IsZero() {
				add(ag, "at", stamp(a.Agreed.At))
			}
			add(n, "agreed", ag)
		}
		if !a.At.IsZero() {
			add(n, "at", stamp(a.At))
		}
		add(list, id, n)
	}
	add(root, "answers", list)
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
	f.layout.restore(doc) // the comments and blank lines of a hand-edited file
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return blankLines(buf.Bytes()), nil
}

// Save writes the file atomically with owner-only permissions.
func (f *File) Save(path string) error {
	data, err := f.Marshal()
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(path, data)
}

func quoted(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}

func str(s string) *yaml.Node { return scalar("!!str", s) }

func scalar(tag, v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v} }

func stamp(t time.Time) *yaml.Node { return str(t.UTC().Format(time.RFC3339)) }

func valueNode(v any, raw string) *yaml.Node {
	if n := asWritten(v, raw); n != nil {
		return n
	}
	switch x := v.(type) {
	case int:
		return scalar("!!int", strconv.Itoa(x))
	case float64:
		// YAML's own spellings, so that the value reads back as the same number.
		switch {
		case math.IsNaN(x):
			return scalar("!!float", ".nan")
		case math.IsInf(x, 1):
			return scalar("!!float", ".inf")
		case math.IsInf(x, -1):
			return scalar("!!float", "-.inf")
		}
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return scalar("!!int", strconv.FormatFloat(x, 'f', -1, 64))
		}
		return scalar("!!float", strconv.FormatFloat(x, 'g', -1, 64))
	case bool:
		return scalar("!!bool", strconv.FormatBool(x))
	case string:
		return str(x)
	case []string:
		n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, s := range x {
			n.Content = append(n.Content, str(s))
		}
		return n
	}
	return str(raw)
}

// asWritten keeps a number as it was written (0x1F, 1_250, 1e6) when that spelling still reads
// as the same value, so that saving does not rewrite answers; nil when it does not apply.
func asWritten(v any, raw string) *yaml.Node {
	var want float64
	switch x := v.(type) {
	case int:
		want = float64(x)
	case float64:
		want = x
	default:
		return nil
	}
	if raw == "" {
		return nil
	}
	var doc yaml.Node
	if yaml.Unmarshal([]byte(raw), &doc) != nil || len(doc.Content) != 1 {
		return nil
	}
	n := doc.Content[0]
	var got float64
	if n.Kind != yaml.ScalarNode || n.Style != 0 || (n.Tag != "!!int" && n.Tag != "!!float") || n.Decode(&got) != nil {
		return nil
	}
	if got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
		return nil
	}
	return scalar(n.Tag, raw)
}
