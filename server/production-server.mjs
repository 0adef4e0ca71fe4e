// `npm start`: Latch in production. One process, one port. The
// machine-to-machine endpoints (server/machine-routes.mjs) go straight to the
// handler functions their app/ route files export, with a Web Request in and
// a Response out; every other request goes to Next's own request handler.
//
// Why: for a small route handler Next's per-request routing, request
// wrapping and tracing cost about 1 ms of CPU, several times the handler's
// own work, and every API, MCP and token call pays it. The handlers are the
// same functions either way (`next dev` and `next start` serve them through
// Next), with the same security headers and the same request conversion,
// which the integration tests check path against path.
//
// Usage: node server/production-server.mjs [-p PORT] [-H HOSTNAME] [--keepAliveTimeout MS]
// (PORT and HOSTNAME from the environment work too; defaults 3000, all interfaces).
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const projectDir = path.resolve(import.meta.dirname, "..");

// As `next start` does, and before React and Next are loaded: they pick their
// production builds from it.
if (process.env.NODE_ENV !== "production") {
  if (process.env.NODE_ENV) console.warn(`NODE_ENV=${process.env.NODE_ENV} ignored: the production server always runs as production.`);
  process.env.NODE_ENV = "production";
}
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    keepAliveTimeout: { type: "string" },
  },
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = args.hostname ?? process.env.HOSTNAME ?? undefined;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Latch cannot start: port ${args.port ?? process.env.PORT} is not a valid port.`);
  process.exit(1);
}
process.env.PORT = String(port);

const { default: next } = await import("next");
const app = next({ dev: false, dir: projectDir, hostname, port });
// Runs instrumentation.ts too, whose register() checks the configuration and
// stops the start with one clear line when a value is missing or bad.
await app.prepare();
const nextHandler = app.getRequestHandler();

// Loaded only now: Next's server modules expect the runtime prepare() sets up.
const { MACHINE_ROUTES } = await import("./machine-routes.mjs");
const { loadRouteTable, NO_PARAMS } = await import("./route-table.mjs");
const { compressionLeavesAsIs, requestOrigins, sendWebResponse, toWebRequest } = await import("./web-bridge.mjs");
const { securityHeaders, headerRules } = require("./security-headers.cjs");
const table = await loadRouteTable({
  distDir: path.join(projectDir, ".next"),
  machineRoutes: MACHINE_ROUTES,
  headerRules,
});
const origins = requestOrigins(hostname, port);
/** Handed to every route without dynamic segments, as Next hands each its params. */
const NO_PARAMS_PROMISE = Promise.resolve(NO_PARAMS);
// Next compresses every response it sends unless next.config.js says
// `compress: false`; the fast path does the same with the same middleware.
const { config: nextConfig } = require(path.join(projectDir, ".next/required-server-files.json"));
const compress = nextConfig.compress === false ? null : require("next/dist/compiled/compression")();
const { releaseCompressionStream } = require("next/dist/server/lib/release-compression-stream");
const responseHeaders = { configured: securityHeaders, vary: table.varyHeader };
const uncompressedHeaders = { ...responseHeaders, varyAcceptEncoding: true };
// The middleware reads and rewrites the headers as they are set.
const compressedHeaders = { ...responseHeaders, compressing: true };

function logFailure(method, page, error) {
  // Name and code only: messages can carry secrets (see lib/log.ts).
  const name = error instanceof Error ? error.name : typeof error;
  const code = typeof error === "object" && error && "code" in error ? ` (${String(error.code)})` : "";
  console.error(`[latch] ${method} ${page} failed: ${name}${code}`);
}

/** What Next answers when a handler throws: notFound()/redirect() as such, anything else a bare 500. */
function responseForThrown(error, method, page) {
  const digest = typeof error === "object" && error && "digest" in error ? String(error.digest) : "";
  const fallback = /^NEXT_HTTP_ERROR_FALLBACK;(\d{3})$/.exec(digest);
  if (fallback) return new Response(null, { status: Number(fallback[1]) });
  const redirect = /^NEXT_REDIRECT;(?:push|replace);(.+);(\d{3});?/.exec(digest);
  if (redirect) return new Response(null, { status: Number(redirect[2]), headers: { Location: redirect[1] } });
  logFailure(method, page, error);
  return new Response(null, { status: 500 });
}

const ignore = () => {};

async function serveFast(req, res, found, handler) {
  // As Next does: a client that goes away mid-answer is no server error.
  res.on("error", ignore);
  let response;
  try {
    // Awaited only when it is a promise (see toWebRequest on why).
    const made = toWebRequest(req, origins);
    const request = made instanceof Request ? made : await made;
    response = await handler(request, { params: found.params === NO_PARAMS ? NO_PARAMS_PROMISE : Promise.resolve(found.params) });
    if (!(response instanceof Response)) throw new TypeError("The route handler returned no Response");
  } catch (error) {
    // A client that left while sending its body: there is no one to answer,
    // and it is no failure of ours (Next's handler would find the body
    // unreadable and answer 400 to no one).
    if (!req.complete && req.destroyed) return void res.destroy();
    response = responseForThrown(error, req.method, found.route.page);
  }
  // A JSON answer the compression middleware would leave as it is skips it;
  // it would only add its Vary (see compressionLeavesAsIs), which sendWebResponse adds.
  const asIs = compress !== null && compressionLeavesAsIs(response, req.headers["accept-encoding"]);
  if (compress && !asIs) {
    compress(req, res, () => {});
    // A client that leaves mid-response would otherwise leak the zlib stream.
    res.once("close", () => {
      if (!res.writableFinished) releaseCompressionStream(res);
    });
  }
  try {
    const sending = sendWebResponse(req, res, response, asIs ? uncompressedHeaders : compress ? compressedHeaders : responseHeaders);
    if (sending) await sending;
  } catch (error) {
    logFailure(req.method, found.route.page, error);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    } else {
      res.destroy();
    }
  }
}

/**
 * Pages Next renders at once. Node renders one at a time anyway, but every
 * render under way holds its React tree and HTML until its response is sent:
 * fifty token-list pages asked for together took the server to 460 MB (the
 * bench, 50 connections; 382 MB with this limit, at the same rate). Only GETs
 * other than Next's static files wait their turn, in arrival order: a POST
 * (sign-in, a server action) could hold a place for minutes by sending its
 * body slowly. Nobody waits longer than NEXT_WAIT_MS: a page whose place is
 * held that long by others (slow clients, a slow upstream) goes ahead anyway,
 * so the limit smooths bursts and can never lock pages out. A request whose
 * client leaves while waiting is dropped.
 */
const NEXT_AT_ONCE = 8;
const NEXT_WAIT_MS = 5_000;
let nextRunning = 0;
const nextWaiting = new Set();

function toNext(req, res) {
  if (req.method !== "GET" || req.url?.startsWith("/_next/static/")) {
    void nextHandler(req, res);
  } else if (nextRunning < NEXT_AT_ONCE) {
    runNext(req, res);
  } else {
    const waiting = { req, res, timer: setTimeout(() => startWaiting(waiting), NEXT_WAIT_MS) };
    nextWaiting.add(waiting);
    res.once("close", () => {
      clearTimeout(waiting.timer);
      nextWaiting.delete(waiting);
    });
  }
}

/** Takes `waiting` out of the queue and runs it, if it is still there. */
function startWaiting(waiting) {
  if (!nextWaiting.delete(waiting)) return;
  clearTimeout(waiting.timer);
  runNext(waiting.req, waiting.res);
}

function runNext(req, res) {
  nextRunning += 1;
  // "close" comes once the answer is sent or the client has gone.
  res.once("close", () => {
    nextRunning -= 1;
    // Sets keep insertion order: the longest waiting first.
    const [first] = nextWaiting;
    if (first && nextRunning < NEXT_AT_ONCE) startWaiting(first);
  });
  void nextHandler(req, res);
}

const server = http.createServer((req, res) => {
  const url = req.url ?? "";
  // Next's to answer: a "#" (Next drops it and what follows from the path,
  // which the route table would read as part of it) and a request for a
  // component payload (Next redirects one that names no _rsc).
  if (url.charCodeAt(0) === 47 /* "/" */ && !url.includes("#") && req.headers.rsc === undefined) {
    const query = url.indexOf("?");
    const found = table.match(query === -1 ? url : url.slice(0, query));
    // A method the route file does not export (HEAD, OPTIONS, 405) is Next's to answer.
    const handler = found?.route.module.userland[req.method ?? ""];
    if (typeof handler === "function") {
      void serveFast(req, res, found, handler);
      return;
    }
  }
  toNext(req, res);
});
if (args.keepAliveTimeout) server.keepAliveTimeout = Number(args.keepAliveTimeout);

server.once("error", (error) => {
  console.error(`Latch cannot start: ${error.code === "EADDRINUSE" ? `port ${port} is in use` : error.message}.`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const address = server.address();
  const shown = hostname ?? "localhost";
  console.log(`Latch listening on http://${shown.includes(":") ? `[${shown}]` : shown}:${typeof address === "object" && address ? address.port : port}`);
  if (table.problems.length) console.warn(`Fast path off: ${table.problems.join("; ")}.`);
  else console.log(`Fast path: ${table.served.length ? table.served.join(", ") : "no machine route built"}.`);
});

// Finish what is in flight, then stop; as `next start` does on the same signals.
let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => server.closeAllConnections(), 10_000);
  force.unref();
  server.close(() => {
    void app.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
