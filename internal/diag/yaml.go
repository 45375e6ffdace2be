package diag

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// yamlLine splits an error of the YAML library that gives a line, "yaml: line N: text" (text of
// one line), into N and text.
func yamlLine(msg string) (line int, text string, ok bool) {
	rest, ok := strings.CutPrefix(msg, "yaml: line ")
	i := 0
	for i < len(rest) && '0' <= rest[i] && rest[i] <= '9' {
		i++
	}
	if !ok || i == 0 || !strings.HasPrefix(rest[i:], ": ") || strings.Contains(rest[i+2:], "\n") {
		return 0, "", false
	}
	line, _ = strconv.Atoi(rest[:i])
	return line, rest[i+2:], true
}

// ParseFile checks that data is a file of at most maxSize bytes of UTF-8 text holding one YAML
// document, and returns its root; nil when any of that is not so (the problems are in l).
func ParseFile(l *List, data []byte, maxSize int) *yaml.Node {
	if len(data) > maxSize {
		l.AtPos(0, 0, "the file is larger than %d MiB", maxSize>>20)
		return nil
	}
	if !utf8.Valid(data) {
		l.AtPos(0, 0, "the file is not UTF-8 text")
		return nil
	}
	root := ParseYAML(l, data)
	if l.Len() > 0 {
		return nil
	}
	return root
}

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
		addYAMLError(l, data, err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		l.At(&extra, "a second YAML document starts here; a file holds exactly one")
	} else if !errors.Is(err, io.EOF) {
		addYAMLError(l, data, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		l.AtPos(0, 0, "the file is empty")
		return nil
	}
	root := doc.Content[0]
	refuseAliases(l, root, 0)
	// The document's own comments (those at the top and the bottom of the file) go with its root,
	// for callers that keep comments.
	if doc.HeadComment != "" {
		root.HeadComment = strings.TrimPrefix(doc.HeadComment+"\n"+root.HeadComment, "\n")
		root.HeadComment = strings.TrimSuffix(root.HeadComment, "\n")
	}
	if doc.FootComment != "" {
		root.FootComment = strings.TrimPrefix(root.FootComment+"\n"+doc.FootComment, "\n")
	}
	return root
}

// addYAMLError records a syntax error. The YAML library gives a line for most errors and never a
// column; errors without a line are on the first line, except those found while reading the
// characters (control characters) or resolving aliases, whose position is searched for here.
func addYAMLError(l *List, data []byte, err error) {
	msg := err.Error()
	if line, text, ok := yamlLine(msg); ok {
		// The parser (unlike the scanner) reports lines counted from 0.
		if isParserError(text) {
			line++
		}
		l.AtPos(line, 1, "YAML syntax error: %s%s", text, quotingHint(data, line, text))
		return
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line, col := 1, 1
	switch {
	case strings.HasPrefix(msg, "control characters are not allowed"):
		if i := strings.IndexFunc(string(data), isControl); i >= 0 {
			line, col = position(data, i)
			msg = fmt.Sprintf("control character %U is not allowed; remove it or write it as an escape in a double-quoted string", []rune(string(data[i:]))[0])
		}
	case strings.HasPrefix(msg, "unknown anchor '"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		if i := strings.Index(string(data), "*"+name); i >= 0 {
			line, col = position(data, i)
		}
	}
	l.AtPos(line, col, "YAML syntax error: %s%s", msg, quotingHint(data, line, msg))
}

// quotingHint explains the commonest cause of two cryptic errors: a text holding ": " (or, in
// French typography, " : "), or a "?" inside { } — both must be quoted.
func quotingHint(data []byte, line int, msg string) string {
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return ""
	}
	text := string(lines[line-1])
	switch {
	case strings.HasPrefix(msg, "mapping values are not allowed"):
		return `; if a text holds ": ", put it in quotes, e.g. text: "Note: see annex 2"`
	case strings.HasPrefix(msg, "did not find expected ',' or '}'"):
		// More ": " than keys in the mapping means one is inside a text.
		if i := strings.IndexByte(text, '{'); i >= 0 {
			flow := text[i:]
			if strings.Contains(flow, "?") || strings.Count(flow, ": ") > strings.Count(flow, ",")+strings.Count(flow, "{") {
				return `; inside { }, a text with "?" or ": " must be in quotes, e.g. {en: "Is it done?"}`
			}
		}
	}
	return ""
}

// isParserError tells the YAML parser's messages from the scanner's.
func isParserError(msg string) bool {
	for _, prefix := range []string{"did not find expected ", "found undefined tag handle",
		"found duplicate %YAML directive", "found incompatible YAML document", "found duplicate %TAG directive"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

// isControl reports the characters YAML refuses in a file.
func isControl(r rune) bool {
	switch {
	case r == 0x09, r == 0x0A, r == 0x0D, r >= 0x20 && r <= 0x7E, r == 0x85,
		r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return false
	}
	return true
}

// position turns a byte offset into a 1-based line and column (in characters).
func position(data []byte, offset int) (line, col int) {
	before := data[:offset]
	line = 1 + bytes.Count(before, []byte("\n"))
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, 1 + utf8.RuneCount(before)
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
		if r := []rune(v); len(r) > 40 {
			v = string(r[:40]) + "…"
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
	rs := lowerRunes(nil, s)
	limit := 2
	if len(s) <= 4 {
		limit = 1
	}
	// A candidate that shares no letter with s is not a typo of it ("X" is not a misspelt "C").
	limit = min(limit, len(rs)-1)
	if limit < 0 || len(rs) > maxSuggestLength || len(candidates) > maxSuggestCandidates {
		return ""
	}
	var rows [3][maxSuggestLength + 1]int
	var rc []rune
	best, bestD := "", limit+1
	for _, c := range candidates {
		if len(c) > 4*maxSuggestLength {
			continue
		}
		rc = lowerRunes(rc[:0], c)
		if len(rc) > maxSuggestLength || abs(len(rc)-len(rs)) >= bestD {
			continue
		}
		if d := distanceWithin(rs, rc, bestD-1, rows[0][:], rows[1][:], rows[2][:]); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Hints are for typos in lists a person wrote: longer words and longer lists are not compared,
// so that a hostile file cannot make the search slow.
const (
	maxSuggestLength     = 64
	maxSuggestCandidates = 10000
)

func lowerRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, unicode.ToLower(r))
	}
	return buf
}

// distance is the Damerau (optimal string alignment) edit distance, so that swapped letters count once.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	n := len(rb) + 1
	return distanceWithin(ra, rb, max(len(ra), len(rb)), make([]int, n), make([]int, n), make([]int, n))
}

// distanceWithin is the optimal string alignment distance of a and b when it is at most k, else
// k+1. Only the band of cells within k of the diagonal is computed, and it stops as soon as a
// whole row exceeds k. The three row buffers hold at least len(b)+1 cells.
func distanceWithin(a, b []rune, k int, prev2, prev, cur []int) int {
	big := k + 1
	if abs(len(a)-len(b)) > k {
		return big
	}
	n := len(b)
	for j := 0; j <= n; j++ {
		prev[j], prev2[j] = min(j, big), big
	}
	for i := 1; i <= len(a); i++ {
		// Cells just outside the band are read by this row and the next: they hold big.
		lo, hi := max(1, i-k), min(n, i+k)
		cur[0] = min(i, big)
		if lo > 1 {
			cur[lo-1] = big
		}
		rowMin := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = min(d, big)
			rowMin = min(rowMin, cur[j])
		}
		if hi < n {
			cur[hi+1] = big
		}
		if rowMin > k {
			return big
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[n]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
