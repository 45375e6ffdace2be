package textfmt

// PrintCSS is the style sheet of the HTML outputs laid out for paper (the handout, the plan):
// A4, print-first, greys only, so that a black-and-white print loses nothing.
const PrintCSS = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4;
  color: #111; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 22pt; margin: 0 0 4mm; }
h2 { font-size: 15pt; border-bottom: 1.5pt solid #333; padding-bottom: 1mm; margin: 0 0 4mm; }
h3 { font-size: 11pt; margin: 0 0 1.5mm; }
p { margin: 0 0 2.5mm; }
.muted { color: #555; }
.cover, .toc { page-break-after: always; break-after: page; }
.cover .sub { font-size: 12pt; color: #444; margin-bottom: 8mm; }
.fields { width: 100%; border-collapse: collapse; margin: 6mm 0 8mm; }
.fields th { text-align: left; width: 30mm; padding: 3mm 2mm 1mm 0; font-weight: normal; vertical-align: bottom; }
.fields td { border-bottom: 0.8pt solid #444; }
.toc ol { padding-left: 6mm; }
.toc li { margin: 1.5mm 0; }
.toc a { color: inherit; text-decoration: none; }
section.part { page-break-before: always; break-before: page; }
.question { break-inside: avoid; page-break-inside: avoid; border-top: 0.6pt solid #999; padding: 3mm 0 3mm; }
.question .text { font-weight: bold; margin-bottom: 1.5mm; }
.facts, .when, .help { font-size: 9pt; color: #333; }
.when { font-style: italic; }
.options { list-style: none; padding: 0; margin: 2mm 0; }
.options li { margin: 1mm 0; padding-left: 6mm; text-indent: -6mm; }
.box { display: inline-block; width: 3.6mm; height: 3.6mm; border: 0.8pt solid #111; margin-right: 2mm;
  vertical-align: -0.6mm; text-indent: 0; }
.options .detail { color: #333; }
.conf { font-size: 9.5pt; margin: 1.5mm 0; }
.conf .box { margin-left: 3mm; }
.write { border-bottom: 0.8pt solid #444; height: 7mm; }
.notes-label { font-size: 9pt; color: #333; margin-top: 2mm; }
.star { font-weight: bold; }
table.grid { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9.5pt; }
table.grid th, table.grid td { border: 0.6pt solid #888; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
table.grid th { background: #eee; }
table.grid td.num { text-align: right; white-space: nowrap; }
table.fill td { height: 10mm; }
@media screen { body { padding: 12mm; } section.part { border-top: 3pt double #999; margin-top: 10mm; padding-top: 6mm; } }
`
