#!/usr/bin/env bash
# The load run: confirmations, reminders, vacancy alerts and WFI invitations (letter + companion text) at a steady
# 50 messages a second (GOV.UK Notify's default 3,000 a minute) for 10 minutes through the local runner to the
# provider simulators (Twilio, ACS, Notify). Prints per minute and overall: throughput offered and completed,
# queue latency p50/p99, queue depths, the runner's memory; exits non-zero when it does not keep up.
# Usage: ./load.sh [--minutes 10] [--rate 50] [--warmup 20]
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh

dotnet build tests/Pilot.LoadRun -c Release --nologo -v quiet -clp:ErrorsOnly
# Blob, queue and table as three Azurite processes (AZURITE_SPLIT): one Node process for all three is the
# first thing to saturate at this rate. Tables and blobs in memory; queues in files (AZURITE_QUEUE_ON_DISK, see
# scripts/azurite.sh: in memory, the queue service stops for seconds each minute).
export AZURITE_EXTRA_ARGS="--inMemoryPersistence" NODE_OPTIONS="--max-old-space-size=4096" AZURITE_SPLIT=1 AZURITE_QUEUE_ON_DISK=1
trap azurite_stop EXIT INT TERM
rm -rf "$(pwd)/.azurite/load" # the queue service's files from an earlier run
azurite_start "$(pwd)/.azurite/load" "$(free_port)" "$(free_port)" "$(free_port)"
export PILOT_TEST_STORAGE="$AZURITE_CONNECTION_STRING"
echo "[load] machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
dotnet run --project tests/Pilot.LoadRun -c Release --no-build -- "$@"
