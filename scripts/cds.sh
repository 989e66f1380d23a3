#!/usr/bin/env bash
# Class-data sharing (AppCDS) for the production jar: the JVM maps the classes a start loads from an archive
# instead of reading, parsing and verifying them from 260 jars again (start-up numbers in the README, "Start-up").
#   scripts/cds.sh [JAR] [DIR]     # defaults: target/living-circle-api-*.jar (built), target/app
# It extracts the jar into DIR (the layout class-data sharing needs: the application jar beside lib/, no nested
# jars) and records DIR/app.jsa with one training start: the application on a throwaway embedded database, with the
# demo import (so the archive also holds what an import loads), stopped as soon as /readyz answers 200. Then:
#   java -XX:SharedArchiveFile=target/app/app.jsa -jar target/app/living-circle-api-0.1.0-SNAPSHOT.jar
# Run it again after every build and with the JVM that serves: the archive is valid only for the same JVM and the
# same jars (else the JVM says so on standard error and starts without it, as slowly as before).
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-$(ls target/living-circle-api-*.jar 2>/dev/null | grep -v original | head -1)}"
dir="${2:-target/app}"
[ -f "$jar" ] || { echo "no application jar: run ./mvnw -DskipTests package first" >&2; exit 1; }

rm -rf "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null
app_jar="$dir/$(basename "$jar")"
training_db=$(mktemp -d "${TMPDIR:-/tmp}/cds-training-XXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# the archive is written when this JVM exits (SIGTERM runs the normal shutdown)
java -XX:ArchiveClassesAtExit="$dir/app.jsa" -Xlog:cds=error -jar "$app_jar" \
  --circle.embedded.data-dir="$training_db" --circle.embedded.bolt-port=0 --management.server.port=0 \
  --server.port="$port" > "$dir/training.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { echo "the training start failed: $dir/training.log" >&2; exit 1; }
  sleep 0.5
done
kill "$pid"
wait "$pid" 2>/dev/null || true
rm -rf "$training_db"
[ -s "$dir/app.jsa" ] || { echo "no archive written: $dir/training.log" >&2; exit 1; }
echo "$dir/app.jsa ($(du -m "$dir/app.jsa" | cut -f1) MB); start with:"
echo "  java -XX:SharedArchiveFile=$dir/app.jsa -jar $app_jar"
