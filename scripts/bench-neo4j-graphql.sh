#!/usr/bin/env bash
# Benchmark (not part of the test run): our `reachable(from: {buildingId}, minutes: 15, first: 50)` against the
# Neo4j GraphQL Library (@neo4j/graphql 7 on Apollo Server, scripts/peers/neo4j-graphql/) serving the same answer
# as an @cypher field from THE SAME Neo4j database: the embedded Neo4j of our app, reached over Bolt. Writes
# target/bench/neo4j-graphql.md (raw wrk output and the runs file in target/bench/neo4j-graphql/).
#
#   scripts/bench-neo4j-graphql.sh                       # the full run: about 11 minutes on 2 cores
#   NGQL_SECONDS=5 NGQL_REPS=1 NGQL_WARMUP_SECONDS=10 scripts/bench-neo4j-graphql.sh    # a short trial
#
# Steps:
#  1. ./mvnw package -DskipTests (NGQL_SKIP_BUILD=1 skips it); wrk from Debian (apt-get install wrk) when missing;
#     the peer's pinned packages (package.json, package-lock.json) with `npm ci` into target/bench/neo4j-graphql/peer.
#  2. The app: java -Xms$NGQL_HEAP -Xmx$NGQL_HEAP (1g) -XX:+UseG1GC -XX:ActiveProcessorCount=$BENCH_CPUS (2) -jar,
#     a fresh embedded database in target/bench/neo4j-graphql/neo4j (the demo data is imported on the first start),
#     free ports for HTTP, management and Bolt, a random Bolt password (CIRCLE_BOLT_PASSWORD, in the environment,
#     not on the command line), the anonymous budget raised to 1,000,000,000 points (as scripts/city-server.sh does)
#     so the rate limiter is not measured; ready when /readyz answers 200.
#  3. The peer: node server.mjs with NEO4J_URI=bolt://127.0.0.1:<that Bolt port> and the same password,
#     NODE_ENV=production, $NGQL_NODE_WORKERS (1) processes.
#  4. The request sequence: $NGQL_REQUESTS (20000) building ids drawn from neo4j/data/nantong-demo/buildings.csv
#     with seed $NGQL_SEED (15) (ids.mjs); every wrk run of either server starts at its first id.
#  5. Agreement before any timing (verify.mjs): for the first $NGQL_VERIFY_BUILDINGS (100) distinct ids of the
#     sequence both servers must return the same places in the same order with the same walkMeters, walkMinutes,
#     name, category code and location; the script stops with exit code 1 otherwise.
#  6. Warm-up, not counted: $NGQL_WARMUP_SECONDS (60) s at $NGQL_WARMUP_CLIENTS (8) clients for each server (the
#     JIT of the JVM and of V8, Neo4j planning both statements once).
#  7. For each concurrency of $NGQL_CLIENTS ("1 8 32"): $NGQL_PRIME_SECONDS (5) s per server not counted (connection
#     pools grow), then $NGQL_REPS (3) repetitions of $NGQL_SECONDS (25) s per server, the servers taking turns
#     (which goes first alternates). wrk -t1 -c<clients> --timeout 10s, closed model, keep-alive
#     (scripts/peers/neo4j-graphql/reachable.lua: POST /graphql, JSON body, a response with a status other than
#     200 or with "errors" counts as an error).
#  8. The report (report.mjs): machine, versions, date, commit, per concurrency the median requests/s (min-max over
#     the repetitions), p50 and p99 of both and the ratio ours/theirs, the goals of the comparison (ours >= 2x the
#     library's requests/s at 8 and 32 clients, >= 1.5x at 1 client, our p99 <= 15 ms at 8 clients), the warm-up
#     and every run. Exit code 0 when the runs completed without errors (a missed goal is reported, not an exit 1).
# Client, both servers and the database share this machine's cores (2 here): the figures include wrk's CPU, and
# while one server is measured the other sits idle.
set -euo pipefail
cd "$(dirname "$0")/.."

NGQL_SECONDS="${NGQL_SECONDS:-25}"
NGQL_REPS="${NGQL_REPS:-3}"
NGQL_CLIENTS="${NGQL_CLIENTS:-1 8 32}"
NGQL_WARMUP_SECONDS="${NGQL_WARMUP_SECONDS:-60}"
NGQL_WARMUP_CLIENTS="${NGQL_WARMUP_CLIENTS:-8}"
NGQL_PRIME_SECONDS="${NGQL_PRIME_SECONDS:-5}"
NGQL_VERIFY_BUILDINGS="${NGQL_VERIFY_BUILDINGS:-100}"
NGQL_SEED="${NGQL_SEED:-15}"
NGQL_REQUESTS="${NGQL_REQUESTS:-20000}"
NGQL_HEAP="${NGQL_HEAP:-1g}"
NGQL_NODE_WORKERS="${NGQL_NODE_WORKERS:-1}"
CPUS="${BENCH_CPUS:-2}"

