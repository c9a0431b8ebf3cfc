#!/usr/bin/env bash
# Runs Pilot on this machine: installs Azurite (npm ci) and restores NuGet packages, starts Azurite
# with its data in .azurite/run, seeds the demo data, and starts the local runner on
# http://127.0.0.1:7071/api. Ctrl+C stops everything. Texts go to the Outbox table (embedded default).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh

cleanup() { azurite_stop; }
trap cleanup EXIT INT TERM

[ -f src/Functions/local.settings.json ] || cp src/Functions/local.settings.template.json src/Functions/local.settings.json
dotnet build src/LocalRunner --nologo -v quiet -clp:ErrorsOnly
azurite_start "$(pwd)/.azurite/run" "${AZURITE_BLOB_PORT:-10000}" "${AZURITE_QUEUE_PORT:-10001}" "${AZURITE_TABLE_PORT:-10002}"

export AzureWebJobsStorage="$AZURITE_CONNECTION_STRING"
export Demo__Seed=true
dotnet run --project src/LocalRunner --no-build -- "$@"
