#!/usr/bin/env bash
# Vitals ingestion benchmark: starts the server (Release) on loopback, signs in as the demo nurse, schedules and
# checks in a session, then runs wrk for DURATION seconds at CONNECTIONS connections. Everything is bounded in time.
# Usage: bench/vitals/run.sh [sqlite|postgres]   (postgres: set PG="Host=...;Database=<empty db>;Username=...;Password=...")
# Options: DURATION (20 s), WARMUP (20 s), CONNECTIONS (64), PORT, SKIP_BUILD=1 (use the existing Release build),
# SERVER_LOG=file, PERF_OUT=file. Prints the 1-minute load average just before the measured run.
set -euo pipefail
PROVIDER=${1:-sqlite}
PORT=${PORT:-5099}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-64}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
[ -n "${SKIP_BUILD:-}" ] || dotnet build -c Release "$ROOT/src/Stillpoint.Web" -v q -nologo >/dev/null
if [ "$PROVIDER" = postgres ]; then
  export Database__Provider=postgres ConnectionStrings__Stillpoint="$PG"
else
  export Database__Provider=sqlite ConnectionStrings__Stillpoint="Data Source=$WORK/bench.db"
fi
export Demo__Enabled=true ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
(cd "$ROOT/src/Stillpoint.Web" && exec timeout $((DURATION + ${WARMUP:-20} + 240)) dotnet bin/Release/net10.0/Stillpoint.Web.dll --urls "http://127.0.0.1:$PORT") >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; [ -n "${SERVER_LOG:-}" ] && cp "$WORK/server.log" "$SERVER_LOG"; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
BASE="http://127.0.0.1:$PORT/api/v1"
TOKEN=$(curl -sf "$BASE/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"nurse@demo.stillpoint.test","password":"Stillpoint-Demo-1"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["accessToken"])')
AUTH="Authorization: Bearer $TOKEN"
# The demo patient who passes issue 4's dosing gate (Mira Castellanos, DEMO-1003).
PATIENT=$(curl -sf "$BASE/patients" -H "$AUTH" | python3 -c 'import sys,json;print([p["id"] for p in json.load(sys.stdin)["items"] if p["mrn"]=="DEMO-1003"][0])')
SESSION=$(curl -sf "$BASE/patients/$PATIENT/sessions" -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"scheduledFor":"2026-01-01T09:00:00Z"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
curl -sf "$BASE/sessions/$SESSION/transitions" -H "$AUTH" -H 'Content-Type: application/json' -d '{"to":"CheckedIn"}' >/dev/null
# Warm-up (JIT, connection pools), then the measured run.
TOKEN=$TOKEN SESSION=$SESSION wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-20}s" -s "$ROOT/bench/vitals/vitals.lua" "http://127.0.0.1:$PORT" >/dev/null
if [ -n "${PERF_OUT:-}" ]; then  # optional CPU profile of the server during the measured run (needs DOTNET_PerfMapEnabled=1)
  perf record -F 999 -g -o "$PERF_OUT" -p "$(pgrep -P "$SERVER" -f Stillpoint.Web.dll || pgrep -f "Stillpoint.Web.dll --urls http://127.0.0.1:$PORT" | tail -1)" -- sleep "$DURATION" >/dev/null 2>&1 &
fi
echo "load average before the measured run: $(cut -d' ' -f1-3 /proc/loadavg)"
SERVER_PID=$(pgrep -f "Stillpoint.Web.dll --urls http://127.0.0.1:$PORT" | tail -1)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }  # user + system clock ticks of the server process
writer_ticks() { for t in /proc/$SERVER_PID/task/*; do if grep -q "Long Runni" "$t/comm"; then sed "s/.*) //" "$t/stat" | awk '{print $12 + $13}'; fi; done | awk '{s += $1} END {print s + 0}'; }
BEFORE=$(cpu_ticks)
WRITER_BEFORE=$(writer_ticks)
TOKEN=$TOKEN SESSION=$SESSION /usr/bin/time -f "wrk CPU: %U s user, %S s system" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/bench/vitals/vitals.lua" "http://127.0.0.1:$PORT" 2>&1 | tee "$WORK/wrk.txt"
REQUESTS=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
echo "server CPU per request: $(( ($(cpu_ticks) - BEFORE) * 1000000 / $(getconf CLK_TCK) / REQUESTS )) µs (user + system, all server threads), of which the group-commit writer thread $(( ($(writer_ticks) - WRITER_BEFORE) * 1000000 / $(getconf CLK_TCK) / REQUESTS )) µs"
echo "provider=$PROVIDER connections=$CONNECTIONS duration=${DURATION}s"
