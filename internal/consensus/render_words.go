package consensus

import "fmt"

// consensusWords are the tool's words in consensus outputs.
type consensusWords struct {
	title, participants, explain, order string
	// summary counts the questions answered, then the disputed ones: singular and plural.
	answered, disputed                          [2]string
	summarySep                                  string
	disputedMark, settledMark                   string
	question, answers, spread, merged           string
	participant, answer, confidence, note       string
	disputedHeading, otherHeading, notesHeading string
	settledHeading                              string
	oneLevel, levels, same, different           string
	yes, no, na, unknown, none                  string
	agreed, reason                              string
	rules                                       map[Rule]string
	colon                                       string // ": ", or " : " in French
}

// summary is "N questions have at least one answer; M are disputed.", each count with its own
// number (French takes the singular for 0 and 1).
func (w consensusWords) summary(lang string, items, disputed int) string {
	form := func(p [2]string, n int) string {
		if n == 1 || (lang == "fr" && n == 0) {
			return fmt.Sprintf(p[0], n)
		}
		return fmt.Sprintf(p[1], n)
	}
	return form(w.answered, items) + w.summarySep + form(w.disputed, disputed)
}

func consensusWordsFor(lang string) consensusWords {
	if lang == "fr" {
		return consensusWords{
			title:        "Consensus : %s",
			participants: "%d participants : %s.",
			answered:     [2]string{"%d question a au moins une réponse", "%d questions ont au moins une réponse"},
			disputed:     [2]string{"%d est contestée.", "%d sont contestées."},
			summarySep:   " ; ",
			explain: "Une question est contestée quand les réponses à une question à niveaux sont distantes de " +
				"2 niveaux ou plus, ou que certains la disent sans objet et d'autres donnent un niveau ; pour " +
				"les autres questions, dès que les réponses diffèrent. La réponse fusionnée est la médiane " +
				"des niveaux donnés, arrondie à l'inférieur (le choix prudent) ; pour les autres questions, " +
				"la réponse unanime, sinon « ne sait pas ». « Ne sait pas » et « sans objet » ne comptent ni " +
				"dans la médiane ni dans l'unanimité.",
			order:           "Les questions les plus contestées d'abord.",
			disputedMark:    "CONTESTÉE",
			settledMark:     "RÉGLÉE",
			question:        "QUESTION",
			answers:         "RÉPONSES",
			spread:          "ÉCART",
			merged:          "FUSION",
			participant:     "Participant",
			answer:          "Réponse",
			confidence:      "Confiance",
			note:            "Note",
			disputedHeading: "Questions contestées",
			settledHeading:  "Questions réglées en atelier",
			otherHeading:    "Autres questions",
			notesHeading:    "Notes des participants",
			oneLevel:        "1 niveau",
			levels:          "%d niveaux",
			same:            "identiques",
			different:       "%d réponses",
			yes:             "Oui", no: "Non", na: "sans objet", unknown: "ne sait pas", none: "aucun",
			agreed: "convenue en atelier", reason: "Motif", colon: " : ",
			rules: map[Rule]string{
				Unanimous:    "unanime",
				Median:       "médiane",
				Disagreement: "désaccord",
				AllNA:        "sans objet pour tous",
				NoValue:      "aucune valeur",
			},
		}
	}
	return consensusWords{
		title:        "Consensus: %s",
		participants: "%d participants: %s.",
		answered:     [2]string{"%d question has at least one answer", "%d questions have at least one answer"},
		disputed:     [2]string{"%d is disputed.", "%d are disputed."},
		summarySep:   "; ",
		explain: "A question is disputed when answers to a scale question are 2 levels or more apart, or " +
			"some say not applicable while others give a level; on other questions, when the answers " +
			"differ at all. The merged answer is the median of the levels given, rounded down (the " +
			"conservative choice); on other questions, the answer when unanimous, else don't know. " +
			"Don't know and N/A count neither in the median nor in unanimity.",
		order:           "Most disputed first.",
		disputedMark:    "DISPUTED",
		settledMark:     "SETTLED",
		question:        "QUESTION",
		answers:         "ANSWERS",
		spread:          "SPREAD",
		merged:          "MERGED",
		participant:     "Participant",
		answer:          "Answer",
		confidence:      "Confidence",
		note:            "Note",
		disputedHeading: "Disputed questions",
		settledHeading:  "Questions settled in the workshop",
		otherHeading:    "Other questions",
		notesHeading:    "Participants' notes",
		oneLevel:        "1 level",
		levels:          "%d levels",
		same:            "same",
		different:       "%d answers",
		yes:             "Yes", no: "No", na: "N/A", unknown: "don't know", none: "none",
		agreed: "agreed in the workshop", reason: "Reason", colon: ": ",
		rules: map[Rule]string{
			Unanimous:    "unanimous",
			Median:       "median",
			Disagreement: "no agreement",
			AllNA:        "all N/A",
			NoValue:      "no value",
		},
	}
}
