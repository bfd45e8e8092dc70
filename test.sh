#!/usr/bin/env bash
# Runs every TuyaLite test: installs what is missing, builds, runs the nanoFramework device-fit check, then the unit
# and integration tests, and ends with one summary line "N passed, N failed[, N skipped]".
#   ./test.sh        everything (what .ci/run calls)
#   ./test.sh nano   only the nanoFramework compile check
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
MODE=${1:-all}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

install_packages() {
  local missing=()
  command -v openssl >/dev/null || missing+=(openssl)
  command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  command -v dotnet >/dev/null || { echo "dotnet SDK 10 is required (https://dot.net)"; exit 1; }
}

# Byte-code and string-table budgets per device assembly, estimated by IlCheck from the IL (nanoFramework indexes
# both tables with 16 bits: 64 KB each, and the metadata processor refuses larger assemblies). Calibrated against the
# real metadata processor: byte code = 0.68-0.85 x IL bytes, string table = 0.68-1.18 x IlCheck's string estimate.
# So 70,000 B of IL stays under 60 KB of byte code and 48,000 B of strings under 57 KB. See docs/architecture.md.
NANO_MAX_IL=70000
NANO_MAX_STRINGS=48000

# nano_check [built]: "built" when TuyaLite.sln (which holds every NanoCheck project and IlCheck) was just built.
nano_check() {
  echo "== nanoFramework compile check (device sources against nanoFramework.CoreLibrary 1.17.11 mscorlib, C# 10)"
  dotnet msbuild tests/TuyaLite.NanoCheck/Coverage.proj -nologo -v:m
  if [ "${1:-}" != built ]; then
    local p
    for p in Device/Nano/TuyaLite.NanoCheck.Nano.csproj Device/Tls/TuyaLite.NanoCheck.Tls.csproj \
             Tests/Core/TuyaLite.NanoCheck.Tests.csproj Tests/Tls/TuyaLite.NanoCheck.TlsTests.csproj \
             IlCheck/IlCheck.csproj; do
      dotnet build "tests/TuyaLite.NanoCheck/$p" -nologo -v q -clp:NoSummary
    done
  fi
  local il="dotnet tests/TuyaLite.NanoCheck/IlCheck/bin/Debug/net10.0/IlCheck.dll"
  local out=tests/TuyaLite.NanoCheck/bin/nano
  local budget="--max-il $NANO_MAX_IL --max-strings $NANO_MAX_STRINGS"
  local lib="--allow TuyaLite.Platform --allow TuyaLite.Crypto --allow TuyaLite.Tls"
  $il "$out/tuyalite.platform/TuyaLite.Platform.dll" $budget
  $il "$out/tuyalite.crypto/TuyaLite.Crypto.dll" $budget $lib
  $il "$out/tuyalite.tls/TuyaLite.Tls.dll" $budget $lib
  $il "$out/tuyalite.nano/TuyaLite.Nano.dll" $budget $lib $(facade_allow_args)
  $il "$out/tests-core/NFUnitTest.dll" $budget $lib --allow nanoFramework.TestFramework
  $il "$out/tests-tls/NFUnitTest.dll" $budget $lib --allow nanoFramework.TestFramework
}

# Every reference facade is an allowed device assembly.
facade_allow_args() {
  for d in tests/TuyaLite.NanoCheck/Facades/*/; do printf -- '--allow %s ' "$(basename "$d")"; done
}

if [ "$MODE" = nano ]; then
  nano_check
  echo "nano check passed"
  exit 0
fi

install_packages
echo "== build"
dotnet build TuyaLite.sln -nologo -v q -clp:NoSummary
nano_check built

RESULTS="$ROOT/.test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
status=0
unfinished=""
for proj in tests/TuyaLite.Tests/TuyaLite.Tests.csproj tests/TuyaLite.IntegrationTests/TuyaLite.IntegrationTests.csproj; do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  # A test that hangs is killed after 10 minutes (the run is then aborted and fails) instead of blocking CI.
  dotnet test "$proj" --no-build -nologo --blame-hang-timeout 10m --blame-hang-dump-type none \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=detailed" --results-directory "$RESULTS" \
    || { status=1; unfinished="$unfinished $name"; }
done

passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted) + $(get inconclusive)))
done
[ "$failed" -eq 0 ] || status=1
[ "$passed" -gt 0 ] || { echo "no test ran"; status=1; }
summary="$passed passed, $failed failed"
[ "$skipped" -eq 0 ] || summary="$summary, $skipped skipped"
# An aborted run (hang killed, test host crash) may leave no failed test in its counters: say so on the last line.
[ -z "$unfinished" ] || summary="$summary; dotnet test failed for:$unfinished"
echo "$summary"
exit $status
