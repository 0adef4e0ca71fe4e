// What `npm start` runs, for everything else that starts the production
// server (the bench, the test suites): the Node flags of package.json's start
// script and the server script, so that they measure and test what an
// operator runs.
//
// The flag there: `--max-old-space-size=1536`. With no heap limit of its own
// (on these 24 GB machines V8 picks 4 GB), V8 lets the old generation grow to
// about four times what is live before a full collection, and under load the
// server's heap went from 60–120 MB live to 220–280 MB between collections:
// 474–519 MB at the peak in the bench. Under a limit below 2 GB V8 grows the
// heap by less than that, and the same load peaked at 319–330 MB with a limit
// of 512, 1024 or 1536 MB (474 MB with 2048), at the same request rates
// (measured 30 November 2026). 1536 MB is the largest of those, over ten
// times what the server held live (60–120 MB); an operator who needs another limit runs
// `node --max-old-space-size=N server/production-server.mjs`.
import fs from "node:fs";
import path from "node:path";

const projectDir = path.resolve(import.meta.dirname, "..");

/** The arguments `npm start` gives node, the script's path made absolute. */
export function productionServerArgs() {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8"));
  const [command, ...args] = String(scripts.start).trim().split(/\s+/);
  if (command !== "node" || !args.some((arg) => arg.endsWith("production-server.mjs"))) {
    throw new Error(`package.json's start script should be "node [flags] server/production-server.mjs"; it is "${scripts.start}"`);
  }
  return args.map((arg) => (arg.startsWith("-") ? arg : path.join(projectDir, arg)));
}
