#!/usr/bin/env bash
# Start-up time of the API on 2 processors: from launching the JVM (classes built, the classpath that
# `./mvnw spring-boot:run` uses) to /readyz answering 200, cold (a new embedded database: migrations and the demo
# import) and warm (the same database again). Writes target/startup.md. Not part of the test run.
#   scripts/bench-startup.sh [REPETITIONS]      # default 3
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/city-server.sh
reps="${1:-3}"
city_classpath > /dev/null

# "wall cpu": the seconds from launch to /readyz 200 of one start on data directory $1, and the CPU seconds the JVM
# used until then (less sensitive to a busy host than wall time); the server is stopped afterwards
start_once() {
  local dir="$1" log="$2"
  local port start pid
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  start=$(date +%s.%N)
  java -Xmx1g -XX:+UseG1GC -XX:ActiveProcessorCount=2 -cp "$cp" cn.nantong.livingcircle.LivingCircleApplication \
    --circle.embedded.data-dir="$dir" --circle.embedded.bolt-port=0 --management.server.port=0 \
    --server.port="$port" > "$log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the API did not start: $log" >&2; exit 1; }
    sleep 0.2
  done
  local wall cpu
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  cpu=$(awk '{print ($14 + $15) / 100}' "/proc/$pid/stat")
  echo "$wall $cpu"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

cold=()
warm=()
cold_cpu=()
warm_cpu=()
for i in $(seq 1 "$reps"); do
  dir=$(mktemp -d target/startup-db-XXXX)
  read -r w c < <(start_once "$dir" "target/startup-cold-$i.log")
  cold+=("$w"); cold_cpu+=("$c")
  read -r w c < <(start_once "$dir" "target/startup-warm-$i.log")
  warm+=("$w"); warm_cpu+=("$c")
  rm -rf "$dir"
done
# what the application itself reports (Spring's "Started ... in N seconds") and the longest phases of the last runs
spring_cold=$(grep -o 'Started LivingCircleApplication in [0-9.]* seconds' "target/startup-cold-$reps.log" | grep -o '[0-9.]* seconds' || true)
spring_warm=$(grep -o 'Started LivingCircleApplication in [0-9.]* seconds' "target/startup-warm-$reps.log" | grep -o '[0-9.]* seconds' || true)
{
  echo "| start | runs | median s | min s | max s | goal s | median CPU s to ready |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf '| cold: new database, migrations, demo import | %d | %.1f | %.1f | %.1f | 20 | %.1f |\n' "$reps" \
    "$(printf '%s\n' "${cold[@]}" | median)" "$(printf '%s\n' "${cold[@]}" | sort -n | head -1)" \
    "$(printf '%s\n' "${cold[@]}" | sort -n | tail -1)" "$(printf '%s\n' "${cold_cpu[@]}" | median)"
  printf '| warm: the same database again | %d | %.1f | %.1f | %.1f | 10 | %.1f |\n' "$reps" \
    "$(printf '%s\n' "${warm[@]}" | median)" "$(printf '%s\n' "${warm[@]}" | sort -n | head -1)" \
    "$(printf '%s\n' "${warm[@]}" | sort -n | tail -1)" "$(printf '%s\n' "${warm_cpu[@]}" | median)"
  echo
  echo "(JVM launch to /readyz 200, -XX:ActiveProcessorCount=2, $(java -version 2>&1 | head -1); Spring's own \"Started\" line of the last run: cold ${spring_cold:-?}, warm ${spring_warm:-?})"
} | tee target/startup.md
