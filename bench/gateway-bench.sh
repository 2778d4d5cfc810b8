#!/usr/bin/env bash
# Gateway benchmark, on a running stack (./rapport up: gateway :8080, customer-service :8081).
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
# The targets take turns for ROUNDS rounds and the medians are compared; CPU microseconds per
# request of the proxy (gateway or nginx) and of customer-service (from /proc) are printed beside.
# Then the same at a fixed rate below saturation (LATENCY_RPS over LATENCY_CONNECTIONS), where the
# added latency of each proxy is compared (at saturation p99 is queueing, not the proxy's cost).
# Settings: THREADS (2), CONNECTIONS (32), DURATION (30s), WARMUP (10s), ROUNDS (3), GATEWAY_URL, CUSTOMER_URL,
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
ROUNDS=${ROUNDS:-3}
LATENCY_RPS=${LATENCY_RPS:-1000}
LATENCY_CONNECTIONS=${LATENCY_CONNECTIONS:-8}
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
# Direct and nginx targets carry the identity token the gateway would send: services accept nothing else.
export BENCH_AUTHORIZATION="Bearer $("$JAVA_HOME/bin/java" tools/DevKeys.java service-token --dir "$KEYS_DIR" --ttl 240)"
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
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $BENCH_AUTHORIZATION" "http://127.0.0.1:$NGINX_PORT/customers/$CUSTOMER_ID")" = 200 ] && break
  sleep 0.25
done

# --- wrk ------------------------------------------------------------------------------------------
cat >"$WORK/get.lua" <<'EOF'
-- GET one path with optional headers; prints one RESULT line.
local path = os.getenv("BENCH_PATH")
local key = os.getenv("BENCH_API_KEY")
-- Direct and nginx targets: the identity token the gateway would send (services accept nothing else).
local authorization = os.getenv("BENCH_AUTHORIZATION")
-- DELAY_MS > 0: each connection pauses that long before every request (a fixed-rate load).
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0") or 0
if delay_ms > 0 then
  function delay() return delay_ms end
end
function request()
  local headers = {}
  if key and key ~= "" then headers["X-Api-Key"] = key
  elseif authorization and authorization ~= "" then headers["Authorization"] = authorization end
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

# CPU seconds (user + system) a set of processes used so far, from /proc (clock ticks -> seconds).
cpu_seconds() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "scale=3; $total / $(getconf CLK_TCK)" | bc
}

# name base path key duration [pids whose CPU per request to report]
run_wrk() {
  local name=$1 base=$2 path=$3 key=$4 duration=$5; shift 5
  local before after line requests
  local service_before service_after
  before=$(cpu_seconds "$@")
  service_before=$(cpu_seconds $SERVICE_PID)
  line=$(BENCH_PATH=$path BENCH_API_KEY=$key DELAY_MS=${DELAY_MS:-0} wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s "$WORK/get.lua" "$base" \
    | grep '^RESULT' | sed "s/^RESULT/$name/")
  after=$(cpu_seconds "$@")
  service_after=$(cpu_seconds $SERVICE_PID)
  requests=$(echo "$line" | tr ' ' '\n' | sed -n 's/^requests=//p')
  if [ $# -gt 0 ] && [ "${requests:-0}" -gt 0 ]; then
    line="$line cpu_us=$(echo "scale=1; ($after - $before) * 1000000 / $requests" | bc)"
  fi
  if [ -n "$SERVICE_PID" ] && [ "${requests:-0}" -gt 0 ]; then
    line="$line service_cpu_us=$(echo "scale=1; ($service_after - $service_before) * 1000000 / $requests" | bc)"
  fi
  echo "$line"
}

GATEWAY_PID=$(cat .rapport/pids/gateway.pid 2>/dev/null || echo "")
SERVICE_PID=$(cat .rapport/pids/customer-service.pid 2>/dev/null || echo "")
NGINX_PIDS=$(pgrep -P "$(cat "$WORK/nginx.pid")" 2>/dev/null | tr '\n' ' ' || true)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, warm-up $WARMUP each, $ROUNDS rounds"
echo "gateway JVM: $(ps -o args= -p "${GATEWAY_PID:-0}" 2>/dev/null | cut -c1-160 || echo unknown)"
echo "nginx: $("$NGINX" -v 2>&1 | sed 's/.*: //') on :$NGINX_PORT, customer $CUSTOMER_ID"

target_args() { # target -> base path key
  case $1 in
    direct) echo "$CUSTOMER /customers/$CUSTOMER_ID -" ;;
    gateway) echo "$GATEWAY /api/customers/$CUSTOMER_ID $KEY" ;;
    nginx) echo "http://127.0.0.1:$NGINX_PORT /customers/$CUSTOMER_ID -" ;;
  esac
}
pids_of() { case $1 in gateway) echo "$GATEWAY_PID" ;; nginx) echo "$NGINX_PIDS" ;; *) echo "" ;; esac; }

