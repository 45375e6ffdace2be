package words

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/cbrn-tool/cbrn/internal/words/catgen"
)

func TestNumbersForPeople(t *testing.T) {
	x, negZero, half := 30.25, math.Copysign(0, -1), 0.5
	small := -0.04 // rounds to -0.0, written 0.0
	for _, c := range []struct {
		lang string
		p    *float64
		want string
	}{
		{"en", &x, "30.2"}, // 30.25 is 30.249999… in binary: rounds down
		{"fr", &x, "30,2"},
		{"en", nil, "–"},
		{"en", &negZero, "0.0"},
		{"fr", &small, "0,0"},
		{"de", &x, "30.2"}, // a language the tool does not speak: English
	} {
		if got := For(c.lang).Number(c.p); got != c.want {
			t.Errorf("Number(%s, %v) = %q, want %q", c.lang, c.p, got, c.want)
		}
	}
	if got, want := For("en").Percent(&half), "50.0 %"; got != want {
		t.Errorf("en percent = %q, want %q", got, want)
	}
	// French: a narrow no-break space before the percent sign.
	if got, want := For("fr").Percent(&half), "50,0\u202f%"; got != want {
		t.Errorf("fr percent = %q, want %q", got, want)
	}
}

func TestExact(t *testing.T) {
	for _, c := range []struct {
		lang string
		x    float64
		want string
	}{
		{"en", 3, "3"},                    // a whole number has no decimal mark
		{"en", 2.5, "2.5"},                //
		{"fr", 2.5, "2,5"},                // French: decimal comma
		{"en", 0.1, "0.1"},                // the shortest digits that read back as 0.1
		{"en", 1e6, "1000000"},            // not 1e+06
		{"fr", 1234.25, "1234,25"},        // not rounded, no grouping
		{"en", math.Copysign(0, -1), "0"}, // never "-0"
		{"en", -0.75, "-0.75"},            // a negative number keeps its sign
	} {
		if got := For(c.lang).Exact(c.x); got != c.want {
			t.Errorf("Exact(%s, %v) = %q, want %q", c.lang, c.x, got, c.want)
		}
	}
}

func TestWholePercent(t *testing.T) {
	twoThirds, fiveEighths, all, tiny := 2.0/3, 0.625, 1.0, -0.004
	for _, c := range []struct {
		lang string
		p    *float64
		want string
	}{
		{"en", &twoThirds, "67 %"},      // 66.66… rounds up
		{"en", &fiveEighths, "62 %"},    // 62.5 exactly: to even, down
		{"fr", &all, "100\u202f%"},      // French: a narrow no-break space before %
		{"fr", &twoThirds, "67\u202f%"}, // no decimal, so no decimal comma
		{"en", &tiny, "0 %"},            // -0.4 rounds to -0, written 0
		{"en", nil, "–"},                // number.none
		{"fr", nil, "–"},
	} {
		if got := For(c.lang).WholePercent(c.p); got != c.want {
			t.Errorf("WholePercent(%s, %v) = %q, want %q", c.lang, c.p, got, c.want)
		}
	}
}

// Plural forms follow CLDR: English "one" is 1 only; French "one" is 0 and 1.
func TestPlurals(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0 gaps"}, {"en", 1, "1 gap"}, {"en", 2, "2 gaps"},
		{"fr", 0, "0 écart"}, {"fr", 1, "1 écart"}, {"fr", 2, "2 écarts"},
	} {
		if got := For(c.lang).Count("report.gaps", c.n); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}

func TestNames(t *testing.T) {
	if got := For("fr").Pillar("preparedness"); got != "Préparation" {
		t.Errorf("fr preparedness = %q", got)
	}
	if got := For("en").Hazard("N"); got != "Nuclear" {
		t.Errorf("en N = %q", got)
	}
	// An id the catalogue does not name reads as itself.
	if got := For("en").Pillar("recovery"); got != "recovery" {
		t.Errorf("unknown pillar = %q", got)
	}
}

// Every language translates every key of the English catalogue (a missing key would read in
// English), and uses the same verbs in the same order, so that the arguments land right.
func TestCataloguesComplete(t *testing.T) {
	verbs := regexp.MustCompile(`%[sd]`)
	raw := readRaw(t)
	for _, lang := range Languages() {
		for key, en := range raw["en"] {
			if strings.Contains(key, "#") {
				continue // a plural form: the forms of each language are its own
			}
			m, ok := raw[lang][key]
			if !ok {
				t.Errorf("%s: %s missing", lang, key)
				continue
			}
			if a, b := strings.Join(verbs.FindAllString(en, -1), ""), strings.Join(verbs.FindAllString(m, -1), ""); a != b {
				t.Errorf("%s: %s has verbs %q, English %q", lang, key, b, a)
			}
		}
		for key := range raw[lang] {
			if strings.Contains(key, "#") {
				continue
			}
			if _, ok := raw["en"][key]; !ok {
				t.Errorf("%s: %s is not an English key", lang, key)
			}
		}
	}
}

