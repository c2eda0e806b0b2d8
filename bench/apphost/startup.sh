#!/usr/bin/env bash
# Start-up time and idle memory of `dotnet run --project AppHost` (the whole platform under Aspire).
#   bench/apphost/startup.sh cold   first build: removes every bin/ and obj/ of the repository first
#   bench/apphost/startup.sh warm   everything built: `dotnet run` still checks the build
# "Healthy" = the gateway answers /health on :5000; it starts only once the store, the identity server
# and every service are healthy (WaitFor in AppHost/Program.cs). Memory is read after 30 s idle from every
# process of the run: the `dotnet run` wrapper and the AppHost, and DCP (it detaches) with everything it
# started (its per-resource watchers, the dashboard, the store, Prometheus, and each project's
# `dotnet exec` of its build output). RSS counts shared pages in every process; PSS shares them out (the honest sum).
# Needs the default ports free. Stops the platform with SIGTERM at the end and reports how long that took.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mode=${1:-warm}

if [ "$mode" = cold ]; then
    find . -type d \( -name bin -o -name obj \) -not -path './.git/*' -prune -exec rm -rf {} +
fi

descendants() { echo "$1"; for child in $(ps -o pid= --ppid "$1"); do descendants "$child"; done; }
kb() { awk -v key="$2" '$1 == key":" { print $2 }' "$1" 2>/dev/null || true; }

log=$(mktemp)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
setsid dotnet run --project AppHost > "$log" 2>&1 &
wrapper=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 http://localhost:5000/health || true)" = 200 ]; do
    if ! kill -0 "$wrapper" 2>/dev/null; then cat "$log"; echo "AppHost exited" >&2; exit 1; fi
    sleep 0.5
done
healthy=$(date +%s.%N)
printf '%s start to all healthy: %.1f s (load %s)\n' "$mode" "$(echo "$healthy - $start" | bc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
grep -m1 -o 'Login to the dashboard at .*' "$log" || true

sleep 30
apphost=$(ps -o pid= --ppid "$wrapper" | head -1 | tr -d ' ')
dcp=$(pgrep -f -- "dcp start-apiserver --monitor $apphost " || true)
pids=$( { descendants "$wrapper"; for p in $dcp; do descendants "$p"; done; } | sort -u)
total_rss=0; total_pss=0
printf '%8s %8s  %s\n' "RSS MB" "PSS MB" "process"
for pid in $pids; do
    rss=$(kb "/proc/$pid/status" VmRSS); pss=$(kb "/proc/$pid/smaps_rollup" Pss)
    [ -z "$rss" ] && continue
    total_rss=$((total_rss + rss)); total_pss=$((total_pss + ${pss:-0}))
    printf '%8.0f %8.0f  %s\n' "$(echo "$rss/1024" | bc -l)" "$(echo "${pss:-0}/1024" | bc -l)" "$(tr '\0' ' ' < "/proc/$pid/cmdline" | cut -c1-110)"
done
printf 'idle total: %d processes, RSS %.0f MB, PSS %.0f MB (load %s)\n' "$(echo "$pids" | wc -w)" \
    "$(echo "$total_rss/1024" | bc -l)" "$(echo "$total_pss/1024" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"

stop=$(date +%s.%N)
kill -TERM "$apphost"
for pid in $pids; do while kill -0 "$pid" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]; do sleep 0.2; done; done
printf 'SIGTERM to every process gone: %.1f s\n' "$(echo "$(date +%s.%N) - $stop" | bc)"
rm -f "$log"
