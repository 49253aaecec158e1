#!/usr/bin/env bash
# Target 1 (submit path) with wrk, the load generator the machine's ceiling was measured with: the gateway
# alone (no silo: jobs only go into Kafka) against the embedded broker and store in their own process, and
# a bare Kestrel JSON POST endpoint, both driven the same way in one run. Prints both and their ratio.
# Needs wrk (apt-get install -y wrk). Usage: bench/wrk-submit.sh [connections=64] [seconds=10]
set -euo pipefail
# The runtime setting the images and launch profiles give every process (docs/benchmarks.md, thirteenth session).
export DOTNET_TC_CallCountingDelayMs="${DOTNET_TC_CallCountingDelayMs:-0}"
cd "$(dirname "$0")/.."
connections=${1:-64}; seconds=${2:-10}; warmup=${WARMUP_SECONDS:-10}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)"; exit 1; }
dotnet build Local -c Release -v q >/dev/null && dotnet build Gateway -c Release -v q >/dev/null && dotnet build bench -c Release -v q >/dev/null
source bench/processes.sh

dotnet Local/bin/Release/net10.0/LlmOrleans.Local.dll --infrastructure-only >"$work/infra.log" 2>&1 & pids+=($!)
export_infrastructure "$work/infra.log"
# The baseline gets the gateway's runtime setting too: the same runtime on both sides.
env AUTH_MODE=none ASPNETCORE_URLS=http://127.0.0.1:8088 $gateway_runtime ${GATEWAY_ENV:-} dotnet Gateway/bin/Release/net10.0/LlmOrleans.Gateway.dll >"$work/gateway.log" 2>&1 & pids+=($!)
env $gateway_runtime dotnet bench/bin/Release/net10.0/LlmOrleans.Bench.dll serve-baseline --port 8090 >"$work/baseline.log" 2>&1 & pids+=($!)
until curl -sf http://127.0.0.1:8088/health/live >/dev/null && curl -s -o /dev/null http://127.0.0.1:8090/; do sleep 0.5; done

cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body   = '{"provider":"echo","model":"m","prompt":"Hello from wrk"}'
wrk.headers["Content-Type"] = "application/json"
LUA
run() { # name url
  wrk -t2 -c"$connections" -d"${warmup}s" -s "$work/post.lua" "$2/process" >/dev/null   # warm-up: JIT tiering done
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "$2/process" >"$work/$1.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$1.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/$1.txt"); p99=$(awk '$1=="99%" {print $2}' "$work/$1.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$work/$1.txt")
  echo "$1: ${rps} req/s, p50 ${p50}, p99 ${p99}, non-2xx ${non2xx:-0}"
  eval "${1}_rps=$rps"
}
run gateway http://127.0.0.1:8088
run baseline http://127.0.0.1:8090
awk -v g="$gateway_rps" -v b="$baseline_rps" 'BEGIN { printf "gateway / bare Kestrel: %.1f %%\n", 100 * g / b }'
