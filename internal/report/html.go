package report

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/cbrn-tool/cbrn/internal/score"
	"github.com/cbrn-tool/cbrn/internal/textfmt"
	"github.com/cbrn-tool/cbrn/internal/words"
)

// The HTML report is one self-contained file for a projector or a printer: inline CSS, charts
// drawn as inline SVG, no script and no external reference. Everything is drawn in greys, with
// dashes and labels rather than colours, so that a black-and-white print loses nothing.

type htmlPage struct {
	PrintCSS                 template.CSS // the print layout shared by every HTML output
	Lang, Title, Who, Source string
	W                        map[string]string // the tool's words in the report's language

	HasScore                   bool
	Score, Target, Gap         string
	Conservative, Completeness string
	HasConservative            bool
	SPAR, SPARNote             string
	Counts, Aside              string
	Indicative                 bool
	IndicativeText             string
	Radar                      svgRadar
	Bars                       svgBars
	Pillars, Hazards, Sections htmlTable
	Grid                       htmlTable
	Gaps                       []htmlGap
	Activities                 []htmlActivity
	AnyCritical                bool
	How                        []string
	Brief                      []string
	Generated                  string
}

type htmlTable struct {
	Header []string
	Rows   [][]htmlCell
}

type htmlCell struct {
	Text  string
	Num   bool
	Class string // shading of a score in the grid: s0 (lowest) … s4 (highest)
}

type htmlGap struct {
	N                int
	ID, Text         string
	Critical         bool
	From, To         string
	Gap, Priority    string
	Pillar, Hazards  string
	ActivitiesTitles string
}

type htmlActivity struct {
	Title, Priority, Count string
	Questions              []htmlRef
}

type htmlRef struct {
	ID       string
	Critical bool
}

func renderHTML(in Input) ([]byte, error) {
	v := newView(in)
	o := v.r.Overall
	tw := map[string]string{}
	for _, k := range words.Keys("report.") {
		tw[strings.TrimPrefix(k, "report.")] = v.t.T(k)
	}
	p := htmlPage{
		PrintCSS: template.CSS(textfmt.PrintPageCSS),
		Lang:     v.lang, Title: v.title, Who: v.who, Source: v.source, W: tw,
		HasScore: o.Score != nil, Score: v.t.Number(o.Score), Target: v.t.Number(o.Target), Gap: v.t.Number(o.Gap),
		HasConservative: o.Conservative != nil, Conservative: v.t.Number(o.Conservative),
		Completeness: v.t.Percent(o.Completeness),
		Counts:       v.w("countsLine", o.Answered, o.Unknown, o.Unanswered),
		Indicative:   v.indicative(),
		Radar:        v.radar(),
		Bars:         v.bars(),
		Generated:    v.w("generatedBy", v.q.ID+" "+v.q.Version),
	}
	if o.NA+o.Skipped > 0 {
		p.Aside = v.w("countsAside", o.NA, o.Skipped)
	}
	p.SPAR, p.SPARNote = v.spar()
	if p.Indicative {
		p.IndicativeText = v.w("indicativeText", v.t.Percent(o.Completeness))
	}
	p.Pillars = v.htmlGroups(v.w("pillar"), v.r.Pillars, func(g score.Group) string { return v.t.Pillar(g.ID) })
	p.Hazards = v.htmlGroups(v.w("hazard"), v.r.Hazards, func(g score.Group) string { return v.t.Hazard(g.ID) })
	titles := map[string]string{}
	for _, s := range v.q.Sections {
		titles[s.ID] = s.Title.Get(v.lang)
	}
	p.Sections = v.htmlGroups(v.w("section"), v.r.Sections, func(g score.Group) string {
		return titles[g.ID] + " (" + v.t.Pillar(g.Pillar) + ")"
	})
	header, rows, _ := v.gridRows()
	p.Grid.Header = header
	for i, row := range rows {
		cells := []htmlCell{{Text: row[0]}}
		for j, c := range row[1:] {
			cells = append(cells, htmlCell{Text: c, Num: true, Class: shade(v.r.Grid[i][j].Score)})
		}
		p.Grid.Rows = append(p.Grid.Rows, cells)
	}
	for i, g := range v.gaps {
		titles := make([]string, len(g.Q.Activities))
		for j, id := range g.Q.Activities {
			titles[j] = v.q.ActivityTitle(id, v.lang)
		}
		from, to := v.fromTo(g)
		p.Gaps = append(p.Gaps, htmlGap{N: i + 1, ID: g.Q.ID, Text: g.Text, Critical: g.Q.Critical,
			From: from, To: to, Gap: v.t.Number(g.Q.Gap), Priority: v.t.Decimal(g.Q.Priority),
			Pillar: v.t.Pillar(g.Q.Pillar), Hazards: strings.Join(g.Q.Hazards, " "),
			ActivitiesTitles: strings.Join(titles, v.w("listSep"))})
	}
	for _, a := range v.activities {
		ha := htmlActivity{Title: a.Title, Priority: v.priorityLine(a), Count: v.gapCount(len(a.Questions))}
		for _, x := range a.Questions {
			ha.Questions = append(ha.Questions, htmlRef{ID: x.ID, Critical: x.Critical})
			p.AnyCritical = p.AnyCritical || x.Critical
		}
		p.Activities = append(p.Activities, ha)
	}
	for _, k := range []string{"howScore", "howGap", "howComplete"} {
		p.How = append(p.How, v.w(k))
	}
	p.Brief = v.brief()
	return textfmt.HTML("report", pageTemplate, p)
}

