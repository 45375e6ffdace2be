package handout

import (
	"html/template"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// The printed handout: one self-contained HTML file laid out for A4 paper — a cover page with the
// respondent's fields and how to answer, a table of contents, each section on a new page, and
// questions that are never split across pages. html/template escapes every text of the
// questionnaire.

// handoutStyle adds the handout's own rules to the print layout every HTML output shares.
const handoutStyle = textfmt.PrintCSS + `
.cover, .toc { page-break-after: always; break-after: page; }
.cover .sub { font-size: 12pt; color: #444; margin-bottom: 8mm; }
.fields { width: 100%; border-collapse: collapse; margin: 6mm 0 8mm; }
.fields th { text-align: left; width: 30mm; padding: 3mm 2mm 1mm 0; font-weight: normal; vertical-align: bottom; }
.fields td { border-bottom: 0.8pt solid #444; }
.toc ol { padding-left: 6mm; }
.toc li { margin: 1.5mm 0; }
.toc a { color: inherit; text-decoration: none; }
.question { break-inside: avoid; page-break-inside: avoid; border-top: 0.6pt solid #999; padding: 2mm 0 2mm; }
.question .text { font-weight: bold; font-size: 10pt; line-height: 1.3; margin-bottom: 1mm; }
.facts, .when, .help { font-size: 8pt; line-height: 1.25; color: #333; margin-bottom: 1.2mm; }
.when { font-style: italic; }
.options { list-style: none; padding: 0; margin: 2mm 0; }
.options li { margin: 0.6mm 0; padding-left: 6mm; text-indent: -6mm; font-size: 9pt; line-height: 1.25; }
.box { display: inline-block; width: 3.6mm; height: 3.6mm; border: 0.8pt solid #111; margin-right: 2mm;
  vertical-align: -0.6mm; text-indent: 0; }
.options .detail { color: #333; }
.conf { font-size: 9.5pt; margin: 1.5mm 0; }
.conf .box { margin-left: 3mm; }
.write { border-bottom: 0.8pt solid #444; height: 6mm; }
.notes-label { font-size: 9pt; color: #333; margin-top: 2mm; }
.star { font-weight: bold; }
.question h3 { margin: 0 0 1mm; font-size: 10pt; }
section.part h2 { margin-top: 0; }
`

const handoutTemplate = `{{template "head" .}}
<title>{{.Title}} — {{.W.handout}}</title>
<style>{{.Style}}</style>
</head>
<body>
<div class="cover">
<h1>{{.Title}}</h1>
<p class="sub">{{.W.handout}} · {{.ID}} {{.Version}} · {{.Questions}}</p>
{{if .Filter}}<p><strong>{{.W.selected}}</strong>{{.W.colon}}{{.Filter}}</p>{{end}}
{{if .Description}}<p>{{.Description}}</p>{{end}}
<table class="fields">
{{range .W.respondent}}<tr><th>{{.}}</th><td></td></tr>
{{end}}</table>
<h2>{{.W.howTitle}}</h2>
{{range .W.how}}<p>{{.}}</p>
{{end}}</div>
<nav class="toc">
<h2>{{.W.contents}}</h2>
<ol>
{{range .Sections}}<li><a href="#section-{{.ID}}">{{.Heading}}</a> <span class="muted">({{.Count}})</span></li>
{{end}}</ol>
</nav>
{{range .Sections}}<section class="part" id="section-{{.ID}}">
<h2>{{.N}}. {{.Heading}}</h2>
{{range .Questions}}<div class="question" id="q-{{.ID}}">
<h3>{{.ID}}{{if .Critical}} <span class="star">★ {{$.W.critical}}</span>{{end}}</h3>
<p class="text">{{.Text}}</p>
{{if .Help}}<p class="help"><em>{{$.W.guidance}}</em>{{$.W.colon}}{{.Help}}</p>{{end}}
<p class="facts">{{range $i, $f := .Facts}}{{if $i}} · {{end}}{{$f}}{{end}}</p>
{{if .When}}<p class="when">{{.When}}</p>{{end}}
{{if .Field}}<p>{{$.W.answer}}{{if .Hint}} <span class="muted">({{.Hint}})</span>{{end}}{{$.W.colonEnd}}</p>
{{range .FieldLines}}<div class="write"></div>
{{end}}{{else if .Hint}}<p class="muted">{{.Hint}}</p>
{{end}}<ul class="options">
{{range .Options}}<li><span class="box"></span>{{if .Detail}}<strong>{{.Label}}</strong> — <span class="detail">{{.Detail}}</span>{{else}}{{.Label}}{{end}}</li>
{{end}}</ul>
<p class="conf">{{$.W.confidence}}{{$.W.colon}}<span class="box"></span>{{$.W.documented}} <span class="box"></span>{{$.W.judgement}} <span class="box"></span>{{$.W.assumed}}</p>
<p class="notes-label">{{$.W.notes}}{{$.W.colonEnd}}</p>
<div class="write"></div>
<div class="write"></div>
</div>
{{end}}</section>
{{end}}</body>
</html>
`

// handoutPage adapts the handout to the template: exported names, words as a map.
type handoutPage struct {
	*handout
	W         map[string]any
	Style     template.CSS
	Questions string
	Sections  []handoutPageSection
}

type handoutPageSection struct {
	handoutSection
	Questions []handoutPageQuestion
}

type handoutPageQuestion struct {
	handoutQuestion
	FieldLines []int
}

func handoutHTML(h *handout) ([]byte, error) {
	w := h.W
	p := handoutPage{handout: h, Style: template.CSS(handoutStyle),
		Questions: w.t.Count("handout.questions", h.Count),
		W: map[string]any{
			"handout": w.handout, "contents": w.contents, "respondent": w.respondent, "howTitle": w.howTitle,
			"how": w.how, "critical": w.critical, "guidance": w.guidance, "answer": w.answer,
			"confidence": w.confidence, "documented": w.documented, "judgement": w.judgement,
			"assumed": w.assumed, "notes": w.notes, "selected": w.selected,
			"colon": w.colon, "colonEnd": strings.TrimRight(w.colon, " \u00a0"),
		}}
	for _, s := range h.Sections {
		ps := handoutPageSection{handoutSection: s}
		for _, x := range s.Questions {
			ps.Questions = append(ps.Questions, handoutPageQuestion{handoutQuestion: x, FieldLines: make([]int, x.Lines)})
		}
		p.Sections = append(p.Sections, ps)
	}
	return textfmt.HTML("handout", handoutTemplate, p)
}
