#!/usr/bin/env bash
# The one test command (README, CI): installs what the tests need, builds once, runs every test project,
# and prints a final line "N passed, N failed" summed from the TRX results. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# --- Debian packages the tests use (installed only when missing) ---------------------------------
#  chromium         : the browser for Playwright (never downloaded by Playwright itself)
#  python3-aiosmtpd : a real SMTP server process for the email tests
#  postgresql       : the server database of the multi-node test (its own throwaway cluster on loopback)
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"
export SCREENSHOT_DIR="$results/screenshots"

echo "Building Dealership.sln (Release)..."
if ! dotnet build Dealership.sln -c Release -v quiet -nologo; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
projects=$(ls tests/*/*.csproj | grep -v Benchmarks)
for project in $projects; do
  name=$(basename "$project" .csproj)
  echo "=== $name"
  if ! dotnet test "$project" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
      --results-directory "$results"; then
    status=1
  fi
  if [ ! -f "$results/$name.trx" ]; then
    echo "No results from $name: counted as a failure."
    echo "$name" >> "$results/missing-results"
    status=1
  fi
done

# Benchmarks in smoke mode: tiny sizes, so they keep working; figures are printed, never asserted.
# The full runs are by hand (see tests/README.md).
echo "=== Benchmarks (smoke)"
bench_failed=0
scale_smoke="$(mktemp -d /tmp/dealership-scale-smoke.XXXXXX)"
for args in "search 2000 20" "parts 300 3" "seed --scale small --data $scale_smoke/data" "jobs --data $scale_smoke/data --messages 200"; do
  if ! dotnet run -c Release --no-build --project tests/Dealership.Benchmarks -- $args 2>&1 | grep -v "XML encryptor\|DataProtection\|warn:" ; then
    echo "Benchmark smoke '$args' failed."
    bench_failed=$((bench_failed + 1))
  fi
done
rm -rf "$scale_smoke"

# Known-vulnerable packages (direct and transitive), from the registry's advisory data. A registry that does
# not answer is reported, not counted; a vulnerable package is a failure.
echo "=== Known-vulnerable packages"
vulnerable_failed=0
if audit=$(timeout 300 dotnet list Dealership.sln package --vulnerable --include-transitive 2>&1); then
  if echo "$audit" | grep -q "has the following vulnerable packages"; then
    echo "$audit"
    vulnerable_failed=1
  else
    echo "No known-vulnerable packages reported by the registry's advisory data ($(echo "$audit" | grep -c "has no vulnerable packages") projects asked)."
  fi
else
  echo "The package registry did not answer the vulnerability query; not checked in this run."
fi

passed=0
failed=$((bench_failed + vulnerable_failed))
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
done
if [ -f "$results/missing-results" ]; then
  failed=$((failed + $(wc -l < "$results/missing-results")))
fi
if [ "$failed" -gt 0 ]; then status=1; fi

# The promises' figures, as the tests printed them (docs/SECURITY.md and docs/RELIABILITY.md quote them).
echo "=== Figures"
# Each test's output only: a TRX repeats all of it once more in its summary.
figures=$(for trx in "$results"/*.trx; do sed '/<ResultSummary/,$d' "$trx"; done 2>/dev/null | grep -oE '(route matrix|page forms|fuzzer|multi-node|concurrency race):[^<&]*|crash-restart \(seed[^<&]*' | sort | uniq -c | sed 's/^ *//' || true)
echo "$figures" | grep -E '^[0-9]+ (route matrix|page forms|fuzzer|crash-restart|multi-node)' | cut -d' ' -f2- || true
races=$(echo "$figures" | grep -E '^[0-9]+ concurrency race:' | awk '{ n += $1; refused += $1 * $8 } END { if (n > 0) printf "%d races, %d losers refused with 409/412, each won once", n, refused }')
[ -n "$races" ] && echo "concurrency: $races"

echo "$passed passed, $failed failed"
exit $status
