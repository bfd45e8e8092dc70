#!/usr/bin/env bash
# The main job. Until the end-to-end demo against the local cloud exists, it shows the most complete thing the
# project has: the TuyaLite TLS client against a real OpenSSL server with a compact 2-level P-256 PKI (full handshake,
# resumed handshake with no elliptic-curve work, an HTTP request over 512-byte records), then the side-by-side
# benchmarks of the managed crypto against .NET's native implementations.
#   ./run.sh            demo + benchmarks
#   ./run.sh --quick    shorter benchmark windows; --tls-only: only the handshake benchmark
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v openssl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null; }

dotnet build tools/TuyaLite.Cli -c Release -nologo -v q -clp:NoSummary
CLI=(dotnet tools/TuyaLite.Cli/bin/Release/net10.0/TuyaLite.Cli.dll)

work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== compact 2-level P-256 PKI (root signs the server leaf directly; no key identifiers)"
cat > "$work/min.cnf" <<'CNF'
[req]
distinguished_name=dn
prompt=no
[dn]
CN=root
[v3_root]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign
subjectKeyIdentifier=none
authorityKeyIdentifier=none
[v3_leaf]
subjectAltName=DNS:localhost
subjectKeyIdentifier=none
authorityKeyIdentifier=none
CNF
(
  cd "$work"
  openssl ecparam -name prime256v1 -genkey -noout -out root.key
  openssl req -x509 -new -key root.key -sha256 -days 3650 -set_serial 1 -subj /CN=root -config min.cnf -extensions v3_root -out root.crt
  openssl ecparam -name prime256v1 -genkey -noout -out server.key
  openssl req -new -key server.key -subj /CN=localhost -config min.cnf -out server.csr
  openssl x509 -req -in server.csr -CA root.crt -CAkey root.key -set_serial 2 -days 825 -sha256 -extfile min.cnf -extensions v3_leaf -out server.crt 2>/dev/null
) >/dev/null
echo "   root $(openssl x509 -in "$work/root.crt" -outform DER | wc -c) B, server leaf $(openssl x509 -in "$work/server.crt" -outform DER | wc -c) B (DER)"

# A free port without python: random candidates, skipping any where something already answers; s_server exiting
# (port taken meanwhile) moves on to the next. Fails loudly with the server's output if none becomes reachable.
start_server() {
  local attempt
  for attempt in 1 2 3 4 5; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    openssl s_server -accept "127.0.0.1:$port" -cert "$work/server.crt" -key "$work/server.key" -tls1_2 \
      -cipher ECDHE-ECDSA-AES128-GCM-SHA256 -groups P-256 -www -quiet >"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 50); do
      kill -0 "$server_pid" 2>/dev/null || break
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
      sleep 0.1
    done
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  done
  echo "run.sh: openssl s_server never became reachable on 127.0.0.1 ($attempt ports tried); its output:" >&2
  cat "$work/server.log" >&2 2>/dev/null || true
  exit 1
}
start_server
echo "== openssl s_server on 127.0.0.1:$port (TLS 1.2, ECDHE-ECDSA-AES128-GCM-SHA256, P-256)"

echo "== tuyalite tls connect localhost:$port --mfl 512 --resume --send 'GET / ...'"
"${CLI[@]}" tls connect "localhost:$port" --ca "$work/root.crt" --mfl 512 --resume \
  --send 'GET / HTTP/1.0\r\n\r\n' | head -40

echo
echo "== the 2-level policy refuses a wrong host name:"
"${CLI[@]}" cert verify --root "$work/root.crt" --leaf "$work/server.crt" --host evil.example || true

kill "$server_pid" 2>/dev/null || true; server_pid=""
echo
echo "== benchmarks: TuyaLite managed vs .NET native"
dotnet run -c Release --project tests/TuyaLite.Benchmarks -- "$@"
