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
	fmt.Fprintf(&b, "# %s\n\n", mdText(h.Title))
	fmt.Fprintf(&b, "%s · %s %s · %s\n\n", mdText(w.handout), mdText(h.ID), mdText(h.Version),
		mdText(sprintfCount(w.questions, w.oneQuestion, h.Count)))
	if h.Filter != "" {
		fmt.Fprintf(&b, "%s%s%s\n\n", mdText(w.selected), w.colon, mdText(h.Filter))
	}
	if h.Description != "" {
		fmt.Fprintf(&b, "%s\n\n", mdText(h.Description))
	}
	for _, f := range w.respondent {
		fmt.Fprintf(&b, "- %s%s%s\n", mdText(f), w.colon, handoutRule[:48])
	}
	fmt.Fprintf(&b, "\n## %s\n\n", mdText(w.howTitle))
	for _, p := range w.how {
		fmt.Fprintf(&b, "%s\n\n", mdText(p))
	}

	fmt.Fprintf(&b, "## %s\n\n", mdText(w.contents))
	for _, s := range h.Sections {
		fmt.Fprintf(&b, "%d. [%s](#section-%s) (%s)\n", s.N, mdText(s.Heading), s.ID, mdText(s.Count))
	}

	for _, s := range h.Sections {
		fmt.Fprintf(&b, "\n<a id=\"section-%s\"></a>\n\n## %d. %s\n", s.ID, s.N, mdText(s.Heading))
		for _, x := range s.Questions {
			head := mdText(x.ID)
			if x.Critical {
				head += " ★ " + mdText(w.critical)
			}
			fmt.Fprintf(&b, "\n### %s\n\n**%s**\n\n", head, mdText(x.Text))
			if x.Help != "" {
				fmt.Fprintf(&b, "*%s*%s%s\n\n", mdText(w.guidance), w.colon, mdText(x.Help))
			}
			facts := make([]string, len(x.Facts))
			for i, f := range x.Facts {
				facts[i] = mdText(f)
			}
			fmt.Fprintf(&b, "%s\n\n", strings.Join(facts, " · "))
			if x.When != "" {
				fmt.Fprintf(&b, "*%s*\n\n", mdText(x.When))
			}
			if x.Hint != "" && !x.Field {
				fmt.Fprintf(&b, "%s\n\n", mdText(x.Hint))
			}
			if x.Field {
				hint := ""
				if x.Hint != "" {
					hint = " (" + mdText(x.Hint) + ")"
				}
				fmt.Fprintf(&b, "%s%s%s%s\n\n", mdText(w.answer), hint, w.colon, handoutRule[:40])
				for i := 1; i < x.Lines; i++ {
					fmt.Fprintf(&b, "%s\n\n", handoutRule)
				}
			}
			for _, o := range x.Options {
				if o.Detail != "" {
					fmt.Fprintf(&b, "- [ ] **%s** — %s\n", mdText(o.Label), mdText(o.Detail))
				} else {
					fmt.Fprintf(&b, "- [ ] %s\n", mdText(o.Label))
				}
			}
			fmt.Fprintf(&b, "\n%s%s☐ %s ☐ %s ☐ %s\n\n", mdText(w.confidence), w.colon, mdText(w.documented),
				mdText(w.judgement), mdText(w.assumed))
			fmt.Fprintf(&b, "%s%s\n\n%s\n\n%s\n", mdText(w.notes), strings.TrimRight(w.colon, " "), handoutRule, handoutRule)
		}
	}
	return []byte(b.String())
}
