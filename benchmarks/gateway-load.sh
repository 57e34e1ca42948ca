#!/usr/bin/env bash
# What the sample app's gateway filter (reaktiv signals and computeds on every request) adds to GET /api/orders:
# throughput and latency at 1, 8 and 64 concurrent clients, filter on and off, one app at a time.
# Usage (after mvn -B -pl sample-app,benchmarks -am package -DskipTests): benchmarks/gateway-load.sh [warmup-s] [measure-s]
# MODES="on off on off" alternates more rounds (on a shared machine, compare rounds run close together).
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${1:-5}
MEASURE=${2:-10}
JAR=$(ls sample-app/target/sample-app-*.jar | grep -v original | head -1)
PORT=18181
LOGS=$(mktemp -d)
# Limits far above the load, so that every request is admitted and the filter's full path (admit, circuit check,
# outcome) is what is measured, not the cheaper 429.
LIMITS="--sample.gateway.rate-limit-per-minute=1000000000 --sample.gateway.high-traffic-per-minute=2000000000"
echo "| filter | clients | requests/s | p50 ms | p99 ms | p99.9 ms |"
echo "|---|---:|---:|---:|---:|---:|"
for MODE in ${MODES:-on off}; do
  ENABLED=$([ "$MODE" = on ] && echo true || echo false)
  java -jar "$JAR" --server.port=$PORT --sample.gateway.enabled=$ENABLED $LIMITS \
       --logging.level.root=WARN > "$LOGS/$MODE.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -fs "localhost:$PORT/actuator/health" > /dev/null && break; sleep 1; done
  java -cp benchmarks/target/classes io.reaktiv.bench.gateway.GatewayLoad "http://localhost:$PORT" "$MODE" \
       "$WARMUP" "$MEASURE" 1 8 64
  kill $APP; wait $APP 2>/dev/null || true
  trap - EXIT
done
rm -rf "$LOGS"
