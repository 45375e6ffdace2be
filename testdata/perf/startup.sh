#!/bin/sh
# Times cbrn's start-up side by side with a Go program that prints a line (hello), the same
# after the required libraries' initialisation (floor), `cbrn version` and `cbrn report` of
# the full Examplia sample, all built static as the README says (CGO_ENABLED=0), in ROUNDS
# hyperfine runs of RUNS runs each; prints each median and its ratio to hello's in the same
# run. Skips without hyperfine or python3.
#
#   sh testdata/perf/startup.sh              # ROUNDS=3 RUNS=300
set -eu
cd "$(dirname "$0")/../.."
for tool in hyperfine python3; do
	command -v $tool >/dev/null || { echo "startup.sh: skipped: $tool is not installed"; exit 0; }
done
ROUNDS=${ROUNDS:-3}
RUNS=${RUNS:-300}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
CGO_ENABLED=0 go build -o "$dir/hello" ./testdata/perf/hello
CGO_ENABLED=0 go build -o "$dir/floor" ./testdata/perf/floor
CGO_ENABLED=0 go build -o "$dir/cbrn" ./cmd/cbrn
sample=questionnaires/samples/examplia.answers.yaml
i=1
while [ "$i" -le "$ROUNDS" ]; do
	hyperfine -N -w 20 -r "$RUNS" --export-json "$dir/run.json" \
		-n hello "$dir/hello" -n floor "$dir/floor" -n version "$dir/cbrn version" \
		-n report "$dir/cbrn report $sample" >/dev/null 2>&1
	python3 - "$dir/run.json" "$i" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
h = r[0]["median"]
print("round %s: " % sys.argv[2] + "  ".join("%s %.2f ms %.1fx" % (x["command"], x["median"] * 1e3, x["median"] / h) for x in r))
PY
	i=$((i + 1))
done
