package words

// Pillar is the display name of a pillar id.
func (w Words) Pillar(id string) string { return w.name("pillar.", id) }

// Hazard is the display name of a hazard id (C, B, R, N).
func (w Words) Hazard(id string) string { return w.name("hazard.", id) }

// Status is the display name of a question status (answered, na, unknown, …).
func (w Words) Status(status string) string { return w.name("status.", status) }

// name is the message of prefix+id, or id itself when the catalogue has no such name (an id a
// newer questionnaire brings).
func (w Words) name(prefix, id string) string {
	if _, _, ok := w.lookup(prefix + id); !ok {
		return id
	}
	return w.T(prefix + id)
}

// PillarName is the display name of a pillar id in lang.
func PillarName(id, lang string) string { return For(lang).Pillar(id) }

// HazardName is the display name of a hazard id (C, B, R, N) in lang.
func HazardName(id, lang string) string { return For(lang).Hazard(id) }

// Outcome is the outcome an action plan's objective seeks for a section of a shipped
// questionnaire (outcome.<questionnaire>/<section>), and whether the tool words one: a section
// of any other questionnaire has none.
func (w Words) Outcome(questionnaire, section string) (string, bool) {
	m, _, ok := w.lookup("outcome." + questionnaire + "/" + section)
	return m, ok
}
