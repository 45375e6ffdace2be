package words

import (
	"strconv"
	"strings"
)

// The one way figures are written for people: one decimal, with the language's decimal mark
// (number.decimal), never "-0.0", and number.none where a figure is undefined.

// Decimal is x rounded to one decimal.
func (w Words) Decimal(x float64) string {
	s := strconv.FormatFloat(x, 'f', 1, 64)
	if s == "-0.0" {
		s = "0.0"
	}
	if mark := w.T("number.decimal"); mark != "." {
		s = strings.Replace(s, ".", mark, 1)
	}
	return s
}

// Number is *p rounded to one decimal, or number.none when p is nil.
func (w Words) Number(p *float64) string {
	if p == nil {
		return w.T("number.none")
	}
	return w.Decimal(*p)
}

// Percent is a share (0..1) as a percentage with one decimal, or number.none.
func (w Words) Percent(p *float64) string {
	if p == nil {
		return w.T("number.none")
	}
	return w.T("number.percent", w.Decimal(*p*100))
}
