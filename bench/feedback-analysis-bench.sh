#!/usr/bin/env bash
# Text-analysis throughput of feedback-service (texts/s on ONE core) over ../shared/data/sentiment.
# Usage: bench/feedback-analysis-bench.sh [seconds-per-set]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -q -o -pl feedback-service test-compile ${MAVEN_ARGS:-}
CP_FILE=$(mktemp)
./mvnw -q -o -pl feedback-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" ${MAVEN_ARGS:-}
CP="feedback-service/target/test-classes:feedback-service/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
# One core: the figure is per core, whatever the machine has.
exec taskset -c 0 "$JAVA" -XX:+UseSerialGC -Xmx256m -XX:ActiveProcessorCount=1 -cp "$CP" \
  dev.rapport.feedback.domain.feedback.AnalysisThroughputBench "${1:-10}"
