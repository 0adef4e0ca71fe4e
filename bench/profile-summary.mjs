// Reads a V8 CPU profile (`npm run bench -- --profile DIR`) and prints where
// the time went: the functions with the most self time, and self time summed
// per package or project directory.
//
//   node bench/profile-summary.mjs FILE.cpuprofile [--top N]
import fs from "node:fs";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "40" } } });
if (positionals.length !== 1) {
  console.error("usage: node bench/profile-summary.mjs FILE.cpuprofile [--top N]");
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(positionals[0], "utf8"));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

function where(url) {
  if (!url) return "(native)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm !== -1) {
    const rest = url.slice(nm + 13).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith("node:")) return "node";
  const chunk = /\.next\/server\/(chunks\/[^/]*|app\/.*)$/.exec(url);
  if (chunk) return `.next/${chunk[1].startsWith("chunks") ? "chunks" : "app"}`;
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
}

const byFunction = new Map();
const byPlace = new Map();
for (const [id, us] of selfUs) {
  const { callFrame } = byId.get(id);
  const key = `${callFrame.functionName || "(anonymous)"}  ${where(callFrame.url)}:${callFrame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  const place = where(callFrame.url);
  byPlace.set(place, (byPlace.get(place) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
const top = Number(values.top);
console.log(`Total sampled: ${(total / 1e6).toFixed(1)} s\n\nSelf time by place:`);
for (const [place, us] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(us)}  ${place}`);
console.log("\nSelf time by function:");
for (const [fn, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${fn}`);
