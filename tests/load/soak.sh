#!/usr/bin/env bash
# Overload soak (long; by hand, not in CI): a mixed read and write workload above what the machine can serve,
# for DURATION seconds (default 600), against the published app on the embedded default with the demo data.
#
#   tests/load/soak.sh                      # ten minutes, 256 connections
#   DURATION=60 CONNECTIONS=128 tests/load/soak.sh
#
# It prints: requests by answer (2xx, 429, 4xx, 5xx), 429s without a Retry-After, the latency wrk saw, the
# latency a well-behaved colleague sees meanwhile (one request a second, as a different person), and the web
# process's resident memory over time. It exits non-zero on any 5xx (a 503 with Retry-After from a full read queue,
# ADR 0030, is counted apart as "busy" and is not a failure), any 429 without Retry-After, or a 429 missing
# altogether (the load never reached the per-caller limit, so nothing was shown).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
duration="${DURATION:-600}"
connections="${CONNECTIONS:-256}"
threads="${THREADS:-2}"
work="$(mktemp -d /tmp/dealership-soak.XXXXXX)"
port="${PORT:-5099}"
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian)..."
  { apt-get update -q && apt-get install -y -q wrk; } || { sudo -n apt-get update -q && sudo -n apt-get install -y -q wrk; }
fi

echo "Publishing the app (Release) to $work/app..."
dotnet publish "$root/src/Dealership.Web" -c Release -o "$work/app" -v quiet -nologo >/dev/null

echo "Starting it on $base (embedded default, demo data in $work/data)..."
cd "$work/app"
ASPNETCORE_ENVIRONMENT=Development DEALERSHIP_DATA_DIR="$work/data" Logging__LogLevel__Default=Warning ASPNETCORE_URLS="$base" \
  dotnet Dealership.Web.dll >"$work/app.log" 2>&1 &
pid=$!
cd "$root"
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$base/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$base/health/ready" >/dev/null || { echo "The app did not become ready:"; tail -20 "$work/app.log"; exit 1; }

token() {
  curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"Demo!2026\"}" "$base/api/auth/token" |
    sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
sales="$(token sales@demo.local)"
manager="$(token manager@demo.local)"
advisor="$(token service@demo.local)"
colleague="$(token parts@demo.local)"

cat >"$work/mixed.lua" <<LUA
-- Three callers hammering reads and writes; every answer is counted, and a 429 must say when to come back.
-- Each caller reads only what their role may (a 403 would only blur the counts).
local callers = {
  { token = "$manager", paths = { "/api/deliveries/board", "/api/customers?search=smith", "/api/service/lane", "/api/orders", "/api/parts/shortages" } },
  { token = "$sales", paths = { "/api/deliveries/board", "/api/customers?search=smith", "/api/orders" } },
  { token = "$advisor", paths = { "/api/service/lane", "/api/customers?search=smith", "/api/parts/shortages" } },
}
local counters = {}
local threads = {}
local n = 0
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  ok, limited, missing, client, server, busy = 0, 0, 0, 0, 0, 0
end
function request()
  n = n + 1
  local caller = callers[(n % #callers) + 1]
  local headers = { ["Authorization"] = "Bearer " .. caller.token, ["Content-Type"] = "application/json" }
  if n % 10 == 0 then
    local body = string.format('{"firstName":"Soak","lastName":"Load%d%d","email":"soak.%d.%d.%d@example.com","preferredChannel":"email","emailConsent":true}', id, n, id, n, math.random(1, 1000000000))
    return wrk.format("POST", "/api/customers", headers, body)
  end
  return wrk.format("GET", caller.paths[(math.floor(n / #callers) % #caller.paths) + 1], headers)
end
function response(status, headers, body)
  if status == 429 then
    limited = limited + 1
    if headers["Retry-After"] == nil then missing = missing + 1 end
  elseif status == 503 and headers["Retry-After"] ~= nil then busy = busy + 1
  elseif status >= 500 then server = server + 1
  elseif status >= 400 then client = client + 1
  else ok = ok + 1 end
end
function done(summary, latency, requests)
  local t = { ok = 0, limited = 0, missing = 0, client = 0, server = 0, busy = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
  end
  io.write(string.format("answers: %d 2xx, %d 429, %d other 4xx, %d 503 busy with Retry-After, %d other 5xx; 429 without Retry-After: %d\n", t.ok, t.limited, t.client, t.busy, t.server, t.missing))
  io.write(string.format("wrk latency (all answers): p50 %.1f ms, p99 %.1f ms, max %.1f ms; %.0f requests/s\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.requests / (summary.duration / 1e6)))
  local f = io.open("$work/counts", "w")
  f:write(string.format("%d %d %d %d %d\n", t.ok, t.limited, t.client, t.server, t.missing))
  f:close()
end
LUA

# Memory, every ten seconds; and a colleague's experience, one request a second, as a caller not in the crowd.
( while kill -0 "$pid" 2>/dev/null; do
    awk '/VmRSS/ { print $2 }' "/proc/$pid/status" >>"$work/rss" 2>/dev/null || true
    sleep 10
  done ) &
sampler=$!
trap 'kill "$pid" "$sampler" 2>/dev/null || true' EXIT
( end=$((SECONDS + duration))
  while [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $colleague" "$base/api/parts?search=filter" >>"$work/colleague" || true
    sleep 1
  done ) &
prober=$!
trap 'kill "$pid" "$sampler" "$prober" 2>/dev/null || true' EXIT

echo "Soaking for ${duration}s with $connections connections..."
wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 30s -s "$work/mixed.lua" "$base" | tee "$work/wrk.out"
wait "$prober" || true
kill "$sampler" 2>/dev/null || true

read -r ok limited client server missing <"$work/counts"
sort -n -k2 "$work/colleague" | awk '{ t[NR] = $2 * 1000; if ($1 != 200) bad++ } END {
  printf "a colleague meanwhile: %d requests, %d not 200, p50 %.1f ms, p99 %.1f ms\n", NR, bad, t[int(NR * 0.5) + 1], t[int(NR * 0.99) + 1] }'
awk 'NR == 1 { first = $1 } { if ($1 > max) max = $1; last = $1 } END {
  printf "web process memory (RSS): start %.0f MB, max %.0f MB, end %.0f MB\n", first / 1024, max / 1024, last / 1024 }' "$work/rss"

status=0
[ "$server" -eq 0 ] || { echo "FAIL: $server answers were 5xx"; status=1; }
[ "$missing" -eq 0 ] || { echo "FAIL: $missing 429s had no Retry-After"; status=1; }
[ "$limited" -gt 0 ] || { echo "FAIL: the load never reached the per-caller limit (no 429): raise CONNECTIONS"; status=1; }
[ $status -eq 0 ] && echo "soak passed: no 5xx but the busy 503s counted above, every 429 said when to come back"
exit $status
