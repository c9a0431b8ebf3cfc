#!/usr/bin/env bash
# Publishes the Functions app the way CI ships it: .github/workflows/deploy.yml runs this, uploads the
# folder as the `functions-app` artifact (hidden folders included) and deploys it; the deployment
# rehearsal in ./test.sh (tests/Pilot.Infra.Tests/Deployment) runs it too, so both build one package.
# Usage: scripts/publish.sh <output folder>
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/publish.sh <output folder>" >&2; exit 2; }
cd "$(dirname "$0")/.."
dotnet publish src/Functions/Pilot.Functions.csproj -c Release -o "$1" --nologo
