package diag

import (
	"regexp"
	"strconv"
	"testing"
)

// yamlLine splits what the expression ^yaml: line (\d+): (.*)$ matched, and nothing else.
func TestYAMLLineAsRegexp(t *testing.T) {
	re := regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	for _, msg := range []string{
		"yaml: line 3: mapping values are not allowed in this context",
		"yaml: line 12: did not find expected key",
		"yaml: line : x", "yaml: line 3:x", "yaml: line 3: two\nlines", "yaml: line 3: ",
		"yaml: control characters are not allowed", "x yaml: line 3: y", "yaml: line ３: x",
	} {
		line, text, ok := yamlLine(msg)
		m := re.FindStringSubmatch(msg)
		if ok != (m != nil) {
			t.Errorf("%q: split %v, the expression matched %v", msg, ok, m != nil)
			continue
		}
		if ok && (strconv.Itoa(line) != m[1] || text != m[2]) {
			t.Errorf("%q: %d %q, the expression says %s %q", msg, line, text, m[1], m[2])
		}
	}
}
