package plan

import (
	"fmt"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// Objective is what an activity type sets out to achieve, in lang (English for a language the
// tool does not speak). A questionnaire's own activity types get a generic objective naming them.
func Objective(a questionnaire.Activity, lang string) string {
	table := objectivesEN()
	generic := "Close the gaps listed below through this activity: %s."
	if lang == "fr" {
		table = objectivesFR()
		generic = "Combler les écarts ci-dessous par cette activité : %s."
	}
	if a.BuiltIn {
		if s, ok := table[a.ID]; ok {
			return s
		}
	}
	return fmt.Sprintf(generic, a.Title.Get(lang))
}

// objectivesEN are the objectives of the built-in activity types in English.
func objectivesEN() map[string]string {
	return map[string]string{
		"needs-assessment": "Establish an evidence-based picture of the national CBRN risks and capacities where it " +
			"is missing or uncertain, so that the other activities target the real gaps.",
		"action-plan": "Turn these gaps into an adopted, costed and monitored national (and, where relevant, " +
			"regional) CBRN action plan, with a lead agency, a timeframe and indicators for each task.",
		"capacity-building": "Give the staff of the agencies concerned the skills, procedures and means to perform " +
			"these functions, and make the training last through national curricula and a national pool of trainers.",
		"legal-review": "Review the legal and regulatory framework behind these gaps against the international " +
			"obligations (UNSCR 1540, CWC, BWC, IAEA instruments, IHR) and draft the missing laws, mandates and " +
			"implementing texts.",
		"tabletop-exercise": "Test plans, roles and coordination between agencies in a discussion-based exercise, " +
			"and track the corrective actions it identifies to completion.",
		"field-exercise": "Demonstrate these capacities in a real-time field exercise, across borders where relevant, " +
			"and feed the lessons back into plans, procedures and training.",
		"best-practice-exchange": "Compare practice with other countries and regions, host or join peer exchanges, and " +
			"take in the lessons learnt to sustain the capacities reached.",
	}
}

// objectivesFR are the objectives of the built-in activity types in French.
func objectivesFR() map[string]string {
	return map[string]string{
		"needs-assessment": "Établir une image étayée des risques et des capacités NRBC du pays là où elle manque ou " +
			"reste incertaine, afin que les autres activités visent les vrais écarts.",
		"action-plan": "Traduire ces écarts en un plan d'action NRBC national (et, le cas échéant, régional) adopté, " +
			"chiffré et suivi, avec pour chaque tâche un organisme chef de file, un calendrier et des indicateurs.",
		"capacity-building": "Donner au personnel des organismes concernés les compétences, les procédures et les " +
			"moyens d'exercer ces fonctions, et pérenniser la formation par des cursus nationaux et un vivier " +
			"national de formateurs.",
		"legal-review": "Examiner le cadre juridique et réglementaire en cause au regard des obligations " +
			"internationales (résolution 1540, CIAC, CIAB, instruments de l'AIEA, RSI) et préparer les lois, mandats " +
			"et textes d'application manquants.",
		"tabletop-exercise": "Éprouver les plans, les rôles et la coordination entre organismes lors d'un exercice " +
			"sur table, et suivre jusqu'à leur terme les mesures correctives qui en ressortent.",
		"field-exercise": "Démontrer ces capacités lors d'un exercice grandeur nature, transfrontalier le cas " +
			"échéant, et réinjecter les enseignements dans les plans, les procédures et les formations.",
		"best-practice-exchange": "Comparer les pratiques avec d'autres pays et régions, accueillir ou rejoindre des " +
			"échanges entre pairs, et intégrer les enseignements tirés pour pérenniser les capacités atteintes.",
	}
}
