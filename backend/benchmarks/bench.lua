-- wrk script for `make bench`: one path, optional ETag, and per-request API tokens from a file
-- (each wrk thread walks its own stride of the list, so concurrent requests are distinct people).
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  path = os.getenv("BENCH_PATH")
  method = os.getenv("BENCH_METHOD") or "GET"
  etag = os.getenv("BENCH_ETAG")
  stride = tonumber(os.getenv("BENCH_THREADS") or "1")
  tokens = {}
  local file = os.getenv("BENCH_TOKENS")
  if file then
    for line in io.lines(file) do tokens[#tokens + 1] = line end
  end
  cursor = id
  statuses = {}
end

function request()
  local headers = {}
  if etag then headers["If-None-Match"] = etag end
  if #tokens > 0 then
    headers["Authorization"] = "Bearer " .. tokens[(cursor % #tokens) + 1]
    cursor = cursor + stride
  end
  return wrk.format(method, path, headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[tostring(status)] = (counts[tostring(status)] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(counts) do parts[#parts + 1] = string.format('"%s": %d', status, n) end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'BENCH-RESULT {"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p99_ms": %.2f, "socket_errors": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, table.concat(parts, ", ")))
end
