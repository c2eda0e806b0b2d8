#!/usr/bin/env bash
# Measures what durability costs: redis-benchmark SET against redis-server with the shipped config
# (appendfsync always) and relaxed variants, and against the embedded Garnet store.
# Usage: bench/store/durability-cost.sh [requests]   (default 200000; figures in docs/store.md)
# Optional: GARNET_NO_WAIT=<path to a Samverkan.EmbeddedStore build without --aof-commit-wait>.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-200000}"
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
wait_ping() { for _ in $(seq 1 300); do redis-cli -p "$1" ping >/dev/null 2>&1 && return 0; sleep 0.1; done; return 1; }

run() { # label, then the server command (with PORT and DIR placeholders)
  local label="$1"; shift
  local port pid
  port=$(free_port)
  "${@//PORT/$port}" >/dev/null 2>&1 &
  pid=$!
  wait_ping "$port"
  printf '%-40s ' "$label"
  redis-benchmark -h 127.0.0.1 -p "$port" -t set -n "$N" -q 2>&1 | tr '\r' '\n' | grep -E '^SET' | tail -1
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$STORE_DIR"
}

dotnet build src/EmbeddedStore -c Release -v q -nologo >/dev/null
GARNET=src/EmbeddedStore/bin/Release/net10.0/Samverkan.EmbeddedStore

echo "redis-benchmark -t set -n $N -q (50 clients), $(nproc) cores, $(redis-server --version | cut -d' ' -f3)"
STORE_DIR=$(mktemp -d); run "redis appendfsync always (shipped)" redis-server deploy/redis/redis.conf --port PORT --dir "$STORE_DIR"
STORE_DIR=$(mktemp -d); run "redis appendfsync everysec" redis-server deploy/redis/redis.conf --port PORT --dir "$STORE_DIR" --appendfsync everysec
STORE_DIR=$(mktemp -d); run "redis appendonly no" redis-server deploy/redis/redis.conf --port PORT --dir "$STORE_DIR" --appendonly no
STORE_DIR=$(mktemp -d); run "garnet --aof-commit-wait (shipped)" "$GARNET" --port PORT --data-dir "$STORE_DIR"
if [[ -n "${GARNET_NO_WAIT:-}" ]]; then
  STORE_DIR=$(mktemp -d); run "garnet without --aof-commit-wait" "$GARNET_NO_WAIT" --port PORT --data-dir "$STORE_DIR"
fi
