#!/usr/bin/env bash
# feedback-service complaints benchmark, on a stack started with ./rapport up (not a test; figures for
# bench/RESULTS.md). Loads OPEN (100,000) open complaints straight into the feedback database, spread
# over the last six days with the SLA marks a running system would have set, then measures:
#  1. the SLA scan: the service's claim statements (SlaScanBench, one rolled-back transaction per round)
#     with the shipped indexes, and again with the V2 indexes (every open complaint) for comparison;
#  2. complaint creation throughput: POST /complaints straight to the service (ComplaintLoad).
# Removes the loaded and created rows afterwards. Needs psql. Env: OPEN, DURATION_S (30), CLIENTS (16),
# PGPORT (55432), PGPASSWORD (rapport); CREATE=0 skips step 2 (then only PostgreSQL must be up);
# EXPLAIN=1 prints the plan of the resolution-breach claim.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh; rapport_select_jdk
OPEN=${OPEN:-100000}
DURATION_S=${DURATION_S:-30}
CLIENTS=${CLIENTS:-16}
PGPORT=${PGPORT:-55432}
export PGPASSWORD=${PGPASSWORD:-rapport}
BASE=${FEEDBACK_URL:-http://localhost:8082}
DB=(psql -h localhost -p "$PGPORT" -U rapport -d feedback -v ON_ERROR_STOP=1 -Atq)
JAVA="$JAVA_HOME/bin/java"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $("$JAVA" -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); load: $(uptime | sed 's/.*load average/load average/')"

./mvnw -q -o -pl feedback-service test-compile ${MAVEN_ARGS:-}
CP_FILE=$(mktemp)
./mvnw -q -o -pl feedback-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" ${MAVEN_ARGS:-}
CP="feedback-service/target/test-classes:feedback-service/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"

cleanup() {
  "${DB[@]}" -c "DELETE FROM complaint_history WHERE complaint_id IN (SELECT id FROM complaint WHERE category LIKE 'bench-%');
                 DELETE FROM complaint WHERE category LIKE 'bench-%';" || true
}
trap cleanup EXIT
cleanup

# Open complaints opened uniformly over the last 6 days: 40 % new, 35 % in progress (answered after an
# hour), 15 % acknowledged, 10 % waiting on the customer; marks as a scan running every 30 s left them.
"${DB[@]}" <<SQL
INSERT INTO complaint (id, customer_id, channel, category, priority, subject, description, status, opened_at,
                       first_response_due_at, resolution_due_at, first_responded_at, paused_since)
SELECT gen_random_uuid(), gen_random_uuid(), 'email', 'bench-sla', p.priority, 'Parcel late', 'Still not delivered',
       s.status, o.opened_at, o.opened_at + interval '24 hours', o.opened_at + p.target,
       CASE WHEN s.status <> 'new' THEN o.opened_at + interval '1 hour' END,
       CASE WHEN s.status = 'waiting-on-customer' THEN o.opened_at + interval '2 hours' END
FROM generate_series(1, $OPEN) g
CROSS JOIN LATERAL (SELECT now() - random() * interval '6 days' AS opened_at, g AS n) o
CROSS JOIN LATERAL (SELECT (ARRAY['low', 'normal', 'high', 'urgent'])[1 + o.n % 4] AS priority,
                           (ARRAY[interval '120 hours', interval '72 hours', interval '24 hours', interval '8 hours'])[1 + o.n % 4] AS target) p
CROSS JOIN LATERAL (SELECT CASE WHEN o.n % 20 < 8 THEN 'new' WHEN o.n % 20 < 15 THEN 'in-progress'
                                WHEN o.n % 20 < 18 THEN 'acknowledged' ELSE 'waiting-on-customer' END AS status) s;
UPDATE complaint SET first_response_breached_at = first_response_due_at, first_response_warned_at = first_response_due_at
 WHERE category = 'bench-sla' AND first_responded_at IS NULL AND first_response_due_at <= now() - interval '30 seconds';
UPDATE complaint SET resolution_breached_at = resolution_due_at, resolution_warned_at = resolution_due_at
 WHERE category = 'bench-sla' AND paused_since IS NULL AND resolution_due_at <= now() - interval '30 seconds';
UPDATE complaint SET resolution_warned_at = resolution_due_at - interval '2 hours'
 WHERE category = 'bench-sla' AND paused_since IS NULL AND resolution_warned_at IS NULL
   AND resolution_due_at <= now() + interval '2 hours' - interval '30 seconds';
UPDATE complaint SET first_response_warned_at = first_response_due_at - interval '2 hours'
 WHERE category = 'bench-sla' AND first_responded_at IS NULL AND first_response_warned_at IS NULL
   AND first_response_due_at <= now() + interval '2 hours' - interval '30 seconds';
VACUUM ANALYZE complaint;
SQL
echo "open complaints: $("${DB[@]}" -c "SELECT count(*) FROM complaint WHERE status NOT IN ('resolved', 'closed')"), of which overdue (breach sent): $("${DB[@]}" -c "SELECT count(*) FROM complaint WHERE category = 'bench-sla' AND resolution_breached_at IS NOT NULL")"

URL="jdbc:postgresql://localhost:$PGPORT/feedback"
if [ "${EXPLAIN:-0}" = 1 ]; then
  "${DB[@]}" <<'SQL'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) UPDATE complaint SET resolution_warned_at = COALESCE(resolution_warned_at, now()), resolution_breached_at = now()
 WHERE id = ANY (ARRAY(SELECT id FROM complaint WHERE resolution_breached_at IS NULL AND resolved_at IS NULL
   AND status NOT IN ('resolved', 'closed') AND paused_since IS NULL AND resolution_due_at <= now()
   ORDER BY resolution_due_at LIMIT 5000 FOR UPDATE SKIP LOCKED)) RETURNING id, customer_id, resolution_due_at;
