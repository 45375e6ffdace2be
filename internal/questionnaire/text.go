package questionnaire

// Text is a localised text: one string per language, with the questionnaire's default
// language as fallback. A text written as a plain string holds only the default language.
type Text struct {
	Default string            // the default language
	Values  map[string]string // language → text
}

// Plain makes a text in one language.
func Plain(lang, s string) Text { return Text{Default: lang, Values: map[string]string{lang: s}} }

// Get returns the text in lang, else in the default language, else "".
func (t Text) Get(lang string) string {
	if s, ok := t.Values[lang]; ok {
		return s
	}
	return t.Values[t.Default]
}

// IsZero reports whether the text is absent.
func (t Text) IsZero() bool { return len(t.Values) == 0 }
