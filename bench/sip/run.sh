#!/usr/bin/env bash
# SIP plans benchmark: plans written and read per second through the gateway, durable store
# (appendfsync always with redis-server, else Garnet) and access logging on. Loopback only, bounded.
# Usage: bench/sip/run.sh [plans=500] [concurrency=16] [read seconds=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release -v q -nologo bench/SipPlans.Bench >/dev/null
exec dotnet bench/SipPlans.Bench/bin/Release/net10.0/Samverkan.SipPlans.Bench.dll "$@"
