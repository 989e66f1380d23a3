// Writes the Markdown report of scripts/bench-neo4j-graphql.sh from its runs file (one JSON object a line: server,
// phase, clients, rep and wrk's RESULT fields from reachable.lua) and the facts the script passes in the
// environment (NGQL_*). Every figure is read from the runs; nothing is assumed.
//   node report.mjs RUNS_JSONL > neo4j-graphql.md
import { readFileSync } from "node:fs";

const runs = readFileSync(process.argv[2], "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l));
const env = process.env;
const names = { ours: "ours (Spring for GraphQL)", theirs: "Neo4j GraphQL Library" };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const f1 = (x) => x.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const f2 = (x) => x.toFixed(2);
const errors = (r) => r.bad + r.connect_errors + r.read_errors + r.write_errors + r.timeouts;
const measured = runs.filter((r) => r.phase === "measure");
const clientCounts = [...new Set(measured.map((r) => r.clients))].sort((a, b) => a - b);

function stats(server, clients) {
  const rs = measured.filter((r) => r.server === server && r.clients === clients);
  const rps = rs.map((r) => r.rps);
  const p99 = rs.map((r) => r.p99_ms);
  return {
    n: rs.length,
    rps: median(rps),
    rpsMin: Math.min(...rps),
    rpsMax: Math.max(...rps),
    p50: median(rs.map((r) => r.p50_ms)),
    p99: median(p99),
    p99Min: Math.min(...p99),
    p99Max: Math.max(...p99),
    requests: rs.reduce((a, r) => a + r.requests, 0),
    errors: rs.reduce((a, r) => a + errors(r), 0),
    example: rs.map((r) => r.first_bad).find((x) => x) ?? "",
  };
}

const out = [];
const p = (s = "") => out.push(s);
p(`# \`reachable\` from a building: our API and the Neo4j GraphQL Library on the same Neo4j database`);
p();
p(`Run ${env.NGQL_DATE}, commit ${env.NGQL_COMMIT} (\`scripts/bench-neo4j-graphql.sh\`), ${env.NGQL_ELAPSED} end to end.`);
p();
p(`- machine: ${env.NGQL_NPROC} cores (\`nproc\`), ${env.NGQL_CPU}; ${env.NGQL_JAVA}; node ${env.NGQL_NODE}; ${env.NGQL_WRK}`);
p(`- load average (1, 5, 15 min): ${env.NGQL_LOAD_START} at the start of the timed runs, ${env.NGQL_LOAD_END} at the end`);
p(`- ours: the service jar, \`${env.NGQL_JAVA_OPTS}\`, embedded Neo4j ${env.NGQL_NEO4J} on the demo data (fresh database, Bolt on 127.0.0.1), the anonymous rate-limit budget raised to 1,000,000,000 points so the limiter is not measured; every other setting the default`);
p(`- theirs: @neo4j/graphql ${env.NGQL_LIB} on @apollo/server ${env.NGQL_APOLLO} (standalone server; graphql ${env.NGQL_GRAPHQL}, neo4j-driver ${env.NGQL_DRIVER}), ${env.NGQL_NODE_WORKERS} Node process(es), \`NODE_ENV=production\`, over Bolt to **the same embedded Neo4j** (it runs inside our JVM, so the database work of both servers is done by that process); the field is an \`@cypher\` statement (\`scripts/peers/neo4j-graphql/server.mjs\`) doing what our building path does: the ACTIVE generation, the building's \`WALKS_TO\` edges within minutes × 5000/60 m, ordered by metres then place id, the first N`);
p(`- the request: \`reachable\` from a building, \`minutes: 15, first: 50\`, selecting \`walkMeters walkMinutes place { id name category { code } location { lat lon } }\` (ours inside \`edges { node { … } }\`), the building id as a variable; documents in \`scripts/peers/neo4j-graphql/reachable.lua\``);
p(`- load: wrk, 1 thread, closed model (each connection sends its next request when the last is answered), HTTP/1.1 keep-alive, \`--timeout 10s\`; the same request sequence for both: ${env.NGQL_IDS_SUMMARY}, every run starting at its first id`);
p(`- warm-up (not counted): ${env.NGQL_WARMUP_SECONDS} s at ${env.NGQL_WARMUP_CLIENTS} clients for each server; then at each concurrency ${env.NGQL_PRIME_SECONDS} s per server not counted, then ${env.NGQL_REPS} repetitions of ${env.NGQL_SECONDS} s per server, the two servers taking turns (which one goes first alternates between repetitions)`);
p(`- everything on loopback on the same ${env.NGQL_NPROC} cores: wrk, Node and the JVM share them (the JVM also runs Neo4j for both servers), so each figure includes the client's CPU and the other server's idle cost`);
const v = JSON.parse(env.NGQL_VERIFY_JSON);
p(`- agreement, checked before any timing (\`verify.mjs\`): for the first ${v.buildings} distinct buildings of the sequence both servers returned the same places in the same order, with the same walkMeters, walkMinutes, name, category and location (${v.different} different; ${v.placesPerAnswer} places per answer on average, ${v.empty} buildings reaching none); an answer is ${v.ourBytesPerAnswer.toLocaleString("en-US")} bytes from ours (with \`edges { node }\` and \`extensions.cost\`) and ${v.theirBytesPerAnswer.toLocaleString("en-US")} bytes from theirs on average`);
p();

const rows = [];
for (const c of clientCounts) {
  const o = stats("ours", c);
  const t = stats("theirs", c);
  rows.push({ c, o, t });
  p(`## ${c} client${c === 1 ? "" : "s"}`);
  p();
  p(`| server | requests/s, median (min–max) of ${o.n} | p50 | p99, median (min–max) | requests | errors |`);
  p(`|---|---:|---:|---:|---:|---:|`);
  for (const [key, s] of [["ours", o], ["theirs", t]]) {
    p(`| ${names[key]} | ${f1(s.rps)} (${f1(s.rpsMin)}–${f1(s.rpsMax)}) | ${f2(s.p50)} ms | ${f2(s.p99)} ms (${f2(s.p99Min)}–${f2(s.p99Max)}) | ${s.requests.toLocaleString("en-US")} | ${s.errors} |`);
  }
  p(`| **ours ÷ theirs** | **${f2(o.rps / t.rps)} ×** | ${f2(o.p50 / t.p50)} × | ${f2(o.p99 / t.p99)} × | | |`);
  for (const [key, s] of [["ours", o], ["theirs", t]]) {
    if (s.errors > 0) p(`\n${names[key]}: ${s.errors} bad responses or socket errors; first: \`${s.example.replace(/`/g, "'")}\``);
  }
  p();
}

