#!/usr/bin/env bash
# Runs every test of the repository, installing what the tests need when it is missing:
# Debian's gRPC C-core for Python, protoc with the Python gRPC plugin, Debian's copies of the grpc protos,
# redis-server, h2load, python3-jwt/jwcrypto, and the Node peers' npm packages.
# Ends with one line "N passed, N failed".
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

apt_packages=(python3-grpcio python3-protobuf protobuf-compiler protobuf-compiler-grpc grpc-proto
  nghttp2-client redis-server python3-jwt python3-jwcrypto postgresql)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing missing packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq || { echo "apt-get update failed"; exit 1; }
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "apt-get install failed for: ${missing[*]}"; exit 1; }
fi

# The Node peers: exact versions from the committed package-lock.json.
while IFS= read -r lock; do
  dir="$(dirname "$lock")"
  if [ ! -d "$dir/node_modules" ] || [ "$lock" -nt "$dir/node_modules" ]; then
    echo "Installing npm packages in ${dir#"$repo"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in $dir"; exit 1; }
  fi
done < <(find "$repo/tests" "$repo/clients" -name package-lock.json -not -path "*/node_modules/*" 2>/dev/null)

echo "Building Interop.sln"
if ! dotnet build Interop.sln -c Release -nologo -clp:ErrorsOnly -v:q; then
  echo "0 passed, 1 failed"
  echo "The build failed."
  exit 1
fi

results="$repo/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
dotnet test Interop.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  -- RunConfiguration.TreatNoTestsAsError=true 2>&1 | tee "$results/console.log"
test_exit=${PIPESTATUS[0]}

# Count from the TRX files: one per test project. A project whose test host crashed leaves no
# TRX (or an incomplete one) and a non-zero exit code, which counts as a failure below.
# The names and first message lines of the tests that did not pass go to failures.txt and are printed
# just before the final count, so the tail of a CI log says which test failed and why.
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import sys, pathlib, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
lines = []
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        outcome = r.get("outcome")
        if outcome == "Passed":
            passed += 1
            continue
        if outcome in ("NotExecuted", "Inconclusive"):
            skipped += 1
        else:
            failed += 1
        message = r.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns).strip()
        lines.append(f"{outcome}: {r.get('testName')}")
        lines.extend("    " + m for m in message.splitlines()[:6])
pathlib.Path(sys.argv[1], "failures.txt").write_text("".join(l + "\n" for l in lines))
print(passed, failed, skipped)
PY
)
if [ -s "$results/failures.txt" ]; then
  echo "Tests that did not pass:"
  cat "$results/failures.txt"
fi

if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $test_exit although no test result failed (a test host crashed?)."
  failed=1
fi
if [ "$skipped" -ne 0 ]; then
  echo "$skipped test(s) were skipped; a skipped test counts as failed here."
  failed=$((failed + skipped))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
