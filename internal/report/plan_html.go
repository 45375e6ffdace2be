package report

import (
	"bytes"
	"html/template"

	"github.com/cbrn-tool/cbrn/internal/textfmt"
)

// The draft plan as one self-contained HTML page laid out for A4: the one-page summary first,
// then each action on a new page with empty fields to fill in, then the information gaps.
// html/template escapes every text of the questionnaire and the answers.

const planTemplate = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
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
{{if .Actions}}<h3>{{.W.actionsHeading}}</h3>
<table class="grid">
<tr><th>{{.W.rank}}</th><th>{{.W.activityType}}</th><th>{{.W.gaps}}</th><th>{{.W.critical}}</th><th>{{.W.priority}}</th><th>{{.W.likelyLead}}</th></tr>
{{range .Actions}}<tr><td class="num">{{.Rank}}</td><td><a href="#action-{{.ID}}">{{.Title}}</a></td><td class="num">{{.GapCount}}</td><td class="num">{{.Critical}}</td><td class="num">{{.Priority}}</td><td>{{.LeadTop}}</td></tr>
{{end}}</table>
{{else}}<p>{{.W.noGaps}}</p>{{end}}
<h3>{{.W.pillarsHeading}}</h3>
<table class="grid">
<tr><th>{{.W.pillar}}</th><th>{{.W.score}}</th><th>{{.W.targetTitle}}</th><th>{{.W.completenessTitle}}</th><th>{{.W.gaps}}</th></tr>
{{range .Pillars}}<tr><td>{{.Name}}</td><td class="num">{{.Score}}</td><td class="num">{{.Target}}</td><td class="num">{{.Comp}}</td><td class="num">{{.Gaps}}</td></tr>
{{end}}</table>
{{if .TopCritical}}<h3>{{.W.criticalHeading}}</h3>
<ul>
{{range .TopCritical}}<li><strong>{{.ID}}</strong> {{.Text}} ({{.From}} → {{.To}})</li>
{{end}}{{if .MoreCrit}}<li>{{.MoreCrit}}</li>{{end}}</ul>{{end}}
</section>
{{range .Actions}}<section class="part" id="action-{{.ID}}">
<h2>{{.Rank}}. {{.Title}}</h2>
<p><strong>{{$.W.objective}}.</strong> {{.Objective}}</p>
<ul>
<li>{{$.W.priorityLine}}{{$.W.colon}}{{.Priority}}</li>
<li>{{$.W.gapsLine}}{{$.W.colon}}{{.GapsLine}}</li>
<li>{{$.W.leadsLine}}{{$.W.colon}}{{if .Leads}}{{range $i, $l := .Leads}}{{if $i}}, {{end}}{{$l}}{{end}}{{else}}{{$.W.noLead}}{{end}}</li>
{{if .Others}}<li>{{$.W.alsoConcerned}}{{$.W.colon}}{{range $i, $l := .Others}}{{if $i}}, {{end}}{{$l}}{{end}}</li>{{end}}
</ul>
{{if .Gaps}}<table class="grid">
<tr><th>{{$.W.question}} ({{$.W.starLegend}})</th><th>{{$.W.nowTarget}}</th><th>{{$.W.pillar}}</th><th>{{$.W.hazards}}</th></tr>
{{range .Gaps}}<tr><td><strong>{{.ID}}</strong>{{if .Critical}} ★{{end}} {{.Text}}</td><td>{{.From}} → {{.To}}</td><td>{{.Pillar}}</td><td>{{.Hazards}}</td></tr>
{{end}}</table>{{end}}
{{if .InfoNote}}<p>{{.InfoNote}}</p>{{end}}
<table class="grid fill">
<tr><th colspan="2">{{$.W.toAgree}}</th></tr>
{{range $.Fields}}<tr><th style="width:45mm">{{.}}</th><td></td></tr>
{{end}}</table>
</section>
{{end}}<section class="part" id="information-gaps">
<h2>{{.W.infoHeading}}</h2>
{{if .InfoGaps}}<p>{{.W.infoIntro}}</p>
<table class="grid">
<tr><th>{{.W.question}} ({{.W.starLegend}})</th><th>{{.W.pillar}}</th><th>{{.W.hazards}}</th><th>{{.W.whoMayKnow}}</th></tr>
{{range .InfoGaps}}<tr><td><strong>{{.ID}}</strong>{{if .Critical}} ★{{end}} {{.Text}}</td><td>{{.Pillar}}</td><td>{{.Hazards}}</td><td>{{.Agencies}}</td></tr>
{{end}}</table>{{else}}<p>{{.W.noInfo}}</p>{{end}}
</section>
</body>
</html>
`

type planPage struct {
	*planView
	W      map[string]string
	Fields []string
	Style  template.CSS
}

func planHTML(v *planView) ([]byte, error) {
	t, err := template.New("plan").Parse(planTemplate)
	if err != nil {
		return nil, err
	}
	w := v.W
	p := planPage{planView: v, Style: template.CSS(textfmt.PrintCSS),
		Fields: []string{w.leadAgency, w.partners, w.timeframe, w.budget, w.indics},
		W: map[string]string{
			"draftNote": w.draftNote, "summary": w.summary, "overall": w.overall, "colon": w.colon,
			"outOf100": w.outOf100, "target": w.target, "conservative": w.conservative, "completeness": w.completeness,
			"actionsHeading": w.actionsHeading, "rank": w.rank, "activityType": w.activityType, "gaps": w.gaps,
			"critical": w.critical, "priority": w.priority, "likelyLead": w.likelyLead, "noGaps": w.noGaps,
			"pillarsHeading": w.pillarsHeading, "pillar": w.pillar, "score": w.score,
			"targetTitle": planTitleCase(w.target), "completenessTitle": planTitleCase(w.completeness),
			"criticalHeading": w.criticalHeading, "objective": w.objective, "priorityLine": w.priorityLine,
			"gapsLine": w.gapsLine, "leadsLine": w.leadsLine, "alsoConcerned": w.alsoConcerned, "noLead": w.noLead, "question": w.question,
			"starLegend": w.starLegend, "nowTarget": w.nowTarget, "hazards": w.hazards, "toAgree": w.toAgree,
			"infoHeading": w.infoHeading, "infoIntro": w.infoIntro, "whoMayKnow": w.whoMayKnow, "noInfo": w.noInfo,
		}}
	var b bytes.Buffer
	if err := t.Execute(&b, p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
