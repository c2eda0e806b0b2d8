#!/usr/bin/env bash
# Durable commits per second of the store building block (src/Store) from one process at 1, 16, 64 and
# 256 concurrent callers, on redis-server (deploy/redis/redis.conf, appendfsync always) and on the
# embedded Garnet (AOF with commit-wait), after the ceiling: redis-benchmark SET of the same size
# against the same server. Then, at 64 callers, the notice commit with other Store:CommitConnections
# values (the default's justification). Every cell runs on a fresh server. Figures: docs/benchmarks.md.
# Usage: bench/store/commits.sh [runs=2] [seconds per cell=6] [extra StoreCommits arguments...]
# Needs redis-server and redis-benchmark (apt-get install redis-server) for the Redis half and the ceiling.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-2}"; SECONDS_PER_CELL="${2:-6}"; shift $(( $# > 2 ? 2 : $# ))
dotnet build -c Release -v q -nologo bench/StoreCommits >/dev/null
BENCH=bench/StoreCommits/bin/Release/net10.0/Samverkan.StoreCommits.dll

echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo ' (with uncommitted changes)'), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB," \
     "$(uname -r), $(df -T /tmp | awk 'NR==2 {print $2}') /tmp, $(redis-server --version 2>/dev/null | cut -d' ' -f3 || echo 'no redis-server')"
for run in $(seq 1 "$RUNS"); do
  echo; echo "=== run $run of $RUNS; uptime: $(uptime)"
  dotnet "$BENCH" --seconds "$SECONDS_PER_CELL" "$@"
  echo; echo "--- run $run: notice at 64 callers by Store:CommitConnections; uptime: $(uptime)"
  for connections in 8 16 32 64; do
    dotnet "$BENCH" --seconds "$SECONDS_PER_CELL" --callers 64 --workloads notice --no-ceiling --commit-connections "$connections" "$@" \
      | grep -E '^## |^\| 64 ' | sed "s/^| 64 /| 64 (connections $connections) /"
  done
done
echo; echo "uptime at the end: $(uptime)"
