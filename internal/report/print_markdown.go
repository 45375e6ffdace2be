package report

import (
	"fmt"
	"strings"
)

// handoutRule is a dotted line to write on.
const handoutRule = "................................................................................"

// handoutMarkdown is the handout as Markdown: a cover with the respondent's fields and how to
// answer, a table of contents, then every question with its guidance, tick boxes for each answer
// (levels with their descriptors), the confidence and room for notes.
func handoutMarkdown(h *handout) []byte {
	w := h.W
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", markdownInline(h.Title))
	fmt.Fprintf(&b, "%s · %s %s · %s\n\n", markdownInline(w.handout), markdownInline(h.ID), markdownInline(h.Version),
		markdownInline(fmt.Sprintf(w.questions, h.Count)))
	if h.Filter != "" {
		fmt.Fprintf(&b, "%s%s%s\n\n", markdownInline(w.selected), w.colon, markdownInline(h.Filter))
	}
	if h.Description != "" {
		fmt.Fprintf(&b, "%s\n\n", markdownInline(h.Description))
	}
	for _, f := range w.respondent {
		fmt.Fprintf(&b, "- %s%s%s\n", markdownInline(f), w.colon, handoutRule[:48])
	}
	fmt.Fprintf(&b, "\n## %s\n\n", markdownInline(w.howTitle))
	for _, p := range w.how {
		fmt.Fprintf(&b, "%s\n\n", markdownInline(p))
	}

	fmt.Fprintf(&b, "## %s\n\n", markdownInline(w.contents))
	for _, s := range h.Sections {
		fmt.Fprintf(&b, "%d. [%s](#section-%s) (%s)\n", s.N, markdownInline(s.Heading), s.ID, markdownInline(s.Count))
	}

	for _, s := range h.Sections {
		fmt.Fprintf(&b, "\n<a id=\"section-%s\"></a>\n\n## %d. %s\n", s.ID, s.N, markdownInline(s.Heading))
		for _, x := range s.Questions {
			head := markdownInline(x.ID)
			if x.Critical {
				head += " ★ " + markdownInline(w.critical)
			}
			fmt.Fprintf(&b, "\n### %s\n\n**%s**\n\n", head, markdownInline(x.Text))
			if x.Help != "" {
				fmt.Fprintf(&b, "*%s*%s%s\n\n", markdownInline(w.guidance), w.colon, markdownInline(x.Help))
			}
			facts := make([]string, len(x.Facts))
			for i, f := range x.Facts {
				facts[i] = markdownInline(f)
			}
			fmt.Fprintf(&b, "%s\n\n", strings.Join(facts, " · "))
			if x.When != "" {
				fmt.Fprintf(&b, "*%s*\n\n", markdownInline(x.When))
			}
			if x.Hint != "" && !x.Field {
				fmt.Fprintf(&b, "%s\n\n", markdownInline(x.Hint))
			}
			if x.Field {
				hint := ""
				if x.Hint != "" {
					hint = " (" + markdownInline(x.Hint) + ")"
				}
				fmt.Fprintf(&b, "%s%s%s%s\n\n", markdownInline(w.answer), hint, w.colon, handoutRule[:40])
				for i := 1; i < x.Lines; i++ {
					fmt.Fprintf(&b, "%s\n\n", handoutRule)
				}
			}
			for _, o := range x.Options {
				if o.Detail != "" {
					fmt.Fprintf(&b, "- [ ] **%s** — %s\n", markdownInline(o.Label), markdownInline(o.Detail))
				} else {
					fmt.Fprintf(&b, "- [ ] %s\n", markdownInline(o.Label))
				}
			}
			fmt.Fprintf(&b, "\n%s%s☐ %s ☐ %s ☐ %s\n\n", markdownInline(w.confidence), w.colon, markdownInline(w.documented),
				markdownInline(w.judgement), markdownInline(w.assumed))
			fmt.Fprintf(&b, "%s%s\n\n%s\n\n%s\n", markdownInline(w.notes), strings.TrimRight(w.colon, " "), handoutRule, handoutRule)
		}
	}
	return []byte(b.String())
}
