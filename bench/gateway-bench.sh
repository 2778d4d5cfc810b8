#!/usr/bin/env bash
# Gateway benchmark (issue 3), on a running stack (./rapport up: gateway :8080, customer-service :8081).
# Not a test: it prints figures for bench/RESULTS.md.
#
# One customer is created through the gateway; then wrk, with the same threads, connections and
# duration each time, runs GET /customers/{id}:
#   direct   straight to customer-service
#   gateway  GET /api/customers/{id} through the gateway, with an API key
#   nginx    through nginx started here as a plain reverse proxy (temporary config, free port)
# and prints requests/s, p50 and p99 for each and the ratios the issue asks about
# (gateway >= 0.9 x nginx throughput, <= 1.5 ms added p99 over direct).
#
# The API key is created with rate-limit class "internal" (see gateway/README.md), so the
# partner rate limit does not cap the run; it is revoked at the end. Needs wrk, nginx and curl:
#   apt-get install -y wrk nginx curl
# Settings: THREADS (2), CONNECTIONS (32), DURATION (30s), WARMUP (10s), GATEWAY_URL, CUSTOMER_URL,
# KEYS_DIR (the gateway's key directory, default .rapport/gateway as used by ./rapport up).
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh
rapport_select_jdk

GATEWAY=${GATEWAY_URL:-http://localhost:8080}
CUSTOMER=${CUSTOMER_URL:-http://localhost:8081}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
KEYS_DIR=${KEYS_DIR:-.rapport/gateway}

missing=()
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing: ${missing[*]}. Install with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)

for url in "$GATEWAY" "$CUSTOMER"; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/q/health/ready")" = 200 ] \
    || { echo "$url is not ready: start the stack with ./rapport up" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/rapport-gateway-bench.XXXXXX")
chmod 755 "$WORK"
KEY_NAME="bench-$(date +%s)-$$"
NGINX_STARTED=""
cleanup() {
  if [ -n "$NGINX_STARTED" ] && [ -f "$WORK/nginx.pid" ]; then
    kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  fi
  "$JAVA_HOME/bin/java" tools/DevKeys.java apikey revoke "$KEY_NAME" --dir "$KEYS_DIR" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- credentials and data -------------------------------------------------------------------------
KEY=$("$JAVA_HOME/bin/java" tools/DevKeys.java apikey create "$KEY_NAME" --dir "$KEYS_DIR" \
  --scopes customers:read,customers:write --class internal 2>/dev/null)
# The gateway re-reads the key file about once a second.
for _ in $(seq 1 30); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $KEY" "$GATEWAY/api/customers?limit=1")" = 200 ] && break
  sleep 0.5
done
CUSTOMER_ID=$(curl -sf -X POST "$GATEWAY/api/customers" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
  -d "{\"firstName\":\"Bench\",\"lastName\":\"Mark\",\"email\":\"bench-$(date +%s%N)@example.com\",\"acquisitionChannel\":\"other\"}" \
  | sed -n 's/.*"id" *: *"\([0-9a-f-]*\)".*/\1/p')
[ -n "$CUSTOMER_ID" ] || { echo "could not create a customer through the gateway" >&2; exit 1; }

# --- nginx as a plain reverse proxy ---------------------------------------------------------------
free_port() {
  local port
  for port in $(seq 18500 18999); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "no free port" >&2; exit 1
}
NGINX_PORT=$(free_port)
CUSTOMER_HOSTPORT=${CUSTOMER#http://}
mkdir -p "$WORK/logs" "$WORK/temp"
cat >"$WORK/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log $WORK/logs/access.log;
  client_body_temp_path $WORK/temp/body;
  proxy_temp_path $WORK/temp/proxy;
  fastcgi_temp_path $WORK/temp/fastcgi;
  uwsgi_temp_path $WORK/temp/uwsgi;
  scgi_temp_path $WORK/temp/scgi;
  upstream customer_service {
    server $CUSTOMER_HOSTPORT;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://customer_service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
EOF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf"
NGINX_STARTED=yes
for _ in $(seq 1 20); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/customers/$CUSTOMER_ID")" = 200 ] && break
  sleep 0.25
done

# --- wrk ------------------------------------------------------------------------------------------
cat >"$WORK/get.lua" <<'EOF'
-- GET one path with optional headers; prints one RESULT line.
local path = os.getenv("BENCH_PATH")
local key = os.getenv("BENCH_API_KEY")
function request()
  local headers = {}
  if key and key ~= "" then headers["X-Api-Key"] = key end
  return wrk.format("GET", path, headers)
end
function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests, errors))
end
EOF

run_wrk() { # name base path key duration
  BENCH_PATH=$3 BENCH_API_KEY=$4 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$5" --latency -s "$WORK/get.lua" "$2" \
    | grep '^RESULT' | sed "s/^RESULT/$1/"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, warm-up $WARMUP each"
echo "gateway JVM: $(ps -o args= -p "$(cat .rapport/pids/gateway.pid 2>/dev/null || echo 0)" 2>/dev/null | cut -c1-160 || echo unknown)"
echo "nginx: $("$NGINX" -v 2>&1 | sed 's/.*: //') on :$NGINX_PORT, customer $CUSTOMER_ID"

for target in direct gateway nginx; do
  case $target in
    direct) run_wrk warmup "$CUSTOMER" "/customers/$CUSTOMER_ID" "" "$WARMUP" >/dev/null ;;
    gateway) run_wrk warmup "$GATEWAY" "/api/customers/$CUSTOMER_ID" "$KEY" "$WARMUP" >/dev/null ;;
    nginx) run_wrk warmup "http://127.0.0.1:$NGINX_PORT" "/customers/$CUSTOMER_ID" "" "$WARMUP" >/dev/null ;;
  esac
done

DIRECT=$(run_wrk direct "$CUSTOMER" "/customers/$CUSTOMER_ID" "" "$DURATION")
GATEWAY_RESULT=$(run_wrk gateway "$GATEWAY" "/api/customers/$CUSTOMER_ID" "$KEY" "$DURATION")
NGINX_RESULT=$(run_wrk nginx "http://127.0.0.1:$NGINX_PORT" "/customers/$CUSTOMER_ID" "" "$DURATION")

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
printf '\n%-8s %12s %10s %10s %9s\n' target "requests/s" "p50 ms" "p99 ms" errors
for line in "$DIRECT" "$GATEWAY_RESULT" "$NGINX_RESULT"; do
  printf '%-8s %12s %10s %10s %9s\n' "$(echo "$line" | cut -d' ' -f1)" "$(field "$line" rps)" \
    "$(field "$line" p50_ms)" "$(field "$line" p99_ms)" "$(field "$line" errors)"
done
awk -v g="$(field "$GATEWAY_RESULT" rps)" -v n="$(field "$NGINX_RESULT" rps)" -v d="$(field "$DIRECT" rps)" \
    -v gp="$(field "$GATEWAY_RESULT" p99_ms)" -v np="$(field "$NGINX_RESULT" p99_ms)" -v dp="$(field "$DIRECT" p99_ms)" 'BEGIN {
  printf "\ngateway/nginx throughput: %.2f (target >= 0.90)\n", g / n
  printf "gateway/direct throughput: %.2f, nginx/direct: %.2f\n", g / d, n / d
  printf "added p99 over direct: gateway %+.3f ms (target <= 1.5), nginx %+.3f ms\n", gp - dp, np - dp
}'
