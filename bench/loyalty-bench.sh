#!/usr/bin/env bash
# loyalty-service benchmark (not a test), on a stack started with ./rapport up. In one run:
#  1. lag to visible points: PROBES purchases POSTed one at a time through the gateway, each timed until
#     GET /api/loyalty/accounts/{id} shows its points; then, on the same broker, raw Kafka produce ->
#     consume latency of PROBES single records (the baseline of the target p99 <= 3 x Kafka p99 + 50 ms);
#  2. consumption: EVENTS purchase-recorded events for ACCOUNTS new customers produced straight onto
#     rapport.customer.events; earn entries per second between the first and the last earn
#     (recorded_at), and from the first event produced to the last earn. With STOP_OTHERS=1 (default)
#     customer-, feedback- and segmentation-service, which consume the same topic (customer-service:
#     its erasure-answer group), are stopped first so the figure is loyalty-service's alone on the
#     shared cores (steps 2-4 need neither customer-service nor the gateway). CPU seconds of
#     loyalty-service, PostgreSQL (postmaster and backends) and the devstack (Kafka), idle and steal are printed
#     for the step. With PROFILE=1 the step also records a JFR file of loyalty-service and PostgreSQL's
#     statement log (log_min_duration_statement = 0), summed per statement: not for figures;
#  3. redemptions: CLIENTS parallel clients redeem 1 point at a time from random accounts of step 2 for
#     REDEEM_SECONDS, straight to loyalty-service, once loyalty's outbox has published step 2's events:
#     throughput, p50/p99, statuses (201; 409 when an account is empty);
#  4. every account's balance equals its ledger sum; no order earned twice.
# Needs psql and a JDK; kafka-clients comes from the local Maven repository (MAVEN_ARGS is honoured).
set -euo pipefail
cd "$(dirname "$0")/.."
ACCOUNTS=${ACCOUNTS:-1000}
EVENTS=${EVENTS:-100000}
PROBES=${PROBES:-200}
CLIENTS=${CLIENTS:-100}
REDEEM_SECONDS=${REDEEM_SECONDS:-30}
STOP_OTHERS=${STOP_OTHERS:-1}
PROFILE=${PROFILE:-0}
PROFILE_DIR=${PROFILE_DIR:-/tmp/loyalty-profile}
WARMUP=${WARMUP:-20}
GATEWAY=${GATEWAY:-http://localhost:8080}
LOYALTY_URL=${LOYALTY_URL:-http://localhost:8083}
BOOTSTRAP=${BOOTSTRAP:-localhost:59092}
KEYS_DIR=${KEYS_DIR:-.rapport/gateway}
PGPORT=${PGPORT:-55432}
export PGPASSWORD=${PGPASSWORD:-rapport}
LOYALTY=(psql -h localhost -p "$PGPORT" -U rapport -d loyalty -Atq)
# shellcheck source=../.mvn/select-jdk.sh
. .mvn/select-jdk.sh
rapport_select_jdk
JAVA="$JAVA_HOME/bin/java"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/rapport-loyalty-bench.XXXXXX")
KEY_NAME="loyalty-bench-$(date +%s)-$$"
cleanup() {
  "$JAVA" tools/DevKeys.java apikey revoke "$KEY_NAME" --dir "$KEYS_DIR" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "loyalty-bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load:$(uptime | sed 's/.*load average://')"
./mvnw -q -o -pl loyalty-service dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP=$(cat "$WORK/cp.txt")
"$JAVA_HOME/bin/javac" -nowarn -cp "$CP" -d "$WORK" bench/LoyaltyLoad.java
load() { "$JAVA" -Xmx512m -cp "$WORK:$CP" LoyaltyLoad "$@" 2> >(grep -v SLF4J >&2); }

# --- 1. lag to visible points, and raw Kafka in the same run ---------------------------------------
KEY=$("$JAVA" tools/DevKeys.java apikey create "$KEY_NAME" --dir "$KEYS_DIR" \
  --scopes customers:read,customers:write,purchases:write,loyalty:read --class internal 2>/dev/null)
for _ in $(seq 1 30); do   # the gateway re-reads the key file about once a second
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $KEY" "$GATEWAY/api/customers?limit=1")" = 200 ] && break
  sleep 0.5
done
load lag "$GATEWAY" "$KEY" "$PROBES" "$WARMUP"
load kafka "$BOOTSTRAP" "$PROBES"
echo "loyalty-bench: load after step 1:$(uptime | sed 's/.*load average://')"

# --- 2. consumption of EVENTS purchase events -------------------------------------------------------
if [ "$STOP_OTHERS" = 1 ]; then
  for name in customer-service feedback-service segmentation-service; do
    if [ -f ".rapport/pids/$name.pid" ]; then kill -TERM "$(cat ".rapport/pids/$name.pid")" 2>/dev/null || true; fi
  done
  sleep 3
fi
# CPU seconds (user + system) of loyalty-service, of PostgreSQL's postmaster with its live backends
# (the pool's connections live through the step) and of the devstack (Kafka), and the VM's idle and
# steal time, all from /proc.
TCK=$(getconf CLK_TCK)
LOYALTY_PID=$(cat .rapport/pids/loyalty-service.pid)
POSTMASTER=$(head -1 "$(find .rapport/data -name postmaster.pid | head -1)")
DEVSTACK_PID=$(cat .rapport/pids/devstack.pid)
cpu() {
  local l p=0 c k
  l=$(awk '{print $14 + $15}' "/proc/$LOYALTY_PID/stat")
  k=$(awk '{print $14 + $15}' "/proc/$DEVSTACK_PID/stat")
  for c in "$POSTMASTER" $(pgrep -P "$POSTMASTER"); do
    p=$((p + $(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0)))
  done
  echo "$l $p $k $(awk '/^cpu /{print $5 + $6, $9}' /proc/stat)"
}
SUPER=(psql -h localhost -p "$PGPORT" -U postgres -d postgres -Atq)
if [ "$PROFILE" = 1 ]; then
  mkdir -p "$PROFILE_DIR"
  "${SUPER[@]}" -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
  "$JAVA_HOME/bin/jcmd" "$LOYALTY_PID" JFR.start name=earn settings=profile filename="$PROFILE_DIR/loyalty.jfr" >/dev/null
fi
read -r CPU0_L CPU0_P CPU0_K IDLE0 STEAL0 < <(cpu)
START_TS=$("${LOYALTY[@]}" -c "select now()")
load replay "$BOOTSTRAP" "$ACCOUNTS" "$EVENTS" "$WORK/ids.txt"
deadline=$(( $(date +%s) + 1200 ))
while :; do
  EARNS=$("${LOYALTY[@]}" -c "select count(*) from ledger_entry where type = 'earn' and source_id like 'bench-%' and recorded_at >= '$START_TS'")
  [ "$EARNS" -ge "$EVENTS" ] && break
  [ "$(date +%s)" -lt "$deadline" ] || { echo "loyalty-bench: only $EARNS of $EVENTS earned after 20 min" >&2; exit 1; }
  sleep 1
done
read -r CPU1_L CPU1_P CPU1_K IDLE1 STEAL1 < <(cpu)
if [ "$PROFILE" = 1 ]; then
  "$JAVA_HOME/bin/jcmd" "$LOYALTY_PID" JFR.stop name=earn >/dev/null
  "${SUPER[@]}" -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
  "${LOYALTY[@]}" -F ' ' -c "select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd from pg_stat_user_tables
    where n_tup_ins + n_tup_upd > 0 order by relname" > "$PROFILE_DIR/tables.txt"
  echo "loyalty-bench: profile in $PROFILE_DIR (loyalty.jfr; PostgreSQL's log: $(find .rapport -name '*.log' -path '*data*' | head -1))"
fi
echo "loyalty-bench: step 2 CPU: loyalty-service $(echo "scale=1; ($CPU1_L - $CPU0_L) / $TCK" | bc) s," \
  "PostgreSQL $(echo "scale=1; ($CPU1_P - $CPU0_P) / $TCK" | bc) s, devstack (Kafka) $(echo "scale=1; ($CPU1_K - $CPU0_K) / $TCK" | bc) s;" \
  "all cores idle $(echo "scale=1; ($IDLE1 - $IDLE0) / $TCK" | bc) s, steal $(echo "scale=1; ($STEAL1 - $STEAL0) / $TCK" | bc) s"
read -r COUNT SPAN WALL < <("${LOYALTY[@]}" -F ' ' -c "select count(*), extract(epoch from max(recorded_at) - min(recorded_at)),
  extract(epoch from max(recorded_at) - '$START_TS'::timestamptz)
  from ledger_entry where type = 'earn' and source_id like 'bench-%' and recorded_at >= '$START_TS'")
echo "loyalty-bench: consumption: $COUNT earn entries in ${SPAN}s (first to last earn): $(echo "scale=0; $COUNT / $SPAN" | bc) events/s;" \
  "$(echo "scale=0; $COUNT / $WALL" | bc) events/s from the start of producing (${WALL}s)"
echo "loyalty-bench: load after step 2:$(uptime | sed 's/.*load average://')"

# --- 3. redemptions ----------------------------------------------------------------------------------
# The relay first publishes the points-earned events of step 2, so step 3 measures redemptions alone.
until [ "$("${LOYALTY[@]}" -c "select count(*) from rapport_outbox where published_at is null")" = 0 ]; do sleep 1; done
echo "loyalty-bench: loyalty's outbox drained $(date -u +%H:%M:%S); load:$(uptime | sed 's/.*load average://')"
AUTH="Bearer $("$JAVA" tools/DevKeys.java service-token --dir "$KEYS_DIR" --role crm-admin --ttl 60)"
load redeem "$LOYALTY_URL" "$AUTH" "$WORK/ids.txt" "$CLIENTS" "$REDEEM_SECONDS"
echo "loyalty-bench: load after step 3:$(uptime | sed 's/.*load average://')"

# --- 4. ledger = balance -----------------------------------------------------------------------------
ACCOUNTS_NOW=$("${LOYALTY[@]}" -c "select count(*) from loyalty_account")
BAD_BALANCES=$("${LOYALTY[@]}" -c "select count(*) from loyalty_account a where balance <>
  (select coalesce(sum(points), 0) from ledger_entry e where e.customer_id = a.customer_id)")
DOUBLE_EARNS=$("${LOYALTY[@]}" -c "select count(*) from (select 1 from ledger_entry where type = 'earn'
  group by customer_id, source_id having count(*) > 1) d")
echo "loyalty-bench: $ACCOUNTS_NOW accounts; balance <> ledger sum: $BAD_BALANCES; orders earned twice: $DOUBLE_EARNS"
[ "$BAD_BALANCES" = 0 ] && [ "$DOUBLE_EARNS" = 0 ]