for target in direct gateway nginx; do
  read -r base path key <<<"$(target_args $target)"
  run_wrk warmup "$base" "$path" "${key#-}" "$WARMUP" >/dev/null
done

# The three targets take turns, round after round, so a slow minute on a shared machine hits all
# of them; the summary uses each target's median round.
RESULTS=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
  for target in direct gateway nginx; do
    read -r base path key <<<"$(target_args $target)"
    # shellcheck disable=SC2046
    run_wrk "$target" "$base" "$path" "${key#-}" "$DURATION" $(pids_of $target) | sed "s/\$/ round=$round/" | tee -a "$RESULTS"
  done
done

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
median() { # target field
  grep "^$1 " "$RESULTS" | tr ' ' '\n' | sed -n "s/^$2=//p" | sort -g | awk '{v[NR]=$1} END {if (NR) print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'
}
printf '\n%-8s %12s %10s %10s %14s %16s   (median of %s rounds)\n' target "requests/s" "p50 ms" "p99 ms" "proxy cpu us" "service cpu us" "$ROUNDS"
for target in direct gateway nginx; do
  cpu=$(median $target cpu_us); service_cpu=$(median $target service_cpu_us)
  printf '%-8s %12s %10s %10s %14s %16s\n' $target "$(median $target rps)" "$(median $target p50_ms)" "$(median $target p99_ms)" \
    "${cpu:--}" "${service_cpu:--}"
done
awk -v g="$(median gateway rps)" -v n="$(median nginx rps)" -v d="$(median direct rps)" \
    -v gp="$(median gateway p99_ms)" -v np="$(median nginx p99_ms)" -v dp="$(median direct p99_ms)" 'BEGIN {
  printf "\ngateway/nginx throughput: %.2f (target >= 0.90)\n", g / n
  printf "gateway/direct throughput: %.2f, nginx/direct: %.2f\n", g / d, n / d
  printf "added p99 over direct at saturation: gateway %+.3f ms, nginx %+.3f ms (queueing; see the fixed rate below)\n", gp - dp, np - dp
}'

# Latency at a fixed request rate below saturation. At saturation every proxy's p99 is queueing
# (32 connections / throughput, Little's law), so "added latency" is compared where none of the
# three is the bottleneck: LATENCY_RPS requests/s over LATENCY_CONNECTIONS connections.
: > "$RESULTS"
LATENCY_DELAY_MS=$(( LATENCY_CONNECTIONS * 1000 / LATENCY_RPS ))
echo
echo "fixed rate: about $LATENCY_RPS req/s over $LATENCY_CONNECTIONS connections (${LATENCY_DELAY_MS} ms pause per connection), $ROUNDS rounds of $DURATION"
for round in $(seq 1 "$ROUNDS"); do
  for target in direct gateway nginx; do
    read -r base path key <<<"$(target_args $target)"
    # shellcheck disable=SC2046
    DELAY_MS=$LATENCY_DELAY_MS THREADS=1 CONNECTIONS=$LATENCY_CONNECTIONS \
      run_wrk "$target" "$base" "$path" "${key#-}" "$DURATION" $(pids_of $target) | sed "s/\$/ round=$round/" | tee -a "$RESULTS"
  done
done
printf '\n%-8s %12s %10s %10s %14s   (fixed rate, median of %s rounds)\n' target "requests/s" "p50 ms" "p99 ms" "proxy cpu us" "$ROUNDS"
for target in direct gateway nginx; do
  cpu=$(median $target cpu_us)
  printf '%-8s %12s %10s %10s %14s\n' $target "$(median $target rps)" "$(median $target p50_ms)" "$(median $target p99_ms)" "${cpu:--}"
done
awk -v gp="$(median gateway p99_ms)" -v np="$(median nginx p99_ms)" -v dp="$(median direct p99_ms)" \
    -v g50="$(median gateway p50_ms)" -v n50="$(median nginx p50_ms)" -v d50="$(median direct p50_ms)" 'BEGIN {
  printf "\nadded at the fixed rate: p99 gateway %+.3f ms (target <= 1.5), nginx %+.3f ms; p50 gateway %+.3f ms, nginx %+.3f ms\n", gp - dp, np - dp, g50 - d50, n50 - d50
}'
rm -f "$RESULTS"