// French typography: no ordinary space before : ; ? ! or %, nor inside « » (a line must not
// break there), in any French word of the tool.
func TestFrenchSpaces(t *testing.T) {
	bad := regexp.MustCompile(`[ ][:;?!]|[ ]%%|« | »`)
	for key, m := range readRaw(t)["fr"] {
		if loc := bad.FindStringIndex(m); loc != nil {
			t.Errorf("fr %s: ordinary space in %q", key, m[max(0, loc[0]-10):min(len(m), loc[1]+10)])
		}
	}
}

// readRaw reads the catalogue files as they are, without the English fallback.
func readRaw(t *testing.T) map[string]map[string]string {
	t.Helper()
	cats, err := catgen.Read("catalog")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	for lang, m := range cats {
		out[lang] = map[string]string{}
		for k, e := range m {
			out[lang][k] = e.Other()
			for form, msg := range e.Forms {
				out[lang][k+"#"+form] = msg
			}
		}
	}
	return out
}

// The words in the binary are those of the catalogue files: after an edit, this fails until
// go generate ./internal/words is run.
func TestCatalogueGenerated(t *testing.T) {
	want, err := catgen.Generate("catalog")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile("catalog_gen.go"); err != nil || !bytes.Equal(got, want) {
		t.Fatal("catalog_gen.go is not the code of catalog/*.yaml: run go generate ./internal/words")
	}
	// Every message of every file reads as the file has it, plural forms by count.
	raw := readRaw(t)
	for lang, m := range raw {
		w := For(lang)
		for key, msg := range m {
			if strings.Contains(key, "#") || strings.Contains(msg, "%") {
				continue
			}
			if got := w.T(key); got != msg {
				t.Errorf("%s %s = %q, the file says %q", lang, key, got, msg)
			}
		}
	}
	// 1 gap, 2 gaps: the "one" and "other" forms of report.gaps in both languages.
	for lang, want := range map[string][2]string{"en": {"1 gap", "2 gaps"}, "fr": {strings.Replace(raw["fr"]["report.gaps#one"], "%d", "1", 1), strings.Replace(raw["fr"]["report.gaps#other"], "%d", "2", 1)}} {
		if got := [2]string{For(lang).Count("report.gaps", 1), For(lang).Count("report.gaps", 2)}; got != want {
			t.Errorf("%s report.gaps 1, 2 = %q, want %q", lang, got, want)
		}
	}
}

// A catalogue with a key English lacks, or plural forms without "other" or with an unknown
// category, is refused when the code is generated, naming the file and the key or line.
func TestCatalogueErrors(t *testing.T) {
	for name, files := range map[string][2]string{
		"b is not a key of en.yaml": {"a: A\n", "a: A\nb: B\n"},
		`without "other"`:           {"a:\n  one: 1 A\n", "a: A\n"},
		"not a plural category":     {"a:\n  some: A\n  other: As\n", "a: A\n"},
		"arg must be":               {"a:\n  arg: x\n  other: As\n", "a: A\n"},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "en.yaml"), []byte(files[0]), 0o600)
		os.WriteFile(filepath.Join(dir, "fr.yaml"), []byte(files[1]), 0o600)
		if _, err := catgen.Generate(dir); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

