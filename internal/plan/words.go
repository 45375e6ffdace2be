package plan

// words are the tool's words in a draft action plan.
type words struct {
	title, draftNote, summary                             string
	overall, conservative, completeness, target, outOf100 string
	counts, countsOne, infoCount, infoCountOne            string
	unansweredNote, unansweredOne, criticalCount          string
	objectivesHeading, rank, objective, actions, critical string
	lead, supporting, timeframe, partners, noPartners     string
	noLead, none, portfolioHeading, portfolioIntro        string
	activityType, category, pillarsHeading, pillar, score string
	gaps, theme, question, nowTarget, activities, cost    string
	indicator, toAgree, leadConfirmed, officer, budget    string
	startEnd, status, noGaps, answersOf, targetsOwn       string
	targetsLevel, targetsNext, dontKnow, yes, no, full    string
	unscored, colon, decimalComma, starLegend             string
	needsTitle, needsIntro, genericTitle, part            string
	infoIndicator, whoMayKnow, allPillars                 string
	andMore, alsoChosen, chosenOf                         string
	timeframes                                            map[Timeframe]string
	timeframesShort                                       map[Timeframe]string
	categories                                            map[Category]string
	statuses                                              []string
	// the workbook's column titles beyond the ones above
	section, questionText, from, to, start, end, id, sections string
	objectivesSheet, actionsSheet                             string
}

