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
# Letters go to the print batch (embedded default) in Blob storage and, for a look, to letters/print-batch/ here.
export Letters__PrintBatchFolder="${Letters__PrintBatchFolder:-$(pwd)/letters/print-batch}"

# Started inside the default quiet hours (21:00-08:00 London), the demo would hold every text until
# morning. Unless quiet hours are set explicitly, switch them off for this demo run, and say so.
london_hour=$(TZ=Europe/London date +%H)
if [ -z "${Sms__QuietHoursStart:-}${Sms__QuietHoursEnd:-}" ] && { [ "$london_hour" -ge 21 ] || [ "$london_hour" -lt 8 ]; }; then
  echo "[demo] It is $(TZ=Europe/London date +%H:%M) in London, inside quiet hours (21:00-08:00): quiet hours are OFF for this demo run"
  echo "[demo] so the demo texts show now. To keep them: Sms__QuietHoursStart=21:00 Sms__QuietHoursEnd=08:00 ./run.sh"
  export Sms__QuietHoursStart=00:00 Sms__QuietHoursEnd=00:00
fi
dotnet run --project src/LocalRunner --no-build -- "$@"
