-- wrk load generator for POST /v1/inferences (the ingest benchmark).
--
-- Each event has 20 numeric features (f0..f19) and 2 segment tags (region, tier):
--   {"model_id":"bench","model_version":"v1","request_id":"t1-42","ts":"2026-11-22T10:00:00.123Z",
--    "y_pred_num":0.7312,"latency_ms":12.5,"features":{"f0":1.2345,...,"f19":-0.4021},
--    "segments":{"region":"eu","tier":"gold"}}
-- The rest of the event (everything after the request id) comes from a pool of pre-rendered
-- variants per thread; request ids are unique: "t<thread>-<counter>".
--
-- Configuration (environment variables; wrk passes the environment to every thread):
--   LOADGEN_BATCH   events per request: 1 = one JSON object, N > 1 = a JSON array of N (default 1)
--   LOADGEN_MODEL   the model_id of every event (default "bench"); use a fresh one per run
--   LOADGEN_WINDOW  seconds to send for (default: the whole wrk duration). When set, each
--                   connection stops starting requests after this many seconds and waits for
--                   its answers, so that no request is cut off by wrk's hard stop: run wrk with
--                   -d a few seconds longer than the window (the "drain" time).
--   LOADGEN_POOL    pre-rendered event variants per thread (default 1024)
--   LOADGEN_TS      "day" (default): each event is stamped at a random time of 2026-11-22, as
--                   a backfill of a day would be; "receipt": events carry no "ts" and the
--                   server stamps them on receipt, as a live model service's events are
--
-- Only 200 answers count as stored: events/s = (200 answers x batch) / seconds from the first
-- request to the last 200 answer. Every other status (429, 413, 5xx...) is counted per status
-- and reported, never as stored. done() prints one line:
--   LOADGEN_RESULT {"batch":..,"requests":..,"ok_requests":..,"non_2xx":..,"events_per_s":..,...}

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } loadgen_timespec;
  int clock_gettime(int clock_id, loadgen_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local ts_buf = ffi.new("loadgen_timespec")

-- Seconds on the monotonic clock (shared by all threads, so their times compare).
local function now()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts_buf)
  return tonumber(ts_buf.tv_sec) + tonumber(ts_buf.tv_nsec) * 1e-9
end

local BATCH = tonumber(os.getenv("LOADGEN_BATCH") or "1")
local MODEL = os.getenv("LOADGEN_MODEL") or "bench"
local WINDOW = tonumber(os.getenv("LOADGEN_WINDOW") or "")
local POOL = tonumber(os.getenv("LOADGEN_POOL") or "1024")
local TS = os.getenv("LOADGEN_TS") or "day"
assert(TS == "day" or TS == "receipt", "LOADGEN_TS must be day or receipt, not " .. TS)
local N_FEATURES = 20
local REGIONS = { "eu", "us", "apac", "latam" }
local TIERS = { "gold", "silver", "bronze" }

-- ------------------------------------------------------------------ main state: threads
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

-- ------------------------------------------------------------------ per-thread state
thread_id = 0
ok_requests = 0      -- 200 answers
accepted = 0         -- sum of "accepted" in 200 answers
duplicates = 0       -- sum of "duplicates" in 200 answers
statuses = {}        -- status code (as a string) -> count, every status but 200
t_first = nil        -- time of the first request
t_last = nil         -- time of the last 200 answer
sent_requests = 0

local head, tails, rid_prefix, counter, parts, deadline

-- A standard normal variate (Box-Muller).
local function normal()
  return math.sqrt(-2 * math.log(1 - math.random())) * math.cos(2 * math.pi * math.random())
end

