package report

// planWords are the tool's words in a draft action plan.
type planWords struct {
	title, draftNote, summary                                string
	overall, conservative, completeness, target, outOf100    string
	counts, countsOne, infoCount, infoCountOne               string
	unansweredNote, unansweredOne, alsoInfoOne, plusInfo     string
	plusInfoOne, criticalCount, alsoConcerned                string
	actionsHeading, rank, activityType, gaps, critical       string
	priority, likelyLead, pillarsHeading, pillar, score      string
	criticalHeading, moreCritical                            string
	objective, priorityLine, gapsLine, leadsLine, noLead     string
	question, nowTarget, hazards, alsoInfo                   string
	toAgree, leadAgency, partners, timeframe, budget, indics string
	infoHeading, infoIntro, whoMayKnow, noInfo               string
	noGaps, answersOf, targetsOwn, targetsLevel, targetsNext string
	dontKnow, yes, no, full, none, unscored                  string
	colon, decimalComma, starLegend                          string
}

func planWordsFor(lang string) planWords {
	if lang == "fr" {
		return planWords{
			title:     "Projet de plan d'action national NRBC",
			draftNote: "Projet établi à partir des écarts de l'auto-évaluation : un point de départ pour l'équipe nationale. Pour chaque action, convenez de l'organisme chef de file, puis renseignez le calendrier, le budget et les indicateurs.",
			summary:   "Synthèse", overall: "Préparation globale", conservative: "score prudent",
			completeness: "complétude", target: "cible", outOf100: "/ 100",
			counts:         "%d écarts à combler (critiques : %d)",
			countsOne:      "1 écart à combler (critiques : %d)",
			infoCount:      "%d manques d'information (« ne sait pas »)",
			infoCountOne:   "1 manque d'information (« ne sait pas »)",
			unansweredNote: "%d questions applicables sont encore sans réponse : complétez l'évaluation avec « cbrn assess » avant d'arrêter le plan.",
			unansweredOne:  "1 question applicable est encore sans réponse : complétez l'évaluation avec « cbrn assess » avant d'arrêter le plan.",
			alsoInfoOne:    "Elle comble aussi 1 manque d'information (voir « Manques d'information »).",
			plusInfo:       " + %d manques d'information",
			plusInfoOne:    " + 1 manque d'information",
			criticalCount:  " (critiques : %d)",
			alsoConcerned:  "Également concernés",
			actionsHeading: "Actions par priorité", rank: "N°", activityType: "Type d'activité", gaps: "Écarts",
			critical: "Critiques", priority: "Priorité", likelyLead: "Chef de file probable",
			pillarsHeading: "Piliers", pillar: "Pilier", score: "Score",
			criticalHeading: "Écarts critiques", moreCritical: "et %d autres écarts critiques, détaillés ci-dessous.",
			objective: "Objectif", priorityLine: "Priorité", gapsLine: "Écarts traités",
			leadsLine: "Organismes susceptibles de piloter", noLead: "aucun organisme indiqué par le questionnaire : à désigner",
			question: "Question", nowTarget: "Actuel → cible", hazards: "Risques",
			alsoInfo: "Elle comble aussi %d manques d'information (voir « Manques d'information »).",
			toAgree:  "À convenir", leadAgency: "Organisme chef de file", partners: "Partenaires",
			timeframe: "Calendrier", budget: "Budget et financement", indics: "Indicateurs",
			infoHeading: "Manques d'information",
			infoIntro:   "Ces questions ont reçu la réponse « ne sait pas ». Chacune est un manque d'information : il peut cacher un écart aussi grand que la cible. Trouvez la réponse (c'est l'objet de l'évaluation des besoins) avant d'engager des moyens.",
			whoMayKnow:  "Qui peut savoir", noInfo: "Aucun : chaque question applicable a reçu une réponse autre que « ne sait pas ».",
			noGaps:       "Aucun écart : chaque question répondue atteint sa cible ; il n'y a rien à planifier.",
			answersOf:    "réponses du %s",
			targetsOwn:   "cibles : celles de chaque question",
			targetsLevel: "cibles : niveau %d pour toutes les questions à échelle",
			targetsNext:  "cibles : un niveau au-dessus de chaque réponse",
			dontKnow:     "ne sait pas", yes: "Oui", no: "Non", full: "maximum", none: "aucun", unscored: "—",
			colon: " : ", decimalComma: ",", starLegend: "★ critique",
		}
	}
	return planWords{
		title:     "Draft national CBRN action plan",
		draftNote: "Drafted from the gaps of the self-assessment: a starting point for the national team. For each action, agree the lead agency, then fill in the timeframe, the budget and the indicators.",
		summary:   "Summary", overall: "Overall readiness", conservative: "conservative",
		completeness: "completeness", target: "target", outOf100: "/ 100",
		counts:         "%d gaps to close (critical: %d)",
		countsOne:      "1 gap to close (critical: %d)",
		infoCount:      "%d information gaps (don't know)",
		infoCountOne:   "1 information gap (don't know)",
		unansweredNote: "%d applicable questions are still unanswered: complete the assessment with “cbrn assess” before settling the plan.",
		unansweredOne:  "1 applicable question is still unanswered: complete the assessment with “cbrn assess” before settling the plan.",
		alsoInfoOne:    "It also closes 1 information gap (see Information gaps).",
		plusInfo:       " + %d information gaps",
		plusInfoOne:    " + 1 information gap",
		criticalCount:  " (critical: %d)",
		alsoConcerned:  "Also concerned",
		actionsHeading: "Actions by priority", rank: "#", activityType: "Activity type", gaps: "Gaps",
		critical: "Critical", priority: "Priority", likelyLead: "Likely lead",
		pillarsHeading: "Pillars", pillar: "Pillar", score: "Score",
		criticalHeading: "Critical gaps", moreCritical: "and %d more critical gaps, detailed below.",
		objective: "Objective", priorityLine: "Priority", gapsLine: "Gaps addressed",
		leadsLine: "Agencies likely to lead", noLead: "no agency tagged in the questionnaire: to be designated",
		question: "Question", nowTarget: "Current → target", hazards: "Hazards",
		alsoInfo: "It also closes %d information gaps (see Information gaps).",
		toAgree:  "To be agreed", leadAgency: "Lead agency", partners: "Partners",
		timeframe: "Timeframe", budget: "Budget and funding", indics: "Indicators",
		infoHeading: "Information gaps",
		infoIntro:   "These questions were answered “don't know”. Each is a gap of information, which may hide a gap as large as the target: find out the answer (the needs assessment is there for it) before committing resources.",
		whoMayKnow:  "Who may know", noInfo: "None: every applicable question has an answer other than “don't know”.",
		noGaps:       "No gap: every answered question meets its target; there is nothing to plan.",
		answersOf:    "answers of %s",
		targetsOwn:   "targets: each question's own",
		targetsLevel: "targets: level %d on every scale question",
		targetsNext:  "targets: one level above each current answer",
		dontKnow:     "don't know", yes: "Yes", no: "No", full: "full", none: "none", unscored: "—",
		colon: ": ", decimalComma: ".", starLegend: "★ critical",
	}
}
