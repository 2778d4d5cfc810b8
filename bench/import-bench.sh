#!/usr/bin/env bash
# Import benchmark (not a test): on a running stack (./rapport up), times the Online Retail import end
# to end through the gateway (request start -> job completed AND outbox drained; the end both as the client
# saw it and as the server recorded it: job finished_at, last published_at), PostgreSQL COPY of
# the same CSV into a plain temp table, their ratio, the p99 of GET /customers/{id} measured with
# wrk while the import runs, and the CPU seconds of customer-service and PostgreSQL meanwhile. Asserts the job's counts: 4,372 customers and 18,532 purchases on a
# fresh database (on a re-run the same numbers appear as unchanged). Needs psql; wrk is optional.
#   bench/import-bench.sh [FILE]     env: BASE (default http://localhost:8080/api), PGPORT (55432),
#     PGDATABASE (customer: the service's database; the outbox is watched there), CUSTOMER_URL (wrk's target,
#     http://localhost:8081), LOAD_RPS (200: fixed-rate background load over LOAD_CONNECTIONS=8 connections),
#     LOAD=saturate (wrk -t2 -c16 flat out instead: a CPU fight, not the responsiveness other clients see),
#     WARMUP (1: first import a copy of the file with every invoice and customer id renamed, so the
#     measured import runs on a service whose JIT has compiled the import path, as in a service that has
#     imported before; the warm-up is timed and printed too, as the cold figure; 0: no warm-up)
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${1:-../shared/data/online_retail.csv.gz}
BASE=${BASE:-http://localhost:8080/api}
PGPORT=${PGPORT:-55432}
export PGPASSWORD=${PGPASSWORD:-rapport}
PGDATABASE=${PGDATABASE:-customer}
LOAD=${LOAD:-fixed}
LOAD_RPS=${LOAD_RPS:-200}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-8}
WARMUP=${WARMUP:-1}
PSQL=(psql -h localhost -p "$PGPORT" -U rapport -d "$PGDATABASE" -Atq)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f "$FILE" ] || { echo "import-bench: $FILE not found (the real data lives in ../shared/data, outside the repository)" >&2; exit 2; }

TOKEN=""
if [[ $BASE == *":8080/api"* && -f tools/DevKeys.java ]]; then TOKEN=$($JAVA tools/DevKeys.java token --role crm-admin); fi

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }
outbox_drained() {
  until [ "$("${PSQL[@]}" -c 'select count(*) from rapport_outbox where published_at is null')" = 0 ]; do sleep 0.2; done
}

WRK_PID=""
# Whatever happens (a failed upload exits early), the background load stops with the script.
trap '[ -n "$WRK_PID" ] && kill -INT "$WRK_PID" 2>/dev/null || true; rm -rf "${TOOL_DIR:-}"' EXIT
# The upload tool is compiled once up front: started as a source file, java would compile it inside
# the measured time (2.5-4 s on 2 cores), and the measurement is request start -> job done.
TOOL_DIR=$(mktemp -d)
"${JAVA%java}javac" -d "$TOOL_DIR" tools/Import.java
import_file() { $JAVA -cp "$TOOL_DIR" Import "$1" --format online-retail --url "$BASE" ${TOKEN:+--token "$TOKEN"} --timing; }

if [ "$WARMUP" = 1 ]; then
  # Same rows, other ids: W-prefixed invoices (CW for cancellations) and customers, so the measured
  # import still creates its 4,372 customers and 18,532 purchases. CustomerID is the second-to-last
  # field (Country never holds a comma).
  WARM_FILE=$(mktemp --suffix=.csv.gz)
  zcat -f "$FILE" | sed -E 's/^C/CW/; s/^([0-9])/W\1/; s/,([0-9][^,]*),([^,]*)$/,W\1,\2/' | gzip -1 >"$WARM_FILE"
  WARM_START=$(now)
  import_file "$WARM_FILE" | tr '\r' '\n' | grep -E "^completed|failed" || true
  outbox_drained
  WARM_S=$(elapsed "$WARM_START" "$(now)")
  rm -f "$WARM_FILE"
  printf 'warm-up import (renamed copy, cold JIT): %.1f s\n' "$WARM_S"
  # The warm-up left ~430k new rows; autovacuum (one visit per database and minute) would otherwise
  # vacuum and analyse them during the measured import in some runs and not in others. Done here, that
  # work is the warm-up's, as it would be on a service that imported a while ago.
  "${PSQL[@]}" -c "VACUUM (ANALYZE)"
fi

IDS_FILE=$(mktemp)
"${PSQL[@]}" -c "select id from customer order by created_at limit 5000" >"$IDS_FILE"
if command -v wrk >/dev/null && [ -s "$IDS_FILE" ]; then
  WRK_OUT=$(mktemp)
  # The target is the service's own responsiveness while it imports, so wrk reads customer-service
  # directly: through the gateway it would share the uploader's rate-limit bucket and time the
  # gateway too (bench/gateway-bench.sh measures that).
  if [ "$LOAD" = saturate ]; then
    WRK_ARGS=(-t2 -c16); DELAY_MS=0
    echo "background load: wrk -t2 -c16 flat out (saturating)"
  else
    # wrk's Lua delay() per request and connection: about LOAD_RPS requests per second in total.
    WRK_ARGS=(-t1 -c"$LOAD_CONNECTIONS"); DELAY_MS=$(( LOAD_CONNECTIONS * 1000 / LOAD_RPS ))
    echo "background load: about $LOAD_RPS req/s over $LOAD_CONNECTIONS connections (${DELAY_MS} ms between requests per connection)"
  fi
  # customer-service answers only the gateway's identity token: sign one as the gateway would, here and
  # not in wrk's background command, where that JVM would compile and run during the measured import.
  READ_TOKEN=$($JAVA tools/DevKeys.java service-token --ttl 240)
  AUTH_HEADER="Authorization: Bearer $READ_TOKEN" \
  IDS_FILE=$IDS_FILE DELAY_MS=$DELAY_MS wrk "${WRK_ARGS[@]}" -d900s --latency -s bench/lua/get-random-customer.lua \
    "${CUSTOMER_URL:-http://localhost:8081}" >"$WRK_OUT" 2>&1 &
  WRK_PID=$!
