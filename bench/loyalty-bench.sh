#!/usr/bin/env bash
# Loyalty consumption benchmark (not a test): on a running stack (./rapport up), imports the Online
# Retail file through customer-service (./rapport import) and measures how fast loyalty-service turns
# the purchase-recorded events into earn entries: earn entries per second between the first and the
# last earn of the run (recorded_at in the loyalty database), and the lag from the import's end to the
# last earn. Afterwards it checks, for every account, that the balance equals the sum of its ledger
# and that no order has two earn entries. Needs psql.
#   bench/loyalty-bench.sh [FILE]    env: PGPORT (55432), PGPASSWORD (rapport)
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${1:-../shared/data/online_retail.csv.gz}
PGPORT=${PGPORT:-55432}
export PGPASSWORD=${PGPASSWORD:-rapport}
LOYALTY=(psql -h localhost -p "$PGPORT" -U rapport -d loyalty -Atq)
CUSTOMER=(psql -h localhost -p "$PGPORT" -U rapport -d customer -Atq)
[ -f "$FILE" ] || { echo "loyalty-bench: $FILE not found (the data lives in ../shared/data)" >&2; exit 2; }

START_TS=$("${LOYALTY[@]}" -c "select now()")
EARNS_BEFORE=$("${LOYALTY[@]}" -c "select count(*) from ledger_entry where type = 'earn'")
PURCHASES_BEFORE=$("${CUSTOMER[@]}" -c "select count(*) from purchase")
echo "loyalty-bench: $EARNS_BEFORE earn entries, $PURCHASES_BEFORE purchases before the import"

./rapport import "$FILE" --format online-retail
IMPORT_END=$(date +%s.%N)
PURCHASES=$(( $("${CUSTOMER[@]}" -c "select count(*) from purchase") - PURCHASES_BEFORE ))
echo "loyalty-bench: the import recorded $PURCHASES new purchases"
[ "$PURCHASES" -gt 0 ] || { echo "loyalty-bench: nothing new to earn (run it on a fresh stack)" >&2; exit 2; }

# Wait until every new purchase has its earn entry (10 minutes at most).
deadline=$(( $(date +%s) + 600 ))
while :; do
  EARNS=$(( $("${LOYALTY[@]}" -c "select count(*) from ledger_entry where type = 'earn'") - EARNS_BEFORE ))
  [ "$EARNS" -ge "$PURCHASES" ] && break
  [ "$(date +%s)" -lt "$deadline" ] || { echo "loyalty-bench: only $EARNS of $PURCHASES earned after 10 min" >&2; exit 1; }
  sleep 0.5
done
DONE=$(date +%s.%N)

read -r COUNT SPAN < <("${LOYALTY[@]}" -F ' ' -c "select count(*), extract(epoch from max(recorded_at) - min(recorded_at))
  from ledger_entry where type = 'earn' and recorded_at >= '$START_TS'")
echo "loyalty-bench: $COUNT earn entries in ${SPAN}s: $(echo "scale=1; $COUNT / $SPAN" | bc) purchase events/s"
echo "loyalty-bench: last earn $(echo "$DONE - $IMPORT_END" | bc)s after the import finished"

BAD_BALANCES=$("${LOYALTY[@]}" -c "select count(*) from loyalty_account a where balance <>
  (select coalesce(sum(points), 0) from ledger_entry e where e.customer_id = a.customer_id)")
DOUBLE_EARNS=$("${LOYALTY[@]}" -c "select count(*) from (select 1 from ledger_entry where type = 'earn'
  group by customer_id, source_id having count(*) > 1) d")
echo "loyalty-bench: accounts whose balance is not their ledger sum: $BAD_BALANCES; orders earned twice: $DOUBLE_EARNS"
[ "$BAD_BALANCES" = 0 ] && [ "$DOUBLE_EARNS" = 0 ]
