#!/usr/bin/env bash
# Every bulk download of the city-scale dataset (not part of the test run): serves target/city-db (made by
# scripts/bench-city.sh) with a fixed heap (SERVE_HEAP, default 1g) and streams each file of `dataset { downloads }`
# with curl to /dev/null, once, while a side loop takes a class histogram of the server (jcmd GC.class_histogram:
# a full collection, then the size of every live object, at one safepoint) 0.3 s after the start and then every
# SAMPLE_INTERVAL seconds (default 5). The largest total less the live heap just before the fetch is what the
# download keeps alive. The time is that of the sampled fetch: each histogram stops the server for about a second. Prints a Markdown table
# and writes it to target/city-downloads.md.
#   scripts/bench-city-downloads.sh
set -euo pipefail
cd "$(dirname "$0")/.."
serve_heap="${SERVE_HEAP:-1g}"
interval="${SAMPLE_INTERVAL:-5}"
source scripts/city-server.sh
city_classpath
start_city_server "$serve_heap" target/city-downloads-serve.log
sampler=
trap 'kill $pid ${sampler:-} 2>/dev/null || true' EXIT

dataset=$(curl -s "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' -d '{"query":"{ dataset { buildingCount outletCount facilityCount walkwayCount walkingEdgeCount downloads { name points } } }"}')
idle=$(live_objects_kb "$pid")
out=target/city-downloads.md
{
  echo "City-scale downloads on $(nproc) cores, $(java -version 2>&1 | head -1), -Xmx$serve_heap G1, $(date -u +%F), commit $(git rev-parse --short HEAD)"
  echo
  echo "$dataset" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]["dataset"]; print("(dataset: {:,} buildings, {:,} places, {:,} walkways, {:,} walking edges)".format(d["buildingCount"], d["outletCount"]+d["facilityCount"], d["walkwayCount"], d["walkingEdgeCount"]))'
  echo
  echo "| file | bytes | time (sampled) | MB/s | live objects above idle (max of the samples) | price, points |"
  echo "|---|---:|---:|---:|---:|---:|"
} | tee "$out"
echo "$dataset" | python3 -c 'import json,sys; [print(f["name"], f["points"]) for f in json.load(sys.stdin)["data"]["dataset"]["downloads"]]' |
while read -r name points; do
  url="http://127.0.0.1:$port/downloads/$name"
  idle_before=$(live_objects_kb "$pid")
  samples_file=$(mktemp)
  ( sleep 0.3; while true; do live_objects_kb "$pid" >> "$samples_file"; sleep "$interval"; done ) &
  sampler=$!
  read -r code bytes seconds < <(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' "$url")
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  sampler=
  [ "$code" = 200 ] || { echo "$name: HTTP $code" >&2; exit 1; }
  max=$(sort -n "$samples_file" | tail -1)
  samples=$(wc -l < "$samples_file")
  rm -f "$samples_file"
  python3 -c "import sys; n,b,s,m,i,k,p=sys.argv[1:]; b=int(b); s=float(s); a=max(0, int(m) - int(i)) / 1024; print(f'| {n} | {b:,} | {s*1000:,.0f} ms | {b/1e6/s:.1f} | {a:.1f} MB ({k} samples) | {int(p):,} |')" \
    "$name" "$bytes" "$seconds" "${max:-0}" "$idle_before" "$samples" "$points" | tee -a "$out"
done
echo "(idle live heap after GC: $(( idle / 1024 )) MB; now $(( $(live_objects_kb "$pid") / 1024 )) MB; every download completed in full with -Xmx$serve_heap)" | tee -a "$out"
