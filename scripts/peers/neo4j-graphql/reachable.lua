-- wrk script of scripts/bench-neo4j-graphql.sh: POSTs GraphQL reachable queries, one building id after the other
-- from a file (one id a line), cycling, the same sequence for both servers.
--
--   wrk -t1 -c8 -d25s --timeout 10s -s reachable.lua http://127.0.0.1:PORT/graphql -- IDS_FILE ours|theirs [LABEL]
--
-- "ours": reachable(from: {buildingId}, minutes: 15, first: 50) { edges { node { ... } } } of the API;
-- "theirs": reachable(buildingId, minutes: 15, first: 50) { ... } of the Neo4j GraphQL Library peer.
-- The selection is the same: walkMeters walkMinutes place { id name category { code } location { lat lon } }.
-- A response counts as bad when its status is not 200 or its body has an "errors" member or no "data" member.
-- done() prints one line "RESULT {json}" with requests, seconds, requests/s, latency percentiles (ms) and errors.

local selection = "walkMeters walkMinutes place { id name category { code } location { lat lon } }"
local documents = {
  ours = "query Reach($b: ID!) { reachable(from: {buildingId: $b}, minutes: 15, first: 50) { edges { node { "
    .. selection .. " } } } }",
  theirs = "query Reach($b: ID!) { reachable(buildingId: $b, minutes: 15, first: 50) { " .. selection .. " } }",
}

local threads = {}
local counter = 1

function setup(thread)
  thread:set("thread_index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local requests = {}
local next_request = 0
responses = 0
bad = 0
first_bad = ""
label = ""

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return string.format("\\u%04x", c:byte())
  end) .. '"'
end

function init(args)
  local file, server = args[1], args[2]
  label = args[3] or server
  local document = documents[server]
  if not file or not document then
    error("usage: -- IDS_FILE ours|theirs [LABEL]")
  end
  local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
  for id in io.lines(file) do
    if id ~= "" then
      local body = '{"query":' .. json_string(document) .. ',"variables":{"b":' .. json_string(id) .. '}}'
      requests[#requests + 1] = wrk.format("POST", wrk.path, headers, body)
    end
  end
  if #requests == 0 then
    error("no ids in " .. file)
  end
  -- with several wrk threads each would start at a different point of the sequence; the script runs with -t1
  next_request = ((thread_index or 1) - 1) % #requests
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function response(status, headers, body)
  responses = responses + 1
  if status ~= 200 or body:find('"errors"', 1, true) or not body:find('"data"', 1, true) then
    bad = bad + 1
    if first_bad == "" then
      first_bad = status .. " " .. body:sub(1, 300)
    end
  end
end

function done(summary, latency, _)
  local bad_total, example = 0, ""
  local name = threads[1] and threads[1]:get("label") or ""
  for _, thread in ipairs(threads) do
    bad_total = bad_total + (thread:get("bad") or 0)
    local b = thread:get("first_bad")
    if example == "" and b and b ~= "" then
      example = b
    end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'RESULT {"label":%s,"requests":%d,"seconds":%.3f,"rps":%.2f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,'
      .. '"max_ms":%.3f,"mean_ms":%.3f,"bad":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,'
      .. '"status_errors":%d,"timeouts":%d,"first_bad":%s}\n',
    json_string(name), summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000, bad_total, e.connect, e.read, e.write, e.status, e.timeout,
    json_string(example)))
end
