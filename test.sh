#!/usr/bin/env bash
# Runs every test: installs Azurite (npm ci) and the Bicep CLI when needed, starts Azurite on free
# ports with its data in a throw-away folder, runs the solution's tests, and stops Azurite.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Reminders).
# Every log line the tests write is collected; with no arguments, a last test searches them all for
# the phone numbers, surnames and postcodes the tests used (none may appear unmasked).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh
# The page tests drive Debian's Chromium (tests/Pilot.IntegrationTests/Pages): install it when missing, or stop here
# saying why. They are never skipped.
if [ ! -x /usr/bin/chromium ]; then
  echo "[chromium] /usr/bin/chromium is missing: installing Debian's chromium package for the page tests"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null; then
    echo "test.sh: could not install Debian's chromium (apt-get install -y chromium, as root); the page tests need it at /usr/bin/chromium" >&2
    exit 1
  fi
fi
# The infrastructure tests build and lint infra/bicep with this CLI (tests/Pilot.Infra.Tests).
BICEP_PATH="$(scripts/bicep.sh)"
export BICEP_PATH

data_dir="$(pwd)/.azurite/test-$$"
log_dir="$(pwd)/.azurite/test-logs-$$"
cleanup() { azurite_stop; rm -rf "$data_dir" "$log_dir"; }
trap cleanup EXIT INT TERM

azurite_start "$data_dir" "$(free_port)" "$(free_port)" "$(free_port)"
export PILOT_TEST_STORAGE="$AZURITE_CONNECTION_STRING"

export PILOT_TEST_LOG_DIR="$log_dir"

if [ $# -gt 0 ]; then
  dotnet test Pilot.Functions.sln --nologo "$@"
  exit
fi

status=0
test_output="$log_dir/dotnet-test.txt"
mkdir -p "$log_dir"
dotnet test Pilot.Functions.sln --nologo --filter "Category!=LogScan" 2>&1 | tee "$test_output" || status=$?
# The access matrix (every HTTP endpoint x every kind of caller) lists its rows here, pass or fail.
if [ -f "$log_dir/access-matrix.txt" ]; then
  echo "== Access matrix: every endpoint x (no key, wrong key, each role, another office) =="
  cat "$log_dir/access-matrix.txt"
fi
if [ "$status" -ne 0 ]; then
  # Said again last, so that whoever reads only the end of the output sees what failed and why.
  echo "== Failed: each failing test's name, message and the top of its stack (all printed above) =="
  awk '/^  Failed [^ ]/ { block = 1; stack = 0; lines_in_stack = 0 }
       block && /^  Stack Trace:/ { stack = 1 }
       block && !/^(Failed!|Passed!) +- / { print; if (stack && ++lines_in_stack > 12) { block = 0; lines_in_stack = 0 } }
       /^(Failed!|Passed!) +- / { print }' "$test_output" | head -n 400
  exit "$status"
fi
dotnet test tests/Pilot.Shared.UnitTests --nologo --no-build --filter "Category=LogScan"
