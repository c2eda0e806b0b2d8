#!/usr/bin/env bash
# DischargeNotices benchmark: notices accepted per second (durable store, audit and events on) and
# fan-out latency notice → subscribed system (p50/p99). Loopback only, bounded, stops by itself.
# Usage: bench/discharge/run.sh [notices=2000] [concurrency=16] [latency samples=300]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release -v q -nologo bench/DischargeNotices.Bench >/dev/null
exec dotnet bench/DischargeNotices.Bench/bin/Release/net10.0/Samverkan.DischargeNotices.Bench.dll "$@"
