#!/usr/bin/env bash
# Throughput and latency at dealership-group scale, the product against its raw baseline in the same run (by hand,
# not in CI: it takes minutes and saturates the machine). For each endpoint wrk drives the product, then the
# baseline, one after the other on the same copy of the data, and the script prints requests per second, p50 and
# p99 for both and the ratios. No time is asserted; the targets are in tests/Dealership.Benchmarks/RESULTS.md.
#
#   tests/load/bench.sh                               # every endpoint, 32 connections, 15 s each
#   DURATION=30 CONNECTIONS=64 tests/load/bench.sh board search
#   WARMUP=3 tests/load/bench.sh lane                  # the first seconds of load instead of the steady state
#
# Endpoints: board search journey lane shortages milestone booking. The data is the 'group' scale
# (tests/Dealership.Benchmarks: seed --scale group), generated once into $SCALE_DIR (/tmp/dealership-scale/group)
# and copied for each run, so writes never accumulate. Also printed: the product's start to /health/ready on that
# data (demo already seeded), and its resident memory (RSS) at most during the run.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
duration="${DURATION:-15}"
# Each read is measured warm: tiered compilation goes on recompiling the product's hot code for about 20 s of load
# (the lane ran 125 a second in its first 15 s and 190 after; session 15). Writes warm for 3 s, because their
# prepared lines are finite and the baseline would run out of them.
warmup="${WARMUP:-20}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
scale_dir="${SCALE_DIR:-/tmp/dealership-scale/group}"
work="$(mktemp -d /tmp/dealership-bench.XXXXXX)"
product="http://127.0.0.1:${PORT:-5097}"
baseline="http://127.0.0.1:${BASELINE_PORT:-5098}"
endpoints=("$@")
[ ${#endpoints[@]} -gt 0 ] || endpoints=(board search journey lane shortages milestone booking)

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian)..."
  { apt-get update -q && apt-get install -y -q wrk; } || { sudo -n apt-get update -q && sudo -n apt-get install -y -q wrk; }
fi

echo "Building the benchmarks and publishing the app (Release)..."
dotnet build "$root/tests/Dealership.Benchmarks" -c Release -v quiet -nologo >/dev/null
dotnet publish "$root/src/Dealership.Web" -c Release -o "$work/app" -v quiet -nologo >/dev/null
bench="$root/tests/Dealership.Benchmarks/bin/Release/net10.0/Dealership.Benchmarks.dll"
if [ ! -f "$scale_dir/scale.json" ]; then
  echo "Generating the group-scale data into $scale_dir (about a minute or two)..."
  dotnet "$bench" seed --scale group --data "$scale_dir" | grep -v '^{'
fi
echo "Copying the data to $work/data..."
cp -r "$scale_dir" "$work/data"

pids=()
cleanup() { [ -n "${app_pid:-}" ] && { kill -CONT "$app_pid" 2>/dev/null || true; }; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

for url in "$product" "$baseline"; do
  if curl -s -o /dev/null "$url/health/ready"; then echo "Something already answers on $url: stop it (or set PORT / BASELINE_PORT)."; exit 1; fi
done

# The product as deployed on the embedded default, demo data already there; the per-caller API limit off (one
# caller here sends thousands of requests a second on purpose).
start_product() {
  # env, because a name with a dot (the start-up log's category) is not a shell assignment.
  ( cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Development DEALERSHIP_DATA_DIR="$work/data" Logging__LogLevel__Default=Warning \
    Logging__LogLevel__Dealership.Startup=Information Api__RequestsPerMinutePerCaller=0 ASPNETCORE_URLS="$product" \
    dotnet Dealership.Web.dll >"$work/app.log" 2>&1 ) &
  app=$!
  pids+=("$app")
  until curl -fs "$product/health/ready" >/dev/null 2>&1; do
    kill -0 "$app" 2>/dev/null || { echo "The app stopped:"; tail -20 "$work/app.log"; exit 1; }
    sleep 0.02
  done
}
# Once to bring the data up to this build (a new migration, the demo data checked and marked for this build), then
# stopped: what is timed is a start of a built app whose demo data is already there, as the target says.
echo "Starting the product once to bring the data up to this build..."
start_product
kill "$app"; wait "$app" 2>/dev/null || true
started=$(date +%s%N)
start_product
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
startup_line="$(grep -a -A1 'Dealership.Startup' "$work/app.log" | tail -1 | sed -E 's/^ +//')"
app_pid=$app  # the subshell exec'd dotnet, so it is the app itself
dotnet "$bench" baseline --data "$work/data" --urls "$baseline" >"$work/baseline.log" 2>&1 &
pids+=("$!")
until curl -fs "$baseline/health/ready" >/dev/null 2>&1; do sleep 0.1; done

token() {
  curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"Demo!2026\"}" "$product/api/auth/token" |
    sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
manager="$(token manager@demo.local)"
sales="$(token sales@demo.local)"
advisor="$(token service@demo.local)"
site="$(sed -nE 's/.*"BusiestSite": "([^"]+)".*/\1/p' "$work/data/scale.json")"
heavy="$(sed -nE 's/.*"HeavyCustomer": "([^"]+)".*/\1/p' "$work/data/scale.json")"
lane_day="$(date -d 'next wednesday' +%F)"

# Let the product's start-up jobs (parts planning over the upcoming visits, the watchdog) finish first: they are
# not what is measured here (tests/Dealership.Benchmarks measures them).
sleep "${SETTLE:-20}"

( while kill -0 "$app_pid" 2>/dev/null; do awk '/VmRSS/ { print $2 }' "/proc/$app_pid/status" >>"$work/rss" 2>/dev/null || true; sleep 1; done ) &
pids+=("$!")

# run NAME KIND WHAT TOKEN: wrk against the product then the baseline; prints one row.
declare -A offsets
measure() { # url kind what token offset seconds -> RESULT line
  wrk -t"$threads" -c"$connections" -d"$6s" --timeout 10s -s "$root/tests/load/bench.lua" "$1" -- "$4" "$site" "$2" "$3" "$5" "$threads" | grep '^RESULT'
}
# The baseline runs while the product is paused (SIGSTOP), once the product has finished what its writes set off
# (dispatcher and planner runs): otherwise those jobs share the cores and the file's write lock with the baseline.
# After 120 s it is paused anyway; a product still busy then may hold the lock, and the baseline's figure is low
# (a fast milestone run leaves thousands of messages to send: 30 s was too short for them in session 17).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
pause_product() {
  local before after i
  for i in $(seq 1 240); do
    before=$(cpu_ticks); sleep 0.5; after=$(cpu_ticks)
    [ $((after - before)) -le 2 ] && break
  done
  kill -STOP "$app_pid"
}
resume_product() { kill -CONT "$app_pid" || true; }
baseline_measure() { pause_product; measure "$@"; resume_product; }
row() {
  local name=$1 kind=$2 what_p=$3 what_b=$4 tok=$5 warm=$warmup
  local op=${offsets[$name.p]:-0} ob=${offsets[$name.b]:-0}
  [ "$kind" = get ] || warm=3
  # Warm both alike (JIT, caches, connection pools), then measure.
  read -r _ n _ <<<"$(measure "$product" "$kind" "$what_p" "$tok" "$op" "$warm")"; op=$((op + n))
  read -r _ n _ <<<"$(baseline_measure "$baseline" "$kind" "$what_b" "$tok" "$ob" "$warm")"; ob=$((ob + n))
  read -r _ pn prps pp50 pp99 perr psock <<<"$(measure "$product" "$kind" "$what_p" "$tok" "$op" "$duration")"
  read -r _ bn brps bp50 bp99 berr bsock <<<"$(baseline_measure "$baseline" "$kind" "$what_b" "$tok" "$ob" "$duration")"
  offsets[$name.p]=$((op + pn)); offsets[$name.b]=$((ob + bn))
  awk -v n="$name" -v pr="$prps" -v p5="$pp50" -v p9="$pp99" -v pe="$perr" -v br="$brps" -v b5="$bp50" -v b9="$bp99" -v be="$berr" -v ps="$psock" -v bs="$bsock" \
    'BEGIN { printf "%-10s %9.0f %8.1f %8.1f %6d | %9.0f %8.1f %8.1f %6d | %6.2fx %6.2fx\n", n, pr, p5, p9, pe + ps, br, b5, b9, be + bs, pr / br, p9 / b9 }' | tee -a "$work/table"
}

echo
echo "group scale, $connections connections, ${duration}s each after ${warmup}s warm (writes 3s), $(nproc) cores, $(date -u +%F)"
printf "%-10s %9s %8s %8s %6s | %9s %8s %8s %6s | %7s %7s\n" endpoint "rps" "p50 ms" "p99 ms" "errors" "base rps" "p50 ms" "p99 ms" "errors" "rps" "p99"
for e in "${endpoints[@]}"; do
  case "$e" in
    board) row board get /api/deliveries/board /api/deliveries/board "$manager" ;;
    search) row search get "/api/customers?search=smith&pageSize=25" "/api/customers?search=smith&pageSize=25" "$manager" ;;
    journey) row journey get "/api/customers/$heavy/journey?pageSize=25" "/api/customers/$heavy/journey?pageSize=25" "$manager" ;;
    lane) row lane get "/api/service/lane?date=$lane_day" "/api/service/lane?date=$lane_day" "$advisor" ;;
    shortages) row shortages get "/api/parts/shortages?pageSize=25" "/api/parts/shortages?pageSize=25" "$manager" ;;
    milestone) row milestone milestones "$work/data/milestones-product.txt" "$work/data/milestones-baseline.txt" "$sales" ;;
    booking) row booking bookings "$work/data/bookings-product.txt" "$work/data/bookings-baseline.txt" "$advisor" ;;
    *) echo "Unknown endpoint '$e'"; exit 2 ;;
  esac
done
echo "(rps and p99 ratios: product / baseline; errors: non-2xx answers and socket errors)"
echo "product start to /health/ready on this data: ${ready_ms} ms (${startup_line})"
awk '{ if ($1 > max) max = $1 } END { printf "product resident memory (RSS) at most during the run: %.0f MB\n", max / 1024 }' "$work/rss"
