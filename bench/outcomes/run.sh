#!/usr/bin/env bash
# Outcome dashboard and durability benchmark. Seeds a synthetic network of PATIENTS patients (skipped when the
# database already holds them), starts the server (Release) on it, then times the endpoints with the harness.
# Usage: bench/outcomes/run.sh [sqlite|postgres]  (sqlite: DB=/path/network.db; postgres: PG="Host=...;Database=...;...")
# WARMUP (default 20) untimed calls per endpoint first (JIT tiering, caches, the cohort cache), then RUNS (default 30)
# timed ones; PORT (default 5098). Prints uptime before and after, and the server's CPU per timed call.
set -euo pipefail
PROVIDER=${1:-sqlite}
PORT=${PORT:-5098}
PATIENTS=${PATIENTS:-10000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mktemp -d)
dotnet build -c Release "$ROOT/src/Stillpoint.Web" -v q -nologo -o "$OUT/web" >/dev/null
dotnet build -c Release "$ROOT/src/Stillpoint.Cli" -v q -nologo -o "$OUT/cli" >/dev/null
dotnet build -c Release "$ROOT/bench/outcomes" -v q -nologo -o "$OUT/bench" >/dev/null
if [ "$PROVIDER" = postgres ]; then
  export Database__Provider=postgres ConnectionStrings__Stillpoint="$PG"
else
  export Database__Provider=sqlite ConnectionStrings__Stillpoint="Data Source=${DB:-$OUT/network.db}"
fi
/usr/bin/time -f "seed: %e s wall, %U s user" dotnet "$OUT/cli/stillpoint.dll" demo seed --patients "$PATIENTS"
export Demo__Enabled=true ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
(cd "$OUT/web" && exec timeout 900 dotnet Stillpoint.Web.dll --urls "http://127.0.0.1:$PORT") >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$OUT/web" "$OUT/cli" "$OUT/bench"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
SERVER_PID=$(pgrep -P "$SERVER" dotnet || echo "$SERVER")
uptime
dotnet "$OUT/bench/Stillpoint.Bench.Outcomes.dll" "http://127.0.0.1:$PORT" admin@network.stillpoint.test Stillpoint-Demo-1 "${RUNS:-30}" "${WARMUP:-20}" "$SERVER_PID"
uptime
