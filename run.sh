#!/usr/bin/env bash
# The main job. Until the end-to-end demo exists, it shows the most complete thing the project has: the benchmarks of
# the managed crypto core side by side with .NET's native implementations.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project tests/TuyaLite.Benchmarks -- "$@"
