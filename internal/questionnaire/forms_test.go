package questionnaire

import (
	"regexp"
	"testing"
)

// The expressions the hand-written checks replace.
var (
	slugRE       = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	questionIDRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	languageRE   = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$`)
)

func checkForms(t *testing.T, s string) {
	t.Helper()
	if got, want := IsSlug(s), slugRE.MatchString(s); got != want {
		t.Errorf("IsSlug(%q) = %v, the expression says %v", s, got, want)
	}
	if got, want := isQuestionID(s), questionIDRE.MatchString(s); got != want {
		t.Errorf("isQuestionID(%q) = %v, the expression says %v", s, got, want)
	}
	if got, want := isLanguageTag(s), languageRE.MatchString(s); got != want {
		t.Errorf("isLanguageTag(%q) = %v, the expression says %v", s, got, want)
	}
}

// The checks of ids and language tags accept what their regular expressions match, and nothing
// else.
func TestFormsAsRegexps(t *testing.T) {
	for _, s := range []string{
		"", "a", "-", "a-", "-a", "cbrn-core", "CBRN", "9", "PRV-LEG-01", "a.b_c-d", ".a", "_a",
		"en", "fr", "e", "engl", "pt-BR", "zh-Hant", "en-", "en-a", "en-abcdefgh", "en-abcdefghi",
		"en-US-x", "EN", "en_US", "é", "a\n", "a b", "fr-ça",
	} {
		checkForms(t, s)
	}
}

func FuzzFormsAsRegexps(f *testing.F) {
	for _, s := range []string{"cbrn-core", "PRV-LEG-01", "pt-BR", "en-", "a\n"} {
		f.Add(s)
	}
	f.Fuzz(checkForms)
}
