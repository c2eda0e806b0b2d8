#!/usr/bin/env bash
# Relative support benchmark: RegisterRelative, ReferRelative, AcceptReferral (durable writes with
# tally, access record and idempotency key) and audited reads (GetRelative, ListRelatives) through the
# gateway at 1, 16 and 64 callers, with CPU microseconds per call per process. Loopback only, bounded.
# Usage: bench/relatives/run.sh [calls per write phase=1000, a quarter at 1 caller] [read seconds=5] [callers=1,16,64]
# Ends with a compact summary (one line per phase and caller count) to paste into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release -v q -nologo bench/RelativeSupport.Bench >/dev/null
exec dotnet bench/RelativeSupport.Bench/bin/Release/net10.0/Samverkan.RelativeSupport.Bench.dll "$@"
