-- Request shape for wrk, from the environment (set by bench/lib/wrk.ts):
--   BENCH_METHOD, BENCH_BODY, BENCH_HEADERS ("Name: value" lines), BENCH_PATH (may contain {id}),
--   BENCH_ID_MAX ({id} becomes a random integer in 1..BENCH_ID_MAX on every request),
--   BENCH_DELAY_MS (when > 0, each connection waits that long before each request: a paced, unsaturated load;
--   wrk starts a request's latency clock when it writes it, so the wait is not counted).
-- done() prints one JSON line prefixed with WRK_RESULT so the runner never scrapes wrk's human output.
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local path = os.getenv("BENCH_PATH") or "/"
local id_max = tonumber(os.getenv("BENCH_ID_MAX") or "1")
local templated = string.find(path, "{id}", 1, true) ~= nil
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")

wrk.method = method
if body and #body > 0 then wrk.body = body end
for line in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^\n]+") do
  local name, value = string.match(line, "^([^:]+):%s*(.*)$")
  if name then wrk.headers[name] = value end
end

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(os.time() + (seed or 0))
end

function request()
  if templated then
    local p = string.gsub(path, "{id}", tostring(math.random(1, id_max)))
    return wrk.format(nil, p)
  end
  return wrk.format(nil, path)
end

if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"durationUs":%d,"bytes":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"non2xx":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"meanUs":%f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean))
end
