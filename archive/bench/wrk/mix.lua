-- wrk script for the load benchmark (archive/bench/load.py): every connection walks the
-- fixed URL list from its own starting point; done() prints one JSON line with counts,
-- latency percentiles (microseconds) and errors. WRK_PAUSE_MS: each connection waits this
-- long after a response before its next request (a paced load, not as fast as it can).
local paths = {}
local pause = tonumber(os.getenv("WRK_PAUSE_MS") or "")
if pause and pause > 0 then
  function delay() return pause end
end
local counter = 0
local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  local file = io.open(os.getenv("WRK_URLS"), "r")
  for line in file:lines() do
    if #line > 0 then table.insert(paths, line) end
  end
  file:close()
  position = ((id or 1) * 7919) % #paths
  statuses = {}
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local codes = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    if s then for code, n in pairs(s) do codes[code] = (codes[code] or 0) + n end end
  end
  local parts = {}
  for code, n in pairs(codes) do table.insert(parts, string.format('"%d": %d', code, n)) end
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, "p99": %d, "max": %d, ' ..
    '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, "codes": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout, table.concat(parts, ", ")))
end
