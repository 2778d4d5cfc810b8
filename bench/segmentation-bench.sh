#!/usr/bin/env bash
# segmentation-service recompute benchmark (not a test): starts its own PostgreSQL + Kafka (devstack on ports
# of their own, fresh data in a temporary directory) and segmentation-service with the JVM options
# ./rapport up uses, then runs bench/SegmentationBench.java: seeded generation of CUSTOMERS customers and
# PURCHASES purchases, loaded straight into the service's tables (bench-only loader) and into DuckDB; the
# full recompute timed with the service's RSS, DuckDB timed on the same purchases, both results compared; a
# second (nightly) recompute unless SECOND=0; EVENTS purchase events through Kafka for the per-event times.
#   bench/segmentation-bench.sh    env: CUSTOMERS (1000000) PURCHASES (10000000) EVENTS (2000) SECOND (1)
#                                       PG_PORT (57432) KAFKA_PORT (61092) HTTP_PORT (18484)
#                                       RELAY_WAIT_MINUTES (15) QUIET_LOCK, GATE_LOCK (unset)
#                                       SERVICE_OPTS (unset: extra JVM options for the service, e.g. settings to compare)
#                                       (-Drapport.messaging.consumer.max-poll-records=1: one event per transaction, the
#                                       path of an event that arrives alone, instead of a poll's events together)
# With QUIET_LOCK (a flock file) the run takes that lock itself: shared to start and load, exclusive (after
# GATE_LOCK) only while it measures, so a 1 M run splits into holds; run it without a lock around it then.
# Needs ./mvnw package -DskipTests -pl segmentation-service -am (the runner jar and the devstack jar) and
# org.duckdb:duckdb_jdbc in the local Maven repository (MAVEN_REPO, default ~/.m2/repository).
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${CUSTOMERS:-1000000}
PURCHASES=${PURCHASES:-10000000}
EVENTS=${EVENTS:-2000}
PG_PORT=${PG_PORT:-57432}
KAFKA_PORT=${KAFKA_PORT:-61092}
HTTP_PORT=${HTTP_PORT:-18484}
MAVEN_REPO=${MAVEN_REPO:-$HOME/.m2/repository}
DUCKDB_VERSION=${DUCKDB_VERSION:-1.5.6.0}
DUCKDB_JAR="$MAVEN_REPO/org/duckdb/duckdb_jdbc/$DUCKDB_VERSION/duckdb_jdbc-$DUCKDB_VERSION.jar"
[ -f "$DUCKDB_JAR" ] || ./mvnw -q -B -ntp -Dmaven.repo.local="$MAVEN_REPO" dependency:get \
  -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB_VERSION"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d /tmp/segmentation-bench.XXXXXX)
PIDS=()
cleanup() {
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill -TERM "${PIDS[$i]}" 2>/dev/null || true
    while kill -0 "${PIDS[$i]}" 2>/dev/null; do sleep 0.5; done
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "segmentation-bench: $(date -u +%FT%TZ), load: $(uptime)"
if [ -n "${QUIET_LOCK:-}" ]; then
  [ -z "${GATE_LOCK:-}" ] || flock "$GATE_LOCK" true
  exec 9>>"$QUIET_LOCK"
  flock -s 9
fi
"$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m \
  -cp "platform/devstack/target/rapport-devstack-0.1.0-SNAPSHOT.jar:platform/devstack/target/lib/*" \
  dev.rapport.devstack.DevStack --data-dir "$WORK/data" --pg-port "$PG_PORT" --kafka-port "$KAFKA_PORT" \
  >"$WORK/devstack.log" 2>&1 &
PIDS+=($!)
until grep -q '^READY ' "$WORK/devstack.log"; do
  kill -0 "${PIDS[0]}" 2>/dev/null || { cat "$WORK/devstack.log"; exit 1; }
  sleep 1
done

# the service reads the gateway's public key at start (identity is not required here: the bench calls it directly)
[ -f .rapport/gateway-identity/gateway-identity-public.pem ] || "$JAVA" tools/DevKeys.java init >/dev/null
# the JVM options of ./rapport up (serial GC, 128 MB heap, C1 only with its code cache for the back-end services)
MALLOC_ARENA_MAX=2 DB_URL="jdbc:postgresql://localhost:$PG_PORT/segmentation" KAFKA_BOOTSTRAP="localhost:$KAFKA_PORT" \
  RECOMPUTE_CRON=off "$JAVA" -XX:+UseSerialGC -Xmx128m -Xss512k -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m \
  -Dquarkus.http.port="$HTTP_PORT" -Drapport.identity.required=false \
  -Drapport.segmentation.recompute.on-start=false -Drapport.segmentation.recompute.poll-interval=250ms \
  ${SERVICE_OPTS:-} -jar segmentation-service/target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE=$!
PIDS+=($SERVICE)
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$HTTP_PORT/q/health/ready")" = 200 ]; do
  kill -0 "$SERVICE" 2>/dev/null || { tail -40 "$WORK/service.log"; exit 1; }
  sleep 1
done
echo "segmentation-bench: service up, RSS $(grep VmRSS /proc/$SERVICE/status)"

[ -z "${QUIET_LOCK:-}" ] || flock -u 9 # the bench takes its own holds from here
# ids made as customer-service makes them (rapport-kernel, from the service's own libraries)
KERNEL_JAR=$(ls segmentation-service/target/quarkus-app/lib/main/dev.rapport.rapport-kernel-*.jar)
SECOND=${SECOND:-1} "$JAVA" -Xmx6g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "platform/devstack/target/lib/*:$DUCKDB_JAR:$KERNEL_JAR" bench/SegmentationBench.java \
  "jdbc:postgresql://localhost:$PG_PORT/segmentation" "localhost:$KAFKA_PORT" "http://localhost:$HTTP_PORT" \
  "$SERVICE" "$CUSTOMERS" "$PURCHASES" "$EVENTS"
grep -E "recompute|run [0-9]+ as of" "$WORK/service.log" | tail -6 || true
echo "segmentation-bench: done $(date -u +%FT%TZ), load: $(uptime)"
