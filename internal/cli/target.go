package cli

import (
	"strconv"

	"github.com/cbrn-tool/cbrn/internal/score"
)

// parseTarget reads --target: "" (each question's own), "next", or a level ≥ 1.
func parseTarget(s string) (score.Target, error) {
	switch s {
	case "":
		return score.Target{}, nil
	case "next":
		return score.Target{Next: true}, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return score.Target{}, usageErrorf("--target must be a level (a whole number from 1) or \"next\", not %q", s)
	}
	return score.Target{Level: n}, nil
}
