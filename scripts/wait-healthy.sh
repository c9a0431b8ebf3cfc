#!/usr/bin/env bash
# Waits until a deployed Pilot answers GET <base url>/api/health with 200 and {"storage":"ok"}; fails
# after the timeout. The deploy workflow runs it after each deployment, so prod is never deployed after
# a dev deployment that does not start (a missing secret, an extension the package lacks, no storage).
# Usage: scripts/wait-healthy.sh <base url> [timeout seconds, default 300] [interval seconds, default 10]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: scripts/wait-healthy.sh <base url> [timeout seconds] [interval seconds]" >&2; exit 2; }
url="${1%/}/api/health"
timeout="${2:-300}"
interval="${3:-10}"
deadline=$(( $(date +%s) + timeout ))
last="no answer yet"
while :; do
  body="$(curl -sS --max-time 10 -w '\n%{http_code}' "$url" 2>&1)" || true
  status="${body##*$'\n'}"
  body="${body%$'\n'*}"
  if [ "$status" = "200" ] && printf '%s' "$body" | grep -Eq '"storage"[[:space:]]*:[[:space:]]*"ok"'; then
    echo "healthy: $url answered 200 $body"
    exit 0
  fi
  last="$status $body"
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "not healthy after ${timeout}s: $url last answered: $last" >&2
    exit 1
  fi
  echo "waiting for $url (last: $last)"
  sleep "$interval"
done
