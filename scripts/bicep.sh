#!/usr/bin/env bash
# Installs the Bicep CLI (NuGet package Azure.Bicep.CommandLine.linux-x64) as tools/bicep/bicep, for
# the infrastructure tests (tests/Pilot.Infra.Tests). Idempotent: a second run only checks the version.
# Usage: scripts/bicep.sh            (prints the path of the CLI)
set -euo pipefail

BICEP_VERSION="0.49.2"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$REPO_ROOT/tools/bicep/bicep"

if [ -x "$target" ] && "$target" --version 2>/dev/null | grep -q "version $BICEP_VERSION "; then
  echo "$target"
  exit 0
fi

echo "[bicep] installing Bicep CLI $BICEP_VERSION from NuGet (dotnet restore scripts/bicep-cli)" >&2
dotnet restore "$REPO_ROOT/scripts/bicep-cli/BicepCli.csproj" -p:BicepVersion="$BICEP_VERSION" --nologo -v quiet >&2
packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')"
packages="${packages%/}"
source_binary="$packages/azure.bicep.commandline.linux-x64/$BICEP_VERSION/tools/bicep"
[ -f "$source_binary" ] || { echo "[bicep] $source_binary not found after restore" >&2; exit 1; }

mkdir -p "$(dirname "$target")"
# A link, not a copy: the binary is 120 MB and already sits in the NuGet cache.
ln -sf "$source_binary" "$target"
chmod +x "$source_binary"
"$target" --version >&2
echo "$target"
