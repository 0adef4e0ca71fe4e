// Loads one target with autocannon, in its own process so the load generator
// never shares an event loop with the orchestrator, and prints one JSON line.
//
// Usage: node bench/load.mjs SPEC.json
// SPEC: { url, method, headers, body, connections, duration,
//         variants?: [{ headers?, body? }],  cycled request after request,
//         unique?: true }                    each variant used once at most (fresh
//                                            refresh tokens): the run stops early
//                                            rather than reuse one.
import fs from "node:fs";
import autocannon from "autocannon";

const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const { url, method = "GET", headers = {}, body, connections = 50, duration = 5, variants, unique = false } = spec;
const path = new URL(url).pathname + new URL(url).search;

function request(variant = {}) {
  const merged = { ...headers, ...variant.headers };
  const payload = variant.body ?? body;
  return { method, path, headers: merged, ...(payload === undefined ? {} : { body: payload }) };
}

const options = { url, connections, duration, timeout: 10 };
if (variants?.length && unique) {
  // Variants are taken in order across all connections; a connection that
  // builds its next request ahead of time may take one it never sends, hence
  // the margin.
  let next = 0;
  options.maxOverallRequests = Math.max(connections, variants.length - 2 * connections);
  options.requests = [
    {
      method,
      path,
      setupRequest: (req) => ({ ...req, ...request(variants[next++ % variants.length]) }),
    },
  ];
} else if (variants?.length) {
  options.requests = variants.map((variant) => request(variant));
} else {
  options.requests = [request()];
}

const result = await autocannon(options);
const statusCodes = {};
for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = count;
process.stdout.write(
  `${JSON.stringify({
    rps: result.requests.total / result.duration,
    requests: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  })}\n`,
);
