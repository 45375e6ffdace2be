package words

import (
	"strconv"
	"strings"
)

// The one way figures are written for people: one decimal (or as given, Exact), with the
// language's decimal mark (number.decimal), never "-0.0", and number.none where a figure is
// undefined.

// Decimal is x rounded to one decimal.
func (w Words) Decimal(x float64) string { return w.Decimals(x, 1) }

// Decimals is x rounded to the given number of decimals, for the few figures that need more
// than one (a mean level of 2.45 beside its SPAR equivalent of 49.0).
func (w Words) Decimals(x float64, places int) string {
	return w.marked(strconv.FormatFloat(x, 'f', places, 64))
}

// Exact is x as a questionnaire or an answer gives it, not rounded, in the fewest digits
// that read back as x ("3", "2.5", "1000000", never "1e+06"): a weight, a bound, a number
// answered.
func (w Words) Exact(x float64) string {
	return w.marked(strconv.FormatFloat(x, 'f', -1, 64))
}

// marked is a number Go formatted with the language's decimal mark, and without the sign of
// a zero.
func (w Words) marked(s string) string {
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // never "-0.0"
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

// WholePercent is a share (0..1) as a whole percentage, for tables where a decimal would be
// noise (how complete an assessment is), or number.none.
func (w Words) WholePercent(p *float64) string {
	if p == nil {
		return w.T("number.none")
	}
	return w.T("number.percent", w.Decimals(*p*100, 0))
}
