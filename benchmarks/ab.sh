#!/usr/bin/env bash
# A/B comparison of two builds of the reaktiv adapter (for engine changes): runs the scenario rows with jar A and
# jar B alternately, ROUNDS processes each, and prints per row the median of A, the median of B and B/A, then the
# geometric mean of B/A. Rows move +-10-40 % between processes on a small VM (JIT decisions): trust the geometric
# mean, or a row that moves far beyond that.
#
# usage: benchmarks/ab.sh A.jar B.jar [scenarioFilter]      (jars: copies of benchmarks/target/benchmarks.jar)
# env:   ROUNDS (default 3), JAVA (default: java on PATH), JVM_OPTS (default -Xms2g -Xmx2g -XX:+AlwaysPreTouch),
#        LIB (default reaktiv)
set -euo pipefail

A="$1" B="$2" FILTER="${3:-}"
ROUNDS="${ROUNDS:-3}"
JAVA="${JAVA:-java}"
JVM_OPTS="${JVM_OPTS:--Xms2g -Xmx2g -XX:+AlwaysPreTouch}"
LIB="${LIB:-reaktiv}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

for ((round = 1; round <= ROUNDS; round++)); do
  for side in A B; do
    echo "# round $round/$ROUNDS: $side" >&2
    # shellcheck disable=SC2086 # JVM_OPTS is a list of options
    "$JAVA" $JVM_OPTS -cp "${!side}" io.reaktiv.bench.scenarios.ScenarioMain "$LIB" "$FILTER" 2>/dev/null \
      | grep -v '^#' | awk -v side="$side" '{print side, $1, $3}' >>"$OUT/all.txt"
  done
done

sort -k2,2 -k1,1 -k3,3g "$OUT/all.txt" | awk '
  function median(list, n,   parts) { split(list, parts, " "); return n % 2 ? parts[(n + 1) / 2] : (parts[n / 2] + parts[n / 2 + 1]) / 2 }
  { key = $2; if (!(key in seen)) { seen[key] = 1; order[++rows] = key }
    values[key, $1] = values[key, $1] " " $3; count[key, $1]++ }
  END {
    printf "%-30s %10s %10s %6s\n", "scenario", "A", "B", "B/A"
    for (i = 1; i <= rows; i++) {
      k = order[i]; a = median(values[k, "A"], count[k, "A"]); b = median(values[k, "B"], count[k, "B"])
      printf "%-30s %10.3f %10.3f %6.2f\n", k, a, b, b / a; sum += log(b / a)
    }
    printf "geometric mean B/A: %.3f\n", exp(sum / rows)
  }'
