package questionnaire

// Text is a localised text: one string per language, with the questionnaire's default
// language as fallback. A text written as a plain string holds only the default language.
type Text struct {
	Default string        // the default language
	Values  []Translation // at most one per language, in the file's order
}

// Translation is a text in one language.
type Translation struct {
	Lang, Text string
}

// Plain makes a text in one language.
func Plain(lang, s string) Text { return Text{Default: lang, Values: []Translation{{lang, s}}} }

// Lookup returns the text in lang, and whether the text has lang.
func (t Text) Lookup(lang string) (string, bool) {
	for _, v := range t.Values {
		if v.Lang == lang {
			return v.Text, true
		}
	}
	return "", false
}

// Get returns the text in lang, else in the default language, else "".
func (t Text) Get(lang string) string {
	if s, ok := t.Lookup(lang); ok {
		return s
	}
	s, _ := t.Lookup(t.Default)
	return s
}

// IsZero reports whether the text is absent.
func (t Text) IsZero() bool { return len(t.Values) == 0 }
