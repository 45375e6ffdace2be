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
	buf    bytes.Buffer
	md     bool
	err    error
	tables textfmt.Tables // the terminal tables' one writer
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
		o.err = o.tables.Table(&o.buf, header, rows, right)
		return
	}
	textfmt.MarkdownTable(&o.buf, header, rows, right) // cells are escaped already, by text
}

func renderText(in Input, md bool) ([]byte, error) {
	o := &textOut{md: md}
	r := in.Result
	t := words.For(in.Lang)
	if md {
		o.line("# %s", t.T("compare.titleMarkdown", o.text(in.Q.ID), o.text(in.Q.Version)))
		o.line("")
		o.line("- %s %s", t.T("compare.baseLabel"), o.text(describe(in.Base, t)))
		o.line("- %s %s", t.T("compare.newLabel"), o.text(describe(in.New, t)))
	} else {
		o.line("%s", t.T("compare.title", o.text(in.Q.ID), o.text(in.Q.Version)))
		sides := max(textfmt.DisplayWidth(t.T("compare.baseLabel")), textfmt.DisplayWidth(t.T("compare.newLabel")))
		o.wrap("  "+textfmt.Pad(t.T("compare.baseLabel"), sides)+" ", o.text(describe(in.Base, t)))
		o.wrap("  "+textfmt.Pad(t.T("compare.newLabel"), sides)+" ", o.text(describe(in.New, t)))
	}

	o.heading(t.T("compare.verdict"))
	pad := 0
	for _, d := range r.Pillars {
		pad = max(pad, textfmt.DisplayWidth(t.Pillar(d.ID)))
	}
	for _, d := range r.Pillars {
		name := t.Pillar(d.ID)
		if md {
			o.line("- **%s**%s%s", name, t.T("compare.colon"), verdict(d, t))
		} else {
			o.wrap("  "+textfmt.Pad(name, pad)+"  ", verdict(d, t))
		}
	}
	if md {
		o.line("- **%s**%s%s", t.T("compare.overall"), t.T("compare.colon"), verdict(r.Overall, t))
	} else {
		o.wrap("  "+textfmt.Pad(t.T("compare.overall"), pad)+"  ", verdict(r.Overall, t))
	}

	groupTable := func(title, first string, ds []Delta, name func(Delta) string) {
		o.heading(title)
		rows := make([][]string, 0, len(ds))
		for _, d := range ds {
			rows = append(rows, []string{name(d), t.Number(d.Base.Score), t.Number(d.New.Score), signed(d.Score, t),
				t.WholePercent(d.Base.Completeness), t.WholePercent(d.New.Completeness)})
		}
		o.table([]string{first, t.T("compare.colBase"), t.T("compare.colNew"), t.T("compare.colChange"), t.T("compare.colDoneBase"), t.T("compare.colDoneNew")}, rows, []bool{false, true, true, true, true, true})
	}
	groupTable(t.T("compare.pillars"), t.T("compare.colPillar"), r.Pillars, func(d Delta) string { return t.Pillar(d.ID) })
	groupTable(t.T("compare.hazards"), t.T("compare.colHazard"), r.Hazards, func(d Delta) string { return t.Hazard(d.ID) })
	groupTable(t.T("compare.sections"), t.T("compare.colSection"), r.Sections, func(d Delta) string { return o.text(d.ID) })
	o.line("")
	o.wrap("", t.T("compare.groupsNote"))

	questionTable := func(title string, list []QuestionDelta) {
		if len(list) == 0 {
			return
		}
		o.heading(t.T("compare.headingCount", title, len(list)))
		rows := make([][]string, 0, len(list))
		for _, d := range list {
			id := o.text(d.ID)
			if d.Critical {
				id += " " + o.star()
			}
			rows = append(rows, []string{id, t.Pillar(d.Pillar), scoreLabel(d.Base, t), scoreLabel(d.New, t), signed(d.Score, t)})
		}
		o.table([]string{t.T("compare.colQuestion"), t.T("compare.colPillar"), t.T("compare.colBase"), t.T("compare.colNew"), t.T("compare.colChange")}, rows, []bool{false, false, true, true, true})
	}
	questionTable(t.T("compare.improved"), r.Improved)
	questionTable(t.T("compare.worsened"), r.Worsened)
	questionTable(t.T("compare.newlyAnswered"), r.NewlyAnswered)
	questionTable(t.T("compare.newlyUnknown"), r.NewlyUnknown)
	questionTable(t.T("compare.statusChanged"), r.StatusChanged)
	if len(r.Improved)+len(r.Worsened)+len(r.NewlyAnswered)+len(r.NewlyUnknown)+len(r.StatusChanged) == 0 {
		o.heading(t.T("compare.questions"))
		o.line("%s", t.T("compare.noQuestion"))
	} else {
		o.line("")
		o.wrap("", o.star()+" "+t.T("compare.questionsNote"))
	}

	activityTable := func(title string, list []ActivityDelta) {
		if len(list) == 0 {
			return
		}
		o.heading(t.T("compare.headingCount", title, len(list)))
		rows := make([][]string, 0, len(list))
		for _, a := range list {
			name := a.ID
			if md {
				name = in.Q.ActivityTitle(a.ID, in.Lang)
			}
			rows = append(rows, []string{o.text(name), t.Decimal(a.BasePriority), t.Decimal(a.NewPriority),
				signedValue(a.Change, t), rank(a.BaseRank, t) + " → " + rank(a.NewRank, t)})
		}
		o.table([]string{t.T("compare.colActivity"), t.T("compare.colBase"), t.T("compare.colNew"), t.T("compare.colChange"), t.T("compare.colRank")}, rows, []bool{false, true, true, true, false})
	}
	activityTable(t.T("compare.rose"), r.Rose)
	activityTable(t.T("compare.fell"), r.Fell)
	if len(r.Rose)+len(r.Fell) == 0 {
		o.heading(t.T("compare.activities"))
		o.line("%s", t.T("compare.noActivity"))
	} else {
		o.line("")
		o.wrap("", t.T("compare.activitiesNote"))
	}
	return o.buf.Bytes(), o.err
}

