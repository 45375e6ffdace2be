package compare

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// The table and Markdown formats of a comparison: the same text, laid out for a terminal or
// for pasting into a document.

type textOut struct {
	buf bytes.Buffer
	md  bool
	err error
}

func (o *textOut) heading(s string) {
	if o.md {
		fmt.Fprintf(&o.buf, "\n## %s\n\n", s)
	} else {
		fmt.Fprintf(&o.buf, "\n%s\n\n", s)
	}
}

// wrap writes text after prefix, wrapped at spaces to the terminal width, the continuation
// lines indented as deep as the prefix. Markdown is not wrapped.
func (o *textOut) wrap(prefix, text string) {
	if o.md {
		o.line("%s%s", prefix, text)
		return
	}
	textfmt.WriteWrapped(&o.buf, text, prefix, strings.Repeat(" ", textfmt.DisplayWidth(prefix)), textfmt.Width)
}

// star marks critical questions.
func (o *textOut) star() string {
	if o.md {
		return `\*`
	}
	return "*"
}

func (o *textOut) line(format string, args ...any) {
	fmt.Fprintf(&o.buf, format+"\n", args...)
}

// text makes a user text safe for the output: no terminal controls; in Markdown, no markup,
// link, image or HTML, and no pipe or line break to split a table cell.
func (o *textOut) text(s string) string {
	if o.md {
		return textfmt.Markdown(s)
	}
	return textfmt.Terminal(s)
}

func (o *textOut) table(header []string, rows [][]string, right []bool) {
	if o.err != nil {
		return
	}
	if !o.md {
		o.err = textfmt.Table(&o.buf, header, rows, right)
		return
	}
	textfmt.MarkdownTable(&o.buf, header, rows, right) // cells are escaped already, by text
}

func renderText(in Input, md bool) ([]byte, error) {
	o := &textOut{md: md}
	r := in.Result
	if md {
		o.line("# Comparison of two assessments: %s %s", o.text(in.Q.ID), o.text(in.Q.Version))
		o.line("")
		o.line("- BASE: %s", o.text(describe(in.Base)))
		o.line("- NEW: %s", o.text(describe(in.New)))
	} else {
		o.line("Comparison of two assessments of %s %s", o.text(in.Q.ID), o.text(in.Q.Version))
		o.wrap("  BASE: ", o.text(describe(in.Base)))
		o.wrap("  NEW:  ", o.text(describe(in.New)))
	}

	o.heading("Verdict")
	pad := 0
	for _, d := range r.Pillars {
		pad = max(pad, len([]rune(words.PillarName(d.ID, in.Lang))))
	}
	for _, d := range r.Pillars {
		name := words.PillarName(d.ID, in.Lang)
		if md {
			o.line("- **%s**: %s", name, Verdict(d))
		} else {
			o.wrap(fmt.Sprintf("  %-*s  ", pad, name), Verdict(d))
		}
	}
	if md {
		o.line("- **Overall**: %s", Verdict(r.Overall))
	} else {
		o.wrap(fmt.Sprintf("  %-*s  ", pad, "Overall"), Verdict(r.Overall))
	}

	groupTable := func(title, first string, ds []Delta, name func(Delta) string) {
		o.heading(title)
		rows := make([][]string, 0, len(ds))
		for _, d := range ds {
			rows = append(rows, []string{name(d), num(d.Base.Score), num(d.New.Score), signed(d.Score),
				percent(d.Base.Completeness), percent(d.New.Completeness)})
		}
		o.table([]string{first, "BASE", "NEW", "CHANGE", "DONE BASE", "DONE NEW"}, rows, []bool{false, true, true, true, true, true})
	}
	groupTable("Pillars", "PILLAR", r.Pillars, func(d Delta) string { return words.PillarName(d.ID, in.Lang) })
	groupTable("Hazards", "HAZARD", r.Hazards, func(d Delta) string { return words.HazardName(d.ID, in.Lang) })
	groupTable("Sections", "SECTION", r.Sections, func(d Delta) string { return o.text(d.ID) })
	o.line("")
	o.wrap("", "Scores 0-100; DONE is completeness: answered / (answered + don't know + unanswered).")

	questionTable := func(title string, list []QuestionDelta) {
		if len(list) == 0 {
			return
		}
		o.heading(fmt.Sprintf("%s (%d)", title, len(list)))
		rows := make([][]string, 0, len(list))
		for _, d := range list {
			id := o.text(d.ID)
			if d.Critical {
				id += " " + o.star()
			}
			rows = append(rows, []string{id, words.PillarName(d.Pillar, in.Lang), answerLabel(d.Base), answerLabel(d.New), signed(d.Score)})
		}
		o.table([]string{"QUESTION", "PILLAR", "BASE", "NEW", "CHANGE"}, rows, []bool{false, false, true, true, true})
	}
	questionTable("Questions improved", r.Improved)
	questionTable("Questions worsened", r.Worsened)
	questionTable("Questions newly answered", r.NewlyAnswered)
	questionTable("Questions newly answered \"don't know\"", r.NewlyUnknown)
	questionTable("Other changes of status", r.StatusChanged)
	if len(r.Improved)+len(r.Worsened)+len(r.NewlyAnswered)+len(r.NewlyUnknown)+len(r.StatusChanged) == 0 {
		o.heading("Questions")
		o.line("No question changed.")
	} else {
		o.line("")
		o.wrap("", o.star()+" critical question. BASE and NEW: the score 0-100 (and level L), or the status.")
	}

	activityTable := func(title string, list []ActivityDelta) {
		if len(list) == 0 {
			return
		}
		o.heading(fmt.Sprintf("%s (%d)", title, len(list)))
		rows := make([][]string, 0, len(list))
		for _, a := range list {
			name := a.ID
			if md {
				name = in.Q.ActivityTitle(a.ID, in.Lang)
			}
			rows = append(rows, []string{o.text(name), strconv.FormatFloat(a.BasePriority, 'f', 1, 64), strconv.FormatFloat(a.NewPriority, 'f', 1, 64),
				signedValue(a.Change), rank(a.BaseRank) + " → " + rank(a.NewRank)})
		}
		o.table([]string{"ACTIVITY", "BASE", "NEW", "CHANGE", "RANK"}, rows, []bool{false, true, true, true, false})
	}
	activityTable("Activities whose priority rose", r.Rose)
	activityTable("Activities whose priority fell", r.Fell)
	if len(r.Rose)+len(r.Fell) == 0 {
		o.heading("Activities")
		o.line("No activity type changed priority.")
	} else {
		o.line("")
		o.wrap("", "Priority: the sum of weight × gap over the gaps mapped to the activity type; RANK among the types with a gap.")
	}
	return o.buf.Bytes(), o.err
}

