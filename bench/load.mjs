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
if (variants?.length) {
  // Variants are taken in order across all connections, each request built as
  // it is sent. Autocannon's own list of requests costs it more per request
  // the longer the list (measured: 110-180 µs of its CPU a request with 2,000
  // tokens against 63-99 µs with 528), and it shares the machine with the
  // server, so a target with more variants would look slower than it is.
  // With `unique` (fresh refresh tokens) the run stops rather than reuse one;
  // a connection that builds its next request ahead of time may take one it
  // never sends, hence the margin.
  let next = 0;
  if (unique) options.maxOverallRequests = Math.max(connections, variants.length - 2 * connections);
  options.requests = [
    {
      method,
      path,
      setupRequest: (req) => ({ ...req, ...request(variants[next++ % variants.length]) }),
    },
  ];
} else {
  options.requests = [request()];
}

const cpuBefore = process.cpuUsage();
const result = await autocannon(options);
const cpu = process.cpuUsage(cpuBefore);
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
    // The load generator's own CPU per request: it shares the machine with the server.
    clientCpuUs: result.requests.total > 0 ? Math.round((cpu.user + cpu.system) / result.requests.total) : null,
    // What an answer weighs, head and body: the same operation costs more, on both sides, for a larger answer.
    bytesPerRequest: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : null,
  })}\n`,
);
