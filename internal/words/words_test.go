package words

import (
	"math"
	"regexp"
	"strings"
	"testing"
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
	c := theCatalogue()
	if c.err != nil {
		t.Fatal(c.err)
	}
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
	out := map[string]map[string]string{}
	names, err := files.ReadDir("catalog")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range names {
		lang := strings.TrimSuffix(f.Name(), ".yaml")
		data, _ := files.ReadFile("catalog/" + f.Name())
		m, err := parseFile(data)
		if err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		out[lang] = map[string]string{}
		for k, e := range m {
			if e.Forms == nil {
				out[lang][k] = e.Msg
			} else {
				out[lang][k] = e.Forms["other"]
				for form, msg := range e.Forms {
					out[lang][k+"#"+form] = msg
				}
			}
		}
	}
	return out
}
