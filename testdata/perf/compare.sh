#!/bin/sh
# compare.sh times `cbrn export DIR --level pillar` against export_pillar.py, the same scoring
# written with PyYAML (libyaml's CSafeLoader when PyYAML has it), on generated cbrn-core
# assessments, side by side: the two programs run alternately, RUNS times each, so that a busy
# machine slows both alike. It first checks that both write the very same CSV.
#
#   sh testdata/perf/compare.sh                      # 1,000 and 10,000 assessments, 5 runs
#   SIZES=1000 RUNS=9 STYLE=block sh testdata/perf/compare.sh
#
# STYLE is flow (as cbrn writes answers files) or block (as PyYAML's safe_dump writes them).
# It prints, per size, each run's wall-clock times and ratio, the range of the ratios, and the
# time per assessment and peak memory of cbrn. Without python3 and PyYAML it says so and exits
# 0; it needs go, and /usr/bin/time (GNU time) for the memory figures.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
py=${PYTHON:-python3}
sizes=${SIZES:-1000 10000}
runs=${RUNS:-5}
style=${STYLE:-flow}

if ! command -v "$py" >/dev/null 2>&1 || ! "$py" -c 'import yaml' >/dev/null 2>&1; then
	echo "skip: $py with PyYAML is not installed (apt-get install python3-yaml)"
	exit 0
fi
if [ ! -x /usr/bin/time ]; then
	echo "skip: /usr/bin/time (GNU time) is not installed (apt-get install time)"
	exit 0
fi
echo "PyYAML $("$py" -c 'import yaml; print(yaml.__version__, "with libyaml" if yaml.__with_libyaml__ else "WITHOUT libyaml")'), $(go version | cut -d' ' -f3), $(nproc) CPUs, style $style"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
(cd "$root" && go build -o "$work/cbrn" ./cmd/cbrn)

# measure FILE CMD...: runs CMD with stdout to /dev/null, appends "wall user sys maxKB" to FILE.
measure() {
	out=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" >/dev/null
	cat "$work/t" >>"$out"
}

for n in $sizes; do
	corpus="$work/c$n"
	(cd "$root" && go run ./testdata/perf/gencorpus -n "$n" -style "$style" -out "$corpus")
	"$work/cbrn" export "$corpus" --level pillar >"$work/go.csv"
	"$py" "$here/export_pillar.py" "$corpus/questionnaire.yaml" "$corpus" >"$work/py.csv"
	if ! cmp -s "$work/go.csv" "$work/py.csv"; then
		echo "FAIL: n=$n: cbrn export and export_pillar.py write different CSV" >&2
		diff "$work/go.csv" "$work/py.csv" | head -5 >&2
		exit 1
	fi
	echo "n=$n ($(du -sh "$corpus" | cut -f1)): both write the same $(($(wc -l <"$work/go.csv") - 1)) rows"
	: >"$work/py.t"
	: >"$work/go.t"
	i=0
	while [ "$i" -lt "$runs" ]; do
		measure "$work/py.t" "$py" "$here/export_pillar.py" "$corpus/questionnaire.yaml" "$corpus"
		measure "$work/go.t" "$work/cbrn" export "$corpus" --level pillar
		i=$((i + 1))
	done
	paste -d' ' "$work/py.t" "$work/go.t" | awk -v n="$n" '
		{
			r = $5 > 0 ? $1 / $5 : 0
			printf "  run %d: python %6.2f s (cpu %5.2f s)   cbrn %6.3f s (cpu %5.3f s, %5.1f MB)   %5.1fx\n", NR, $1, $2 + $3, $5, $6 + $7, $8 / 1024, r
			ratio[NR] = r; py[NR] = $1; go[NR] = $5; cpu[NR] = ($2 + $3) / ($6 + $7 > 0 ? $6 + $7 : 1)
			if (NR == 1 || $8 > mem) mem = $8
		}
		function sort(a, k,   i, j, t) { for (i = 2; i <= k; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t } }
		END {
			k = NR; sort(ratio, k); sort(py, k); sort(go, k); sort(cpu, k)
			m = int((k + 1) / 2)
			printf "  n=%d: cbrn export is %.1fx to %.1fx faster (median %.1fx; by CPU time %.1fx to %.1fx)\n", n, ratio[1], ratio[k], ratio[m], cpu[1], cpu[k]
			printf "  n=%d: cbrn %.0f to %.0f us per assessment, python %.0f to %.0f us; cbrn peak memory %.1f MB\n", n, go[1] / n * 1e6, go[k] / n * 1e6, py[1] / n * 1e6, py[k] / n * 1e6, mem / 1024
		}'
	rm -rf "$corpus"
done
