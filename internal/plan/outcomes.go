package plan

import (
	"fmt"

	"github.com/cbrn-tool/cbrn/internal/questionnaire"
)

// Title is an objective's title, worded as the outcome it seeks, in lang (English for a
// language the tool does not speak). The shipped questionnaires' sections have outcomes of their
// own; any other section's objective is its title followed by "capacities reach their targets".
func Title(q *questionnaire.Questionnaire, o *Objective, lang string) string {
	w := wordsFor(lang)
	var s string
	switch {
	case o.NeedsAssessment():
		s = w.needsTitle
	default:
		sec := o.Sections[0]
		table := outcomesEN
		if lang == "fr" {
			table = outcomesFR
		}
		if t, ok := table[q.ID+"/"+sec.ID]; ok {
			s = t
		} else {
			s = fmt.Sprintf(w.genericTitle, sec.Title.Get(lang))
		}
	}
	if o.Part > 0 {
		s += fmt.Sprintf(w.part, o.Part)
	}
	return s
}

// outcomesEN are the outcomes of the shipped questionnaires' sections, by questionnaire/section.
var outcomesEN = map[string]string{
	"cbrn-core/prevention-governance":      "A national CBRN coordination body steers risk mitigation under an adopted national plan",
	"cbrn-core/prevention-legal":           "National law implements the CBRN treaties and instruments, with prohibitions and penalties",
	"cbrn-core/prevention-regulation":      "Facilities and materials of concern are licensed, inspected and overseen",
	"cbrn-core/prevention-trade":           "Exports, transit and borders are controlled for CBRN goods and technology",
	"cbrn-core/prevention-security":        "Security culture, threat intelligence and oversight of new technologies prevent misuse",
	"cbrn-core/detection-surveillance":     "Surveillance detects CBRN events early and raises the alert",
	"cbrn-core/detection-laboratories":     "Laboratories confirm CBRN agents and support forensic investigation",
	"cbrn-core/detection-borders":          "CBRN materials are detected and stopped at points of entry",
	"cbrn-core/detection-information":      "Information on CBRN events is shared and notified in time",
	"cbrn-core/preparedness-planning":      "Emergency plans for CBRN incidents are adopted, coordinated and tested",
	"cbrn-core/preparedness-health":        "The health sector is ready to receive and treat CBRN casualties",
	"cbrn-core/preparedness-training":      "Responders are trained and exercised, and a national expert community sustains it",
	"cbrn-core/preparedness-equipment":     "Responders have the equipment, stockpiles and logistics they need",
	"cbrn-core/preparedness-communication": "The public receives timely and trusted risk communication",
	"cbrn-core/preparedness-international": "International cooperation agreements are in place and used",
	"cbrn-core/response-command":           "A unified command leads the response to a CBRN incident",
	"cbrn-core/response-sampling":          "Field detection, sampling and laboratory confirmation work as one chain",
	"cbrn-core/response-casualties":        "Casualties are decontaminated and treated safely",
	"cbrn-core/response-investigation":     "CBRN crime scenes are managed and investigated to the standard of evidence",
	"cbrn-core/response-assistance":        "International assistance can be requested, received and given",
	"cbrn-core/response-recovery":          "Recovery, waste, fatalities and lessons learnt are managed after an incident",
	"cbrn-quick/prevention":                "CBRN materials are kept out of the wrong hands",
	"cbrn-quick/detection":                 "CBRN events are detected and confirmed early",
	"cbrn-quick/preparedness":              "The country is prepared for a CBRN emergency",
	"cbrn-quick/response":                  "The country responds to a CBRN incident effectively",
}

var outcomesFR = map[string]string{
	"cbrn-core/prevention-governance":      "Un organe national de coordination NRBC pilote l'atténuation des risques selon un plan national adopté",
	"cbrn-core/prevention-legal":           "Le droit national met en œuvre les traités et instruments NRBC, avec interdictions et sanctions",
	"cbrn-core/prevention-regulation":      "Les installations et matières sensibles sont autorisées, inspectées et contrôlées",
	"cbrn-core/prevention-trade":           "Les exportations, le transit et les frontières sont contrôlés pour les biens et technologies NRBC",
	"cbrn-core/prevention-security":        "La culture de sécurité, le renseignement et le suivi des technologies nouvelles préviennent les détournements",
	"cbrn-core/detection-surveillance":     "La surveillance détecte tôt les événements NRBC et donne l'alerte",
	"cbrn-core/detection-laboratories":     "Les laboratoires confirment les agents NRBC et appuient l'enquête criminalistique",
	"cbrn-core/detection-borders":          "Les matières NRBC sont détectées et arrêtées aux points d'entrée",
	"cbrn-core/detection-information":      "L'information sur les événements NRBC est partagée et notifiée à temps",
	"cbrn-core/preparedness-planning":      "Les plans d'urgence NRBC sont adoptés, coordonnés et éprouvés",
	"cbrn-core/preparedness-health":        "Le secteur de la santé est prêt à accueillir et soigner les victimes NRBC",
	"cbrn-core/preparedness-training":      "Les intervenants sont formés et entraînés, et une communauté nationale d'experts le pérennise",
	"cbrn-core/preparedness-equipment":     "Les intervenants disposent des équipements, des stocks et de la logistique nécessaires",
	"cbrn-core/preparedness-communication": "La population reçoit à temps une communication sur les risques digne de confiance",
	"cbrn-core/preparedness-international": "Les accords de coopération internationale sont en place et utilisés",
	"cbrn-core/response-command":           "Un commandement unifié dirige la réponse à un incident NRBC",
	"cbrn-core/response-sampling":          "La détection sur site, les prélèvements et la confirmation en laboratoire forment une seule chaîne",
	"cbrn-core/response-casualties":        "Les victimes sont décontaminées et prises en charge en sécurité",
	"cbrn-core/response-investigation":     "Les scènes de crime NRBC sont gérées et les enquêtes menées selon les exigences de la preuve",
	"cbrn-core/response-assistance":        "L'assistance internationale peut être demandée, reçue et fournie",
	"cbrn-core/response-recovery":          "Le rétablissement, les déchets, les décès et le retour d'expérience sont gérés après un incident",
	"cbrn-quick/prevention":                "Les matières NRBC sont tenues hors de portée de ceux qui veulent nuire",
	"cbrn-quick/detection":                 "Les événements NRBC sont détectés et confirmés tôt",
	"cbrn-quick/preparedness":              "Le pays est préparé à une urgence NRBC",
	"cbrn-quick/response":                  "Le pays répond efficacement à un incident NRBC",
}
