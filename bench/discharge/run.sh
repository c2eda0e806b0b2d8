#!/usr/bin/env bash
# DischargeNotices benchmark: notices accepted per second (durable store, audit and events on) and
# fan-out latency notice → subscribed system (p50/p99). Loopback only, bounded, stops by itself.
# Usage: bench/discharge/run.sh [notices per path and round=500] [concurrency=16] [fan-out samples=200] [read seconds per round=5]
# Sends and reads run directly against the service and through the gateway, in interleaved rounds.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release -v q -nologo bench/DischargeNotices.Bench >/dev/null
exec dotnet bench/DischargeNotices.Bench/bin/Release/net10.0/Samverkan.DischargeNotices.Bench.dll "$@"
