-- GET /customers/{id} (or PREFIX/customers/{id}) for ids read from the file named in IDS_FILE.
local ids = {}
local prefix = os.getenv("PATH_PREFIX") or ""
local auth = os.getenv("AUTH_HEADER")
-- DELAY_MS: pause per connection before each request, for a fixed-rate load (rate ~= connections * 1000 / DELAY_MS)
-- instead of a saturating one. Unset or 0: as fast as possible.
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0") or 0

function init(args)
  for line in io.lines(os.getenv("IDS_FILE")) do
    ids[#ids + 1] = line
  end
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8)) or 0))
end

function request()
  local headers = {}
  if auth and auth ~= "" then
    local name, value = auth:match("^([^:]+):%s*(.*)$")
    headers[name] = value
  end
  return wrk.format("GET", prefix .. "/customers/" .. ids[math.random(#ids)], headers)
end

if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx_or_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
