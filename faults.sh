#!/usr/bin/env bash
# The fault-injection run: 10,000 reminders due in one window, sent through Twilio and ACS to the provider
# simulators with faults injected (20% 5xx, 10% 429 with Retry-After, 3% accepted then dropped, random
# latency), 5% of send-queue messages delivered twice, and two kills (SIGKILL) mid-run: first the worker process
# alone (the runner, its host, restarts it), then the runner with its worker (restarted by the run). In the same run: 100 of the parents opted in to vacancy alerts get 10 vacancies that fit them
# (batches through POST /api/vacancies and the feed queue), and 200 WFI invitations (POST /api/wfi-invitations)
# post their letters through the Notify simulator with the same faults; 5% of alert send messages and letter
# jobs are delivered twice. Storage faults are ON by default: the runner reaches Azurite through a fault-injecting
# proxy (2% of table, queue and blob requests answered 503 ServerBusy / 500 OperationTimedOut, 0.5% applied and
# then their answer lost, 0-20 ms latency, one 45 s outage a quarter of the way into the window); --storage-faults off
# turns them off. Prints what reached the phones and the post; exits non-zero when a goal is missed.
# Usage: ./faults.sh [--reminders 10000] [--window 10] [--kills 2] [--alert-parents 100] [--vacancies 10]
#                    [--invitations 200] [--storage-faults on|off]   (at most 20 vacancies: each alert parent's weekly cap)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh

case " $* " in
  *" --storage-faults off "*) echo "[faults] storage faults OFF (--storage-faults off)" ;;
  *) echo "[faults] storage faults ON (turn them off with --storage-faults off): throttling, lost answers and a 45 s outage in front of Azurite" ;;
esac
dotnet build tests/Pilot.FaultRun -c Release --nologo -v quiet -clp:ErrorsOnly
export AZURITE_EXTRA_ARGS="--inMemoryPersistence" NODE_OPTIONS="--max-old-space-size=4096"
trap azurite_stop EXIT INT TERM
azurite_start "$(pwd)/.azurite/faults" "$(free_port)" "$(free_port)" "$(free_port)"
export PILOT_TEST_STORAGE="$AZURITE_CONNECTION_STRING"
dotnet run --project tests/Pilot.FaultRun -c Release --no-build -- "$@"