started="$(date +%s)"
dir=target/bench/neo4j-graphql
peer_src=scripts/peers/neo4j-graphql
peer="$dir/peer"
jar=target/living-circle-api-0.1.0-SNAPSHOT.jar
runs="$dir/runs.jsonl"
report=target/bench/neo4j-graphql.md

if [[ "${NGQL_SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building the jar"
  ./mvnw -q -o -DskipTests package || ./mvnw -q -DskipTests package
fi
[[ -f "$jar" ]] || { echo "no $jar: build it first (./mvnw -DskipTests package)" >&2; exit 1; }

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (Debian package)"
  if [[ "$(id -u)" == 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  fi
fi

rm -rf "$dir/neo4j" "$dir"/*.txt "$runs"
mkdir -p "$peer"
echo "== the peer's packages (npm ci into $peer)"
cp "$peer_src"/*.mjs "$peer_src"/*.lua "$peer/"
if ! cmp -s "$peer_src/package-lock.json" "$peer/package-lock.json" || [[ ! -d "$peer/node_modules" ]]; then
  cp "$peer_src/package.json" "$peer_src/package-lock.json" "$peer/"
  (cd "$peer" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
http_port="$(free_port)"
management_port="$(free_port)"
bolt_port="$(free_port)"
peer_port="$(free_port)"
bolt_password="bench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' | head -c 32)"
ours="http://127.0.0.1:$http_port/graphql"
theirs="http://127.0.0.1:$peer_port/graphql"
java_opts=(-Xms"$NGQL_HEAP" -Xmx"$NGQL_HEAP" -XX:+UseG1GC -XX:ActiveProcessorCount="$CPUS")

app=""
node_pid=""
cleanup() {
  [[ -n "$node_pid" ]] && { kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; }
  [[ -n "$app" ]] && { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }
}
trap cleanup EXIT

echo "== starting the app on port $http_port, Bolt on 127.0.0.1:$bolt_port (log $dir/app.log)"
CIRCLE_BOLT_PASSWORD="$bolt_password" java "${java_opts[@]}" -jar "$jar" \
  --server.port="$http_port" --management.server.port="$management_port" \
  --circle.embedded.data-dir="$PWD/$dir/neo4j" --circle.embedded.bolt-port="$bolt_port" \
  --circle.rate-limit.anonymous-points-per-window=1000000000 --circle.rate-limit.anonymous-burst-points=1000000000 \
  >"$dir/app.log" 2>&1 &
app=$!
app_start="$(date +%s)"
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http_port/readyz")" == 200 ]]; do
  kill -0 "$app" 2>/dev/null || { echo "the app stopped; see $dir/app.log" >&2; exit 1; }
  (( $(date +%s) - app_start < 600 )) || { echo "not ready after 600 s; see $dir/app.log" >&2; exit 1; }
  sleep 0.5
done
echo "   ready after $(( $(date +%s) - app_start )) s"

echo "== starting the Neo4j GraphQL Library on port $peer_port (log $dir/peer.log)"
NODE_ENV=production NEO4J_URI="bolt://127.0.0.1:$bolt_port" NEO4J_USERNAME=neo4j NEO4J_PASSWORD="$bolt_password" \
  PORT="$peer_port" NODE_WORKERS="$NGQL_NODE_WORKERS" node "$peer/server.mjs" >"$dir/peer.log" 2>&1 &
node_pid=$!
for _ in $(seq 1 120); do
  grep -q '^ready' "$dir/peer.log" && break
  kill -0 "$node_pid" 2>/dev/null || { echo "the peer stopped; see $dir/peer.log" >&2; exit 1; }
  sleep 0.5
done
grep -q '^ready' "$dir/peer.log" || { echo "the peer is not ready after 60 s; see $dir/peer.log" >&2; exit 1; }

ids="$dir/ids.txt"
ids_summary="$(node "$peer/ids.mjs" neo4j/data/nantong-demo/buildings.csv "$NGQL_SEED" "$NGQL_REQUESTS" 2>&1 >"$ids")"
echo "== request sequence: $ids_summary"

echo "== agreement on $NGQL_VERIFY_BUILDINGS buildings"
verify_out="$(node "$peer/verify.mjs" "$ours" "$theirs" "$ids" "$NGQL_VERIFY_BUILDINGS" 2>&1)" || {
  echo "$verify_out" >&2
  echo "the two servers disagree (or failed): nothing timed" >&2
  exit 1
}
echo "$verify_out" | tee "$dir/verify.txt"
verify_json="$(grep '^VERIFY ' <<<"$verify_out" | sed 's/^VERIFY //')"

url_of() { [[ "$1" == ours ]] && echo "$ours" || echo "$theirs"; }
# run_wrk SERVER PHASE CLIENTS SECONDS REP: one wrk run, its RESULT line appended to the runs file
run_wrk() {
  local server="$1" phase="$2" clients="$3" seconds="$4" rep="$5" raw line
  raw="$dir/wrk-$phase-$server-c$clients-r$rep.txt"
  wrk -t1 -c"$clients" -d"${seconds}s" --timeout 10s -s "$peer/reachable.lua" "$(url_of "$server")" \
    -- "$ids" "$server" >"$raw" 2>&1 || { cat "$raw" >&2; echo "wrk failed" >&2; exit 1; }
  line="$(grep '^RESULT ' "$raw" | sed 's/^RESULT //')"
  [[ -n "$line" ]] || { cat "$raw" >&2; echo "no RESULT line from wrk" >&2; exit 1; }
  [[ "$phase" == prime ]] && return 0
  echo "{\"server\":\"$server\",\"phase\":\"$phase\",\"clients\":$clients,\"rep\":$rep,${line#\{}" >>"$runs"
  node -e 'const r = JSON.parse(process.argv[1]); const e = r.bad + r.connect_errors + r.read_errors + r.write_errors + r.timeouts;
    console.log(`   ${process.argv[2].padEnd(6)} ${String(r.rps.toFixed(1)).padStart(7)} requests/s  p50 ${r.p50_ms.toFixed(2)} ms  p99 ${r.p99_ms.toFixed(2)} ms  errors ${e}`)' \
    "$line" "$server"
}

echo "== warm-up: ${NGQL_WARMUP_SECONDS} s at $NGQL_WARMUP_CLIENTS clients each"
run_wrk ours warmup "$NGQL_WARMUP_CLIENTS" "$NGQL_WARMUP_SECONDS" 0
run_wrk theirs warmup "$NGQL_WARMUP_CLIENTS" "$NGQL_WARMUP_SECONDS" 0

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
for c in $NGQL_CLIENTS; do
  echo "== $c clients: ${NGQL_PRIME_SECONDS} s not counted each, then $NGQL_REPS x ${NGQL_SECONDS} s"
  run_wrk ours prime "$c" "$NGQL_PRIME_SECONDS" 0
  run_wrk theirs prime "$c" "$NGQL_PRIME_SECONDS" 0
  for rep in $(seq 1 "$NGQL_REPS"); do
    if (( rep % 2 == 1 )); then order=(ours theirs); else order=(theirs ours); fi
    for server in "${order[@]}"; do run_wrk "$server" measure "$c" "$NGQL_SECONDS" "$rep"; done
  done
done
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
kill -0 "$app" 2>/dev/null || { echo "the app died during the runs; see $dir/app.log" >&2; exit 1; }
kill -0 "$node_pid" 2>/dev/null || { echo "the peer died during the runs; see $dir/peer.log" >&2; exit 1; }

version_of() { node -p "require('./$peer/node_modules/$1/package.json').version"; }
elapsed=$(( $(date +%s) - started ))
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml "$peer_src" 2>/dev/null || echo ' +local changes')"
NGQL_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')" NGQL_COMMIT="$commit" NGQL_ELAPSED="$((elapsed / 60)) min $((elapsed % 60)) s" \
NGQL_NPROC="$(nproc)" NGQL_CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" \
NGQL_JAVA="$(java -version 2>&1 | head -1)" NGQL_NODE="$(node -v)" NGQL_WRK="$(wrk -v 2>&1 | head -1 | sed 's/ Copyright.*//')" \
NGQL_LOAD_START="$load_start" NGQL_LOAD_END="$load_end" NGQL_JAVA_OPTS="java ${java_opts[*]} -jar" \
NGQL_NEO4J="$(grep -o '<neo4j-embedded.version>[^<]*' pom.xml | cut -d'>' -f2)" \
NGQL_LIB="$(version_of @neo4j/graphql)" NGQL_APOLLO="$(version_of @apollo/server)" \
NGQL_GRAPHQL="$(version_of graphql)" NGQL_DRIVER="$(version_of neo4j-driver)" NGQL_NODE_WORKERS="$NGQL_NODE_WORKERS" \
NGQL_IDS_SUMMARY="$ids_summary" NGQL_VERIFY_JSON="$verify_json" \
NGQL_WARMUP_SECONDS="$NGQL_WARMUP_SECONDS" NGQL_WARMUP_CLIENTS="$NGQL_WARMUP_CLIENTS" \
NGQL_PRIME_SECONDS="$NGQL_PRIME_SECONDS" NGQL_REPS="$NGQL_REPS" NGQL_SECONDS="$NGQL_SECONDS" \
  node "$peer/report.mjs" "$runs" >"$report"
echo "== $report"
cat "$report"
# errors in the timed runs make the run void
node -e 'const fs = require("fs"); const bad = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse)
  .filter((r) => r.bad + r.connect_errors + r.read_errors + r.write_errors + r.timeouts > 0);
  if (bad.length) { console.error(`${bad.length} runs had errors`); process.exit(1); }' "$runs"