func describe(s Side) string {
	var parts []string
	r := s.A.Respondent
	for _, x := range []string{r.Country, r.Organisation, r.Name} {
		if x != "" {
			parts = append(parts, x)
		}
	}
	if t := s.A.Updated; !t.IsZero() {
		parts = append(parts, "updated "+t.UTC().Format("2006-01-02"))
	} else if t := s.A.Created; !t.IsZero() {
		parts = append(parts, "created "+t.UTC().Format("2006-01-02"))
	}
	if v := s.A.Questionnaire.Version; v != "" {
		parts = append(parts, "answered version "+v)
	}
	if len(parts) == 0 {
		return s.Path
	}
	return s.Path + " (" + strings.Join(parts, ", ") + ")"
}

func num(p *float64) string {
	if p == nil {
		return "-"
	}
	return strconv.FormatFloat(*p, 'f', 1, 64)
}

func signed(p *float64) string {
	if p == nil {
		return "-"
	}
	return signedValue(*p)
}

func signedValue(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	switch {
	case s == "0.0" || s == "-0.0":
		return "0.0"
	case f > 0:
		return "+" + s
	}
	return s
}

func percent(p *float64) string {
	if p == nil {
		return "-"
	}
	return strconv.FormatFloat(*p*100, 'f', 0, 64) + "%"
}

func rank(n int) string {
	if n == 0 {
		return "-"
	}
	return strconv.Itoa(n)
}

func answerLabel(q *score.Question) string {
	switch q.Status {
	case score.Answered:
		s := num(q.Score)
		if q.Level != nil {
			s += fmt.Sprintf(" (L%d)", *q.Level)
		}
		return s
	case score.Unknown:
		return "don't know"
	case score.NA:
		return "n/a"
	}
	return string(q.Status)
}
