package textfmt

import (
	"encoding/json"
	"math"
	"testing"
)

func TestFormatNumberRoundTrips(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.1, 2.0 / 3, 1e20, 1e21, 1e-6, 1e-7, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		var back float64
		if err := json.Unmarshal([]byte(FormatNumber(f)), &back); err != nil || back != f {
			t.Errorf("FormatNumber(%v) = %s, reads back as %v (%v)", f, FormatNumber(f), back, err)
		}
	}
}

// Whole numbers take a shortcut through integer formatting; it must write exactly what the
// float formatting writes (as encoding/json would), at the edges of the shortcut too.
func TestFormatNumberWholeNumbersAsFloatFormatting(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 3, 75, 100, -100, 2.5, 1e15 - 1, 1e15, -1e15 + 1, -1e15,
		1e15 + 2, 1 << 53, 1e20, 1e21, 123456789012345, -0.5, 0.9999999999999999, 99.99999999999999} {
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := FormatNumber(f); got != string(want) {
			t.Errorf("FormatNumber(%v) = %s, encoding/json writes %s", f, got, want)
		}
	}
}
