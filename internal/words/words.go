// Package words holds the tool's own words (not a questionnaire's) in every language the tool
// speaks, and turns figures and answers into them: pillar, hazard and status names, answer and
// target labels, numbers, counts with their plural forms, and the sentences of every product.
//
// The words are data: one catalogue per language, catalog/<lang>.yaml, built into the binary
// as Go code (go generate ./internal/words).
// A key maps to a message (a format as fmt and golang.org/x/text/message read it: %s, %d,
// and %% for a literal percent sign), or to its plural forms by CLDR category (zero, one, two,
// few, many, other, or =N for an exact count), chosen by the message's first argument unless
// the entry names another with "arg". A language is added by translating catalog/en.yaml into
// catalog/<lang>.yaml (then go generate ./internal/words); a key it lacks reads in English.
package words

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// The catalogue files are read at build time, not at every run: go generate ./internal/words
// writes them as Go code (catalog_gen.go, by the catgen package), and TestCatalogueGenerated
// fails until it is run after an edit.
//
//go:generate go run gen.go

// base is the language every catalogue falls back to, key by key.
const base = "en"

// pluralEntry is a message with plural forms: its cases as category, message pairs, chosen by
// argument arg (from 1).
type pluralEntry struct {
	key   string
	arg   int
	cases []string
}

// plurals are the messages with plural forms of every language, for the message printers: the
// other messages are formats the printer is given directly (lookup), which the catalogue
// would only hand back.
func plurals() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, lang := range catalogued() {
		tag := language.Make(lang)
		have := map[string]bool{}
		for _, e := range pluralEntries(lang) {
			have[e.key] = true
			setPlural(b, tag, e)
		}
		for _, e := range pluralEntries(base) { // the English forms of a key lang lacks
			if !have[e.key] {
				setPlural(b, tag, e)
			}
		}
	}
	return b
}

func setPlural(b *catalog.Builder, tag language.Tag, e pluralEntry) {
	cases := make([]any, len(e.cases))
	for i, c := range e.cases {
		cases[i] = c
	}
	// The forms are checked when the catalogue is generated: Set fails on none of them.
	_ = b.Set(tag, e.key, plural.Selectf(e.arg, "%d", cases...))
}

var thePlurals = sync.OnceValue(plurals)

// Languages are the languages the tool's own words exist in, English first; an output in
// another language keeps them in English.
func Languages() []string { return catalogued() }

// Has reports whether the tool's words exist in lang.
func Has(lang string) bool { return slices.Contains(catalogued(), lang) }

// Words are the tool's words in one language.
type Words struct {
	lang string
	p    *message.Printer
}

// For gives the tool's words in lang, or in English when the tool does not speak lang.
func For(lang string) Words {
	if !Has(lang) {
		lang = base
	}
	return Words{lang: lang, p: message.NewPrinter(language.Make(lang), message.Catalog(thePlurals()))}
}

// lookup is the message of key in the words' language, else in English.
func (w Words) lookup(key string) (msg string, plural, ok bool) {
	if msg, plural, ok = catalogueMessage(w.lang, key); ok || w.lang == base {
		return msg, plural, ok
	}
	return catalogueMessage(base, key)
}

// Lang is the language the words are in (English when the one asked for is not catalogued).
func (w Words) Lang() string { return w.lang }

// T is the message of key with its arguments filled in, in the plural form its count calls
// for. A key missing from every catalogue is a defect of the calling code: it reads as the
// key itself, so that a test sees it.
func (w Words) T(key string, args ...any) string {
	if m, plural, ok := w.lookup(key); ok && !plural {
		if len(args) == 0 && !strings.Contains(m, "%") {
			return m // nothing to fill in: the printer would hand m back as it is
		}
		return w.p.Sprintf(m, args...)
	}
	return w.p.Sprintf(key, args...)
}

// Count is T for a message whose first argument is a count.
func (w Words) Count(key string, n int, args ...any) string {
	return w.T(key, append([]any{n}, args...)...)
}

// Map is the messages of keys without arguments, by key, for an HTML template to look up.
func (w Words) Map(keys ...string) map[string]string {
	m := make(map[string]string, len(keys))
	for _, k := range keys {
		m[k] = w.T(k)
	}
	return m
}

// Keys are the keys of the catalogue that start with prefix, in name order.
func Keys(prefix string) []string {
	var out []string
	for _, k := range catalogueKeys() {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	return out
}

// Format is the message of key as a format, for code that fills it in itself with fmt (a
// plural message gives its "other" form: a count goes through Count instead).
func (w Words) Format(key string) string {
	if m, _, ok := w.lookup(key); ok {
		return m
	}
	return key
}
