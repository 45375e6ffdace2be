package plan

import (
	"html/template"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// The draft plan as one self-contained HTML page laid out for A4: the summary first, then the
// objectives, each with its actions and the boxes to fill in kept together with it.
// html/template escapes every text of the questionnaire and the answers.

// planStyle adds the plan's own rules to the shared print layout.
const planStyle = `
.sub { font-size: 12pt; color: #444; margin-bottom: 2mm; }
section.summary { break-after: page; page-break-after: always; }
section.objective { margin-top: 7mm; }
section.objective h2 { margin-top: 0; }
.facts { margin: 0 0 2mm; font-size: 9.5pt; }
.facts th { text-align: left; font-weight: 600; padding: 0.4mm 3mm 0.4mm 0; vertical-align: top; white-space: nowrap; }
.facts td { padding: 0.4mm 0; vertical-align: top; }
table.actions { table-layout: fixed; font-size: 8.5pt; line-height: 1.3; }
table.actions col.q { width: 38%; } table.actions col.lv { width: 12%; }
table.actions col.act { width: 19%; } table.actions col.ind { width: 31%; }
.tag { display: inline-block; border: 0.5pt solid #777; border-radius: 1mm; padding: 0 1mm; margin: 0 0.8mm 0.8mm 0;
  font-size: 8pt; line-height: 1.3; }
.cost { display: block; color: #444; font-size: 8pt; margin-top: 0.5mm; }
.agree { break-inside: avoid; page-break-inside: avoid; break-before: avoid; page-break-before: avoid; }
.agree table.grid { table-layout: fixed; margin-top: 0; }
.agree table.grid th { font-size: 8.5pt; font-weight: 600; }
.agree table.grid td { height: 11mm; }
.star { font-weight: bold; }
`

const planTemplate = `{{template "head" .}}
<title>{{.Title}}</title>
<style>{{.Style}}</style>
</head>
<body>
<section class="summary">
<h1>{{.Title}}</h1>
{{if .Who}}<p class="sub"><strong>{{.Who}}</strong></p>{{end}}
<p class="muted">{{.Src}}</p>
<p><em>{{.W.draftNote}}</em></p>
<h2>{{.W.summary}}</h2>
{{if .HasScore}}<p>{{.W.overall}}{{.W.colon}}<strong>{{.Score}}</strong> {{.W.outOf100}} ({{.W.target}} {{.Target}}) · {{.W.conservative}} {{.Conservative}} · {{.W.completeness}} {{.Comp}}</p>{{end}}
<p>{{.Counts}}</p>
{{if .Unanswered}}<p><strong>{{.Unanswered}}</strong></p>{{end}}
{{if .Objectives}}<h3>{{.W.objectivesHeading}}</h3>
<table class="grid">
<thead><tr><th class="num">{{.W.rank}}</th><th>{{.W.objective}}</th><th class="num">{{.W.actions}}</th><th>{{.W.lead}}</th><th>{{.W.timeframe}}</th></tr></thead>
<tbody>
{{range .Objectives}}<tr><td class="num">{{.Rank}}</td><td><a href="#objective-{{.ID}}">{{.Title}}</a></td><td class="num">{{.ActionsLine}}</td><td>{{.LeadShort}}</td><td>{{.TimeframeShort}}</td></tr>
{{end}}</tbody>
</table>
<div class="keep">
<h3>{{.W.portfolioHeading}}</h3>
<p class="muted">{{.W.portfolioIntro}}</p>
<table class="grid">
<thead><tr><th>{{.W.activityType}}</th><th class="num">{{.W.actions}}</th><th>{{.W.category}}</th></tr></thead>
<tbody>
{{range .Portfolio}}<tr><td>{{.Title}}</td><td class="num">{{.Actions}}</td><td>{{.Category}}</td></tr>
{{end}}</tbody>
</table>
</div>
{{else}}<p>{{.W.noGaps}}</p>{{end}}
<div class="keep">
<h3>{{.W.pillarsHeading}}</h3>
<table class="grid">
<thead><tr><th>{{.W.pillar}}</th><th class="num">{{.W.score}}</th><th class="num">{{.W.targetTitle}}</th><th class="num">{{.W.completenessTitle}}</th><th class="num">{{.W.gaps}}</th></tr></thead>
<tbody>
{{range .Pillars}}<tr><td>{{.Name}}</td><td class="num">{{.Score}}</td><td class="num">{{.Target}}</td><td class="num">{{.Comp}}</td><td class="num">{{.Gaps}}</td></tr>
{{end}}</tbody>
</table>
</div>
</section>
{{range .Objectives}}<section class="objective" id="objective-{{.ID}}">
<div class="keep">
<h2>{{.Rank}}. {{.Title}}</h2>
{{if .Needs}}<p>{{$.W.needsIntro}}</p>{{end}}
<table class="facts">
<tr><th>{{$.W.theme}}</th><td>{{.Theme}} ({{.Pillar}})</td></tr>
<tr><th>{{$.W.lead}}</th><td><strong>{{.Lead}}</strong></td></tr>
<tr><th>{{$.W.supporting}}</th><td>{{.Supporting}}</td></tr>
<tr><th>{{$.W.timeframe}}</th><td>{{.Timeframe}}</td></tr>
<tr><th>{{$.W.partners}}</th><td>{{.Partners}}</td></tr>
<tr><th>{{$.W.actions}}</th><td>{{.ActionsLine}}</td></tr>
</table>
</div>
<table class="grid actions">
<colgroup><col class="q"><col class="lv"><col class="act"><col class="ind"></colgroup>
<thead><tr><th>{{$.W.question}} ({{$.W.starLegend}})</th><th>{{$.W.nowTarget}}</th><th>{{$.W.activities}}</th><th>{{$.W.indicator}}</th></tr></thead>
<tbody>
{{range .Actions}}<tr><td><strong>{{.ID}}</strong>{{if .Critical}} <span class="star">★</span>{{end}} {{.Text}}</td><td>{{.From}} → {{.To}}</td><td>{{range .ActivityTitles}}<span class="tag">{{.}}</span> {{end}}<span class="cost">{{$.W.cost}}{{$.W.colon}}{{.Category}}</span></td><td>{{.Indicator}}</td></tr>
{{end}}</tbody>
</table>
<div class="agree">
<table class="grid">
<thead><tr><th colspan="{{len $.Fields}}">{{$.W.toAgree}}</th></tr></thead>
<tbody>
<tr>{{range $.Fields}}<th>{{.}}</th>{{end}}</tr>
<tr>{{range $.Fields}}<td></td>{{end}}</tr>
</tbody>
</table>
</div>
</section>
{{end}}</body>
</html>
`

type htmlPage struct {
	*view
	W      map[string]string
	Fields []string
	Style  template.CSS
}

func renderHTML(v *view) ([]byte, error) {
	w := v.W
	p := htmlPage{view: v, Style: template.CSS(textfmt.PrintCSS + planStyle), Fields: fields(w),
		W: map[string]string{
			"draftNote": w.draftNote, "summary": w.summary, "overall": w.overall, "colon": w.colon,
			"outOf100": w.outOf100, "target": w.target, "conservative": w.conservative, "completeness": w.completeness,
			"objectivesHeading": w.objectivesHeading, "rank": w.rank, "objective": w.objective, "actions": w.actions,
			"lead": w.lead, "timeframe": w.timeframe, "noGaps": w.noGaps, "portfolioHeading": w.portfolioHeading,
			"portfolioIntro": w.portfolioIntro, "activityType": w.activityType, "category": w.category,
			"pillarsHeading": w.pillarsHeading, "pillar": w.pillar, "score": w.score, "gaps": w.gaps,
			"targetTitle": textfmt.Capitalise(w.target), "completenessTitle": textfmt.Capitalise(w.completeness),
			"needsIntro": w.needsIntro, "theme": w.theme, "supporting": w.supporting, "partners": w.partners,
			"question": w.question, "starLegend": w.starLegend, "nowTarget": w.nowTarget, "activities": w.activities,
			"cost": textfmt.Capitalise(w.category), "indicator": w.indicator, "toAgree": w.toAgree,
		}}
	return textfmt.HTML("plan", planTemplate, p)
}
