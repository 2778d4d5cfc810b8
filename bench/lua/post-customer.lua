-- POST /customers with a unique e-mail per request (thread number + counter + run id).
-- setup() runs in the main Lua state; thread:set() makes `tid` a global of that thread's state.
local counter = 0
local run = os.time()
local started = 0

function setup(thread)
  started = started + 1
  thread:set("tid", started)
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"firstName":"Post%d","lastName":"Bench","email":"post-%d-%d-%d@example.com","company":"Bench Co","acquisitionChannel":"web-form"}',
    counter, run, tid or 0, counter)
  local headers = { ["Content-Type"] = "application/json" }
  -- AUTH_HEADER ("Authorization: Bearer ..."): services answer only the gateway's identity token.
  local auth = os.getenv("AUTH_HEADER")
  if auth and auth ~= "" then
    local name, value = auth:match("^([^:]+):%s*(.*)$")
    headers[name] = value
  end
  return wrk.format("POST", "/customers", headers, body)
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx_or_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
