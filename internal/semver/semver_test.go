package semver

import (
	"slices"
	"testing"
)

func TestValid(t *testing.T) {
	for _, v := range []string{"1.0.0", "0.0.1", "10.20.30", "1.1.0-rc.1", "1.0.0-alpha", "1.0.0+build.5", "1.0.0-0.3.7"} {
		if !Valid(v) {
			t.Errorf("Valid(%q) = false", v)
		}
	}
	for _, v := range []string{"", "1", "1.0", "1.0.0.0", "v1.0.0", "01.0.0", "1.00.0", "1.0.0-", "1.0.0-01", "1.0.0-a..b", "1.0.0+", "1.-1.0", "1.0.x", " 1.0.0"} {
		if Valid(v) {
			t.Errorf("Valid(%q) = true", v)
		}
	}
}

// The order of semver.org §11, and numbers compared as numbers (1.10.0 after 1.9.0).
func TestCompareOrder(t *testing.T) {
	ordered := []string{"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
		"1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.9.0", "1.10.0",
		"2.0.0", "10.0.0", "99999999999999999999.0.0"}
	for i := range ordered {
		for j := range ordered {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := Compare(ordered[i], ordered[j]); got != want {
				t.Errorf("Compare(%q, %q) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	shuffled := []string{"1.10.0", "1.0.0", "1.9.0", "1.0.0-rc.1"}
	slices.SortFunc(shuffled, Compare)
	if want := []string{"1.0.0-rc.1", "1.0.0", "1.9.0", "1.10.0"}; !slices.Equal(shuffled, want) {
		t.Errorf("sorted %v, want %v", shuffled, want)
	}
}

func TestCompareBuildIgnored(t *testing.T) {
	if Compare("1.0.0+a", "1.0.0+b") != 0 {
		t.Error("build metadata must not change the order")
	}
}

func TestCompareInvalid(t *testing.T) {
	if Compare("draft", "1.0.0") != -1 || Compare("1.0.0", "draft") != 1 || Compare("a", "b") != -1 {
		t.Error("invalid versions must sort before valid ones, and among themselves as strings")
	}
}

func FuzzCompare(f *testing.F) {
	f.Add("1.0.0", "1.0.0-rc.1")
	f.Add("1.10.0", "1.9.0")
	f.Fuzz(func(t *testing.T, a, b string) {
		ab, ba := Compare(a, b), Compare(b, a)
		if ab != -ba {
			t.Fatalf("Compare(%q,%q)=%d but Compare(%q,%q)=%d", a, b, ab, b, a, ba)
		}
		if Compare(a, a) != 0 {
			t.Fatalf("Compare(%q,%q) != 0", a, a)
		}
	})
}
