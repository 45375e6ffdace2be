package score

// GroupJSON is the JSON form of a group's figures (GROUP in the design contract), shared by
// every JSON output that carries them. Undefined figures are null, never zero.
type GroupJSON struct {
	Score        *float64 `json:"score"`
	Conservative *float64 `json:"conservative"`
	Target       *float64 `json:"target"`
	Gap          *float64 `json:"gap"`
	Completeness *float64 `json:"completeness"`
	Answered     int      `json:"answered"`
	NA           int      `json:"na"`
	Unknown      int      `json:"unknown"`
	Unanswered   int      `json:"unanswered"`
	Skipped      int      `json:"skipped"`
	// The mean level on 1..5 scales and its SPAR equivalent (mean level × 20); null without one.
	MeanLevel      *float64 `json:"mean_level"`
	SPAREquivalent *float64 `json:"spar_equivalent"`
}

// JSON gives the group's figures in their JSON form.
func (g Group) JSON() GroupJSON {
	return GroupJSON{Score: g.Score, Conservative: g.Conservative, Target: g.Target, Gap: g.Gap,
		Completeness: g.Completeness, Answered: g.Answered, NA: g.NA, Unknown: g.Unknown,
		Unanswered: g.Unanswered, Skipped: g.Skipped, MeanLevel: g.MeanLevel, SPAREquivalent: g.SPAREquivalent}
}
