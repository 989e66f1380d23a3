#!/usr/bin/env bash
# Load generator (not part of the test run) against ANY deployment of the API: real GraphQL requests over HTTP in
# the production mix (reachable from a building 60 %, from a point 15 %, a community's coverage 10 %, search and
# browse 15 %: places with a filter, the communities table, buildings with a filter). The documents are
# src/test/resources/load/*.graphql; the generator is cn.nantong.livingcircle.bench.LoadGenerator (test sources, run
# on the test classpath by scripts/run-bench-class.sh, in a JVM of its own with BENCH_HEAP, default 512m).
#
# Before sending anything it asks the target for its building ids (`buildings` pages), community ids, category codes
# and `dataset { extent }`, and draws origin points inside the extent within 250 m of a building entrance; nothing
# is read from local files. Request i of a seed is always the same request on the same data.
#
#   scripts/load.sh [--url URL] [--concurrency N] [--duration S] [--rate R] [--warmup S] [--seed N]
#                   [--points N] [--timeout S] [--summary FILE] [--api-key KEY]
#
#   --url          the GraphQL endpoint, or the base URL (/graphql is added)   default http://127.0.0.1:8080/graphql
#   --api-key      sent as Authorization: Bearer KEY; better from the environment: LOAD_API_KEY=nlc_... (keeps it
#                  out of the process list). Without a key the requests are anonymous and get the ANONYMOUS budget
#                  (README "Rate limits"): expect RATE_LIMITED (HTTP 429) above about 2 requests/s.
#   --rate         0 (default): closed model, --concurrency clients each sending its next request when the last is
#                  answered (measures the most the target serves). R > 0: open model, request i is due at
#                  start + i/R and its latency is counted from when it was due (no coordinated omission).
#   --concurrency  clients / most requests in flight                          default 4 closed, 64 open
#   --duration     measured seconds                                           default 60
#   --warmup       seconds sent first and not counted (other requests of the same seed)   default 10
#   --seed         the request sequence                                       default 1
#   --points       origin points drawn inside the extent                      default 500
#   --timeout      per-request timeout, seconds (a timeout counts as an error "IO HttpTimeoutException")  default 30
#   --summary      also write key=value lines (throughput, errors, p50_ms ...) to FILE (scripts/soak.sh reads them)
#
# Prints requests, throughput, errors by extensions.code and HTTP status (with an example of each), and latency
# p50/p90/p99/max overall and per kind of request (HdrHistogram, 3 significant digits).
#
# Examples:
#   scripts/load.sh --url http://127.0.0.1:8080 --concurrency 8 --duration 30
#   LOAD_API_KEY=nlc_... scripts/load.sh --url https://api.example.org/graphql --rate 50 --duration 600 --seed 7
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_HEAP="${BENCH_HEAP:-512m}" exec scripts/run-bench-class.sh cn.nantong.livingcircle.bench.LoadGenerator "$@"