func (v *view) htmlGroups(first string, groups []score.Group, name func(score.Group) string) htmlTable {
	t := htmlTable{Header: []string{first, v.w("score"), v.w("conservativeLong"), v.w("target"), v.w("gap"), v.w("complete"), v.w("answered")}}
	for _, g := range groups {
		t.Rows = append(t.Rows, []htmlCell{{Text: name(g)},
			{Text: v.t.Number(g.Score), Num: true}, {Text: v.t.Number(g.Conservative), Num: true},
			{Text: v.t.Number(g.Target), Num: true}, {Text: v.t.Number(g.Gap), Num: true},
			{Text: v.t.Percent(g.Completeness), Num: true},
			{Text: fmt.Sprintf("%d/%d", g.Answered, applicable(g)), Num: true}})
	}
	return t
}

// shade buckets a score for the grey shading of the grid: s0 below 20 … s4 from 80.
func shade(p *float64) string {
	if p == nil {
		return "none"
	}
	return "s" + strconv.Itoa(min(4, int(*p/20)))
}

// f formats an SVG coordinate.
func f(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// The two charts are inline SVG written by the page's templates "radar" and "bars": the Go
// code below computes their coordinates (as text, one decimal) and words, and html/template
// escapes every word, as it does the rest of the page.

type svgLine struct{ X1, Y1, X2, Y2 string }

type svgPoint struct{ X, Y string }

// svgRadar is the radar of the four pillars.
type svgRadar struct {
	Title                     string
	Rings                     []string // the polygons every 25 points
	Spokes                    []svgLine
	Target, Score             string // the target's and the score's polygons
	Axes                      []svgAxis
	Ticks                     []svgTick
	LegendScore, LegendTarget string
}

// svgAxis is a pillar's end of the radar: its dot (none without a score), name and value.
type svgAxis struct {
	Dot          *svgPoint
	X, Y, ValueY string
	Anchor       string
	Name, Value  string
}

type svgTick struct {
	X, Y  string
	Value int
}

// svgBars is the bar chart of the four hazards.
type svgBars struct {
	Title, Height                                 string
	Grid                                          []svgGridLine
	Rows                                          []svgBar
	LegendY                                       string // the legend's baseline
	LegendScore, LegendConservative, LegendTarget string
	Legend                                        svgBarsLegend
}

type svgGridLine struct {
	X, Top, Bottom, LabelY string
	Value                  int
}

// svgBar is a hazard's row: the frame, the score's bar, the conservative score's thin bar and
// the target's tick, each left out where the figure is missing.
type svgBar struct {
	Name, NameY, Y, Left, Frame string
	Score, Conservative         string // widths; "" leaves the bar out
	ConservativeY               string
	Target                      *svgLine
	Value, ValueX, ValueY       string
}

// svgBarsLegend holds the y coordinates of the legend's marks.
type svgBarsLegend struct{ ScoreY, ConservativeY, TargetY1, TargetY2 string }

// radar lays out the four pillars on four axes: the score as a filled shape, the target as a
// dashed outline, rings every 25 points.
func (v *view) radar() svgRadar {
	const cx, cy, radius = 210.0, 165.0, 110.0
	point := func(i int, value float64) (float64, float64) {
		a := (-90 + 90*float64(i)) * math.Pi / 180
		return cx + radius*value/100*math.Cos(a), cy + radius*value/100*math.Sin(a)
	}
	poly := func(values []float64) string {
		pts := make([]string, len(values))
		for i, x := range values {
			px, py := point(i, x)
			pts[i] = f(px) + "," + f(py)
		}
		return strings.Join(pts, " ")
	}
	r := svgRadar{Title: v.w("radarTitle"), LegendScore: v.w("legendScore"), LegendTarget: v.w("legendTarget")}
	rings := []float64{25, 50, 75, 100}
	for _, ring := range rings {
		r.Rings = append(r.Rings, poly([]float64{ring, ring, ring, ring}))
	}
	for i := range 4 {
		x, y := point(i, 100)
		r.Spokes = append(r.Spokes, svgLine{f(cx), f(cy), f(x), f(y)})
	}
	scores, targets := make([]float64, 4), make([]float64, 4)
	for i, g := range v.r.Pillars {
		if g.Score != nil {
			scores[i] = *g.Score
		}
		if g.Target != nil {
			targets[i] = *g.Target
		}
	}
	r.Target, r.Score = poly(targets), poly(scores)
	for i, g := range v.r.Pillars {
		x, y := point(i, 100)
		dx := [4]float64{0, 10, 0, -10}[i]
		dy := [4]float64{-26, -4, 22, -4}[i]
		a := svgAxis{X: f(x + dx), Y: f(y + dy), ValueY: f(y + dy + 15),
			Anchor: [4]string{"middle", "start", "middle", "end"}[i],
			Name:   v.t.Pillar(g.ID), Value: v.t.Number(g.Score)}
		if g.Score != nil {
			px, py := point(i, scores[i])
			a.Dot = &svgPoint{f(px), f(py)}
		} else {
			a.Value = v.w("notScored")
		}
		r.Axes = append(r.Axes, a)
	}
	for _, ring := range rings {
		_, y := point(0, ring)
		r.Ticks = append(r.Ticks, svgTick{X: f(cx + 5), Y: f(y + 13), Value: int(ring)})
	}
	return r
}

// bars lays out one bar per hazard on 0..100: the score dark, the conservative score as a thin
// lighter bar under it, the target as a black tick.
func (v *view) bars() svgBars {
	const left, right, top, row = 120.0, 372.0, 24.0, 54.0
	x := func(value float64) float64 { return left + (right-left)*value/100 }
	bottom := top + row*4
	b := svgBars{Title: v.w("barsTitle"), Height: f(bottom + 46),
		LegendScore: v.w("legendScore"), LegendConservative: v.w("legendConservative"), LegendTarget: v.w("legendTarget")}
	for _, t := range []float64{0, 25, 50, 75, 100} {
		b.Grid = append(b.Grid, svgGridLine{X: f(x(t)), Top: f(top - 6), Bottom: f(bottom), LabelY: f(bottom + 14), Value: int(t)})
	}
	for i, g := range v.r.Hazards {
		y := top + row*float64(i)
		bar := svgBar{Name: v.t.Hazard(g.ID), NameY: f(y + 14), Y: f(y), Left: f(left), Frame: f(right - left),
			ConservativeY: f(y + 23), Value: "–", ValueX: f(right + 8), ValueY: f(y + 15)}
		if g.Score != nil {
			bar.Value = v.t.Number(g.Score)
			bar.Score = f(x(*g.Score) - left)
		}
		if g.Conservative != nil {
			bar.Conservative = f(x(*g.Conservative) - left)
		}
		if g.Target != nil {
			bar.Target = &svgLine{f(x(*g.Target)), f(y - 5), f(x(*g.Target)), f(y + 32)}
		}
		b.Rows = append(b.Rows, bar)
	}
	ly := bottom + 34
	b.LegendY = f(ly)
	b.Legend = svgBarsLegend{ScoreY: f(ly - 9), ConservativeY: f(ly - 6), TargetY1: f(ly - 11), TargetY2: f(ly + 2)}
	return b
}

const pageTemplate = `{{template "head" .}}
<title>{{.Title}}</title>
<style>
:root { color: #111; background: #fff; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; line-height: 1.4; margin: 2rem auto; max-width: 62rem; padding: 0 1.2rem; }
h1 { font-size: 1.9rem; margin: 0 0 .3rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #111; padding-bottom: .2rem; }
.meta { margin: 0; color: #333; }
.headline { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1.4rem 0 .8rem; }
.figure { border: 2px solid #111; padding: .6rem 1rem; min-width: 12rem; flex: 1; }
.figure .label { font-size: .95rem; text-transform: uppercase; letter-spacing: .04em; }
.figure .big { font-size: 2.6rem; font-weight: 700; line-height: 1.1; }
.figure .small { font-size: .95rem; }
.indicative { border: 3px double #111; padding: .6rem 1rem; font-size: 1.05rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
.charts figure { flex: 1 1 24rem; margin: 0; }
.charts figcaption { font-weight: 700; margin-bottom: .3rem; }
svg.chart { width: 100%; height: auto; font-family: inherit; }
svg .axis { font-size: 14px; font-weight: 700; }
svg .value { font-size: 14px; }
svg .tick { font-size: 11px; fill: #555; }
svg .legend { font-size: 12px; }
svg .halo { paint-order: stroke; stroke: #fff; stroke-width: 3px; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { border: 1px solid #888; padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: #e6e6e6; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.s0 { background: #c4c4c4; } td.s1 { background: #d4d4d4; } td.s2 { background: #e2e2e2; }
td.s3 { background: #efefef; } td.s4 { background: #fff; }
.critical { border: 1.5px solid #111; padding: 0 .3rem; font-size: .8rem; font-weight: 700; text-transform: uppercase; white-space: nowrap; }
.id { font-weight: 700; white-space: nowrap; }
.sub { color: #333; font-size: .9rem; }
.note { font-size: .9rem; color: #333; }
ol.activities li { margin-bottom: .6rem; }
footer { margin-top: 2rem; font-size: .85rem; color: #444; }
{{.PrintCSS}}
svg .halo { stroke-width: 4px; stroke-linejoin: round; }
@media print {
  /* The first page holds the headline figures, "In brief" and both charts; the tables follow. */
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  h1 { font-size: 17pt; }
  h2 { font-size: 12.5pt; margin: 4mm 0 2mm; }
  .headline { flex-wrap: nowrap; gap: 3mm; margin: 3mm 0 2mm; }
  .figure { min-width: 0; padding: 1.5mm 3mm; }
  .figure .big { font-size: 20pt; }
  .figure .small, .figure .label { font-size: 8.5pt; }
  .brief { margin: 0 0 2mm; padding-left: 5mm; }
  .brief li { margin-bottom: 0.8mm; }
  .charts { flex-wrap: nowrap; gap: 6mm; }
  .charts figure { flex: 1 1 0; break-inside: avoid; }
  .charts + h2 { break-before: page; }
  .figure, ol.activities li { break-inside: avoid; }
  th, td { padding: 1mm 1.6mm; }
  table.gaps { table-layout: fixed; font-size: 9pt; }
  table.gaps col.n { width: 7%; } table.gaps col.q { width: 61%; } table.gaps col.lv { width: 18%; }
  table.gaps col.g { width: 6%; } table.gaps col.p { width: 8%; }
  table.gaps td.num { white-space: normal; }
}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
{{if .Who}}<p class="meta">{{.Who}}</p>{{end}}
<p class="meta">{{.Source}}</p>
</header>
<section class="headline">
<div class="figure"><div class="label">{{.W.overall}}</div>
{{if .HasScore}}<div class="big">{{.Score}} <span class="small">{{.W.outOf100}}</span></div>
<div class="small">{{.W.target}} {{.Target}} · {{.W.gap}} {{.Gap}}</div>{{else}}<div class="small">{{.W.noScore}}</div>{{end}}</div>
{{if .HasConservative}}<div class="figure"><div class="label">{{.W.conservativeLine}}</div>
<div class="big">{{.Conservative}} <span class="small">{{.W.outOf100}}</span></div>
<div class="small">{{.W.conservativeNote}}</div></div>{{end}}
{{if .SPAR}}<div class="figure"><div class="label">{{.W.sparLine}}</div>
<div class="big">{{.SPAR}}</div>
<div class="small">{{.SPARNote}}</div></div>{{end}}
<div class="figure"><div class="label">{{.W.completenessLine}}</div>
<div class="big">{{.Completeness}}</div>
<div class="small">{{.Counts}}{{if .Aside}}<br>{{.Aside}}{{end}}</div></div>
</section>
{{if .Indicative}}<p class="indicative"><strong>{{.W.indicative}}:</strong> {{.IndicativeText}}</p>{{end}}
<h2>{{.W.inBrief}}</h2>
<ul class="brief">
{{range .Brief}}<li>{{.}}</li>
{{end}}</ul>
<section class="charts">
<figure><figcaption>{{.W.radarTitle}}</figcaption>
{{template "radar" .Radar}}
</figure>
<figure><figcaption>{{.W.barsTitle}}</figcaption>
{{template "bars" .Bars}}
</figure>
</section>
<h2>{{.W.pillars}}</h2>
{{template "table" .Pillars}}
<h2>{{.W.hazards}}</h2>
{{template "table" .Hazards}}
<h2>{{.W.grid}}</h2>
{{template "table" .Grid}}
<p class="note">{{.W.gridNote}}</p>
<h2>{{.W.allGaps}}</h2>
{{if .Gaps}}<table class="gaps">
<colgroup><col class="n"><col class="q"><col class="lv"><col class="g"><col class="p"></colgroup>
<thead><tr><th class="num">#</th><th>{{.W.question}}</th><th>{{.W.nowTarget}}</th><th class="num">{{.W.gap}}</th><th class="num">{{.W.priorityLong}}</th></tr></thead>
<tbody>
{{range .Gaps}}<tr><td class="num">{{.N}}</td><td><span class="id">{{.ID}}</span>{{if .Critical}} <span class="critical">{{$.W.critical}}</span>{{end}} <span class="sub">{{.Pillar}} · {{.Hazards}}</span><br>{{.Text}}<br><span class="sub">→ {{.ActivitiesTitles}}</span></td><td>{{.From}} → {{.To}}</td><td class="num">{{.Gap}}</td><td class="num">{{.Priority}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p>{{.W.gapsNone}}</p>{{end}}
<h2>{{.W.activities}}</h2>
{{if .Activities}}<ol class="activities">
{{range .Activities}}<li><strong>{{.Title}}</strong> — {{.Priority}} · {{.Count}}{{$.W.colon}}<br>
{{range $i, $q := .Questions}}{{if $i}}, {{end}}<span class="id">{{$q.ID}}</span>{{if $q.Critical}}*{{end}}{{end}}</li>
{{end}}</ol>
{{if .AnyCritical}}<p class="note">{{.W.criticalMark}}</p>{{end}}{{else}}<p>{{.W.activitiesNone}}</p>{{end}}
<h2>{{.W.sections}}</h2>
{{template "table" .Sections}}
<h2>{{.W.howToRead}}</h2>
<ul>
{{range .How}}<li>{{.}}</li>
{{end}}</ul>
<footer>{{.Generated}}</footer>
</body>
</html>
{{define "radar"}}<svg class="chart" viewBox="0 0 420 340" role="img" aria-label="{{.Title}}"><title>{{.Title}}</title>
{{range .Rings}}<polygon points="{{.}}" fill="none" stroke="#bbb" stroke-width="1"/>
{{end}}{{range .Spokes}}<line x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}" stroke="#bbb" stroke-width="1"/>
{{end}}<polygon points="{{.Target}}" fill="none" stroke="#000" stroke-width="2" stroke-dasharray="7 5"/>
<polygon points="{{.Score}}" fill="#000" fill-opacity="0.28" stroke="#000" stroke-width="2.5"/>
{{range .Axes}}{{with .Dot}}<circle cx="{{.X}}" cy="{{.Y}}" r="3.5" fill="#000"/>
{{end}}<text x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}" class="axis">{{.Name}}</text>
<text x="{{.X}}" y="{{.ValueY}}" text-anchor="{{.Anchor}}" class="value">{{.Value}}</text>
{{end}}{{/* The rings' values last, haloed in white, so that neither the axes nor the shapes run through them. */ -}}
{{range .Ticks}}<text x="{{.X}}" y="{{.Y}}" class="tick halo">{{.Value}}</text>
{{end}}{{/* Legend: a filled square for the score, a dashed line for the target. */ -}}
<rect x="110" y="318" width="14" height="10" fill="#000" fill-opacity="0.28" stroke="#000" stroke-width="1.5"/><text x="130" y="327" class="legend">{{.LegendScore}}</text>
<line x1="220" y1="323" x2="250" y2="323" stroke="#000" stroke-width="2" stroke-dasharray="7 5"/><text x="256" y="327" class="legend">{{.LegendTarget}}</text>
</svg>{{end}}
{{- define "bars"}}<svg class="chart" viewBox="0 0 420 {{.Height}}" role="img" aria-label="{{.Title}}"><title>{{.Title}}</title>
{{range .Grid}}<line x1="{{.X}}" y1="{{.Top}}" x2="{{.X}}" y2="{{.Bottom}}" stroke="#ccc" stroke-width="1"/>
<text x="{{.X}}" y="{{.LabelY}}" text-anchor="middle" class="tick">{{.Value}}</text>
{{end}}{{range .Rows}}<text x="0" y="{{.NameY}}" class="axis">{{.Name}}</text>
<rect x="{{.Left}}" y="{{.Y}}" width="{{.Frame}}" height="20" fill="#fff" stroke="#999" stroke-width="1"/>
{{if .Score}}<rect x="{{.Left}}" y="{{.Y}}" width="{{.Score}}" height="20" fill="#444"/>
{{end}}{{if .Conservative}}<rect x="{{.Left}}" y="{{.ConservativeY}}" width="{{.Conservative}}" height="7" fill="#aaa"/>
{{end}}{{with .Target}}<line x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}" stroke="#000" stroke-width="3"/>
{{end}}<text x="{{.ValueX}}" y="{{.ValueY}}" class="value">{{.Value}}</text>
{{end}}<rect x="20" y="{{.Legend.ScoreY}}" width="16" height="10" fill="#444"/><text x="42" y="{{.LegendY}}" class="legend">{{.LegendScore}}</text>
<rect x="130" y="{{.Legend.ConservativeY}}" width="16" height="5" fill="#aaa"/><text x="152" y="{{.LegendY}}" class="legend">{{.LegendConservative}}</text>
<line x1="290" y1="{{.Legend.TargetY1}}" x2="290" y2="{{.Legend.TargetY2}}" stroke="#000" stroke-width="3"/><text x="298" y="{{.LegendY}}" class="legend">{{.LegendTarget}}</text>
</svg>{{end}}
{{- define "table"}}<table>
<thead><tr>{{range $i, $h := .Header}}<th{{if $i}} class="num"{{end}}>{{$h}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td{{if .Num}} class="num{{if .Class}} {{.Class}}{{end}}"{{end}}>{{.Text}}</td>{{end}}</tr>
{{end}}</tbody>
</table>{{end}}`