p(`## Goals`);
p();
p(`| goal | measured | |`);
p(`|---|---:|---|`);
const verdict = (ok) => (ok ? "met" : "**missed**");
const at = (c) => rows.find((r) => r.c === c);
for (const [c, goal] of [[1, 1.5], [8, 2], [32, 2]]) {
  const r = at(c);
  if (!r) continue;
  const ratio = r.o.rps / r.t.rps;
  p(`| ours ≥ ${goal} × the library's requests/s at ${c} client${c === 1 ? "" : "s"} | ${f2(ratio)} × | ${verdict(ratio >= goal)} |`);
}
if (at(8)) p(`| our p99 ≤ 15 ms at 8 clients | ${f2(at(8).o.p99)} ms | ${verdict(at(8).o.p99 <= 15)} |`);
const allErrors = rows.reduce((a, r) => a + r.o.errors + r.t.errors, 0);
p(`| no errors in the timed runs | ${allErrors} | ${verdict(allErrors === 0)} |`);
p();

p(`## Warm-up`);
p();
p(`| server | seconds | clients | requests | requests/s | p50 | p99 | errors |`);
p(`|---|---:|---:|---:|---:|---:|---:|---:|`);
for (const r of runs.filter((x) => x.phase === "warmup")) {
  p(`| ${names[r.server]} | ${r.seconds.toFixed(1)} | ${r.clients} | ${r.requests.toLocaleString("en-US")} | ${f1(r.rps)} | ${f2(r.p50_ms)} ms | ${f2(r.p99_ms)} ms | ${errors(r)} |`);
}
p();
p(`## Every timed run`);
p();
p(`| clients | repetition | server | seconds | requests | requests/s | p50 | p90 | p99 | max | errors |`);
p(`|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|`);
for (const r of measured) {
  p(`| ${r.clients} | ${r.rep} | ${names[r.server]} | ${r.seconds.toFixed(1)} | ${r.requests.toLocaleString("en-US")} | ${f1(r.rps)} | ${f2(r.p50_ms)} ms | ${f2(r.p90_ms)} ms | ${f2(r.p99_ms)} ms | ${f2(r.max_ms)} ms | ${errors(r)} |`);
}
process.stdout.write(out.join("\n") + "\n");
