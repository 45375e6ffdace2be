// Package words holds the tool's own words (not a questionnaire's) in every language the tool
// speaks, and turns figures and answers into them: pillar, hazard and status names, answer and
// target labels, numbers, counts with their plural forms, and the sentences of every product.
//
// The words are data: one catalogue per language, catalog/<lang>.yaml, embedded in the binary.
// A key maps to a message (a format as fmt and golang.org/x/text/message read it: %s, %d,
// and %% for a literal percent sign), or to its plural forms by CLDR category (zero, one, two,
// few, many, other, or =N for an exact count), chosen by the message's first argument unless
// the entry names another with "arg". A language is added by translating catalog/en.yaml into
// catalog/<lang>.yaml; a key it lacks reads in English.
package words

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

//go:embed catalog/*.yaml
var files embed.FS

// base is the language every catalogue falls back to, key by key.
const base = "en"

// catalogue is the words of every language, read once from the embedded files.
type catalogue struct {
	langs   []string // base first, then the others in name order
	builder *catalog.Builder
	raw     map[string]map[string]string // lang → key → message (the "other" form of a plural)
	err     error
}

// entry is one key of a catalogue file: a message, or plural forms.
type entry struct {
	Msg   string
	Forms map[string]string
	Arg   int
}

func (e *entry) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		return n.Decode(&e.Msg)
	}
	var m map[string]string
	if err := n.Decode(&m); err != nil {
		return err
	}
	e.Forms, e.Arg = map[string]string{}, 1
	for k, v := range m {
		if k == "arg" {
			a, err := strconv.Atoi(v)
			if err != nil || a < 1 {
				return fmt.Errorf("line %d: arg must be an argument number from 1, not %q", n.Line, v)
			}
			e.Arg = a
			continue
		}
		e.Forms[k] = v
	}
	if _, ok := e.Forms["other"]; !ok {
		return fmt.Errorf("line %d: plural forms without \"other\"", n.Line)
	}
	return nil
}

// load reads every catalogue file; it is done once (see the catalogue function).
func load() *catalogue {
	c := &catalogue{builder: catalog.NewBuilder(catalog.Fallback(language.English)), raw: map[string]map[string]string{}}
	names, err := files.ReadDir("catalog")
	if err != nil {
		c.err = err
		return c
	}
	entries := map[string]map[string]entry{}
	for _, f := range names {
		lang := strings.TrimSuffix(f.Name(), ".yaml")
		data, err := files.ReadFile(path.Join("catalog", f.Name()))
		if err != nil {
			c.err = err
			return c
		}
		m, err := parseFile(data)
		if err != nil {
			c.err = fmt.Errorf("words: catalog/%s: %v", f.Name(), err)
			return c
		}
		entries[lang] = m
		if lang != base {
			c.langs = append(c.langs, lang)
		}
	}
	slices.Sort(c.langs)
	c.langs = append([]string{base}, c.langs...)
	for _, lang := range c.langs {
		tag := language.Make(lang)
		c.raw[lang] = map[string]string{}
		for key, en := range entries[base] {
			e, ok := entries[lang][key]
			if !ok {
				e = en
			}
			if err := c.set(tag, lang, key, e); err != nil {
				c.err = fmt.Errorf("words: catalog/%s.yaml: %s: %v", lang, key, err)
				return c
			}
		}
	}
	return c
}

func (c *catalogue) set(tag language.Tag, lang, key string, e entry) error {
	if e.Forms == nil {
		c.raw[lang][key] = e.Msg
		return c.builder.SetString(tag, key, e.Msg)
	}
	c.raw[lang][key] = e.Forms["other"]
	var cases []any
	// Exact counts first, then the categories in CLDR order, "other" last.
	var exact []string
	for k := range e.Forms {
		if strings.HasPrefix(k, "=") {
			exact = append(exact, k)
		}
	}
	slices.Sort(exact)
	for _, k := range append(exact, "zero", "one", "two", "few", "many", "other") {
		if m, ok := e.Forms[k]; ok {
			cases = append(cases, k, m)
		}
	}
	return c.builder.Set(tag, key, plural.Selectf(e.Arg, "%d", cases...))
}

var theCatalogue = sync.OnceValue(load)

// Languages are the languages the tool's own words exist in, English first; an output in
// another language keeps them in English.
func Languages() []string { return slices.Clone(theCatalogue().langs) }

// Has reports whether the tool's words exist in lang.
func Has(lang string) bool { return slices.Contains(theCatalogue().langs, lang) }

// Words are the tool's words in one language.
type Words struct {
	lang string
	p    *message.Printer
	raw  map[string]string
}

// For gives the tool's words in lang, or in English when the tool does not speak lang.
func For(lang string) Words {
	c := theCatalogue()
	if c.err != nil {
		// The catalogues are part of the binary and tested: this is a build defect.
		panic(c.err)
	}
	if !Has(lang) {
		lang = base
	}
	return Words{lang: lang, p: message.NewPrinter(language.Make(lang), message.Catalog(c.builder)), raw: c.raw[lang]}
}

// Lang is the language the words are in (English when the one asked for is not catalogued).
func (w Words) Lang() string { return w.lang }

// T is the message of key with its arguments filled in, in the plural form its count calls
// for. A key missing from every catalogue is a defect of the calling code: it reads as the
// key itself, so that a test sees it.
func (w Words) T(key string, args ...any) string { return w.p.Sprintf(key, args...) }

// Count is T for a message whose first argument is a count.
func (w Words) Count(key string, n int, args ...any) string {
	return w.p.Sprintf(key, append([]any{n}, args...)...)
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
	for k := range theCatalogue().raw[base] {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// parseFile reads one catalogue file.
func parseFile(data []byte) (map[string]entry, error) {
	var m map[string]entry
	err := yaml.Unmarshal(data, &m)
	return m, err
}

// Format is the message of key as a format, for code that fills it in itself with fmt (a
// plural message gives its "other" form: a count goes through Count instead).
func (w Words) Format(key string) string {
	if m, ok := w.raw[key]; ok {
		return m
	}
	return key
}