ROLLBACK;
SQL
fi
echo "SLA scan, shipped indexes (V7, pending notices only):"
"$JAVA" -cp "$CP" dev.rapport.feedback.adapter.out.persistence.complaint.SlaScanBench "$URL" rapport "$PGPASSWORD" 30
echo "SLA scan, the V2 indexes (every open complaint) instead:"
"${DB[@]}" <<'SQL'
DROP INDEX complaint_first_response_pending;
DROP INDEX complaint_resolution_pending;
CREATE INDEX bench_v2_open_first_response ON complaint (first_response_due_at)
    WHERE first_responded_at IS NULL AND status NOT IN ('resolved', 'closed');
CREATE INDEX bench_v2_open_resolution ON complaint (resolution_due_at)
    WHERE resolved_at IS NULL AND status NOT IN ('resolved', 'closed');
ANALYZE complaint;
SQL
"$JAVA" -cp "$CP" dev.rapport.feedback.adapter.out.persistence.complaint.SlaScanBench "$URL" rapport "$PGPASSWORD" 30 || true
"${DB[@]}" <<'SQL'
DROP INDEX bench_v2_open_first_response;
DROP INDEX bench_v2_open_resolution;
-- as V7__sla_scan_pending_indexes.sql
CREATE INDEX complaint_first_response_pending ON complaint (first_response_due_at)
    WHERE first_response_breached_at IS NULL AND first_responded_at IS NULL
      AND status NOT IN ('resolved', 'closed') AND paused_since IS NULL;
CREATE INDEX complaint_resolution_pending ON complaint (resolution_due_at)
    WHERE resolution_breached_at IS NULL AND resolved_at IS NULL
      AND status NOT IN ('resolved', 'closed') AND paused_since IS NULL;
ANALYZE complaint;
SQL

[ "${CREATE:-1}" = 1 ] || exit 0
export AUTH_HEADER="Authorization: Bearer $("$JAVA" tools/DevKeys.java service-token --ttl 60)"
echo "complaint creation with $("${DB[@]}" -c "SELECT count(*) FROM complaint WHERE status NOT IN ('resolved', 'closed')") open complaints:"
"$JAVA" bench/ComplaintLoad.java "$BASE" "$DURATION_S" "$CLIENTS" 10 "$AUTH_HEADER"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
