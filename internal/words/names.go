// Package words holds the tool's own words (not a questionnaire's) in each language the tool
// speaks: names of pillars, hazards and statuses, and the sentences of every product. A
// language the tool does not know falls back to English.
package words

var pillarNames = map[string]map[string]string{
	"en": {"prevention": "Prevention", "detection": "Detection", "preparedness": "Preparedness", "response": "Response"},
	"fr": {"prevention": "Prévention", "detection": "Détection", "preparedness": "Préparation", "response": "Réponse"},
}

var hazardNames = map[string]map[string]string{
	"en": {"C": "Chemical", "B": "Biological", "R": "Radiological", "N": "Nuclear"},
	"fr": {"C": "Chimique", "B": "Biologique", "R": "Radiologique", "N": "Nucléaire"},
}

var statusNames = map[string]map[string]string{
	"en": {"answered": "answered", "na": "not applicable", "unknown": "don't know", "unanswered": "unanswered", "skipped": "skipped", "unscored": "context"},
	"fr": {"answered": "répondu", "na": "sans objet", "unknown": "ne sait pas", "unanswered": "sans réponse", "skipped": "non posée", "unscored": "contexte"},
}

// Lookup is the word of key in lang from a table of words by language, falling back to
// English, then to the key itself.
func Lookup(table map[string]map[string]string, lang, key string) string {
	if m, ok := table[lang]; ok {
		if s, ok := m[key]; ok {
			return s
		}
	}
	if s, ok := table["en"][key]; ok {
		return s
	}
	return key
}

// PillarName is the display name of a pillar id.
func PillarName(id, lang string) string { return Lookup(pillarNames, lang, id) }

// HazardName is the display name of a hazard id (C, B, R, N).
func HazardName(id, lang string) string { return Lookup(hazardNames, lang, id) }

// StatusName is the display name of a question status (answered, na, unknown, …).
func StatusName(status, lang string) string { return Lookup(statusNames, lang, status) }

// Languages are the languages the tool's own words exist in; an output in another language
// keeps them in English.
func Languages() []string { return []string{"en", "fr"} }