else
  echo "no wrk, or no customers yet to read (run bench/customer-bench.sh first): no latency measurement during the import"
fi

# CPU seconds the service and PostgreSQL spend during the measured import: unlike wall time, barely
# changed by other work on the machine (a shared machine's wall times can vary several-fold).
# Ticks per process from /proc (the service, the stack's PostgreSQL server processes); a backend that
# starts meanwhile counts from 0, one that ends is lost.
cpu_ticks() {
  local pid
  local postmaster
  postmaster=$(pgrep -f "bin/postgres .*-p $PGPORT" | head -1 || true)
  for pid in $(cat .rapport/pids/customer-service.pid 2>/dev/null) ${postmaster:+$(pgrep -P "$postmaster")}; do
    awk -v p="$pid" '{print p, $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true
  done
}
CPU_BEFORE=$(cpu_ticks)
OUT=$(mktemp)
import_file "$FILE" | tr '\r' '\n' | tee "$OUT" | tail -12
JOB_DONE=$(now)
# The start is the moment the uploader begins its request (--timing), not its JVM's start (~0.2-0.3 s).
START=$(awk '/^request started at / {printf "%.3f", $NF / 1000}' "$OUT")
outbox_drained
ALL_PUBLISHED=$(now)
CPU_AFTER=$(cpu_ticks)
SERVICE_PID=$(cat .rapport/pids/customer-service.pid 2>/dev/null || echo none)
cpu_seconds() { # $1: service | postgres
  awk -v want="$1" -v svc="$SERVICE_PID" -v hz="$(getconf CLK_TCK)" '
    NR == FNR { before[$1] = $2; next }
    { d = $2 - ($1 in before ? before[$1] : 0); if ((want == "service") == ($1 == svc)) sum += d }
    END { printf "%.1f", sum / hz }' <(echo "$CPU_BEFORE") <(echo "$CPU_AFTER")
}
# The same end as the server recorded it: the job's finished_at and the last publication's published_at
# (the relay stamps a row only after Kafka committed it). The uploader polls every 250 ms and the outbox
# check above every 200 ms, so the client-side end above includes up to ~0.5 s of looking.
JOB_ID=$(awk '/^uploaded / {print $NF}' "$OUT")
SERVER_END=$("${PSQL[@]}" -c "select extract(epoch from greatest(
    (select finished_at from import_job where id = '$JOB_ID'),
    (select max(published_at) from rapport_outbox)))")
if [ -n "$WRK_PID" ]; then kill -INT "$WRK_PID" 2>/dev/null || true; wait "$WRK_PID" 2>/dev/null || true; fi

COPY_START=$(now)
zcat -f "$FILE" | "${PSQL[@]}" \
  -c "CREATE TEMP TABLE retail_copy (invoice_no text, stock_code text, description text, quantity int, invoice_date timestamp, unit_price numeric, customer_id text, country text)" \
  -c "\copy retail_copy from stdin with (format csv, header true)"
COPY_END=$(now)

IMPORT_S=$(elapsed "$START" "$SERVER_END")
CLIENT_S=$(elapsed "$START" "$ALL_PUBLISHED")
COPY_S=$(elapsed "$COPY_START" "$COPY_END")
created=$(awk '/customersCreated/ {print $2}' "$OUT"); unchanged_p=$(awk '/purchasesUnchanged/ {print $2}' "$OUT")
purchases=$(awk '/purchasesCreated/ {print $2}' "$OUT")
echo
printf 'import (request -> job done, as the uploader saw it)     %8.1f s\n' "$(elapsed "$START" "$JOB_DONE")"
printf 'import (-> all events published, as the client saw it)   %8.1f s   (ratio %.1f x)\n' "$CLIENT_S" \
  "$(echo "$CLIENT_S / $COPY_S" | bc -l)"
printf 'import (-> job done and all events published, server)    %8.2f s\n' "$IMPORT_S"
printf 'COPY into a plain table                                  %8.2f s\n' "$COPY_S"
printf 'ratio import (server) / COPY                             %8.2f x   (target <= 8)\n' "$(echo "$IMPORT_S / $COPY_S" | bc -l)"
echo "customers created $created, purchases created $purchases (unchanged $unchanged_p)"
echo "CPU during the import: customer-service $(cpu_seconds service) s (the reads included), PostgreSQL $(cpu_seconds postgres) s"
if [ -n "$WRK_PID" ]; then echo "GET /customers/{id} during the import:"; grep -E "^RESULT" "$WRK_OUT" || cat "$WRK_OUT"; fi
if [[ "$created/$purchases" != "4372/18532" && "$unchanged_p" != 18532 ]]; then
  echo "import-bench: expected 4372 customers and 18532 purchases (or 18532 unchanged on a re-run)" >&2; exit 1
fi
