#!/usr/bin/env bash
# Gateway overload benchmark (issue #22): the retry storm, the fairness run and 1,000 idle
# connections, against the real gateway in front of the real services (identity server, store,
# SipPlans, DischargeNotices, RelativeSupport, PersonalOmbudsmen, AccessLog) and the test echo
# backend, all started as processes on free loopback ports by the Gateway.Tests fixture.
# Loopback only; bounded: storm <= OVERLOAD_SECONDS per run, at most `runs` runs, idle connections
# closed by the gateway after its 10 s keep-alive timeout; every process is stopped at the end.
# Usage: bench/overload/run.sh [storm seconds=10] [callers=200] [idle connections=1000] [runs=2]
# Output: one line per run (statuses of the storm, quiet system's p50/p99 before and during;
# idle connections closed, quiet system's p50/p99 before and with them open) in $OUT.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OVERLOAD_SECONDS="${1:-10}" OVERLOAD_CALLERS="${2:-200}" OVERLOAD_IDLE_CONNECTIONS="${3:-1000}"
runs="${4:-2}"
export OVERLOAD_QUIET_SAMPLES=500
OUT="${OUT:-/tmp/samverkan-overload-$(date -u +%Y%m%dT%H%M%SZ).txt}"
export OVERLOAD_RESULTS="$OUT"
dotnet build -v q -nologo tests/Gateway.Tests >/dev/null
{
  echo "commit $(git rev-parse --short HEAD); $(nproc) cores; $(uptime | sed 's/.*load average/load average/')"
  echo "storm ${OVERLOAD_SECONDS} s x ${OVERLOAD_CALLERS} callers; ${OVERLOAD_IDLE_CONNECTIONS} idle connections; ${runs} runs"
} >> "$OUT"
for run in $(seq 1 "$runs"); do
  timeout 600 dotnet test tests/Gateway.Tests --no-build -v q \
    --filter "FullyQualifiedName~Overload.RetryStormTests|FullyQualifiedName~Overload.IdleConnectionTests" >/dev/null || echo "run $run: a test failed (see the lines above)" >> "$OUT"
  echo "after run $run: $(uptime | sed 's/.*load average/load average/')" >> "$OUT"
done
cat "$OUT"