-- Everything after the request id: timestamp, prediction, latency, 20 features, 2 segments.
local function render_tail()
  local f = {}
  for j = 0, N_FEATURES - 1 do
    -- feature j ~ Normal(mean j/4, sd 1 + j/10): different locations and scales per feature
    f[#f + 1] = string.format('"f%d":%.4f', j, j / 4 + (1 + j / 10) * normal())
  end
  local stamp = ""
  if TS == "day" then
    local sec = math.random(0, 86399)
    stamp = string.format('","ts":"2026-11-22T%02d:%02d:%02d.%03dZ',
      math.floor(sec / 3600), math.floor(sec / 60) % 60, sec % 60, math.random(0, 999))
  end
  return string.format(
    '%s","y_pred_num":%.4f,"latency_ms":%.2f,'
      .. '"features":{%s},"segments":{"region":"%s","tier":"%s"}}',
    stamp, math.random(), 2 + 20 * math.random(), table.concat(f, ","),
    REGIONS[math.random(#REGIONS)], TIERS[math.random(#TIERS)])
end

function init(args)
  math.randomseed(7919 * thread_id)
  head = string.format('{"model_id":"%s","model_version":"v1","request_id":"', MODEL)
  rid_prefix = string.format("t%d-", thread_id)
  tails = {}
  for i = 1, POOL do tails[i] = render_tail() end
  counter = 0
  parts = {}
end

-- One event: the shared head, a unique request id, a pooled tail.
local function event()
  counter = counter + 1
  return head .. rid_prefix .. counter .. tails[counter % POOL + 1]
end

local HEADERS = { ["Content-Type"] = "application/json" }

function request()
  if t_first == nil then
    t_first = now()
    if WINDOW then deadline = t_first + WINDOW end
  end
  sent_requests = sent_requests + 1
  local body
  if BATCH == 1 then
    body = event()
  else
    for i = 1, BATCH do parts[i] = event() end
    body = "[" .. table.concat(parts, ",") .. "]"
  end
  return wrk.format("POST", "/v1/inferences", HEADERS, body)
end

-- With a window: after the deadline a connection waits an hour before its next request
-- (longer than any run), so its last request is answered and no new one is started.
if WINDOW then
  function delay()
    if deadline and now() >= deadline then return 3600 * 1000 end
    return 0
  end
end

function response(status, headers, body)
  if status == 200 then
    ok_requests = ok_requests + 1
    t_last = now()
    local n = body and tonumber(body:match('"accepted"%s*:%s*(%d+)'))
    accepted = accepted + (n or 0)
    local d = body and tonumber(body:match('"duplicates"%s*:%s*(%d+)'))
    duplicates = duplicates + (d or 0)
  else
    local key = tostring(status)
    statuses[key] = (statuses[key] or 0) + 1
  end
end

-- ------------------------------------------------------------------ main state: report
local function json_value(v)
  if type(v) == "table" then
    local items = {}
    for k, x in pairs(v) do items[#items + 1] = string.format('"%s":%s', k, json_value(x)) end
    table.sort(items)
    return "{" .. table.concat(items, ",") .. "}"
  elseif type(v) == "string" then
    return '"' .. v .. '"'
  elseif v == nil then
    return "null"
  elseif v ~= v or v == math.huge or v == -math.huge then
    return "null"
  elseif v == math.floor(v) and math.abs(v) < 2 ^ 53 then
    return string.format("%d", v)
  end
  return string.format("%.6g", v)
end

function done(summary, latency, requests)
  local ok, acc, dup, sent, non200 = 0, 0, 0, 0, 0
  local codes = {}
  local first, last
  for _, t in ipairs(threads) do
    ok = ok + t:get("ok_requests")
    acc = acc + t:get("accepted")
    dup = dup + t:get("duplicates")
    sent = sent + t:get("sent_requests")
    for code, n in pairs(t:get("statuses")) do
      codes[code] = (codes[code] or 0) + n
      non200 = non200 + n
    end
    local tf, tl = t:get("t_first"), t:get("t_last")
    if tf and (first == nil or tf < first) then first = tf end
    if tl and (last == nil or tl > last) then last = tl end
  end
  -- Seconds from the first request to the last stored answer; without any 200 answer,
  -- wrk's own duration.
  local seconds = (first and last and last > first) and (last - first) or summary.duration / 1e6
  local non_2xx = 0
  for code, n in pairs(codes) do
    if tonumber(code) < 200 or tonumber(code) > 299 then non_2xx = non_2xx + n end
  end
  local e = summary.errors
  local result = {
    batch = BATCH,
    model_id = MODEL,
    threads = #threads,
    window_s = WINDOW,
    seconds = seconds,
    wrk_duration_s = summary.duration / 1e6,
    requests = summary.requests,          -- answers wrk completed, any status
    sent_requests = sent,                 -- requests generated (includes any cut off at the end)
    ok_requests = ok,                     -- 200 answers
    non_200 = non200,
    non_2xx = non_2xx,
    statuses = codes,                     -- every non-200 status with its count
    socket_errors = { connect = e.connect, read = e.read, write = e.write, timeout = e.timeout },
    acknowledged_events = acc,            -- sum of "accepted" in 200 answers
    duplicates = dup,
    events_per_s = ok * BATCH / seconds,
    requests_per_s = ok / seconds,
    bytes = summary.bytes,
    latency_ms = {
      mean = latency.mean / 1000,
      p50 = latency:percentile(50) / 1000,
      p90 = latency:percentile(90) / 1000,
      p99 = latency:percentile(99) / 1000,
      max = latency.max / 1000,
    },
  }
  io.write("LOADGEN_RESULT " .. json_value(result) .. "\n")
end
