package prompt

import "github.com/cbrn-tool/cbrn/internal/words"

// Messages are the tool's own words in the flow, in one language. The questionnaire brings its
// own texts; these are the words around them.
type Messages struct {
	Lang  string
	words words.Words // for the counted messages
	// Colon ends a label or a prompt: ":" in English, "\u00a0:" (a no-break space, then the colon) in French.
	Colon string

	// Progress is "<pillar> · <section> — question N of M", given "<pillar> · <section>".
	Progress string

	Answer        string // the prompt
	Current       string // "Current answer: %s"
	KeepHint      string // Enter keeps the current answer
	Yes, No       string
	DontKnow      string
	NotApplicable string
	NoneOfThese   string
	Help          string
	HelpHeading   string
	Sources       string
	Back          string // to the previous question
	BackToList    string // in review
	// Keys typed in the line-based mode for the options above.
	KeyDontKnow, KeyNotApplicable, KeyHelp, KeyBack string

	MultiHint     string // how to type several choices in the line-based mode
	MultiNoneHint string // "(%s for %s)": the key and label of "none of these"
	InputHint     string // "type the answer; %s" followed by the keys
	NumberHint    string // "a number"
	RangeHint     string // "from %s to %s"
	MinHint       string // "%s or more"
	MaxHint       string // "%s or less"

	Note        string
	NoteKeepHow string // line-based: how to remove a note

	Confidence     string
	ConfNone       string
	ConfDocumented string
	ConfJudgement  string
	ConfAssumed    string

	// Validation messages.
	TypeOneOf      string // "type one of: %s"
	NotANumber     string
	TooLow         string // "%s is below the minimum %s"
	TooHigh        string // "%s is above the maximum %s"
	EmptyAnswer    string
	ExclusiveAlone string // "%s cannot be combined with other choices"
	ChooseOne      string // multi: nothing chosen

	RespondentHeading string
	Name              string
	Organisation      string
	Country           string
	Role              string
	Skip              string // "(Enter to skip)"

	ReviewHeading string
	ReviewDone    string
	ReviewNone    string // no answers to review

	// TUI help line words.
	KeyMove, KeyChoose, KeyToggle, KeyScroll, KeyStop string
	StopHint                                          string

	// Start and end of the session, printed by the command.
	Resuming     string // "Resuming %s: %d of %d questions answered."
	Saved        Plural // "saved %d answers to %s — run the same command to resume"
	AllAnswered  Plural // "All %d questions are answered."
	Remaining    Plural // "%d questions are not answered yet: run %s to answer them."
	NextStep     string // "Next: %s"
	ReviewTip    string // "To change an answer: %s"
	SummaryTitle string
	ColPillar    string
	ColAnswered  string
	ColDontKnow  string
	ColNA        string
	ColTotal     string
}

// Plural is a counted message: the key of its plural forms in the words catalogue, chosen by
// the language's CLDR rules (French uses the singular for 0 and 1).
type Plural string

// Count picks the form of p for n and formats it with n followed by args.
func (m *Messages) Count(p Plural, n int, args ...any) string {
	return m.words.Count(string(p), n, args...)
}

// Catalogue returns the tool's words in lang, falling back to English.
func Catalogue(lang string) *Messages {
	m := english()
	if lang == "fr" {
		m = french()
	}
	m.words = words.For(lang)
	return m
}

