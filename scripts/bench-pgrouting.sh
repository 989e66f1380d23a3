#!/usr/bin/env bash
# Any-point reachability, our in-memory engine against PostgreSQL 15 + pgRouting's pgr_drivingDistance on the same
# walkway network, same origins, same limit (15 minutes at the adult 5 km/h = 1,250 m), undirected. Not part of the
# test run. Writes target/bench/pgrouting.md (and the raw timings under target/bench/pgrouting/).
#
#   scripts/bench-pgrouting.sh                          # target/city-data (generated if missing), 200 origins
#   scripts/bench-pgrouting.sh neo4j/data/nantong-demo 300
#
# Steps:
#   1. our engine (cn.nantong.livingcircle.reachability.PgRoutingComparison engine): builds the network from the
#      CSVs, picks the origins (random junctions, seed 42, whose coordinates snap onto themselves), times the
#      search alone, the any-point query (snap + search) and the any-point query with its places list, and writes
#      origins.csv for step 3;
#   2. installs postgresql-15-pgrouting (apt-get, with PostGIS) if missing;
#   3. a private PostgreSQL 15 cluster under target/bench/pg (initdb + pg_ctl as the postgres user when run as
#      root, a free port, stopped at exit), the CSVs loaded with COPY into vertices(id, junction_id, lat, lon, geom)
#      and edges(id, walkway_id, source, target, cost, reverse_cost, geom), geometry in the data's UTM zone,
#      indexed (btree on source and target, GiST on both geometries, edges clustered on theirs) and analysed;
#      every query timed inside the server in PL/pgSQL: (a) pgr_drivingDistance over the whole edge table, (b) with
#      the edge SQL restricted to a box of +-(limit + PG_BBOX_MARGIN_M) around the origin, (c) as (b) from the
#      origin's coordinates (nearest vertex by KNN), plus the edge SQL alone; a pgbench run per variant as a
#      client-side cross-check;
#   4. the report (PgRoutingComparison report): medians, means, ratios and the per-origin agreement.
#
# Environment: PG_BBOX_MARGIN_M (default 100), PG_ROUNDS (timed rounds of (b), (c) and the box SQL, default 3),
# PG_WHOLE_ROUNDS (of (a) and the whole-table SQL, default 1), PG_WHOLE_WARMUP (warm-up origins for those, default
# 10), PGBENCH_SECONDS (per variant, default 10; 0 skips), PG_PORT (default: the first free port from 55432),
# BENCH_HEAP (engine JVM, default 2g).
set -euo pipefail
cd "$(dirname "$0")/.."

data="${1:-target/city-data}"
origins="${2:-200}"
margin="${PG_BBOX_MARGIN_M:-100}"
pg_rounds="${PG_ROUNDS:-3}"
whole_rounds="${PG_WHOLE_ROUNDS:-1}"
whole_warmup="${PG_WHOLE_WARMUP:-10}"
pgbench_seconds="${PGBENCH_SECONDS:-10}"
out=target/bench/pgrouting
markdown=target/bench/pgrouting.md
pgroot="$PWD/target/bench/pg"
pgbin=/usr/lib/postgresql/15/bin
started=$(date +%s)

