-- One endpoint under load, for bench.sh. Arguments (after --): token site kind what [offset]
--   kind "get":        what is the path to read
--   kind "milestones": what is a file of "orderId milestone" lines; each request records one
--   kind "bookings":   what is a file of "siteId customerId vehicleId advisorId startsAt" lines; each books one
-- Write lines are split between wrk's threads (each has its own Lua state, so their number comes as an argument) and
-- never reused, starting at offset (the lines earlier runs used); past the last line they wrap, and fail as repeats.
-- done() prints one line bench.sh reads: RESULT requests rps p50_ms p99_ms non2xx socket_errors
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  token, site, kind, what = args[1], args[2], args[3], args[4]
  offset, count = tonumber(args[5] or "0"), tonumber(args[6] or "1")
  headers = { ["Authorization"] = "Bearer " .. token, ["X-Site-Id"] = site, ["Content-Type"] = "application/json" }
  lines = {}
  if kind ~= "get" then
    for line in io.lines(what) do table.insert(lines, line) end
  end
  n = 0
end

local function words(line)
  local t = {}
  for w in line:gmatch("%S+") do table.insert(t, w) end
  return t
end

function request()
  if kind == "get" then
    return wrk.format("GET", what, headers)
  end
  local k = offset + (n * count) + id + 1
  n = n + 1
  local line = lines[((k - 1) % #lines) + 1]
  local w = words(line)
  if kind == "milestones" then
    return wrk.format("POST", "/api/orders/" .. w[1] .. "/milestones", headers, string.format('{"milestone":"%s"}', w[2]))
  end
  local h = { ["Authorization"] = headers["Authorization"], ["X-Site-Id"] = w[1], ["Content-Type"] = "application/json" }
  local body = string.format('{"customerId":"%s","vehicleId":"%s","concern":"Noise from the front left wheel","startsAt":"%s","advisorStaffId":"%s","walkIn":false}',
    w[2], w[3], w[5], w[4])
  return wrk.format("POST", "/api/service/appointments", h, body)
end

function done(summary, latency, requests)
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %.1f %.2f %.2f %d %d\n", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, socket))
end
