#!/usr/bin/env bash
# Start-up time of the API on 2 processors, from launch to /readyz answering 200, three ways:
#   mvnw  the README's `./mvnw spring-boot:run` (classes already built: Maven checks them, then forks the app
#         with the plugin's optimised launch, C1 only)
#   jar   `java -jar target/living-circle-api-*.jar`, the production jar (the full JIT)
#   cds   the same jar extracted and started with the class-data-sharing archive of scripts/cds.sh
# each cold (a new embedded database: migrations and the demo import) and warm (the same database again).
# Writes target/startup.md. Not part of the test run.
#   scripts/bench-startup.sh [REPETITIONS] [LAUNCHER...]     # default 3, all three launchers
#   STARTUP_JAVA_OPTS='-XX:TieredStopAtLevel=1' scripts/bench-startup.sh 1 jar   # extra JVM options (jar, cds)
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-3}"
shift || true
launchers=("$@")
[ ${#launchers[@]} -gt 0 ] || launchers=(mvnw jar cds)

./mvnw -q -o -DskipTests package || ./mvnw -q -DskipTests package
jar=$(ls target/living-circle-api-*.jar | grep -v original | head -1)
if [[ " ${launchers[*]} " == *" cds "* ]]; then
  bash scripts/cds.sh "$jar" target/startup-app > /dev/null
fi

# "wall cpu": seconds from launch to /readyz 200 of launcher $1 on data directory $2, and the CPU seconds every
# process of the launch (Maven and the app it forks) used until then; everything is stopped afterwards
start_once() {
  local launcher="$1" dir="$2" log="$3"
  local port start sid
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local app_args=(--circle.embedded.data-dir="$dir" --circle.embedded.bolt-port=0 --management.server.port=0
    --server.port="$port")
  start=$(date +%s.%N)
  case "$launcher" in
    mvnw) setsid ./mvnw -o -q spring-boot:run -Dspring-boot.run.arguments="${app_args[*]}" > "$log" 2>&1 & ;;
    jar) setsid java -XX:ActiveProcessorCount=2 ${STARTUP_JAVA_OPTS:-} -jar "$jar" "${app_args[@]}" > "$log" 2>&1 & ;;
    cds) setsid java -XX:ActiveProcessorCount=2 -XX:SharedArchiveFile=target/startup-app/app.jsa ${STARTUP_JAVA_OPTS:-} \
      -jar "target/startup-app/$(basename "$jar")" "${app_args[@]}" > "$log" 2>&1 & ;;
  esac
  sid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = 200 ]; do
    kill -0 "$sid" 2>/dev/null || { echo "the API did not start: $log" >&2; exit 1; }
    sleep 0.2
  done
  local wall cpu
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  cpu=$(ps -s "$sid" -o times= | awk '{s += $1} END {print s}')
  echo "$wall $cpu"
  kill -- -"$sid" 2>/dev/null || true
  while pgrep -s "$sid" > /dev/null; do sleep 0.2; done
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
row() { # LABEL GOAL WALL... -- CPU...
  local label="$1" goal="$2"
  shift 2
  local walls=() cpus=()
  while [ "$1" != -- ]; do walls+=("$1"); shift; done
  shift
  cpus=("$@")
  printf '| %s | %d | %.1f | %.1f | %.1f | %s | %.0f |\n' "$label" "${#walls[@]}" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${walls[@]}" | sort -n | head -1)" \
    "$(printf '%s\n' "${walls[@]}" | sort -n | tail -1)" "$goal" "$(printf '%s\n' "${cpus[@]}" | median)"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "| launch | runs | median s | min s | max s | goal s | median CPU s to ready |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
} > target/startup.md
for launcher in "${launchers[@]}"; do
  cold=() warm=() cold_cpu=() warm_cpu=()
  for i in $(seq 1 "$reps"); do
    dir=$(mktemp -d target/startup-db-XXXX)
    read -r w c < <(start_once "$launcher" "$dir" "target/startup-$launcher-cold-$i.log")
    cold+=("$w"); cold_cpu+=("$c")
    read -r w c < <(start_once "$launcher" "$dir" "target/startup-$launcher-warm-$i.log")
    warm+=("$w"); warm_cpu+=("$c")
    rm -rf "$dir"
  done
  row "$launcher, cold: new database, migrations, demo import" 20 "${cold[@]}" -- "${cold_cpu[@]}" >> target/startup.md
  row "$launcher, warm: the same database again" 10 "${warm[@]}" -- "${warm_cpu[@]}" >> target/startup.md
done
{
  echo
  echo "(launch to /readyz 200 on $(nproc) processors, load average before the runs $load_before," \
    "$(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'))"
} >> target/startup.md
cat target/startup.md
