#!/usr/bin/env bash
# Installs (from the committed lockfile) and starts Azurite for tables, queues and blobs.
# Usage: source scripts/azurite.sh; azurite_start <data-dir> <blobPort> <queuePort> <tablePort>
# Sets AZURITE_PID, AZURITE_PIDS and AZURITE_CONNECTION_STRING; azurite_stop stops it.
# AZURITE_SPLIT=1 runs blob, queue and table as three processes (AZURITE_PID is then the table service).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

azurite_install() {
  # Reinstall whenever the lockfile changed since the last install (a new npm package was added).
  local stamp="$REPO_ROOT/node_modules/.pilot-lock.sha256"
  local wanted
  wanted=$(sha256sum "$REPO_ROOT/package-lock.json" | cut -d' ' -f1)
  if [ ! -x "$REPO_ROOT/node_modules/.bin/azurite" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "[npm] installing from package-lock.json (npm ci): Azurite and the ACS JavaScript SDK used by the tests"
    (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$wanted" >"$stamp"
  fi
}

free_port() {
  python3 - <<'PY' 2>/dev/null || node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

azurite_start() {
  local data_dir="$1" blob_port="$2" queue_port="$3" table_port="$4"
  azurite_install
  mkdir -p "$data_dir"
  # --disableTelemetry: Azurite otherwise builds an Application Insights record for every request and tries to send
  # some to the internet (none here); its CPU profile under the load run put that at about a sixth of the table process's busy time.
  local extra=(--disableTelemetry)
  # AZURITE_DEBUG=1 keeps Azurite's request log; AZURITE_EXTRA_ARGS adds flags (the bench runs in memory).
  [ "${AZURITE_DEBUG:-0}" = "1" ] && extra+=(--debug "$data_dir/debug.log")
  # shellcheck disable=SC2206
  [ -n "${AZURITE_EXTRA_ARGS:-}" ] && extra+=(${AZURITE_EXTRA_ARGS})
  # In-memory runs take no --location (Azurite refuses both).
  [[ " ${extra[*]} " == *" --inMemoryPersistence "* ]] || extra+=(--location "$data_dir")
  if [ "${AZURITE_SPLIT:-0}" = "1" ]; then
    # One process per service (the load run): each is a single-threaded Node process, so queues and tables
    # no longer wait for each other, and a deep queue does not slow every table request.
    "$REPO_ROOT/node_modules/.bin/azurite-blob" --silent --skipApiVersionCheck --loose "${extra[@]}" \
      --blobHost 127.0.0.1 --blobPort "$blob_port" >"$data_dir/azurite-blob.out" 2>&1 &
    AZURITE_PIDS="$!"
    # AZURITE_QUEUE_ON_DISK=1 keeps the queue service's data in files even when the rest runs in memory: in memory,
    # every message body is an extent of its own, and the queue service's garbage collector, once a minute, removes
    # each extent deleted since with a scan of all of them; with thousands of messages a minute that held every queue
    # request for about 5 s (load runs, 07:13 UTC 5 Dec). On disk, bodies share extent files and there are few to collect.
    local queue_extra=("${extra[@]}")
    if [ "${AZURITE_QUEUE_ON_DISK:-0}" = "1" ]; then
      queue_extra=(); for arg in "${extra[@]}"; do [ "$arg" = "--inMemoryPersistence" ] || queue_extra+=("$arg"); done
      [[ " ${queue_extra[*]} " == *" --location "* ]] || { mkdir -p "$data_dir/queue"; queue_extra+=(--location "$data_dir/queue"); }
    fi
    "$REPO_ROOT/node_modules/.bin/azurite-queue" --silent --skipApiVersionCheck --loose "${queue_extra[@]}" \
      --queueHost 127.0.0.1 --queuePort "$queue_port" >"$data_dir/azurite-queue.out" 2>&1 &
    AZURITE_PIDS="$AZURITE_PIDS $!"
    "$REPO_ROOT/node_modules/.bin/azurite-table" --silent --skipApiVersionCheck --loose "${extra[@]}" \
      --tableHost 127.0.0.1 --tablePort "$table_port" >"$data_dir/azurite.out" 2>&1 &
    AZURITE_PID=$!
    AZURITE_PIDS="$AZURITE_PIDS $!"
  else
    "$REPO_ROOT/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose \
      "${extra[@]}" \
      --blobHost 127.0.0.1 --blobPort "$blob_port" \
      --queueHost 127.0.0.1 --queuePort "$queue_port" \
      --tableHost 127.0.0.1 --tablePort "$table_port" >"$data_dir/azurite.out" 2>&1 &
    AZURITE_PID=$!
    AZURITE_PIDS="$AZURITE_PID"
  fi
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};BlobEndpoint=http://127.0.0.1:${blob_port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${queue_port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${table_port}/devstoreaccount1;"
  export AZURITE_PID AZURITE_PIDS AZURITE_CONNECTION_STRING
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$queue_port") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$blob_port") 2>/dev/null; then
      echo "[azurite] up (pid $AZURITE_PIDS): blob $blob_port, queue $queue_port, table $table_port, data in $data_dir"
      return 0
    fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "[azurite] failed to start:"; cat "$data_dir/azurite.out"; return 1
    fi
    sleep 0.2
  done
  echo "[azurite] did not open its ports in 20 s"; return 1
}

azurite_stop() {
  local pid
  for pid in ${AZURITE_PIDS:-${AZURITE_PID:-}}; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
}
