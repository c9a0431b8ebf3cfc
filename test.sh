#!/usr/bin/env bash
# Runs every test: installs Azurite (npm ci) and the Bicep CLI when needed, starts Azurite on free
# ports with its data in a throw-away folder, runs the solution's tests, and stops Azurite.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Reminders).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh
# The infrastructure tests build and lint infra/bicep with this CLI (tests/Pilot.Infra.Tests).
BICEP_PATH="$(scripts/bicep.sh)"
export BICEP_PATH

data_dir="$(pwd)/.azurite/test-$$"
cleanup() { azurite_stop; rm -rf "$data_dir"; }
trap cleanup EXIT INT TERM

azurite_start "$data_dir" "$(free_port)" "$(free_port)" "$(free_port)"
export PILOT_TEST_STORAGE="$AZURITE_CONNECTION_STRING"

dotnet test Pilot.Functions.sln --nologo "$@"
