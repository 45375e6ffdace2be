// Package semver compares questionnaire versions written as semantic versions
// (MAJOR.MINOR.PATCH, optionally -PRERELEASE and +BUILD), as https://semver.org orders them.
package semver

import (
	"strings"
)

// Valid reports whether v is a semantic version such as 1.0.0 or 2.1.0-rc.1.
func Valid(v string) bool {
	_, ok := parse(v)
	return ok
}

// Compare orders two versions: -1 when a comes before b, 0 when they are the same version and +1
// when a comes after b. An invalid version comes before every valid one; two invalid ones
// compare as strings, so that sorting with Compare is total.
func Compare(a, b string) int {
	va, okA := parse(a)
	vb, okB := parse(b)
	switch {
	case !okA && !okB:
		return strings.Compare(a, b)
	case !okA:
		return -1
	case !okB:
		return 1
	}
	for i := range 3 {
		if c := compareNumeric(va.core[i], vb.core[i]); c != 0 {
			return c
		}
	}
	// A version without a pre-release comes after the same version with one.
	switch {
	case va.pre == nil && vb.pre == nil:
		return 0
	case va.pre == nil:
		return 1
	case vb.pre == nil:
		return -1
	}
	for i := 0; i < len(va.pre) && i < len(vb.pre); i++ {
		if c := compareIdentifier(va.pre[i], vb.pre[i]); c != 0 {
			return c
		}
	}
	return compareInt(len(va.pre), len(vb.pre))
}

type version struct {
	core [3]string
	pre  []string
}

func parse(v string) (version, bool) {
	var out version
	if i := strings.IndexByte(v, '+'); i >= 0 {
		build := v[i+1:]
		v = v[:i]
		if !identifiers(build, false) {
			return out, false
		}
	}
	if i := strings.IndexByte(v, '-'); i >= 0 {
		pre := v[i+1:]
		v = v[:i]
		if !identifiers(pre, true) {
			return out, false
		}
		out.pre = strings.Split(pre, ".")
	}
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return out, false
	}
	for i, p := range parts {
		if !numeric(p) {
			return out, false
		}
		out.core[i] = p
	}
	return out, true
}

// identifiers checks a dot-separated list of [0-9A-Za-z-]+ identifiers; numeric ones in a
// pre-release have no leading zero.
func identifiers(s string, pre bool) bool {
	for _, id := range strings.Split(s, ".") {
		if id == "" {
			return false
		}
		digits := true
		for _, r := range id {
			switch {
			case r >= '0' && r <= '9':
			case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '-':
				digits = false
			default:
				return false
			}
		}
		if pre && digits && !numeric(id) {
			return false
		}
	}
	return true
}

// numeric is a number without a leading zero.
func numeric(s string) bool {
	if s == "" || (len(s) > 1 && s[0] == '0') {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// compareNumeric orders numbers of any length written without leading zeros.
func compareNumeric(a, b string) int {
	if c := compareInt(len(a), len(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func compareIdentifier(a, b string) int {
	na, nb := numeric(a), numeric(b)
	switch {
	case na && nb:
		return compareNumeric(a, b)
	case na:
		return -1 // numeric identifiers come before alphanumeric ones
	case nb:
		return 1
	}
	return strings.Compare(a, b)
}

func compareInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
