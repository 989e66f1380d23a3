# Sourced by the city-scale scripts (bench-city.sh, bench-city-downloads.sh, bench-city-map.sh): the classpath and
# the arguments of the API on the city database in target/city-db, and start_city_server, which starts it on a
# free port and waits for /readyz. Not a script of its own.
#   source scripts/city-server.sh; city_classpath; start_city_server 1g target/city-serve.log
# sets: cp (classpath), city_args (the arguments both the import and the server use), port, pid, ready_s.

city_db=target/city-db

city_classpath() {
  ./mvnw -q -o test-compile || ./mvnw -q test-compile
  local classpath_file=target/city.classpath
  ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime \
    || ./mvnw -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
  cp="target/classes:$(cat "$classpath_file")"
  city_args=(--circle.embedded.data-dir="$city_db" --management.server.port=0 --circle.embedded.bolt-port=0
    --circle.demo.load-on-empty=false --circle.programme.load-on-empty=false --circle.embedded.page-cache-size=1g)
}

# start_city_server HEAP LOG [extra arguments...]: G1 (the heap readings parse its GC.heap_info), 2 processors,
# anonymous budget unlimited (one benchmark client is the only caller).
start_city_server() {
  local heap="$1" log="$2"
  shift 2
  [ -d "$city_db" ] || { echo "no city database in $city_db: run scripts/bench-city.sh first" >&2; return 1; }
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local start
  start=$(date +%s.%N)
  java -Xmx"$heap" -XX:+UseG1GC -XX:ActiveProcessorCount=2 -cp "$cp" cn.nantong.livingcircle.LivingCircleApplication \
    "${city_args[@]}" --server.port="$port" --circle.rate-limit.anonymous-points-per-window=1000000000 \
    --circle.rate-limit.anonymous-burst-points=1000000000 "$@" > "$log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the API did not start: $log" >&2; return 1; }
    sleep 0.5
  done
  ready_s=$(echo "$(date +%s.%N) - $start" | bc)
}

# live_heap_kb PID: the heap used right after a forced full collection, in KB
live_heap_kb() {
  jcmd "$1" GC.run > /dev/null
  jcmd "$1" GC.heap_info | awk '/garbage-first heap/ {print $6}' | tr -d 'K,'
}

# live_objects_kb PID: the bytes of every live object (the total of a class histogram, taken at one safepoint
# after a full collection), in KB. Unlike live_heap_kb it does not count what a busy server allocates between the
# collection and the reading (a second jcmd, some 100 ms later).
live_objects_kb() {
  jcmd "$1" GC.class_histogram | awk '/^Total/ {print int($3 / 1024)}'
}