// pluralFiles are the entries with plural forms of lang's catalogue file, and of the base
// file for the keys lang lacks, by key, read from the files rather than the generated code.
func pluralFiles(t *testing.T, lang string) map[string]catgen.Entry {
	t.Helper()
	cats, err := catgen.Read("catalog")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]catgen.Entry{}
	for _, l := range []string{base, lang} {
		for key, e := range cats[l] {
			if e.Forms != nil {
				out[key] = e
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s: no plural entry", lang)
	}
	return out
}

// selectfPrinter prints the plural messages as golang.org/x/text does when they are compiled
// into a catalogue with plural.Selectf, as the words were printed before they chose the case
// themselves: the reference pluralCase must agree with.
func selectfPrinter(t *testing.T, lang string) *message.Printer {
	t.Helper()
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	tag := language.Make(lang)
	for key, e := range pluralFiles(t, lang) {
		cases := make([]any, 0, 2*len(e.Forms))
		for _, c := range e.Cases() {
			cases = append(cases, c)
		}
		if err := b.Set(tag, key, plural.Selectf(e.Arg, "%d", cases...)); err != nil {
			t.Fatalf("%s %s: %v", lang, key, err)
		}
	}
	return message.NewPrinter(tag, message.Catalog(b))
}

// Every plural message of every language reads as x/text's plural.Selectf reads it, for every
// count from 0 to 2,100 and for round millions (French has a "many" form for them), with the
// other arguments filled in alike; a missing key and a count of another type too.
func TestPluralCaseAsSelectf(t *testing.T) {
	counts := []int{}
	for n := 0; n <= 2100; n++ {
		counts = append(counts, n)
	}
	counts = append(counts, 10000, 999999, 1000000, 2000000, 1000001, 5000000)
	for _, lang := range Languages() {
		ref := selectfPrinter(t, lang)
		w := For(lang)
		for key := range pluralFiles(t, lang) {
			for _, n := range counts {
				got := w.T(key, n, 7, "x.yaml")
				want := ref.Sprintf(key, n, 7, "x.yaml")
				if got != want {
					t.Fatalf("%s %s %d: %q, x/text reads %q", lang, key, n, got, want)
				}
			}
			if got, want := w.T(key, uint8(1), 2, "y"), ref.Sprintf(key, uint8(1), 2, "y"); got != want {
				t.Errorf("%s %s uint8(1): %q, x/text reads %q", lang, key, got, want)
			}
		}
	}
	// By hand: French counts 0 and 1 in the singular, English only 1.
	if got := For("fr").Count("report.gaps", 0); got != "0 écart" {
		t.Errorf("fr 0 gaps: %q", got)
	}
	if got := For("en").Count("report.gaps", 0); got != "0 gaps" {
		t.Errorf("en 0 gaps: %q", got)
	}
}

// Every message of every language, with texts and counts below 1,000 for its verbs, reads the
// same written by fmt as by the language's message printer, which T leaves the rest to; counts
// of 1,000 and more go to the printer, which groups their digits.
func TestPrintsAsPrinter(t *testing.T) {
	texts := []string{"x.yaml", "Prévention", "«\u00a0x\u00a0»", "%d", ""}
	counts := []int{0, 1, 2, 7, 999}
	tried := 0
	for _, lang := range Languages() {
		p := message.NewPrinter(language.Make(lang))
		for _, key := range catalogueKeys() {
			m, isPlural, _ := For(lang).lookup(key)
			forms := []string{m}
			if isPlural {
				e, _ := pluralEntryOf(lang, key)
				forms = nil
				for i := 1; i < len(e.cases); i += 2 {
					forms = append(forms, e.cases[i])
				}
			}
			for _, f := range forms {
				n := verbs(f)
				if n < 0 {
					continue // the printer writes these
				}
				for k := range 5 {
					// A count for each %d, a text for any other verb.
					args := make([]any, 0, n)
					for j, c := range strings.Split(f, "%")[1:] {
						switch {
						case strings.HasPrefix(c, "d"):
							args = append(args, counts[(j+k)%len(counts)])
						case c != "" && len(args) < n:
							args = append(args, texts[(j+k)%len(texts)])
						}
					}
					if len(args) != n {
						continue
					}
					tried++
					if got, want := fmt.Sprintf(f, args...), p.Sprintf(f, args...); got != want {
						t.Errorf("%s %s %q %v: fmt %q, printer %q", lang, key, f, args, got, want)
					}
				}
			}
		}
	}
	if tried < 500 {
		t.Errorf("only %d messages tried", tried)
	}
	for _, c := range []struct {
		m string
		n int
	}{{"a", 0}, {"%d of %s", 2}, {"100 %%", 0}, {"%5.1f%%", 1}, {"%[2]d of %[1]d", -1}, {"%*d", -1}, {"50 %", -1}} {
		if got := verbs(c.m); got != c.n {
			t.Errorf("verbs(%q) = %d, want %d", c.m, got, c.n)
		}
	}
	for _, args := range [][]any{{1000}, {-1}, {1.5}, {int64(3)}} {
		if unlocalised(args) {
			t.Errorf("%v is left to fmt", args)
		}
	}
	// Left to the printer: a singular without its count, a count of thousands.
	if got := For("en").Count("report.gaps", 1); got != "1 gap" {
		t.Errorf("en 1 gap: %q", got)
	}
	if got := For("fr").T("report.gapsCount", 1500, 3); !strings.Contains(got, "1\u202f500") && !strings.Contains(got, "1\u00a0500") {
		t.Errorf("fr 1500 gaps: %q, digits not grouped", got)
	}
}
