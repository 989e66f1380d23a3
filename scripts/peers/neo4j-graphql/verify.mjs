// Agreement check of scripts/bench-neo4j-graphql.sh, run before anything is timed: for the first COUNT distinct
// building ids of the request sequence, asks both servers the benchmark's own query (the documents of
// reachable.lua) and requires the same places in the same order with the same walkMeters, walkMinutes, name,
// category code and location. Exit code 1 (and the first difference) when any answer differs or has errors.
//   node verify.mjs OUR_URL THEIR_URL IDS_FILE COUNT
// Prints one line "VERIFY {json}" with the buildings compared, the places per answer and the answers' sizes.
import { readFileSync } from "node:fs";

const [ourUrl, theirUrl, idsFile, countArg] = process.argv.slice(2);
const count = Number.parseInt(countArg ?? "50", 10);
const selection = "walkMeters walkMinutes place { id name category { code } location { lat lon } }";
const ours = `query Reach($b: ID!) { reachable(from: {buildingId: $b}, minutes: 15, first: 50) { edges { node { ${selection} } } } }`;
const theirs = `query Reach($b: ID!) { reachable(buildingId: $b, minutes: 15, first: 50) { ${selection} } }`;

async function ask(url, query, b) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ query, variables: { b } }),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${url} ${b}: HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
  }
  if (response.status !== 200 || json.errors || !json.data) {
    throw new Error(`${url} ${b}: HTTP ${response.status} ${text.slice(0, 500)}`);
  }
  return { json, bytes: Buffer.byteLength(text) };
}

const flat = (r) => ({
  walkMeters: r.walkMeters,
  walkMinutes: r.walkMinutes,
  id: r.place.id,
  name: r.place.name,
  category: r.place.category.code,
  lat: r.place.location.lat,
  lon: r.place.location.lon,
});

const ids = [...new Set(readFileSync(idsFile, "utf8").split("\n").filter((s) => s !== ""))].slice(0, count);
if (ids.length < count) throw new Error(`only ${ids.length} distinct ids in ${idsFile}, ${count} asked for`);
let places = 0;
let ourBytes = 0;
let theirBytes = 0;
let empty = 0;
let failures = 0;
for (const b of ids) {
  const a = await ask(ourUrl, ours, b);
  const t = await ask(theirUrl, theirs, b);
  const left = a.json.data.reachable.edges.map((e) => flat(e.node));
  const right = t.json.data.reachable.map(flat);
  ourBytes += a.bytes;
  theirBytes += t.bytes;
  places += left.length;
  if (left.length === 0) empty++;
  if (JSON.stringify(left) !== JSON.stringify(right)) {
    failures++;
    const i = left.findIndex((x, k) => JSON.stringify(x) !== JSON.stringify(right[k]));
    const at = i < 0 ? Math.min(left.length, right.length) : i;
    console.error(`DIFFERENT ${b}: ${left.length} vs ${right.length} places; first difference at #${at}:`);
    console.error(`  ours:   ${JSON.stringify(left[at])}`);
    console.error(`  theirs: ${JSON.stringify(right[at])}`);
  }
}
const summary = {
  buildings: ids.length,
  different: failures,
  empty,
  placesPerAnswer: +(places / ids.length).toFixed(1),
  ourBytesPerAnswer: Math.round(ourBytes / ids.length),
  theirBytesPerAnswer: Math.round(theirBytes / ids.length),
};
console.log(`VERIFY ${JSON.stringify(summary)}`);
if (failures > 0 || empty === ids.length) process.exit(1);
