package prompt

import (
	"slices"
	"strings"
	"testing"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// Messages wrap between words, by display width (é is one column, 漢 two), with a hanging
// indent, and keep their own line breaks.
func TestWrapMessage(t *testing.T) {
	got := WrapMessage("cbrn: la question défaillante 漢字漢字 est introuvable dans le fichier\n  cbrn assess --accessible x", 24)
	want := []string{
		"cbrn: la question",
		"  défaillante 漢字漢字",
		"  est introuvable dans",
		"  le fichier",
		"  cbrn assess",
		"    --accessible x",
	}
	if lines := strings.Split(got, "\n"); !slices.Equal(lines, want) {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	for _, l := range strings.Split(got, "\n") {
		if textfmt.DisplayWidth(l) > 24 {
			t.Errorf("%q is wider than 24 columns", l)
		}
	}
}