func describe(s Side, t words.Words) string {
	var parts []string
	r := s.A.Respondent
	for _, x := range []string{r.Country, r.Organisation, r.Name} {
		if x != "" {
			parts = append(parts, x)
		}
	}
	if d := s.A.Updated; !d.IsZero() {
		parts = append(parts, t.T("compare.updated", d.UTC().Format("2006-01-02")))
	} else if d := s.A.Created; !d.IsZero() {
		parts = append(parts, t.T("compare.created", d.UTC().Format("2006-01-02")))
	}
	if v := s.A.Questionnaire.Version; v != "" {
		parts = append(parts, t.T("compare.answeredVersion", v))
	}
	if len(parts) == 0 {
		return s.Path
	}
	return s.Path + " (" + strings.Join(parts, ", ") + ")"
}

// signed is a change for people with its sign, or number.none when there is none.
func signed(p *float64, t words.Words) string {
	if p == nil {
		return t.Number(nil)
	}
	return signedValue(*p, t)
}

// signedValue is a change with its sign, "+" for a rise and none for no change.
func signedValue(f float64, t words.Words) string {
	s := t.Decimal(f)
	switch {
	case s == t.Decimal(0):
		return s
	case f > 0:
		return "+" + s
	}
	return s
}

// rank is an activity's place in one assessment's list (from 1), or number.none when the
// activity is not in it.
func rank(n int, t words.Words) string {
	if n == 0 {
		return t.Number(nil)
	}
	return strconv.Itoa(n)
}

// scoreLabel is a question's standing in one assessment, as the questions table shows it: its
// score 0-100 and level ("62.5 (L3)"), or its status. It is a figure, not an answer in words:
// compare shows no answer itself (words.Answer is how answers read).
func scoreLabel(q *score.Question, t words.Words) string {
	if q.Status == score.Answered {
		s := t.Number(q.Score)
		if q.Level != nil {
			s += fmt.Sprintf(" (L%d)", *q.Level)
		}
		return s
	}
	return t.T("compare.status." + string(q.Status))
}
