package textfmt

import (
	"slices"
	"strings"
	"testing"
)

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{
		"":        0,
		"abc":     3,
		"été":     3, // precomposed letters, one column each
		"e\u0301": 1, // e + combining acute: one column, two runes
		"日本":      4, // wide: two columns each, two runes
	} {
		if got := DisplayWidth(s); got != want {
			t.Errorf("DisplayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// Wrapping counts columns, not runes: four wide characters fill 8 columns.
func TestWrapByColumns(t *testing.T) {
	got := Wrap("日本 日本 ab", 5)
	// "日本" is 4 columns; "日本 日本" would be 9 > 5; "日本 ab" would be 7 > 5.
	want := []string{"日本", "日本", "ab"}
	if !slices.Equal(got, want) {
		t.Errorf("Wrap = %q, want %q", got, want)
	}
	// A word longer than the line is cut at the widest prefix that fits: 3 wide characters of
	// 2 columns in 5 columns → 2 per line.
	if got, want := Wrap("日本語", 5), []string{"日本", "語"}; !slices.Equal(got, want) {
		t.Errorf("Wrap long = %q, want %q", got, want)
	}
	// A no-break space holds its neighbours: "a b c" in 3 columns would be "a b", "c", but with
	// a no-break space between b and c the line breaks at the ordinary space only.
	if got, want := Wrap("a b\u00a0c", 3), []string{"a", "b\u00a0c"}; !slices.Equal(got, want) {
		t.Errorf("Wrap no-break = %q, want %q", got, want)
	}
	if got := Wrap("", 10); !slices.Equal(got, []string{""}) {
		t.Errorf("Wrap(\"\") = %q, want one empty line", got)
	}
}

func TestWriteWrappedIndents(t *testing.T) {
	var b strings.Builder
	WriteWrapped(&b, "one two three four", "- ", "  ", 10)
	// width 10 minus the 2 of the indent leaves 8: "one two" (7), "three" (5 + 1 + 4 > 8), "four".
	want := "- one two\n  three\n  four\n"
	if b.String() != want {
		t.Errorf("WriteWrapped = %q, want %q", b.String(), want)
	}
}

func TestMarkdownEscapes(t *testing.T) {
	got := Markdown("a|b *c* [d](e) <f>\n\x1b[31mg")
	want := `a\|b \*c\* \[d\](e) \<f\> \\x1b\[31mg`
	if got != want {
		t.Errorf("Markdown = %q, want %q", got, want)
	}
}

func TestMarkdownTable(t *testing.T) {
	var b strings.Builder
	MarkdownTable(&b, []string{"a", "n"}, [][]string{{"x", "1"}}, []bool{false, true})
	want := "| a | n |\n|---|--:|\n| x | 1 |\n"
	if b.String() != want {
		t.Errorf("MarkdownTable = %q, want %q", b.String(), want)
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		text  string
		width int
		want  []string
	}{
		{"a bb ccc", 4, []string{"a bb", "ccc"}},
		{"", 10, []string{""}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"x abcdefghij", 4, []string{"x", "abcd", "efgh", "ij"}},
		{"é è ê", 3, []string{"é è", "ê"}},
	} {
		if got := Wrap(c.text, c.width); !slices.Equal(got, c.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		words bool
		want  string
	}{
		{"short", 5, false, "short"},             // fits exactly
		{"eleven char", 10, false, "eleven ch…"}, // 9 columns and the ellipsis
		{"eleven char", 10, true, "eleven…"},     // "eleven" (6) is past half of 10
		{"ab cdefghij", 8, true, "ab cdef…"},     // "ab" (2) is not past half of 8: cut inside the word
		{"ééééé", 3, false, "éé…"},
		{"日本語テキスト", 7, false, "日本語…"}, // 2+2+2 = 6 columns, then the ellipsis
		{"abc", 1, false, "…"},
		{"日本語", 2, false, "…"}, // 日 (2) and the ellipsis would take 3
		{"abc", 0, false, ""},
	} {
		if got := Truncate(c.in, c.width, c.words); got != c.want {
			t.Errorf("Truncate(%q, %d, %v) = %q, want %q", c.in, c.width, c.words, got, c.want)
		}
		if got := DisplayWidth(Truncate(c.in, c.width, c.words)); got > c.width {
			t.Errorf("Truncate(%q, %d) is %d columns wide", c.in, c.width, got)
		}
	}
}

// Wrap keeps every word, in order (a word longer than a line comes back in pieces), and no
// line is wider than the width.
func FuzzWrap(f *testing.F) {
	f.Add("Dans quelle mesure existe-t-il un organe national de coordination NRBC ?", 20)
	f.Add("核生化放射性 の 対策 unbreakablewordhere é é", 5)
	f.Add("a  b\u00a0c\u202fd \t e", 3)
	f.Fuzz(func(t *testing.T, text string, width int) {
		if width < 2 || width > 200 {
			return
		}
		lines := Wrap(text, width)
		if len(lines) == 0 {
			t.Fatal("no line")
		}
		var got, want strings.Builder
		for _, l := range lines {
			if w := DisplayWidth(l); w > width && DisplayWidth(strings.Fields(l)[0]) <= width {
				t.Fatalf("line %q is %d columns, more than %d", l, w, width)
			}
			got.WriteString(strings.Join(strings.FieldsFunc(l, isBreakingSpace), ""))
		}
		want.WriteString(strings.Join(strings.FieldsFunc(text, isBreakingSpace), ""))
		if got.String() != want.String() {
			t.Fatalf("words lost or moved: %q from %q", got.String(), want.String())
		}
	})
}
