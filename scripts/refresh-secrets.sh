#!/usr/bin/env bash
# After a Key Vault secret changes: makes the Function App fetch every Key Vault reference again, shows
# each reference's status, and restarts the app so the worker starts with the new values. A restart
# alone is not enough: App Service caches resolved references and fetches them again only after a
# configuration change, a call to this refresh endpoint, or its own 24-hour cycle.
# Needs: az (signed in, Website Contributor or Contributor on the app) and jq.
# Usage: scripts/refresh-secrets.sh <resource group> <function app name>
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: scripts/refresh-secrets.sh <resource group> <function app name>" >&2; exit 2; }
app_id="$(az functionapp show -g "$1" -n "$2" --query id -o tsv)"
api="api-version=2022-03-01"
az rest --method post --url "https://management.azure.com${app_id}/config/configreferences/appsettings/refresh?${api}" >/dev/null
echo "references refreshed for $2; their status:"
status="$(az rest --method get --url "https://management.azure.com${app_id}/config/configreferences/appsettings?${api}" -o json)"
jq -r '.value[] | "\(.name)\t\(.properties.status)\t\(.properties.details // "")"' <<< "$status"
az functionapp restart -g "$1" -n "$2"
echo "restarted $2"
if jq -e '[.value[].properties.status] | any(. != "Resolved")' <<< "$status" >/dev/null; then
  echo "some references are not Resolved (above): the app refuses to start until they are (docs/operations.md, Start-up checks of secrets)" >&2
  exit 1
fi