log() { printf '[bench-pgrouting %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [[ ! -f "$data/walkways.csv" ]]; then
  log "no $data/walkways.csv: generating the city-scale dataset into $data"
  scripts/generate-data.sh city --out "$data"
fi
data="$(cd "$data" && pwd)"

# ---------------------------------------------------------------------------------------------- 1. our engine
rm -rf "$out"
mkdir -p "$out"
log "our engine on $data, $origins origins"
load_engine=$(cut -d' ' -f1-3 /proc/loadavg)
BENCH_HEAP="${BENCH_HEAP:-2g}" scripts/run-bench-class.sh cn.nantong.livingcircle.reachability.PgRoutingComparison \
  engine "$data" "$origins" "$out"
limit_m=$(sed -n 's/^limitMeters=//p' "$out/engine.properties")
box_m=$(awk -v l="$limit_m" -v m="$margin" 'BEGIN { printf "%g", l + m }')

# ---------------------------------------------------------------------------------------------- 2. pgRouting
as_root=()
if [[ $(id -u) -ne 0 ]]; then as_root=(sudo); fi
if [[ ! -f /usr/share/postgresql/15/extension/pgrouting.control ]]; then
  log "installing postgresql-15-pgrouting"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    postgresql-15-pgrouting >/dev/null \
  || { "${as_root[@]}" apt-get update -q >/dev/null \
       && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
         postgresql-15-pgrouting >/dev/null; }
fi

# ---------------------------------------------------------------------------------------------- 3. PostgreSQL
# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
as_pg=()
if [[ $(id -u) -eq 0 ]]; then as_pg=(runuser -u postgres --); fi
stop_cluster() {
  if [[ -f "$pgroot/data/postmaster.pid" ]]; then
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgroot/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}
trap stop_cluster EXIT
stop_cluster
rm -rf "$pgroot"
mkdir -p "$pgroot/sock"
if [[ ${#as_pg[@]} -gt 0 ]]; then
  chown -R postgres:postgres "$pgroot"
  if ! runuser -u postgres -- test -w "$pgroot"; then
    echo "the postgres user cannot write $pgroot (a parent directory is not searchable by it)" >&2
    exit 1
  fi
fi
port="${PG_PORT:-}"
if [[ -z "$port" ]]; then
  for p in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && [[ ! -e "/tmp/.s.PGSQL.$p" ]]; then port=$p; break; fi
  done
fi
log "PostgreSQL cluster in $pgroot, port $port"
"${as_pg[@]}" "$pgbin/initdb" -D "$pgroot/data" -U postgres --auth=trust -E UTF8 --locale=C >"$pgroot/initdb.log"
pg_settings="shared_buffers 256MB, work_mem 64MB, fsync off, other settings default"
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgroot/data" -l "$pgroot/server.log" -w -t 120 \
  -o "-p $port -k $pgroot/sock -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c work_mem=64MB \
      -c maintenance_work_mem=256MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
      -c max_wal_size=4GB" start >/dev/null

psql_() { "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$pgroot/sock" -p "$port" -U postgres "$@"; }
psql_ -d postgres -c "CREATE DATABASE bench"
db() { psql_ -d bench "$@"; }

# staging tables from each file's own header (optional columns may be missing), every column as text, plus the line
# number in input order (the vertex id is the junction's line, as on the engine side)
staging() { # table file
  local cols
  cols=$(head -1 "$2" | tr -d '\r\n' | sed 's/\([^,]*\)/"\1"/g')
  echo "CREATE TABLE $1 (line bigint GENERATED ALWAYS AS IDENTITY, $(echo "$cols" | sed 's/,/ text, /g') text);"
  echo "\\copy $1 ($cols) FROM '$2' WITH (FORMAT csv, HEADER true)"
}
load_started=$(date +%s)
log "loading junctions and walkways"
db <<SQL
CREATE EXTENSION postgis;
CREATE EXTENSION pgrouting;
$(staging junctions_csv "$data/junctions.csv")
$(staging walkways_csv "$data/walkways.csv")
SQL
srid=$(db -At -c "SELECT 32600 + floor((avg(lon::float8) + 180) / 6)::int + 1
                          + CASE WHEN avg(lat::float8) < 0 THEN 100 ELSE 0 END FROM junctions_csv")
db <<SQL
CREATE TABLE vertices (
  id bigint PRIMARY KEY,
  junction_id text NOT NULL UNIQUE,
  lat float8 NOT NULL,
  lon float8 NOT NULL,
  geom geometry(Point, $srid) NOT NULL);
INSERT INTO vertices
SELECT line, id, lat::float8, lon::float8,
       ST_Transform(ST_SetSRID(ST_MakePoint(lon::float8, lat::float8), 4326), $srid)
FROM junctions_csv;

-- walkways are undirected: cost = reverse_cost = the walkway's length in metres (authoritative, as in the engine)
CREATE TABLE edges (
  id bigint PRIMARY KEY,
  walkway_id text NOT NULL,
  source bigint NOT NULL,
  target bigint NOT NULL,
  cost float8 NOT NULL,
  reverse_cost float8 NOT NULL,
  geom geometry(LineString, $srid) NOT NULL);
INSERT INTO edges
SELECT w.line, w.id, a.id, b.id, w.length_m::float8, w.length_m::float8, ST_MakeLine(a.geom, b.geom)
FROM walkways_csv w
JOIN vertices a ON a.junction_id = w.from_junction_id
JOIN vertices b ON b.junction_id = w.to_junction_id;
DO \$\$ BEGIN
  IF (SELECT count(*) FROM edges) <> (SELECT count(*) FROM walkways_csv) THEN
    RAISE EXCEPTION 'walkways with an unknown junction';
  END IF;
END \$\$;
CREATE INDEX edges_source ON edges (source);
CREATE INDEX edges_target ON edges (target);
CREATE INDEX edges_geom ON edges USING gist (geom);
CREATE INDEX vertices_geom ON vertices USING gist (geom);
CLUSTER edges USING edges_geom;
DROP TABLE junctions_csv, walkways_csv;
VACUUM ANALYZE;

CREATE TABLE bench_origins (ord int PRIMARY KEY, vid bigint NOT NULL, junction_id text NOT NULL,
                            lat float8 NOT NULL, lon float8 NOT NULL);
\\copy bench_origins FROM '$PWD/$out/origins.csv' WITH (FORMAT csv, HEADER true)
DO \$\$ BEGIN
  IF EXISTS (SELECT 1 FROM bench_origins o LEFT JOIN vertices v ON v.junction_id = o.junction_id
             WHERE v.id IS DISTINCT FROM o.vid OR v.lat <> o.lat OR v.lon <> o.lon) THEN
    RAISE EXCEPTION 'origins do not match the vertices';
  END IF;
END \$\$;

CREATE TABLE bench_times (variant text, round int, ord int, ms float8);
CREATE TABLE bench_results (variant text, ord int, vid bigint, reached bigint, vid_sum numeric, max_m float8,
                            sum_m float8);
-- p_query gets \$1 = the origin's vertex id, \$2 = lat, \$3 = lon; returns (rows, sum of node ids, max, sum of
-- agg_cost). Round 0 is a warm-up (not recorded); round 1 also records the results for the agreement check.
CREATE FUNCTION bench_run(p_variant text, p_query text, p_round int, p_limit int DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS \$\$
DECLARE
  o record; t0 timestamptz; t1 timestamptz; n bigint; vs numeric; mx float8; s float8;
BEGIN
  FOR o IN SELECT * FROM bench_origins ORDER BY ord LIMIT p_limit LOOP
    t0 := clock_timestamp();
    EXECUTE p_query INTO n, vs, mx, s USING o.vid, o.lat, o.lon;
    t1 := clock_timestamp();
    IF p_round > 0 THEN
      INSERT INTO bench_times VALUES (p_variant, p_round, o.ord, extract(epoch FROM t1 - t0) * 1000);
    END IF;
    IF p_round = 1 THEN
      INSERT INTO bench_results VALUES (p_variant, o.ord, o.vid, n, vs, mx, s);
    END IF;
  END LOOP;
END \$\$;
SQL
load_seconds=$(( $(date +%s) - load_started ))
pg_edges=$(db -At -c "SELECT count(*) FROM edges")
log "loaded $pg_edges edges in ${load_seconds}s; SRID $srid; box +-${box_m} m"

edges_sql="SELECT id, source, target, cost, reverse_cost FROM edges"
box_sql="$edges_sql WHERE geom && ST_Expand((SELECT geom FROM vertices WHERE id = %s), $box_m)"
point_sql="$edges_sql WHERE geom && ST_Expand(ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), 4326), $srid), $box_m)"
summary="count(*), coalesce(sum(node), 0), max(agg_cost), sum(agg_cost)"
declare -A query
query[pg_whole]="SELECT $summary FROM pgr_drivingDistance('$edges_sql', \$1, $limit_m, directed => false)"
query[pg_bbox]="SELECT $summary FROM pgr_drivingDistance(format('$box_sql', \$1), \$1, $limit_m, directed => false)"
query[pg_point]="SELECT $summary FROM pgr_drivingDistance(format('$point_sql', \$3, \$2),
  (SELECT id FROM vertices ORDER BY geom <-> ST_Transform(ST_SetSRID(ST_MakePoint(\$3, \$2), 4326), $srid) LIMIT 1),
  $limit_m, directed => false)"
query[sql_whole]="SELECT count(*), sum(id + source + target)::numeric, max(cost), sum(reverse_cost) FROM ($edges_sql) e"
query[sql_bbox]="SELECT count(*), sum(id + source + target)::numeric, max(cost), sum(reverse_cost)
  FROM edges WHERE geom && ST_Expand((SELECT geom FROM vertices WHERE id = \$1), $box_m)"

run_variant() { # variant warmup-origins(empty = all) rounds
  local v=$1 warm=$2 rounds=$3 r
  log "$v: warm-up ${warm:-all}, $rounds timed round(s)"
  db -c "SELECT bench_run('$v', \$q\$${query[$v]}\$q\$, 0, ${warm:-NULL})" >/dev/null
  for r in $(seq 1 "$rounds"); do
    db -c "SELECT bench_run('$v', \$q\$${query[$v]}\$q\$, $r)" >/dev/null
  done
}
load_pg=$(cut -d' ' -f1-3 /proc/loadavg)
run_variant pg_bbox "" "$pg_rounds"
run_variant pg_point "" "$pg_rounds"
run_variant sql_bbox "" "$pg_rounds"
run_variant sql_whole "$whole_warmup" "$whole_rounds"
run_variant pg_whole "$whole_warmup" "$whole_rounds"

db -c "\\copy (SELECT variant, round, ord, ms FROM bench_times ORDER BY variant, round, ord) TO '$PWD/$out/pg-times.csv' WITH (FORMAT csv, HEADER true)"
db -c "\\copy (SELECT variant, ord, vid, reached, vid_sum, max_m, sum_m FROM bench_results ORDER BY variant, ord) TO '$PWD/$out/pg-results.csv' WITH (FORMAT csv, HEADER true)"

# client-side cross-check: pgbench, one client, prepared, a random origin of the same set per transaction
pgbench_summary="not run"
if [[ "$pgbench_seconds" -gt 0 ]]; then
  pgbench_summary=""
  for v in pg_whole pg_bbox pg_point; do
    case $v in
      pg_whole) call="pgr_drivingDistance('$edges_sql', o.vid, $limit_m, directed => false)" ;;
      pg_bbox) call="pgr_drivingDistance(format('$box_sql', o.vid), o.vid, $limit_m, directed => false)" ;;
      pg_point) call="pgr_drivingDistance(format('$point_sql', o.lon, o.lat), (SELECT id FROM vertices ORDER BY geom <-> ST_Transform(ST_SetSRID(ST_MakePoint(o.lon, o.lat), 4326), $srid) LIMIT 1), $limit_m, directed => false)" ;;
    esac
    printf '\\set i random(1, %d)\nSELECT count(*), max(d.agg_cost) FROM bench_origins o, LATERAL %s d WHERE o.ord = :i;\n' \
      "$(sed -n 's/^origins=//p' "$out/engine.properties")" "$call" >"$out/pgbench-$v.sql"
    log "pgbench $v, ${pgbench_seconds}s"
    "$pgbin/pgbench" -n -M prepared -c 1 -T "$pgbench_seconds" -f "$out/pgbench-$v.sql" \
      -h "$pgroot/sock" -p "$port" -U postgres bench >"$out/pgbench-$v.txt" 2>&1
    lat=$(sed -n 's/^latency average = \(.*\)$/\1/p' "$out/pgbench-$v.txt")
    tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out/pgbench-$v.txt")
    pgbench_summary+="${pgbench_summary:+; }(${v#pg_}) $lat over $tx queries"
  done
  pgbench_summary=${pgbench_summary//(whole)/(a)}
  pgbench_summary=${pgbench_summary//(bbox)/(b)}
  pgbench_summary=${pgbench_summary//(point)/(c)}
fi

{
  echo "dataName=$(basename "$data")"
  echo "dataDir=${data#"$PWD/"}"
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit=$(git rev-parse --short HEAD)$( [[ -n "$(git status --porcelain 2>/dev/null)" ]] && echo ' (with uncommitted changes)')"
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "postgres=$(db -At -c 'SHOW server_version')"
  echo "pgrouting=$(db -At -c 'SELECT pgr_version()')"
  echo "boost=$(db -At -c 'SELECT boost FROM pgr_full_version()' 2>/dev/null || echo '?')"
  echo "postgis=$(db -At -c 'SELECT postgis_lib_version()')"
  echo "pgSettings=$pg_settings, Unix socket and 127.0.0.1 only"
  echo "pgEdges=$pg_edges"
  echo "bboxMeters=$box_m"
  echo "bboxMeanEdges=$(db -At -c "SELECT round(avg(reached), 1) FROM bench_results WHERE variant = 'sql_bbox'")"
  echo "pgRounds=$pg_rounds"
  echo "pgWarmupRounds=1"
  echo "pgWholeRounds=$whole_rounds"
  echo "pgWholeWarmup=$whole_warmup"
  echo "pgbenchSeconds=$pgbench_seconds"
  echo "pgbench=$pgbench_summary"
  echo "loadSeconds=$load_seconds"
  echo "loadAverages=$load_engine before our engine ran, $load_pg before the pgRouting queries, $(cut -d' ' -f1-3 /proc/loadavg) after them"
} >"$out/meta.properties"
stop_cluster

BENCH_SKIP_BUILD=1 BENCH_HEAP=256m scripts/run-bench-class.sh cn.nantong.livingcircle.reachability.PgRoutingComparison \
  report "$out" "$markdown"
elapsed=$(( $(date +%s) - started ))
line="(script end to end: ${elapsed} s, of which loading and indexing the network in PostgreSQL ${load_seconds} s)"
echo "$line" | tee -a "$markdown"
