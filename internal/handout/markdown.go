package handout

import (
	"fmt"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// handoutRule is a dotted line to write on.
const handoutRule = "................................................................................"

// handoutMarkdown is the handout as Markdown: a cover with the respondent's fields and how to
// answer, a table of contents, then every question with its guidance, tick boxes for each answer
// (levels with their descriptors), the confidence and room for notes.
func handoutMarkdown(h *handout) []byte {
	w := h.W
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", textfmt.Markdown(h.Title))
	fmt.Fprintf(&b, "%s · %s %s · %s\n\n", textfmt.Markdown(w.handout), textfmt.Markdown(h.ID), textfmt.Markdown(h.Version),
		textfmt.Markdown(w.t.Count("handout.questions", h.Count)))
	if h.Filter != "" {
		fmt.Fprintf(&b, "%s%s%s\n\n", textfmt.Markdown(w.selected), w.colon, textfmt.Markdown(h.Filter))
	}
	if h.Description != "" {
		fmt.Fprintf(&b, "%s\n\n", textfmt.Markdown(h.Description))
	}
	for _, f := range w.respondent {
		fmt.Fprintf(&b, "- %s%s%s\n", textfmt.Markdown(f), w.colon, handoutRule[:48])
	}
	fmt.Fprintf(&b, "\n## %s\n\n", textfmt.Markdown(w.howTitle))
	for _, p := range w.how {
		fmt.Fprintf(&b, "%s\n\n", textfmt.Markdown(p))
	}

	fmt.Fprintf(&b, "## %s\n\n", textfmt.Markdown(w.contents))
	for _, s := range h.Sections {
		fmt.Fprintf(&b, "%d. [%s](#section-%s) (%s)\n", s.N, textfmt.Markdown(s.Heading), s.ID, textfmt.Markdown(s.Count))
	}

	for _, s := range h.Sections {
		fmt.Fprintf(&b, "\n<a id=\"section-%s\"></a>\n\n## %d. %s\n", s.ID, s.N, textfmt.Markdown(s.Heading))
		for _, x := range s.Questions {
			head := textfmt.Markdown(x.ID)
			if x.Critical {
				head += " ★ " + textfmt.Markdown(w.critical)
			}
			fmt.Fprintf(&b, "\n### %s\n\n**%s**\n\n", head, textfmt.Markdown(x.Text))
			if x.Help != "" {
				fmt.Fprintf(&b, "*%s*%s%s\n\n", textfmt.Markdown(w.guidance), w.colon, textfmt.Markdown(x.Help))
			}
			facts := make([]string, len(x.Facts))
			for i, f := range x.Facts {
				facts[i] = textfmt.Markdown(f)
			}
			fmt.Fprintf(&b, "%s\n\n", strings.Join(facts, " · "))
			if x.When != "" {
				fmt.Fprintf(&b, "*%s*\n\n", textfmt.Markdown(x.When))
			}
			if x.Hint != "" && !x.Field {
				fmt.Fprintf(&b, "%s\n\n", textfmt.Markdown(x.Hint))
			}
			if x.Field {
				hint := ""
				if x.Hint != "" {
					hint = " (" + textfmt.Markdown(x.Hint) + ")"
				}
				fmt.Fprintf(&b, "%s%s%s%s\n\n", textfmt.Markdown(w.answer), hint, w.colon, handoutRule[:40])
				for i := 1; i < x.Lines; i++ {
					fmt.Fprintf(&b, "%s\n\n", handoutRule)
				}
			}
			for _, o := range x.Options {
				if o.Detail != "" {
					fmt.Fprintf(&b, "- [ ] **%s** — %s\n", textfmt.Markdown(o.Label), textfmt.Markdown(o.Detail))
				} else {
					fmt.Fprintf(&b, "- [ ] %s\n", textfmt.Markdown(o.Label))
				}
			}
			fmt.Fprintf(&b, "\n%s%s☐ %s ☐ %s ☐ %s\n\n", textfmt.Markdown(w.confidence), w.colon, textfmt.Markdown(w.documented),
				textfmt.Markdown(w.judgement), textfmt.Markdown(w.assumed))
			fmt.Fprintf(&b, "%s%s\n\n%s\n\n%s\n", textfmt.Markdown(w.notes), strings.TrimRight(w.colon, " "), handoutRule, handoutRule)
		}
	}
	return []byte(b.String())
}
