-- wrk script: single-observation vitals POSTs with bearer auth and a unique Idempotency-Key per request.
-- Env: TOKEN (bearer), SESSION (session id). Run by run.sh; every run is bounded by wrk's -d duration.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = tid
  wrk.method = "POST"
  wrk.path = "/api/v1/sessions/" .. os.getenv("SESSION") .. "/vitals"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"systolic":122,"diastolic":78,"heartRate":71,"spO2":98,"respiratoryRate":14}'
end

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = "bench-" .. os.time() .. "-" .. thread_id .. "-" .. counter
  return wrk.format()
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("non-2xx/3xx: %d, errors: connect %d read %d write %d timeout %d\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
