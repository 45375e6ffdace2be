package textfmt

// PrintPageCSS is the print layout every HTML output shares (the report, the plan and the
// handout): A4 pages, table rows never split across pages, table headers and footers repeated
// on each page, headings kept with what follows them, links printed as text.
const PrintPageCSS = `
@page { size: A4; margin: 14mm 13mm 16mm 13mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr, th, td { break-inside: avoid; page-break-inside: avoid; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
.keep { break-inside: avoid; page-break-inside: avoid; }
@media print { a { color: inherit; text-decoration: none; } }
`

// PrintCSS is PrintPageCSS with the typography of the documents made for paper (the plan and
// the handout): greys only, so that a black-and-white print loses nothing, tables with a grid,
// parts that start on a new page. Each output adds its own rules after it.
const PrintCSS = PrintPageCSS + `
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4;
  color: #111; max-width: 184mm; margin: 0 auto; padding: 0; }
h1 { font-size: 20pt; margin: 0 0 3mm; }
h2 { font-size: 14pt; border-bottom: 1.5pt solid #333; padding-bottom: 1mm; margin: 5mm 0 3mm; }
h3 { font-size: 11pt; margin: 3mm 0 1.5mm; }
p { margin: 0 0 2.5mm; }
ul, ol { margin: 0 0 2.5mm; }
.muted { color: #555; }
table { border-collapse: collapse; }
table.grid { width: 100%; margin: 2mm 0 4mm; font-size: 9.5pt; }
table.grid th, table.grid td { border: 0.6pt solid #888; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
table.grid th { background: #eee; }
table.grid td.num, table.grid th.num { text-align: right; white-space: nowrap; }
section.part { page-break-before: always; break-before: page; }
@media screen { body { padding: 12mm; } section.part { border-top: 3pt double #999; margin-top: 10mm; padding-top: 6mm; } }
`
