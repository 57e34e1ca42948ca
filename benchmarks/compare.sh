#!/usr/bin/env bash
# Runs the 17 scenario rows of SCENARIOS.md on every library -- reaktiv, JavaFX and Vaadin signals on the JVM,
# alien-signals and Preact signals on Node, and alien-jvm (a Java port of alien-signals, benchmark-only) -- in
# several interleaved rounds, one process per library and round, never two at once, and prints one Markdown table:
# each library's median (median over the rounds of the per-round medians) and reaktiv's ratio to the fastest other
# library (alien-jvm is a reference column, not counted as a library).
#
# usage: benchmarks/compare.sh [scenarioFilter]
# env:   ROUNDS        rounds (default 3)
#        LIBS          libraries to run (default: "reaktiv javafx vaadin alien preact alien-jvm")
#        SHARED_DIR    the shared material (default: the repository's sibling ../shared); the Node harness
#                      is SHARED_DIR/bench/js
#        BENCH_JAVA    JDK home for the JVM runs (default: a JDK 21+ under /usr/lib/jvm if there is one, so that
#                      Vaadin signals can run; otherwise JAVA_HOME or the java on PATH, without Vaadin)
#        JVM_OPTS      options of the benchmark JVMs (default: -Xms2g -Xmx2g -XX:+AlwaysPreTouch: the heap is
#                      committed and touched before the first rep, so no rep pays for zeroing fresh pages)
#        OUT_DIR       where the raw result files go (default: benchmarks/target/compare-<timestamp>)
#        SKIP_BUILD=1  use the existing benchmarks/target/benchmarks.jar
#        KAIRO_WARMUP KAIRO_REPS CELLX_WARMUP CELLX_REPS DYN_WARMUP DYN_REPS SLOW_MS: passed on to both harnesses
#        (the JVM and JS defaults differ only in warm-up reps, see SCENARIOS.md section 0)
set -euo pipefail

FILTER="${1:-}"
ROUNDS="${ROUNDS:-3}"
LIBS="${LIBS:-reaktiv javafx vaadin alien preact alien-jvm}"
ROOT="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
SHARED_DIR="${SHARED_DIR:-$ROOT/../shared}"
JS_SRC="$SHARED_DIR/bench/js"
JVM_OPTS="${JVM_OPTS:--Xms2g -Xmx2g -XX:+AlwaysPreTouch}"
OUT_DIR="${OUT_DIR:-$ROOT/benchmarks/target/compare-$(date +%Y%m%d-%H%M%S)}"
JAR="$ROOT/benchmarks/target/benchmarks.jar"

java_major() { # the feature version of a JDK home
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p'
}

pick_jdk() {
  if [[ -n "${BENCH_JAVA:-}" ]]; then echo "$BENCH_JAVA"; return; fi
  local best="" best_major=0 home major
  for home in /usr/lib/jvm/*/; do
    home="${home%/}"
    [[ -x "$home/bin/javac" ]] || continue
    major="$(java_major "$home")"
    if [[ "$major" =~ ^[0-9]+$ ]] && ((major >= 21 && major > best_major)); then best="$home" best_major="$major"; fi
  done
  if [[ -n "$best" ]]; then echo "$best"; return; fi
  if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME"; return; fi
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

JDK="$(pick_jdk)"
JDK_MAJOR="$(java_major "$JDK")"
if ((JDK_MAJOR < 21)) && [[ " $LIBS " == *" vaadin "* ]]; then
  echo "# JDK $JDK_MAJOR < 21: Vaadin signals cannot run, skipped" >&2
  LIBS="${LIBS//vaadin/}"
fi

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  # The build's JDK decides whether the Vaadin adapter is compiled (profile activated on JDK 21+).
  echo "# building with JDK $JDK_MAJOR ($JDK)" >&2
  JAVA_HOME="$JDK" mvn -q -f "$ROOT/pom.xml" -pl benchmarks -am package -DskipTests >&2
fi

JS_DIR=""
if [[ " $LIBS " == *" alien "* || " $LIBS " == *" preact "* ]]; then
  # The shared folder is read-only and must stay clean: install the JS peers in a scratch copy.
  JS_DIR="$(mktemp -d)"
  trap 'rm -rf "$JS_DIR"' EXIT
  cp -r "$JS_SRC/." "$JS_DIR/"
  chmod -R u+w "$JS_DIR"
  # The lock file was written without peer dependencies (Angular's optional rxjs peer is not in it); npm 7+
  # would refuse it as out of sync unless peers are left out the same way.
  (cd "$JS_DIR" && npm ci --silent --no-audit --no-fund --legacy-peer-deps >&2)
fi

mkdir -p "$OUT_DIR"
for ((round = 1; round <= ROUNDS; round++)); do
  dir="$OUT_DIR/round$round"
  mkdir -p "$dir"
  for lib in $LIBS; do
    echo "# round $round/$ROUNDS: $lib" >&2
    case "$lib" in
      reaktiv | javafx | vaadin | alien-jvm)
        # shellcheck disable=SC2086 # JVM_OPTS is a list of options
        "$JDK/bin/java" $JVM_OPTS -cp "$JAR" io.reaktiv.bench.scenarios.ScenarioMain "$lib" "$FILTER" \
          >"$dir/$lib.txt" 2>"$dir/$lib.err" || echo "# $lib exited with status $?" >>"$dir/$lib.txt"
        ;;
      *)
        (cd "$JS_DIR" && node --expose-gc bench.mjs "$lib" "$FILTER") \
          >"$dir/$lib.txt" 2>"$dir/$lib.err" || echo "# $lib exited with status $?" >>"$dir/$lib.txt"
        ;;
    esac
  done
done

echo "## Scenario benchmarks: median ms per timed rep (lower is better)"
echo
echo "Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), JDK $("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p') ($JVM_OPTS), Node $(node --version 2>/dev/null || echo n/a), $ROUNDS round(s), $(date -u +%Y-%m-%dT%H:%MZ)"
echo
# shellcheck disable=SC2086 # LIBS is a list of names
"$JDK/bin/java" -cp "$JAR" io.reaktiv.bench.report.CompareTable "$OUT_DIR" $LIBS
echo
echo "Cells: median over the rounds of each round's median. \`+\` = extra runs (no equality cut-off), \`✗\` = DIFF (checksum or runs differ from the reference, or differ between reps), FAILED = the library threw. Ratio < 1: reaktiv is faster. alien-jvm (single-threaded Java port of alien-signals, benchmarks only) is never the best other library."
echo
echo "Libraries:"
echo
grep -h '^# [a-z-]* = ' "$OUT_DIR/round1/"*.txt | sed 's/^# /- /'
notes="$(grep -h '^# ' "$OUT_DIR"/round*/*.txt | grep -v '^# [a-z-]* = ' || true)"
if [[ -n "$notes" ]]; then
  echo
  echo "Harness notes:"
  echo
  sed 's/^# /- /' <<<"$notes" | sort | uniq -c | sed 's/^ *\([0-9]*\) - /- (x\1) /'
fi
echo
echo "Raw results: $OUT_DIR"
