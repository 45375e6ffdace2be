package consensus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// consensusWidth is the width the terminal consensus keeps to: a projector shows 80 columns well.
const consensusWidth = 80

// consensusTable is the terminal view for the projector: who took part, then one row per question,
// most disputed first, with the answers grouped by value, then the participants' notes.
func consensusTable(in RenderInput) ([]byte, error) {
	r, lang := in.Result, in.Lang
	q := r.Questionnaire
	w := consensusWordsFor(lang)
	var b bytes.Buffer
	bold := func(s string) string {
		if in.Color {
			return "\x1b[1m" + s + "\x1b[0m"
		}
		return s
	}
	b.WriteString(bold(textfmt.Terminal(fmt.Sprintf(w.title, q.Title.Get(lang)))) + "\n")
	names := make([]string, len(r.Participants))
	for i, p := range r.Participants {
		names[i] = consensusParticipant(p)
	}
	para := func(s string) { textfmt.WriteWrapped(&b, textfmt.Terminal(s), "", "", consensusWidth) }
	para(fmt.Sprintf(w.participants, len(names), strings.Join(names, ", ")))
	para(fmt.Sprintf(w.summary, len(r.Items), r.Disputed()) + " " + w.order)
	b.WriteString("\n")
	para(w.explain)
	b.WriteString("\n")
	if len(r.Items) == 0 {
		return b.Bytes(), nil
	}

	var rows [][]string
	for _, it := range r.Items {
		first := []string{it.Question.ID}
		switch {
		case it.Resolution != nil:
			first = append(first, w.settledMark)
		case it.Disputed:
			first = append(first, w.disputedMark)
		}
		first = append(first, textfmt.Terminal(it.Question.Text.Get(lang)))
		var groups []string
		for _, g := range consensusGroups(r, it, lang) {
			groups = append(groups, textfmt.Terminal(g.Answer+w.colon+strings.Join(g.Names, ", ")))
		}
		answer, how := consensusMerged(it, lang, w)
		rows = append(rows, []string{strings.Join(first, "\n"), clip(strings.Join(groups, "\n"), consensusCellMax), consensusSpread(it, w),
			clip(textfmt.Terminal(answer), consensusCellMax) + "\n(" + how + ")"})
	}
	// tablewriter's maximum width is a target, not a bound: narrow it until the table fits.
	var out bytes.Buffer
	for max := consensusWidth; max >= consensusWidth/2; max-- {
		out.Reset()
		if err := consensusRenderTable(&out, []string{w.question, w.answers, w.spread, w.merged}, rows, max); err != nil {
			return nil, err
		}
		if consensusFits(out.String(), consensusWidth) {
			break
		}
	}
	b.WriteString(out.String())

	var notes bytes.Buffer
	for _, it := range r.Items {
		lines := consensusNotes(r, it, w.colon)
		if it.Resolution != nil && it.Resolution.Reason != "" {
			lines = append([]string{w.reason + w.colon + it.Resolution.Reason}, lines...)
		}
		for i, n := range lines {
			head := strings.Repeat(" ", len(it.Question.ID)+2)
			if i == 0 {
				head = it.Question.ID + "  "
			}
			textfmt.WriteWrapped(&notes, textfmt.Terminal(n), head, strings.Repeat(" ", len(it.Question.ID)+4), consensusWidth)
		}
	}
	if notes.Len() > 0 {
		b.WriteString("\n" + bold(w.notesHeading) + "\n")
		b.WriteString(notes.String())
	}
	return b.Bytes(), nil
}

// consensusCellMax bounds the answers cells of the table: on a projector a multiple choice with
// thousands of chosen labels is cut (the Markdown and JSON outputs keep it whole), and the
// table's wrapping, slower than linear in a cell's words, stays quick on a hostile file.
const consensusCellMax = 2000

// clip cuts s to at most n characters, the last one an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func consensusRenderTable(out *bytes.Buffer, header []string, rows [][]string, max int) error {
	t := tablewriter.NewTable(out,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithMaxWidth(max),
		tablewriter.WithRendition(tw.Rendition{Settings: tw.Settings{Separators: tw.Separators{BetweenRows: tw.On}}}),
	)
	t.Header(header[0], header[1], header[2], header[3])
	for _, row := range rows {
		if err := t.Append(row); err != nil {
			return err
		}
	}
	return t.Render()
}

// consensusFits reports whether every line of s takes at most width terminal columns.
func consensusFits(s string, width int) bool {
	for _, line := range strings.Split(s, "\n") {
		if textfmt.DisplayWidth(line) > width {
			return false
		}
	}
	return true
}
