// What `npm start` runs, for everything else that starts the production
// server (the bench, the test suites): the same Node flags and server
// script, so that they measure and test what an operator runs. The start
// script in package.json spells the same command; a unit test holds the two
// together.
//
// The flag there: `--max-old-space-size=1536`. With no heap limit of its own
// (on these 24 GB machines V8 picks 4 GB), V8 lets the old generation grow to
// several times what is live before a full collection, and under load the
// server's heap went from 60–120 MB live to 220–280 MB between collections:
// 474–519 MB at the peak in the bench. Under a limit below 2 GB V8 grows the
// heap by less than that, and the same load peaked at 319–330 MB with a limit
// of 512, 1024 or 1536 MB (474 MB with 2048), at the same request rates
// (measured 30 November 2026). 1536 MB is the largest of those, over ten
// times what the server held live (60–120 MB). It is a ceiling, not a size:
// the heap is what the load needs. The flag on the command line wins over one
// in NODE_OPTIONS; an operator who needs another limit (a container with less
// memory than that, say) runs `node --max-old-space-size=N
// server/production-server.mjs`.
import path from "node:path";

/** The Node flags of `npm start`. */
export const START_FLAGS = ["--max-old-space-size=1536"];
/** The production server, by its path in the project. */
export const SERVER_SCRIPT = "server/production-server.mjs";

/** The arguments `npm start` gives node, the script's path made absolute. */
export function productionServerArgs() {
  return [...START_FLAGS, path.resolve(import.meta.dirname, "..", SERVER_SCRIPT)];
}