func wordsFor(lang string) words {
	if lang == "fr" {
		return words{
			title:     "Projet de plan d'action national NRBC",
			draftNote: "Projet établi à partir des écarts de l'auto-évaluation : un point de départ pour l'équipe nationale. Pour chaque objectif, confirmez l'organisme chef de file, puis fixez le responsable, le budget, les dates et le suivi.",
			summary:   "Synthèse", overall: "Préparation globale", conservative: "score prudent",
			completeness: "complétude", target: "cible", outOf100: "/ 100",
			counts:            "%d écarts à combler (critiques : %d)",
			countsOne:         "1 écart à combler (critiques : %d)",
			infoCount:         "%d manques d'information (« ne sait pas »)",
			infoCountOne:      "1 manque d'information (« ne sait pas »)",
			unansweredNote:    "%d questions applicables sont encore sans réponse : complétez l'évaluation avec « cbrn assess » avant d'arrêter le plan.",
			unansweredOne:     "1 question applicable est encore sans réponse : complétez l'évaluation avec « cbrn assess » avant d'arrêter le plan.",
			criticalCount:     " (critiques : %d)",
			objectivesHeading: "Objectifs par priorité", rank: "N°", objective: "Objectif", actions: "Actions",
			critical: "Critiques", lead: "Chef de file", supporting: "Organismes d'appui", timeframe: "Échéance",
			partners: "Partenaires possibles", noPartners: "aucun indiqué par le questionnaire",
			noLead: "à désigner (aucun organisme indiqué par le questionnaire)", none: "aucun",
			portfolioHeading: "Types d'activité dans le plan",
			portfolioIntro:   "Combien d'actions font appel à chaque type d'activité (une action peut en appeler plusieurs).",
			activityType:     "Type d'activité", category: "Catégorie de coût",
			pillarsHeading: "Piliers", pillar: "Pilier", score: "Score", gaps: "Écarts", theme: "Domaine",
			question: "Question", nowTarget: "Actuel → cible", activities: "Types d'activité", cost: "Coût",
			indicator: "Indicateur", toAgree: "À convenir", leadConfirmed: "Chef de file confirmé",
			officer: "Responsable", budget: "Budget et financement", startEnd: "Début – fin", status: "État",
			noGaps:       "Aucun écart : chaque question répondue atteint sa cible ; il n'y a rien à planifier.",
			answersOf:    "réponses du %s",
			targetsOwn:   "cibles : celles de chaque question",
			targetsLevel: "cibles : niveau %d pour toutes les questions à échelle",
			targetsNext:  "cibles : un niveau au-dessus de chaque réponse",
			dontKnow:     "ne sait pas", yes: "Oui", no: "Non", full: "maximum", unscored: "—",
			colon: "\u00a0: ", decimalComma: ",", starLegend: "★ critique",
			needsTitle:    "Les faits derrière chaque réponse « ne sait pas » sont établis",
			needsIntro:    "Ces questions ont reçu la réponse « ne sait pas ». Chacune peut cacher un écart aussi grand que la cible : trouvez la réponse (évaluation des besoins) avant d'engager des moyens, puis reprenez l'évaluation.",
			genericTitle:  "%s : les capacités atteignent leurs cibles",
			part:          " (partie %d)",
			infoIndicator: "Une réponse étayée par des documents remplace « ne sait pas »",
			whoMayKnow:    "Qui peut savoir", allPillars: "plusieurs piliers",
			andMore: " et %d autres", alsoChosen: "S'y ajoutent : ", chosenOf: "%d choix sur %d",
			timeframes:      map[Timeframe]string{Short: "court terme (moins d'un an)", Medium: "moyen terme (1 à 3 ans)", Long: "long terme (3 à 5 ans)"},
			timeframesShort: map[Timeframe]string{Short: "court", Medium: "moyen", Long: "long"},
			categories: map[Category]string{Planning: "planification", Organisation: "organisation", Equipment: "équipement",
				Training: "formation", Exercises: "exercices"},
			statuses: []string{"Non commencée", "En cours", "Terminée", "En attente", "Abandonnée"},
			section:  "Section", questionText: "Texte de la question", from: "Actuel", to: "Cible",
			start: "Début", end: "Fin", id: "Id", sections: "Sections",
			objectivesSheet: "Objectifs", actionsSheet: "Actions",
		}
	}
	return words{
		title:     "Draft national CBRN action plan",
		draftNote: "Drafted from the gaps of the self-assessment: a starting point for the national team. For each objective, confirm the lead agency, then settle the responsible officer, the budget, the dates and the follow-up.",
		summary:   "Summary", overall: "Overall readiness", conservative: "conservative",
		completeness: "completeness", target: "target", outOf100: "/ 100",
		counts:            "%d gaps to close (critical: %d)",
		countsOne:         "1 gap to close (critical: %d)",
		infoCount:         "%d information gaps (don't know)",
		infoCountOne:      "1 information gap (don't know)",
		unansweredNote:    "%d applicable questions are still unanswered: complete the assessment with “cbrn assess” before settling the plan.",
		unansweredOne:     "1 applicable question is still unanswered: complete the assessment with “cbrn assess” before settling the plan.",
		criticalCount:     " (critical: %d)",
		objectivesHeading: "Objectives by priority", rank: "#", objective: "Objective", actions: "Actions",
		critical: "Critical", lead: "Lead agency", supporting: "Supporting agencies", timeframe: "Timeframe",
		partners: "Possible partners", noPartners: "none named in the questionnaire",
		noLead: "to be designated (no agency named in the questionnaire)", none: "none",
		portfolioHeading: "Activity types across the plan",
		portfolioIntro:   "How many actions call for each activity type (an action may call for several).",
		activityType:     "Activity type", category: "Cost category",
		pillarsHeading: "Pillars", pillar: "Pillar", score: "Score", gaps: "Gaps", theme: "Theme",
		question: "Question", nowTarget: "Now → target", activities: "Activity types", cost: "Cost",
		indicator: "Indicator", toAgree: "To be agreed", leadConfirmed: "Lead agency confirmed",
		officer: "Responsible officer", budget: "Budget and funding", startEnd: "Start – end", status: "Status",
		noGaps:       "No gap: every answered question meets its target; there is nothing to plan.",
		answersOf:    "answers of %s",
		targetsOwn:   "targets: each question's own",
		targetsLevel: "targets: level %d on every scale question",
		targetsNext:  "targets: one level above each current answer",
		dontKnow:     "don't know", yes: "Yes", no: "No", full: "full", unscored: "—",
		colon: ": ", decimalComma: ".", starLegend: "★ critical",
		needsTitle:    "The facts behind every “don't know” answer are established",
		needsIntro:    "These questions were answered “don't know”. Each may hide a gap as large as the target: find out the answer (a needs assessment) before committing resources, then assess again.",
		genericTitle:  "%s: capacities reach their targets",
		part:          " (part %d)",
		infoIndicator: "A documented answer replaces “don't know”",
		whoMayKnow:    "Who may know", allPillars: "several pillars",
		andMore: " and %d more", alsoChosen: "Also: ", chosenOf: "%d of %d chosen",
		timeframes:      map[Timeframe]string{Short: "short (within a year)", Medium: "medium (1–3 years)", Long: "long (3–5 years)"},
		timeframesShort: map[Timeframe]string{Short: "short", Medium: "medium", Long: "long"},
		categories: map[Category]string{Planning: "planning", Organisation: "organisation", Equipment: "equipment",
			Training: "training", Exercises: "exercises"},
		statuses: []string{"Not started", "In progress", "Done", "On hold", "Dropped"},
		section:  "Section", questionText: "Question text", from: "Now", to: "Target",
		start: "Start", end: "End", id: "Id", sections: "Sections",
		objectivesSheet: "Objectives", actionsSheet: "Actions",
	}
}
