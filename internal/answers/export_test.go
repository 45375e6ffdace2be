package answers

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The two ways of reading an answers file, for the tests of package answers_test (which may
// import what imports answers, such as the generator of assessments).
var (
	ParseFast = parseFast
	ParseYAML = parseYAML
	ReadFast  = readFast
)

// WithoutLayout is f as Read returns it: without the comments and blank lines noted for a save.
func WithoutLayout(f *File) *File {
	c := *f
	c.layout, c.readOnly = nil, true
	return &c
}

// DumpLayout renders the comments and blank lines a file keeps for its next save, for messages.
func DumpLayout(f *File) string {
	if f.layout == nil {
		return "no layout"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "doc head %q foot %q\n", f.layout.docHead, f.layout.docFoot)
	for _, m := range []map[string]*notes{f.layout.keys, f.layout.answers} {
		keys := slices.Sorted(maps.Keys(m))
		for _, k := range keys {
			fmt.Fprintf(&b, "  %s: %+v\n", k, *m[k])
		}
	}
	return b.String()
}
