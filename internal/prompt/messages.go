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

// Catalogue returns the tool's words in lang, falling back to English: the prompt.* entries
// of the words catalogue.
func Catalogue(lang string) *Messages {
	t := words.For(lang)
	k := func(key string) string { return t.Format("prompt." + key) }
	return &Messages{
		Lang:              t.Lang(),
		words:             t,
		Answer:            k("answer"),
		Back:              k("back"),
		BackToList:        k("backToList"),
		ChooseOne:         k("chooseOne"),
		ColAnswered:       k("colAnswered"),
		ColDontKnow:       k("colDontKnow"),
		ColNA:             k("colNA"),
		ColPillar:         k("colPillar"),
		ColTotal:          k("colTotal"),
		Colon:             k("colon"),
		ConfAssumed:       k("confAssumed"),
		ConfDocumented:    k("confDocumented"),
		ConfJudgement:     k("confJudgement"),
		ConfNone:          k("confNone"),
		Confidence:        k("confidence"),
		Country:           k("country"),
		Current:           k("current"),
		DontKnow:          k("dontKnow"),
		EmptyAnswer:       k("emptyAnswer"),
		ExclusiveAlone:    k("exclusiveAlone"),
		Help:              k("help"),
		HelpHeading:       k("helpHeading"),
		InputHint:         k("inputHint"),
		KeepHint:          k("keepHint"),
		KeyBack:           k("keyBack"),
		KeyChoose:         k("keyChoose"),
		KeyDontKnow:       k("keyDontKnow"),
		KeyHelp:           k("keyHelp"),
		KeyMove:           k("keyMove"),
		KeyNotApplicable:  k("keyNotApplicable"),
		KeyScroll:         k("keyScroll"),
		KeyStop:           k("keyStop"),
		KeyToggle:         k("keyToggle"),
		MaxHint:           k("maxHint"),
		MinHint:           k("minHint"),
		MultiHint:         k("multiHint"),
		MultiNoneHint:     k("multiNoneHint"),
		Name:              k("name"),
		NextStep:          k("nextStep"),
		No:                k("no"),
		NoneOfThese:       k("noneOfThese"),
		NotANumber:        k("notANumber"),
		NotApplicable:     k("notApplicable"),
		Note:              k("note"),
		NoteKeepHow:       k("noteKeepHow"),
		NumberHint:        k("numberHint"),
		Organisation:      k("organisation"),
		Progress:          k("progress"),
		RangeHint:         k("rangeHint"),
		RespondentHeading: k("respondentHeading"),
		Resuming:          k("resuming"),
		ReviewDone:        k("reviewDone"),
		ReviewHeading:     k("reviewHeading"),
		ReviewNone:        k("reviewNone"),
		ReviewTip:         k("reviewTip"),
		Role:              k("role"),
		Skip:              k("skip"),
		Sources:           k("sources"),
		StopHint:          k("stopHint"),
		SummaryTitle:      k("summaryTitle"),
		TooHigh:           k("tooHigh"),
		TooLow:            k("tooLow"),
		TypeOneOf:         k("typeOneOf"),
		Yes:               k("yes"),
		Saved:             "prompt.saved",
		AllAnswered:       "prompt.allAnswered",
		Remaining:         "prompt.remaining",
	}
}
