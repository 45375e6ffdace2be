// Package textfmt is how cbrn lays text out, for every product alike: display widths and
// wrapping (terminal columns, never rune counts), terminal and Markdown tables, Markdown
// escaping, the spreadsheet guard and the one CSV encoder, and the print style sheet shared by
// the HTML handouts. It knows nothing of questionnaires or scores and imports no other package
// of cbrn, so that every renderer can use it without depending on another.
//
// Texts that come from a file reach an output only through the safety functions of safe.go.
package textfmt
