#!/usr/bin/env bash
# customer-service benchmark, on a stack started with ./rapport up:
# loads 10,000 customers, then wrk on GET /customers/{id} and POST /customers, RSS and start-up.
# Not a test: it prints figures for bench/RESULTS.md. Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh; rapport_select_jdk

BASE=${CUSTOMER_URL:-http://localhost:8081}
COUNT=${COUNT:-10000}
DURATION=${DURATION:-30s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
OUT=${OUT:-target/bench}
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
PID=$(cat .rapport/pids/customer-service.pid 2>/dev/null) || { echo "customer-service is not running (./rapport up)" >&2; exit 1; }

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status"; }
peak_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "startup: $(grep -o 'started in [0-9.]*s' .rapport/logs/customer-service.log | tail -1)"
echo "rss before load: $(rss_mb) MB"

# customer-service answers only the gateway's identity token: sign one as the gateway would.
export AUTH_HEADER="Authorization: Bearer $("$JAVA_HOME/bin/java" tools/DevKeys.java service-token --ttl 240)"
"$JAVA_HOME/bin/java" bench/LoadCustomers.java "$BASE" "$COUNT" "$OUT/customer-ids.txt" "$AUTH_HEADER"
echo "rss after loading $COUNT customers: $(rss_mb) MB"

echo "GET /customers/{id}: wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
IDS_FILE="$OUT/customer-ids.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
  -s bench/lua/get-random-customer.lua "$BASE" | grep RESULT
echo "rss after GET load: $(rss_mb) MB"

echo "POST /customers: wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/lua/post-customer.lua "$BASE" | grep RESULT
echo "rss after POST load: $(rss_mb) MB (peak $(peak_mb) MB)"
