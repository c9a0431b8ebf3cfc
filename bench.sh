#!/usr/bin/env bash
# Prints the performance figures. Each bench gets a fresh Azurite (in memory), so one bench's data
# does not slow another's.
# Usage: ./bench.sh [templates] [tick] [sends] [gateways] [vacancies] [hours] [letters] [vacancy-e2e] [runner] [emulator] [--stored 1000000] [--due 1000] [--sends 5000] [--gateway-sends 10000] [--letter-rounds 10]
#                   [--parents 1000000] [--vacancies 20000] [--subset-parents 100000] [--subset-vacancies 5000] [--e2e-parents 10000] [--e2e-vacancies 500]
#   tick:  the reminder dispatch tick's entities read and storage requests over a large store
#   sends: sustained sends per second through the queue function and the outbox, spread over many numbers;
#          then one number given twice its hourly cap at once: how many go and how many are held
#   templates: fragments and cost of every built-in template, per language
#   gateways: sends per second through the Twilio and ACS gateways to the provider simulator
#   hours: the advert-hours corpus read by the parser: read as clear, right, wrong, unambiguous read as clear
#   letters: time to render a WFI letter PDF, its size and pages, each checked against Notify's rules
#   runner: start-up to the first answer and per-request / per-queue-message cost, worker mode against in-process
#           [--runner-requests 500] [--runner-messages 500]
#   emulator: Azurite alone, no Pilot code: table inserts and point reads a second, a row key per row against one
#             shared row key; queue receive-and-delete a second with 100 and with 5,000 messages waiting [--emulator-rows 20000]
#   vacancy-e2e: 10,000 parents, 500 vacancies POSTed in one batch, to the alerts in the outbox: time and storage read
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh

benches=()
options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --*) options+=("$1" "$2"); shift 2 ;;
    *) benches+=("$1"); shift ;;
  esac
done
[ ${#benches[@]} -gt 0 ] || benches=(templates tick sends gateways vacancies hours letters vacancy-e2e runner emulator)

dotnet build tests/Pilot.Bench -c Release --nologo -v quiet -clp:ErrorsOnly
# A million entities: keep Azurite's tables in memory (its file persistence serialises the whole
# database at once, which fails at that size) and give Node room.
export AZURITE_EXTRA_ARGS="--inMemoryPersistence" NODE_OPTIONS="--max-old-space-size=12288"
trap azurite_stop EXIT INT TERM
for bench in "${benches[@]}"; do
  if [ "$bench" = vacancies ] || [ "$bench" = hours ]; then
    # Pure and in memory: no storage, and nothing else running beside it.
    dotnet run --project tests/Pilot.Bench -c Release --no-build -- "$bench" "${options[@]}"
    continue
  fi
  # The sends bench gives tables, queues and blobs a Node process each, as the load run does: in one process the
  # single-threaded table service and the queue service share a core, and the emulator, not Pilot, sets the pace.
  # Its queues are kept in files, as the load run's are (AZURITE_QUEUE_ON_DISK, scripts/azurite.sh).
  if [ "$bench" = sends ]; then export AZURITE_SPLIT=1 AZURITE_QUEUE_ON_DISK=1; else export AZURITE_SPLIT=0; fi
  rm -rf "$(pwd)/.azurite/bench" # files left by the bench before (the sends bench's queues)
  azurite_start "$(pwd)/.azurite/bench" "$(free_port)" "$(free_port)" "$(free_port)"
  export PILOT_TEST_STORAGE="$AZURITE_CONNECTION_STRING"
  dotnet run --project tests/Pilot.Bench -c Release --no-build -- "$bench" "${options[@]}"
  azurite_stop
done
