# Sourced by the bench scripts: a work directory, and the processes they start (append each pid to `pids`),
# stopped when the script exits for any reason: SIGTERM, up to 15 s to finish, then SIGKILL. The script's
# exit status is kept.
work=$(mktemp -d); pids=()

# The runtime setting the gateway image adds to every process's (deploy/Dockerfile.gateway): `env $gateway_runtime …`.
gateway_runtime=DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1

any_alive() {
  local pid
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done
  return 1
}

stop_all() {
  local status=$?
  kill "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 30); do any_alive || break; sleep 0.5; done
  kill -9 "${pids[@]}" 2>/dev/null || true
  rm -rf "$work"
  exit "$status"
}

trap stop_all EXIT

# Waits for the embedded infrastructure's `export …` line in log file $1 and runs it. Console output reaches the
# file in pieces (.NET writes stdout 256 bytes at a time), so the line counts only once the next line follows it:
# a half-written one would export the bootstrap address cut short, or nothing.
export_infrastructure() {
  until [ "$(grep -A1 'export KAFKA' "$1" | wc -l)" -ge 2 ]; do sleep 0.5; done
  eval "$(grep 'export KAFKA' "$1")"
}
