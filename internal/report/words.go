package report

// Words of the tool itself (not of a questionnaire) that every output shares, in each language
// the tool speaks. A language the tool does not know falls back to English.

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

func lookup(table map[string]map[string]string, lang, key string) string {
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
func PillarName(id, lang string) string { return lookup(pillarNames, lang, id) }

// HazardName is the display name of a hazard id (C, B, R, N).
func HazardName(id, lang string) string { return lookup(hazardNames, lang, id) }

// StatusName is the display name of a question status (answered, na, unknown, …).
func StatusName(status, lang string) string { return lookup(statusNames, lang, status) }

// Words of the reports: headings, labels and sentences. Sentences with %s or %d are formats.
var reportWords = map[string]map[string]string{
	"en": {
		"andMore":            "and %d more",
		"ofTotal":            "%s of the weighted gap",
		"unknownBrief":       "%d questions answered \"don't know\": gather that information first (a needs assessment).",
		"unknownBriefOne":    "1 question answered \"don't know\": gather that information first (a needs assessment).",
		"inBrief":            "In brief",
		"weakestPillar":      "Weakest pillar: %s, %s against a target of %s.",
		"weakestHazard":      "Weakest hazard: %s, %s against a target of %s.",
		"leastComplete":      "Least complete pillar: %s, %s answered.",
		"gapsCount":          "%d gaps, %d of them critical.",
		"gapsCountNone":      "%d gaps, none of them critical.",
		"gapsList":           "%s: %s",
		"colon":              ":",
		"gapOneCritical":     "1 gap, a critical one.",
		"gapOne":             "1 gap, not a critical one.",
		"firstActivity":      "First activity: %s, which closes %s.",
		"moreGap":            "1 more gap is listed with -o markdown, -o html or -o csv.",
		"answersOf":          "answers of %s",
		"targetsOwn":         "targets: each question's own",
		"targetsLevel":       "targets: level %d on every scale question (--target %d)",
		"targetsNext":        "targets: one level above each current answer (--target next)",
		"overall":            "Overall readiness",
		"conservativeLine":   "Conservative",
		"conservativeNote":   "(\"don't know\" counted as 0)",
		"completenessLine":   "Completeness",
		"countsLine":         "%d answered, %d don't know, %d unanswered",
		"countsAside":        "not counted: %d not applicable, %d skipped",
		"outOf100":           "/ 100",
		"indicative":         "INDICATIVE",
		"indicativeText":     "only %s of the applicable questions have an answer; the scores will move as the rest are answered.",
		"noScore":            "No question is answered yet: there is no score.",
		"pillars":            "Pillars",
		"hazards":            "Hazards",
		"sections":           "Sections",
		"grid":               "Score by pillar and hazard",
		"gridNote":           "A question counts in every hazard it covers.",
		"pillar":             "Pillar",
		"hazard":             "Hazard",
		"section":            "Section",
		"score":              "Score",
		"conservative":       "Conserv.",
		"conservativeLong":   "Conservative",
		"target":             "Target",
		"gap":                "Gap",
		"complete":           "Complete",
		"answered":           "Answered",
		"topGaps":            "Top %d gaps (critical first, then by priority)",
		"allGaps":            "All gaps (critical first, then by priority)",
		"gapsNone":           "No gap: every answered question meets its target.",
		"moreGaps":           "%d more gaps are listed with -o markdown, -o html or -o csv.",
		"critical":           "critical",
		"priority":           "priority",
		"priorityLong":       "Priority",
		"question":           "Question",
		"nowTarget":          "Now → target",
		"dontKnow":           "don't know",
		"yes":                "Yes",
		"no":                 "No",
		"full":               "full",
		"noneChosen":         "none",
		"activities":         "Activities that close the gaps (by priority)",
		"activityColumn":     "Activities",
		"activitiesNone":     "No activity needed: there is no gap.",
		"gapsBehind":         "%d gaps",
		"gapBehind":          "1 gap",
		"criticalMark":       "* critical",
		"howToRead":          "How to read these figures",
		"howScore":           "Scores run from 0 to 100: each answered question scores its level (or choice), weighted by its weight. Not applicable, skipped and unanswered questions are left out, and so is \"don't know\", which the conservative score counts as 0 instead.",
		"howGap":             "Gap is target minus score; a question's priority is its weight times its gap, and an activity's priority the sum over the gaps it closes, also shown as a share of the weighted gap (the sum of every question's priority; a gap can call for several activities, so the shares can add up to more than 100 %). \"Don't know\" is a gap of information, closed by a needs assessment.",
		"howComplete":        "Completeness is the share of applicable questions that have an answer other than \"don't know\".",
		"radarTitle":         "Pillars: score and target",
		"barsTitle":          "Hazards: score and target",
		"legendScore":        "score",
		"legendTarget":       "target",
		"legendConservative": "conservative",
		"notScored":          "no score",
		"generatedBy":        "Generated by cbrn from %s.",
	},
	"fr": {
		"andMore":            "et %d autres",
		"ofTotal":            "%s de l'écart pondéré",
		"unknownBrief":       "%d questions à « ne sait pas » : réunir d'abord cette information (évaluation des besoins).",
		"unknownBriefOne":    "1 question à « ne sait pas » : réunir d'abord cette information (évaluation des besoins).",
		"inBrief":            "En bref",
		"weakestPillar":      "Pilier le plus faible : %s, %s pour une cible de %s.",
		"weakestHazard":      "Risque le plus faible : %s, %s pour une cible de %s.",
		"leastComplete":      "Pilier le moins renseigné : %s, %s de réponses.",
		"gapsCount":          "%d écarts, dont critiques : %d.",
		"gapsCountNone":      "%d écarts, aucun critique.",
		"gapsList":           "%s : %s",
		"colon":              " :",
		"gapOneCritical":     "1 écart, critique.",
		"gapOne":             "1 écart, non critique.",
		"firstActivity":      "Première activité : %s, qui comble %s.",
		"moreGap":            "1 autre écart figure dans les sorties -o markdown, -o html ou -o csv.",
		"answersOf":          "réponses du %s",
		"targetsOwn":         "cibles : celles de chaque question",
		"targetsLevel":       "cibles : niveau %d pour toutes les questions à échelle (--target %d)",
		"targetsNext":        "cibles : un niveau au-dessus de chaque réponse (--target next)",
		"overall":            "Préparation globale",
		"conservativeLine":   "Score prudent",
		"conservativeNote":   "(« ne sait pas » compté 0)",
		"completenessLine":   "Complétude",
		"countsLine":         "répondues : %d, « ne sait pas » : %d, sans réponse : %d",
		"countsAside":        "non comptées : sans objet %d, non posées %d",
		"outOf100":           "/ 100",
		"indicative":         "INDICATIF",
		"indicativeText":     "seules %s des questions applicables ont une réponse ; les scores évolueront à mesure que les autres seront renseignées.",
		"noScore":            "Aucune question n'a encore de réponse : il n'y a pas de score.",
		"pillars":            "Piliers",
		"hazards":            "Risques",
		"sections":           "Sections",
		"grid":               "Score par pilier et par risque",
		"gridNote":           "Une question compte dans chaque risque qu'elle couvre.",
		"pillar":             "Pilier",
		"hazard":             "Risque",
		"section":            "Section",
		"score":              "Score",
		"conservative":       "Prudent",
		"conservativeLong":   "Score prudent",
		"target":             "Cible",
		"gap":                "Écart",
		"complete":           "Complétude",
		"answered":           "Répondues",
		"topGaps":            "Les %d principaux écarts (critiques d'abord, puis par priorité)",
		"allGaps":            "Tous les écarts (critiques d'abord, puis par priorité)",
		"gapsNone":           "Aucun écart : chaque question répondue atteint sa cible.",
		"moreGaps":           "%d autres écarts figurent dans les sorties -o markdown, -o html ou -o csv.",
		"critical":           "critique",
		"priority":           "priorité",
		"priorityLong":       "Priorité",
		"question":           "Question",
		"nowTarget":          "Actuel → cible",
		"dontKnow":           "ne sait pas",
		"yes":                "Oui",
		"no":                 "Non",
		"full":               "maximum",
		"noneChosen":         "aucun",
		"activities":         "Activités qui comblent les écarts (par priorité)",
		"activityColumn":     "Activités",
		"activitiesNone":     "Aucune activité nécessaire : il n'y a pas d'écart.",
		"gapsBehind":         "%d écarts",
		"gapBehind":          "1 écart",
		"criticalMark":       "* critique",
		"howToRead":          "Comment lire ces chiffres",
		"howScore":           "Les scores vont de 0 à 100 : chaque question répondue vaut son niveau (ou son choix), pondéré par son poids. Les questions sans objet, non posées ou sans réponse sont laissées de côté, de même que « ne sait pas », que le score prudent compte 0.",
		"howGap":             "L'écart est la cible moins le score ; la priorité d'une question est son poids multiplié par son écart, celle d'une activité la somme sur les écarts qu'elle comble, exprimée aussi en part de l'écart pondéré (la somme des priorités de toutes les questions ; un écart peut appeler plusieurs activités, si bien que les parts peuvent dépasser 100 % au total). « Ne sait pas » est un manque d'information, comblé par une évaluation des besoins.",
		"howComplete":        "La complétude est la part des questions applicables qui ont une réponse autre que « ne sait pas ».",
		"radarTitle":         "Piliers : score et cible",
		"barsTitle":          "Risques : score et cible",
		"legendScore":        "score",
		"legendTarget":       "cible",
		"legendConservative": "score prudent",
		"notScored":          "pas de score",
		"generatedBy":        "Produit par cbrn à partir de %s.",
	},
}

// word is a report word in lang, falling back to English.
func word(lang, key string) string { return lookup(reportWords, lang, key) }
