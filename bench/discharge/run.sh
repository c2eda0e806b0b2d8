#!/usr/bin/env bash
# DischargeNotices benchmark: notices accepted per second (durable store, audit and events on) and
# fan-out latency notice → subscribed system (p50/p99). Loopback only, bounded, stops by itself.
# Usage: bench/discharge/run.sh [notices per path and round=500] [concurrency=16] [fan-out samples=200] [read s=5] [rounds=2] [layouts=shared,isolated]
# Sends and reads run directly against the service, through the gateway, and through the gateway to a
# build of the service that writes no access records (the cost of audit logging), in interleaved rounds.
# Layouts: "shared" = all processes on all CPUs; "isolated" = the gateways alone on the last CPU (as deployed).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release -v q -nologo bench/DischargeNotices.Bench >/dev/null
# The benchmark-only variant, in its own output and intermediate folders (never next to a deployable build).
dotnet build -c Release -v q -nologo src/DischargeNotices -p:SamverkanBenchmarkWithoutAccessRecords=true \
  -p:OutputPath=bin/bench-without-access-records/ -p:IntermediateOutputPath=obj/bench-without-access-records/ >/dev/null
exec dotnet bench/DischargeNotices.Bench/bin/Release/net10.0/Samverkan.DischargeNotices.Bench.dll "$@"
