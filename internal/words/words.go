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
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
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
	arg   int
	cases []string
}

// pluralCase is the case of e that its count calls for in language tag, chosen as
// golang.org/x/text's plural.Selectf chooses it (TestPluralCaseAsSelectf holds the two equal):
// the first case that is "=N" for a count of N, or the count's CLDR cardinal category in the
// language, or "other". A count that is not an integer reads in the "other" case. Choosing it
// here spares every run compiling all the plural messages into a catalogue (a tenth of a
// millisecond, 3 % of a report) to print one or two of them.
func pluralCase(tag language.Tag, e pluralEntry, args []any) string {
	n, ok := -1, false
	if e.arg >= 1 && e.arg <= len(args) {
		n, ok = count(args[e.arg-1])
	}
	form := plural.Other
	if ok {
		form = plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)
	}
	for i := 0; i+1 < len(e.cases); i += 2 {
		sel, msg := e.cases[i], e.cases[i+1]
		if exact, isExact := strings.CutPrefix(sel, "="); isExact {
			if v, err := strconv.Atoi(exact); ok && err == nil && v == n {
				return msg
			}
		} else if c, known := category(sel); known && (c == form || c == plural.Other) {
			return msg
		}
	}
	return e.cases[len(e.cases)-1] // the generator makes sure the last case is "other"
}

// category is the CLDR plural category of a catalogue's name for it; false for another name.
func category(name string) (plural.Form, bool) {
	switch name {
	case "zero":
		return plural.Zero, true
	case "one":
		return plural.One, true
	case "two":
		return plural.Two, true
	case "few":
		return plural.Few, true
	case "many":
		return plural.Many, true
	case "other":
		return plural.Other, true
	}
	return plural.Other, false
}

// count is a count argument as an int, if it is a non-negative integer.
func count(a any) (int, bool) {
	var v int64
	switch x := a.(type) {
	case int:
		v = int64(x)
	case int8:
		v = int64(x)
	case int16:
		v = int64(x)
	case int32:
		v = int64(x)
	case int64:
		v = x
	case uint:
		v = int64(x)
	case uint8:
		v = int64(x)
	case uint16:
		v = int64(x)
	case uint32:
		v = int64(x)
	default:
		return 0, false
	}
	if v < 0 || v > 1<<31 {
		return 0, false
	}
	return int(v), true
}

// verbs is the number of arguments a message's verbs take in turn; -1 when a verb names its
// argument (%[2]d), or takes a width or precision from one (%*d).
func verbs(m string) int {
	n := 0
	for i := 0; i < len(m); i++ {
		if m[i] != '%' {
			continue
		}
		i++
		for i < len(m) && strings.IndexByte("+-# 0123456789.", m[i]) >= 0 {
			i++
		}
		switch {
		case i >= len(m):
			return -1
		case m[i] == '%':
		case m[i] == '[' || m[i] == '*':
			return -1
		default:
			n++
		}
	}
	return n
}

// unlocalised reports whether arguments read the same in every language the tool speaks: texts,
// and counts below 1,000 (which no language groups).
func unlocalised(args []any) bool {
	for _, a := range args {
		switch x := a.(type) {
		case string:
		case int:
			if x < 0 || x >= 1000 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// pluralEntryOf is the entry of key with plural forms in lang, else in English.
func pluralEntryOf(lang, key string) (pluralEntry, bool) {
	if e, ok := pluralEntryIn(lang, key); ok {
		return e, true
	}
	return pluralEntryIn(base, key)
}

// Languages are the languages the tool's own words exist in, English first; an output in
// another language keeps them in English.
func Languages() []string { return catalogued() }

// Has reports whether the tool's words exist in lang.
func Has(lang string) bool { return slices.Contains(catalogued(), lang) }

// Words are the tool's words in one language.
type Words struct {
	lang string
	tag  language.Tag
	p    *message.Printer
}

// For gives the tool's words in lang, or in English when the tool does not speak lang.
func For(lang string) Words {
	if !Has(lang) {
		lang = base
	}
	tag := language.Make(lang)
	return Words{lang: lang, tag: tag, p: message.NewPrinter(tag)}
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
	m, plural, ok := w.lookup(key)
	if !ok {
		return w.p.Sprintf(key, args...)
	}
	if plural {
		if e, ok := pluralEntryOf(w.lang, key); ok {
			m = pluralCase(w.tag, e, args)
		}
	}
	if len(args) == 0 && !strings.Contains(m, "%") {
		return m // nothing to fill in: the printer would hand m back as it is
	}
	if verbs(m) == len(args) && unlocalised(args) {
		// The printer would write these as fmt does, after a catalogue lookup and with a
		// buffer of its own for each message (TestPrintsAsPrinter holds the two equal). Where
		// the arguments outnumber the verbs (a singular without its count), fmt would add
		// %!(EXTRA …) where the printer adds nothing.
		return fmt.Sprintf(m, args...)
	}
	return w.p.Sprintf(m, args...)
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
