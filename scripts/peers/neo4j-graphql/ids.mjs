// The request sequence of scripts/bench-neo4j-graphql.sh: COUNT building ids drawn uniformly, with replacement,
// from the id column of a buildings.csv (the demo dataset's), by a seeded generator (mulberry32), one a line.
//   node ids.mjs BUILDINGS_CSV SEED COUNT > ids.txt
import { readFileSync } from "node:fs";

const [file, seedArg, countArg] = process.argv.slice(2);
if (!file || !seedArg || !countArg) {
  console.error("usage: node ids.mjs BUILDINGS_CSV SEED COUNT");
  process.exit(2);
}
const lines = readFileSync(file, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
const header = lines.shift().split(",");
const column = header.indexOf("id");
if (column < 0) throw new Error(`no id column in ${file}`);
const ids = lines.map((l) => l.split(",")[column]);

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(Number.parseInt(seedArg, 10));
const out = [];
for (let i = 0; i < Number.parseInt(countArg, 10); i++) out.push(ids[Math.floor(random() * ids.length)]);
process.stdout.write(out.join("\n") + "\n");
console.error(`${out.length} requests over ${new Set(out).size} of ${ids.length} buildings (seed ${seedArg})`);
