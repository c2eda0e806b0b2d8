#!/usr/bin/env bash
# Runs README's test command as on a fresh machine with only the .NET SDK: redis-server, chromium,
# prometheus and promtool are hidden in a private mount namespace (no container engine needed; root
# or CAP_SYS_ADMIN). Tests that need them must skip with a printed reason; everything else must pass
# (the store tests fall back to the embedded Garnet). Usage: scripts/test-with-only-the-sdk.sh [dotnet test args]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
hidden=(redis-server redis-cli redis-benchmark chromium promtool prometheus)
shadow=$(mktemp -d)
trap 'rm -rf "$shadow"' EXIT
cp -al /usr/bin/. "$shadow/" 2>/dev/null || cp -a /usr/bin/. "$shadow/"
for program in "${hidden[@]}"; do rm -f "$shadow/$program"; done
unshare -m bash -c '
    mount --bind "$1" /usr/bin
    shift
    for program in redis-server chromium promtool; do
        if command -v "$program" >/dev/null 2>&1 || [ -e "/usr/bin/$program" ]; then echo "$program is still visible" >&2; exit 1; fi
    done
    echo "+ dotnet test Platform.sln $* (redis-server, chromium, prometheus hidden)"
    dotnet test Platform.sln "$@"
' _ "$shadow" "$@"
