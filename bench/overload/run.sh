#!/usr/bin/env bash
# Gateway overload benchmark (issue #22): the retry storm, the fairness run and 1,000 idle
# connections, against the real gateway in front of the real services (identity server, store,
# SipPlans, DischargeNotices, RelativeSupport, PersonalOmbudsmen, AccessLog) and the test echo
# backend, all started as processes on free loopback ports by the Gateway.Tests fixture (the
# AppHost's processes, built in Release, with the test gateway's extra echo route; the AppHost's
# default ports are left alone). Loopback only; bounded: storm <= OVERLOAD_SECONDS per run, at most
# `runs` runs, idle connections closed by the gateway after its 10 s keep-alive timeout; every
# process is stopped at the end.
# Usage: bench/overload/run.sh [storm seconds=10] [callers=200] [idle connections=1000] [runs=2]
#   CONFIGURATION=Debug to skip the Release build (figures then include unoptimised code).
# Output: one line per run (statuses of the storm, quiet system's p50/p99 before and during, the
# gateway's CPU per storm call; idle connections closed, p50/p99 before and with them open) in $OUT,
# then one verdict line. Exit status 1 when a test failed or the fairness bound was exceeded:
#   quiet system's p99 during the storm <= 2 x its quiet p99 before + 50 ms, in every run.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OVERLOAD_SECONDS="${1:-10}" OVERLOAD_CALLERS="${2:-200}" OVERLOAD_IDLE_CONNECTIONS="${3:-1000}"
runs="${4:-2}"
configuration="${CONFIGURATION:-Release}"
export OVERLOAD_QUIET_SAMPLES=500
OUT="${OUT:-/tmp/samverkan-overload-$(date -u +%Y%m%dT%H%M%SZ).txt}"
export OVERLOAD_RESULTS="$OUT"
load() { sed 's/.*load average: /load average /' /proc/loadavg 2>/dev/null || uptime | sed 's/.*load average/load average/'; }
dotnet build -c "$configuration" -v q -nologo tests/Gateway.Tests >/dev/null
{
  echo "commit $(git rev-parse --short HEAD); $configuration; $(nproc) cores; $(load)"
  echo "storm ${OVERLOAD_SECONDS} s x ${OVERLOAD_CALLERS} callers; ${OVERLOAD_IDLE_CONNECTIONS} idle connections; ${runs} runs"
} >> "$OUT"
failed=0
for run in $(seq 1 "$runs"); do
  echo "run $run starts: $(load)" >> "$OUT"
  if ! timeout 600 dotnet test tests/Gateway.Tests -c "$configuration" --no-build -v q \
    --filter "FullyQualifiedName~Overload.RetryStormTests|FullyQualifiedName~Overload.IdleConnectionTests" >/dev/null; then
    echo "run $run: a test failed (rerun the filter above with -v n to see it)" >> "$OUT"
    failed=1
  fi
  echo "run $run ends: $(load)" >> "$OUT"
done
cat "$OUT"
# Verdict: every run's fairness line against the bound.
awk -v failed="$failed" -v runs="$runs" '
  /^fairness / {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    n++; bound = 2 * v["quiet_p99_before_ms"] + 50
    ok = v["quiet_p99_during_ms"] <= bound
    if (!ok) bad++
    detail = detail sprintf("%srun %d: p99 %.0f ms during vs bound %.0f ms (quiet p99 %.0f ms; %s µs gateway CPU per storm call, %s storm calls/s)",
      (n > 1 ? "; " : ""), n, v["quiet_p99_during_ms"], bound, v["quiet_p99_before_ms"], v["gateway_us_per_storm_call"], v["storm_calls_per_s"])
  }
  END {
    if (n < runs) { failed = 1; detail = detail sprintf("; only %d of %d runs reported", n, runs) }
    verdict = (failed || bad) ? "FAIL" : "PASS"
    printf "VERDICT %s: fairness bound p99(during storm) <= 2 x p99(quiet) + 50 ms; %s%s\n", verdict, detail, (failed ? "; a test failed" : "")
    exit (verdict == "PASS" ? 0 : 1)
  }' "$OUT" | tee -a "$OUT"
