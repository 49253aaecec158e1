#!/usr/bin/env bash
# Target 5 (idle cost): the silo's memory and job-grain activations before a run of N jobs, when it ends, and
# after it sat idle. The silo, gateway and embedded infrastructure (mock broker + Garnet) are separate processes,
# so the figures are the silo's alone: the mock broker keeps every message in memory and would hide them.
# "Before" is taken the same way as "after": once the silo has sat idle for the settle time after a warm-up,
# so its idle trim (IDLE_TRIM_SECONDS, 30 here) has run in both.
# Usage: bench/idle-cost.sh [jobs=100000] [rate=1000] [settle_seconds=120]
# With GCDUMP_DIR set, a heap dump of the silo follows each sample (dotnet-gcdump, a dotnet tool): compare them
# with `dotnet-gcdump report FILE`. Each dump forces a full collection, after the figures were taken.
set -euo pipefail
# The runtime setting the images and launch profiles give every process (docs/benchmarks.md, thirteenth session).
export DOTNET_TC_CallCountingDelayMs="${DOTNET_TC_CallCountingDelayMs:-0}"
cd "$(dirname "$0")/.."
jobs=${1:-100000}; rate=${2:-1000}; settle=${3:-120}
duration=$(awk -v j="$jobs" -v r="$rate" 'BEGIN { printf "%.0f", j / r }')
for project in Local Silo Gateway bench; do dotnet build "$project" -c Release -v q >/dev/null; done
source bench/processes.sh

dotnet Local/bin/Release/net10.0/LlmOrleans.Local.dll --infrastructure-only >"$work/infra.log" 2>&1 & pids+=($!)
export_infrastructure "$work/infra.log"
export ORLEANS_ADVERTISED_IP=127.0.0.1 ORLEANS_SILO_PORT=0 ORLEANS_GATEWAY_PORT=0 AUTH_MODE=none Logging__LogLevel__Default=Warning \
  IDLE_TRIM_SECONDS=30
env Logging__LogLevel__LlmOrleans.Silo.Memory=Information ASPNETCORE_URLS=http://127.0.0.1:8101 dotnet Silo/bin/Release/net10.0/LlmOrleans.Silo.dll >"$work/silo.log" 2>&1 & silo=$!; pids+=($silo)
env ASPNETCORE_URLS=http://127.0.0.1:8100 $gateway_runtime dotnet Gateway/bin/Release/net10.0/LlmOrleans.Gateway.dll >"$work/gateway.log" 2>&1 & pids+=($!)
until curl -sf http://127.0.0.1:8101/health/ready >/dev/null && curl -sf http://127.0.0.1:8100/health/ready >/dev/null; do sleep 0.5; done

sample() { # label, dump name
  local rss activations
  rss=$(awk '/VmRSS/ { r = $2 } /VmHWM/ { p = $2 } END { printf "%.0f (peak %.0f)", r / 1024, p / 1024 }' "/proc/$silo/status")
  activations=$(curl -s http://127.0.0.1:8101/metrics | awk '
    /^orleans_catalog_activation_created_total\{.*grain_type="llmjob"/ { created = $NF }
    /^orleans_catalog_activation_destroyed_total\{.*grain_type="llmjob"/ { destroyed = $NF }
    END { printf "%d active (%d created, %d deactivated so far)", created - destroyed, created, destroyed }')
  heap=$(curl -s http://127.0.0.1:8101/metrics | awk '
    /^dotnet_gc_last_collection_heap_size_bytes\{/ { heap += $NF }
    /^dotnet_gc_last_collection_memory_committed_size_bytes\{/ { committed = $NF }
    END { printf "%.0f MiB (committed %.0f MiB)", heap / 1048576, committed / 1048576 }')
  echo "$1: silo RSS ${rss} MiB, GC heap at the last collection ${heap}, LlmJobGrain ${activations}"
  if [ -n "${GCDUMP_DIR:-}" ]; then
    mkdir -p "$GCDUMP_DIR"; dotnet-gcdump collect -p "$silo" -o "$GCDUMP_DIR/$2.gcdump" >/dev/null
  fi
}
bench() { dotnet bench/bin/Release/net10.0/LlmOrleans.Bench.dll pipeline --url http://127.0.0.1:8100 --kafka "$KAFKA_BOOTSTRAP_SERVERS" "$@"; }

bench --rate 200 --duration 5 --warmup 1 >"$work/warmup.txt"   # JIT and pools warm, as in service
sleep "$settle"
sample "before: ${settle} s idle after a 6 s warm-up at 200 jobs/s" before
bench --rate "$rate" --duration "$duration" --warmup 0 --drain-timeout 120 --json "$work/run.json" | tail -40
sample "when the run ended" ended
sleep "$settle"
sample "after ${settle} s idle" after
grep -h "compacted the heap" "$work/silo.log" || true
