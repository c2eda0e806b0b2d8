#!/usr/bin/env bash
# Refreshes the staff portal screenshots in docs/portal/ (1280x720, Debian chromium): runs the
# portal's accessibility test, which logs in as demo users on a real platform of processes, checks
# each main page with axe-core and saves it as docs/portal/<page>.png.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -x /usr/bin/chromium ]; then
    echo "chromium is not installed at /usr/bin/chromium: apt-get install -y chromium" >&2
    exit 1
fi

out="$PWD/docs/portal"
mkdir -p "$out"
PORTAL_SCREENSHOTS_DIR="$out" dotnet test tests/Portal.Tests \
    --filter "(FullyQualifiedName~AccessibilityTests&FullyQualifiedName~have_no_WCAG_21_AA_violations)|FullyQualifiedName~AnalystIndicatorTests"
echo "Screenshots in $out:"
ls -1 "$out"/*.png
