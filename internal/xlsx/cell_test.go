package xlsx

import (
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestColumnName(t *testing.T) {
	for col, want := range map[int]string{
		1: "A", 26: "Z",
		27:    "AA", // 26 + 1
		52:    "AZ", // 26 + 26
		53:    "BA", // 2×26 + 1
		702:   "ZZ", // 26×26 + 26
		703:   "AAA",
		16384: "XFD", // 24×676 + 6×26 + 4: Excel's last column
	} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, want)
		}
	}
	if got := CellName(28, 10); got != "AB10" {
		t.Errorf("CellName(28, 10) = %q", got)
	}
	if got := RangeName(1, 1, 21, 9); got != "A1:U9" {
		t.Errorf("RangeName = %q", got)
	}
	if got := absoluteRange(1, 1, 27, 127); got != "$A$1:$AA$127" {
		t.Errorf("absoluteRange = %q", got)
	}
}

func TestCellXML(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2025, 3, 1, h, m, 0, 0, time.UTC) }
	paris := time.FixedZone("CET", 3600)
	for _, c := range []struct {
		cell     Cell
		col, row int
		want     string
	}{
		{Text("alpha", 0), 1, 1, `<c r="A1" t="inlineStr"><is><t>alpha</t></is></c>`},
		{Text("a<b & c>d", 1), 2, 3, `<c r="B3" s="1" t="inlineStr"><is><t>a&lt;b &amp; c&gt;d</t></is></c>`},
		{Text(" lead", 0), 1, 1, `<c r="A1" t="inlineStr"><is><t xml:space="preserve"> lead</t></is></c>`},
		{Text("trail\n", 0), 1, 1, `<c r="A1" t="inlineStr"><is><t xml:space="preserve">trail` + "\n" + `</t></is></c>`},
		{Text(`"quoted" 'single'`, 0), 1, 1, `<c r="A1" t="inlineStr"><is><t>"quoted" 'single'</t></is></c>`},
		// 350/6 = 58.33333333333333570…, to Excel's 15 significant digits.
		{Number(350.0/6, 2), 10, 2, `<c r="J2" s="2"><v>58.3333333333333</v></c>`},
		{Number(0.1+0.2, 0), 1, 1, `<c r="A1"><v>0.3</v></c>`}, // 0.30000000000000004
		{Number(2.0/3, 0), 1, 1, `<c r="A1"><v>0.666666666666667</v></c>`},
		{Number(1e20, 0), 1, 1, `<c r="A1"><v>100000000000000000000</v></c>`},
		{Number(-0.5, 0), 1, 1, `<c r="A1"><v>-0.5</v></c>`},
		{Number(100, 0), 1, 1, `<c r="A1"><v>100</v></c>`},
		{Number(999999999999999, 0), 1, 1, `<c r="A1"><v>999999999999999</v></c>`}, // 15 nines: the largest whole number taken as an integer
		{Number(math.Copysign(0, -1), 0), 1, 1, `<c r="A1"><v>-0</v></c>`},         // minus zero keeps its sign, as before
		{Number(math.NaN(), 0), 1, 1, `<c r="A1" t="inlineStr"><is><t>NaN</t></is></c>`},
		{Number(math.Inf(-1), 0), 1, 1, `<c r="A1" t="inlineStr"><is><t>-Inf</t></is></c>`},
		{Int(-5, 0), 2, 3, `<c r="B3"><v>-5</v></c>`},
		{Int(1<<62, 0), 1, 1, `<c r="A1"><v>4611686018427387904</v></c>`},
		{Bool(true, 0), 3, 1, `<c r="C1" t="b"><v>1</v></c>`},
		{Bool(false, 4), 3, 1, `<c r="C1" s="4" t="b"><v>0</v></c>`},
		// 2025-03-01 is 1,740,787,200 s = 20,148 days after 1970-01-01 (serial 25,569):
		// 45,717; 09:00 is 0.375 of a day.
		{Date(at(9, 0), 5), 8, 2, `<c r="H2" s="5"><v>45717.375</v></c>`},
		// The wall clock counts: 10:00 in UTC+1 is 09:00 UTC, written as 10:00 (0.41666…).
		{Date(time.Date(2025, 3, 1, 10, 0, 0, 0, paris), 0), 1, 1, `<c r="A1"><v>45717.416666666664</v></c>`},
		{Date(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC), 0), 1, 1, `<c r="A1"><v>61</v></c>`},
		{Date(time.Date(1900, 2, 28, 0, 0, 0, 0, time.UTC), 0), 1, 1, `<c r="A1"><v>59</v></c>`}, // before Excel's 29 February 1900
		{Date(time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), 0), 1, 1, `<c r="A1"><v>1</v></c>`},
		{Date(time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC), 0), 1, 1, `<c r="A1" t="inlineStr"><is><t>1899-12-31T00:00:00Z</t></is></c>`},
		{Blank(3), 4, 1, `<c r="D1" s="3"/>`},
		{Blank(0), 4, 1, ``},
		{Cell{}, 4, 1, ``},
		{Text("", 0), 1, 1, `<c r="A1" t="inlineStr"><is><t></t></is></c>`},
		{Text("x", 0), 16384, 1048576, `<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>`},
	} {
		if got := string(appendCellXML(nil, c.cell, c.col, c.row)); got != c.want {
			t.Errorf("cell %+v:\n got %s\nwant %s", c.cell, got, c.want)
		}
	}
}

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"plain":            "plain",
		"tab\tand\nline":   "tab\tand\nline",
		"cr\r\n":           "cr&#xD;\n", // a raw CR would be read back as a line feed
		"bell\x07":         "bell_x0007_",
		"\x00nul":          "_x0000_nul",
		"esc\x1b[31m":      "esc_x001B_[31m",
		"\uFFFE\uFFFF":     "_xFFFE__xFFFF_", // not characters in XML 1.0
		"_x0041_":          "_x005F_x0041_",  // literal, not the escape of A
		"a_x00e9_b":        "a_x005F_x00e9_b",
		"_x004_ _xZZZZ_ _": "_x004_ _xZZZZ_ _", // not escapes: left alone
		"bad\xffutf8":      "bad\uFFFDutf8",
		"é😀&":              "é😀&amp;",
	} {
		if got := string(appendText(nil, in)); got != want {
			t.Errorf("appendText(%q) = %q, want %q", in, got, want)
		}
	}
	// Excel holds 32,767 UTF-16 units in a cell: 40,000 a's are cut to 32,767; 20,000 emoji
	// (2 units each) to 16,383 (32,766 units, the next would make 32,768).
	if got := string(appendText(nil, strings.Repeat("a", 40000))); got != strings.Repeat("a", 32767) {
		t.Errorf("40,000 a's: %d bytes written", len(got))
	}
	if got := string(appendText(nil, strings.Repeat("😀", 20000))); got != strings.Repeat("😀", 16383) {
		t.Errorf("20,000 emoji: %d bytes written", len(got))
	}
	if got := string(appendAttr(nil, "Tom's \"<&>\"\n")); got != `Tom's &quot;&lt;&amp;&gt;&quot;&#xA;` {
		t.Errorf("appendAttr = %q", got)
	}
}

// Any text comes back from its XML as it was: the XML parses, and undoing the _xHHHH_
// escapes gives the text (each byte of invalid UTF-8 as U+FFFD).
func FuzzText(f *testing.F) {
	for _, s := range []string{"plain", "a<b&c>", "cr\r\nlf", "\x00\x07\x1b", "_x0041_", "__x0041__x", "\uFFFE", "bad\xff", " lead"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > MaxCellChars/4 {
			return
		}
		var got string
		d := xml.NewDecoder(strings.NewReader("<t>" + string(appendText(nil, s)) + "</t>"))
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%q: %v", s, err)
			}
			if cd, ok := tok.(xml.CharData); ok {
				got += string(cd)
			}
		}
		if want := string([]rune(s)); unescape(got) != want { // each invalid byte a U+FFFD
			t.Fatalf("%q came back as %q", want, unescape(got))
		}
	})
}

// unescape undoes Excel's _xHHHH_ escapes, as a reader does.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '_' && isEscape(s[i:]) {
			r, _ := strconv.ParseUint(s[i+2:i+6], 16, 32)
			b.WriteRune(rune(r))
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