func english() *Messages {
	return &Messages{
		Lang:          "en",
		Colon:         ":",
		Progress:      "%s — question %d of %d",
		Answer:        "Answer",
		Current:       "Current answer: %s",
		KeepHint:      "Enter keeps it",
		Yes:           "Yes",
		No:            "No",
		DontKnow:      "Don't know",
		NotApplicable: "Not applicable",
		NoneOfThese:   "None of these",
		Help:          "Help",
		HelpHeading:   "Help: %s",
		Sources:       "Sources: %s",
		Back:          "Previous question",
		BackToList:    "Back to the list",
		KeyDontKnow:   "d", KeyNotApplicable: "n", KeyHelp: "h", KeyBack: "b",
		MultiHint:         "type the numbers of every choice that applies, separated by spaces",
		MultiNoneHint:     "(%s for \"%s\")",
		InputHint:         "type the answer, or %s",
		NumberHint:        "a number",
		RangeHint:         "from %s to %s",
		MinHint:           "%s or more",
		MaxHint:           "%s or less",
		Note:              "Note (Enter to skip)",
		NoteKeepHow:       "Note (Enter keeps it, - removes it)",
		Confidence:        "Confidence",
		ConfNone:          "not stated",
		ConfDocumented:    "documented",
		ConfJudgement:     "judgement",
		ConfAssumed:       "assumed",
		TypeOneOf:         "type one of: %s",
		NotANumber:        "%q is not a number",
		TooLow:            "%s is below the minimum %s",
		TooHigh:           "%s is above the maximum %s",
		EmptyAnswer:       "type an answer",
		ExclusiveAlone:    "\"%s\" cannot be combined with other choices",
		ChooseOne:         "choose at least one option",
		RespondentHeading: "About you — every item is optional",
		Name:              "Your name",
		Organisation:      "Organisation",
		Country:           "Country",
		Role:              "Role",
		Skip:              "(Enter to skip)",
		ReviewHeading:     "Review: choose an answer to change",
		ReviewDone:        "Done",
		ReviewNone:        "no answers to review yet in %s; run %s to answer questions first",
		KeyMove:           "move", KeyChoose: "choose", KeyToggle: "tick", KeyScroll: "question", KeyStop: "save and stop",
		StopHint:     "Every answer is saved as soon as it is given; Ctrl-C stops.",
		Resuming:     "Resuming %s: %d of %d questions answered.",
		Saved:        "prompt.saved",
		AllAnswered:  "prompt.allAnswered",
		Remaining:    "prompt.remaining",
		NextStep:     "Next: %s",
		ReviewTip:    "To change an answer: %s",
		SummaryTitle: "Answers saved to %s",
		ColPillar:    "Pillar",
		ColAnswered:  "Answered",
		ColDontKnow:  "Don't know",
		ColNA:        "N/A",
		ColTotal:     "Total",
	}
}

func french() *Messages {
	return &Messages{
		Lang:          "fr",
		Colon:         "\u00a0:",
		Progress:      "%s — question %d sur %d",
		Answer:        "Réponse",
		Current:       "Réponse actuelle : %s",
		KeepHint:      "Entrée la conserve",
		Yes:           "Oui",
		No:            "Non",
		DontKnow:      "Je ne sais pas",
		NotApplicable: "Sans objet",
		NoneOfThese:   "Aucune de ces réponses",
		Help:          "Aide",
		HelpHeading:   "Aide : %s",
		Sources:       "Sources : %s",
		Back:          "Question précédente",
		BackToList:    "Retour à la liste",
		KeyDontKnow:   "s", KeyNotApplicable: "o", KeyHelp: "a", KeyBack: "r",
		MultiHint:         "tapez les numéros de tous les choix qui conviennent, séparés par des espaces",
		MultiNoneHint:     "(%s pour « %s »)",
		InputHint:         "tapez la réponse, ou %s",
		NumberHint:        "un nombre",
		RangeHint:         "de %s à %s",
		MinHint:           "%s ou plus",
		MaxHint:           "%s ou moins",
		Note:              "Note (Entrée pour passer)",
		NoteKeepHow:       "Note (Entrée la conserve, - l'efface)",
		Confidence:        "Degré de confiance",
		ConfNone:          "non précisé",
		ConfDocumented:    "documenté",
		ConfJudgement:     "jugement d'expert",
		ConfAssumed:       "supposé",
		TypeOneOf:         "tapez l'une de ces valeurs : %s",
		NotANumber:        "%q n'est pas un nombre",
		TooLow:            "%s est inférieur au minimum %s",
		TooHigh:           "%s est supérieur au maximum %s",
		EmptyAnswer:       "tapez une réponse",
		ExclusiveAlone:    "« %s » ne peut pas être combiné avec d'autres choix",
		ChooseOne:         "choisissez au moins une option",
		RespondentHeading: "À propos de vous — chaque élément est facultatif",
		Name:              "Votre nom",
		Organisation:      "Organisation",
		Country:           "Pays",
		Role:              "Fonction",
		Skip:              "(Entrée pour passer)",
		ReviewHeading:     "Relecture : choisissez une réponse à modifier",
		ReviewDone:        "Terminé",
		ReviewNone:        "aucune réponse à relire dans %s ; lancez %s pour répondre d'abord aux questions",
		KeyMove:           "déplacer", KeyChoose: "valider", KeyToggle: "cocher", KeyScroll: "question", KeyStop: "enregistrer et arrêter",
		StopHint:     "Chaque réponse est enregistrée dès qu'elle est donnée ; Ctrl-C arrête.",
		Resuming:     "Reprise de %s : %d questions sur %d ont une réponse.",
		Saved:        "prompt.saved",
		AllAnswered:  "prompt.allAnswered",
		Remaining:    "prompt.remaining",
		NextStep:     "Étape suivante : %s",
		ReviewTip:    "Pour modifier une réponse : %s",
		SummaryTitle: "Réponses enregistrées dans %s",
		ColPillar:    "Pilier",
		ColAnswered:  "Répondu",
		ColDontKnow:  "Ne sait pas",
		ColNA:        "Sans objet",
		ColTotal:     "Total",
	}
}
