package diag

import (
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// ParseYAML decodes a single YAML document into a node tree. Syntax errors, empty files,
// several documents and aliases are recorded in l; the root is nil when nothing usable was read.
func ParseYAML(l *List, data []byte) *yaml.Node {
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			l.AtPos(0, 0, "the file is empty")
			return nil
		}
		addYAMLError(l, err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		l.At(&extra, "a second YAML document starts here; a file holds exactly one")
	} else if !errors.Is(err, io.EOF) {
		addYAMLError(l, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		l.AtPos(0, 0, "the file is empty")
		return nil
	}
	root := doc.Content[0]
	refuseAliases(l, root, 0)
	return root
}

func addYAMLError(l *List, err error) {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		l.AtPos(line, 1, "YAML syntax error: %s", m[2])
		return
	}
	l.AtPos(0, 0, "YAML syntax error: %s", strings.TrimPrefix(msg, "yaml: "))
}

// maxDepth bounds recursion on hostile, deeply nested documents.
const maxDepth = 200

func refuseAliases(l *List, n *yaml.Node, depth int) {
	if depth > maxDepth {
		l.At(n, "nesting is deeper than %d levels", maxDepth)
		return
	}
	if n.Kind == yaml.AliasNode {
		l.At(n, "YAML aliases (*%s) are not allowed; write the value out in full", n.Value)
		return
	}
	for _, c := range n.Content {
		refuseAliases(l, c, depth+1)
	}
}

// Field is one key of a mapping with its value.
type Field struct {
	Key   *yaml.Node
	Value *yaml.Node
}

// Fields checks that n is a mapping whose keys are all among known, each at most once. It
// records a problem for every other key and returns the fields found, by key.
func Fields(l *List, n *yaml.Node, what string, known ...string) map[string]Field {
	out := map[string]Field{}
	if n.Kind != yaml.MappingNode {
		l.At(n, "%s must be a mapping of keys to values, not %s", what, KindName(n))
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if prev, dup := out[k.Value]; dup {
			l.At(k, "duplicate key %q in %s (first at line %d)", k.Value, what, prev.Key.Line)
			continue
		}
		if !contains(known, k.Value) {
			if s := Suggest(k.Value, known); s != "" {
				l.At(k, "unknown key %q in %s; did you mean %q?", k.Value, what, s)
			} else {
				l.At(k, "unknown key %q in %s (allowed: %s)", k.Value, what, strings.Join(known, ", "))
			}
			out[k.Value] = Field{Key: k} // remember it for duplicate detection only
			continue
		}
		out[k.Value] = Field{Key: k, Value: v}
	}
	for k, f := range out {
		if f.Value == nil {
			delete(out, k)
		}
	}
	return out
}

// KindName describes a node's kind for messages.
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return "a single value"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a document"
}

// String reads a scalar as a string (any scalar: an unquoted 1.0 is the string "1.0").
func String(l *List, n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		l.At(n, "%s must be a single value, not %s", what, KindName(n))
		return "", false
	}
	return n.Value, true
}

// Int reads a whole number.
func Int(l *List, n *yaml.Node, what string) (int, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		if v, err := strconv.Atoi(n.Value); err == nil {
			return v, true
		}
	}
	l.At(n, "%s must be a whole number, not %s", what, describe(n))
	return 0, false
}

// Float reads a number.
func Float(l *List, n *yaml.Node, what string) (float64, bool) {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		if v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil {
			return v, true
		}
	}
	l.At(n, "%s must be a number, not %s", what, describe(n))
	return 0, false
}

// Bool reads true or false.
func Bool(l *List, n *yaml.Node, what string) (bool, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		var b bool
		if err := n.Decode(&b); err == nil {
			return b, true
		}
	}
	l.At(n, "%s must be true or false, not %s", what, describe(n))
	return false, false
}

// Strings reads a list of single values (a lone value is not accepted: lists are written as lists).
func Strings(l *List, n *yaml.Node, what string) ([]string, []*yaml.Node, bool) {
	if n.Kind != yaml.SequenceNode {
		l.At(n, "%s must be a list, not %s", what, KindName(n))
		return nil, nil, false
	}
	out := make([]string, 0, len(n.Content))
	nodes := make([]*yaml.Node, 0, len(n.Content))
	ok := true
	for _, c := range n.Content {
		s, good := String(l, c, what+" item")
		if !good {
			ok = false
			continue
		}
		out = append(out, s)
		nodes = append(nodes, c)
	}
	return out, nodes, ok
}

func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		v := n.Value
		if len(v) > 40 {
			v = v[:40] + "…"
		}
		return strconv.Quote(v)
	}
	return KindName(n)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Suggest returns the candidate closest to s when it is close enough to be a likely typo.
func Suggest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := distance(strings.ToLower(s), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	limit := 2
	if len(s) <= 4 {
		limit = 1
	}
	if bestD <= limit {
		return best
	}
	return ""
}

// distance is the Damerau (optimal string alignment) edit distance, so that swapped letters count once.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 20
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
