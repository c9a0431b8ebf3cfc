#!/usr/bin/env bash
# Prints the performance figures: the reminder dispatch tick's reads and requests over a large store,
# and the sustained send rate. Starts its own Azurite (data in a throw-away folder).
# Usage: ./bench.sh [tick] [sends] [--stored 1000000] [--due 1000] [--sends 5000]
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh

data_dir="$(pwd)/.azurite/bench-$$"
cleanup() { azurite_stop; rm -rf "$data_dir"; }
trap cleanup EXIT INT TERM

dotnet build tests/Pilot.Bench -c Release --nologo -v quiet -clp:ErrorsOnly
# A million entities: keep Azurite's tables in memory (its file persistence serialises the whole
# database at once, which fails at that size) and give Node room.
export AZURITE_EXTRA_ARGS="--inMemoryPersistence" NODE_OPTIONS="--max-old-space-size=12288"
azurite_start "$data_dir" "$(free_port)" "$(free_port)" "$(free_port)"
export PILOT_TEST_STORAGE="$AZURITE_CONNECTION_STRING"
dotnet run --project tests/Pilot.Bench -c Release --no-build -- "$@"
