package handout

// printWords are the tool's words in a printed handout.
type printWords struct {
	handout, contents, questions, oneQuestion                   string
	respondent                                                  []string // the fields to fill in on the cover
	howTitle                                                    string
	how                                                         []string
	critical, criticalNote, hazards, weight, heldBy, sources    string
	guidance, askOnlyIf                                         string
	dontKnow, notApplicable, yes, no, tickAll, tickOne          string
	answer, from, upTo, between                                 string
	confidence, documented, judgement, assumed, notes, selected string
	is, isOneOf, atLeast, atMost, includes, includesOneOf       string
	and, or, not                                                string
	colon                                                       string // ": ", or " : " in French
}

func printWordsFor(lang string) printWords {
	if lang == "fr" {
		return printWords{
			handout:     "Questionnaire à remplir",
			contents:    "Sommaire",
			questions:   "%d questions",
			oneQuestion: "1 question",
			respondent:  []string{"Nom", "Organisation", "Pays", "Fonction", "Date"},
			howTitle:    "Comment répondre",
			how: []string{
				"Cochez une case par question, ou plusieurs là où c'est indiqué. Pour un niveau de capacité, cochez le niveau dont la description correspond à la situation d'aujourd'hui, pas à celle qui est prévue.",
				"Cochez « Ne sait pas » plutôt que de deviner : c'est un manque d'information à combler, pas un zéro. « Sans objet » n'est proposé que là où une question peut ne pas s'appliquer au pays.",
				"Indiquez votre degré de confiance et notez les éléments de preuve (loi, plan, rapport d'exercice) sous « Notes ». Les questions marquées ★ sont critiques : leurs écarts passent en premier.",
				"Vos réponses seront ensuite saisies avec « cbrn assess », puis comparées à celles des autres participants avec « cbrn consensus ».",
			},
			critical:      "critique",
			criticalNote:  "★ question critique",
			hazards:       "Risques",
			weight:        "Poids",
			heldBy:        "Détenue par",
			sources:       "Sources",
			guidance:      "Conseils",
			askOnlyIf:     "À remplir seulement si",
			dontKnow:      "Ne sait pas",
			notApplicable: "Sans objet",
			yes:           "Oui",
			no:            "Non",
			tickAll:       "Cochez tout ce qui s'applique.",
			tickOne:       "Cochez une case.",
			answer:        "Réponse",
			from:          "au moins %s",
			upTo:          "au plus %s",
			between:       "entre %s et %s",
			confidence:    "Confiance",
			documented:    "documentée",
			judgement:     "jugement",
			assumed:       "supposée",
			notes:         "Notes et éléments de preuve",
			selected:      "Questions retenues",
			is:            "%s vaut %s",
			isOneOf:       "%s vaut %s",
			atLeast:       "%s vaut au moins %s",
			atMost:        "%s vaut au plus %s",
			includes:      "%s comprend %s",
			includesOneOf: "%s comprend %s",
			and:           "et",
			or:            "ou",
			not:           "non",
			colon:         " : ",
		}
	}
	return printWords{
		handout:     "Handout",
		contents:    "Contents",
		questions:   "%d questions",
		oneQuestion: "1 question",
		respondent:  []string{"Name", "Organisation", "Country", "Role", "Date"},
		howTitle:    "How to answer",
		how: []string{
			"Tick one box per question, or several where it says so. For a capacity level, tick the level whose description matches the situation today, not the one planned.",
			"Tick “Don't know” rather than guess: it is a gap of information to close, not a zero. “Not applicable” is offered only where a question may not apply to the country.",
			"Say how sure you are, and write down the evidence (a law, a plan, an exercise report) under Notes. Questions marked ★ are critical: their gaps come first.",
			"Your answers are typed in afterwards with “cbrn assess”, then compared with the other participants' with “cbrn consensus”.",
		},
		critical:      "critical",
		criticalNote:  "★ critical question",
		hazards:       "Hazards",
		weight:        "Weight",
		heldBy:        "Held by",
		sources:       "Sources",
		guidance:      "Guidance",
		askOnlyIf:     "Answer only if",
		dontKnow:      "Don't know",
		notApplicable: "Not applicable",
		yes:           "Yes",
		no:            "No",
		tickAll:       "Tick all that apply.",
		tickOne:       "Tick one box.",
		answer:        "Answer",
		from:          "at least %s",
		upTo:          "at most %s",
		between:       "between %s and %s",
		confidence:    "Confidence",
		documented:    "documented",
		judgement:     "judgement",
		assumed:       "assumed",
		notes:         "Notes and evidence",
		selected:      "Questions selected",
		is:            "%s is %s",
		isOneOf:       "%s is %s",
		atLeast:       "%s is at least %s",
		atMost:        "%s is at most %s",
		includes:      "%s includes %s",
		includesOneOf: "%s includes %s",
		and:           "and",
		or:            "or",
		not:           "not",
		colon:         ": ",
	}
}
