// `npm run bench`: Latch's machine endpoints under load, side by side with
// node-oidc-provider. See README "Performance" and bench/scenarios.mjs.
//
//   npm run bench                      SQLite, fresh database in a temp dir
//   npm run bench -- --pg              PostgreSQL: BENCH_DATABASE_URL names a server the
//                                      bench may create and drop databases on; the bench
//                                      starts no PostgreSQL itself
//   options: --duration S (5) --rounds N (3) --warmup S (3) --connections N (50)
//            --only id,id  --skip-build (reuse .next when built for the same database)
//            --profile DIR (the production servers on the big and the small table
//            each write a V8 CPU profile there when they stop;
//            `node bench/profile-summary.mjs FILE.cpuprofile` reads one)
import { spawn, spawnSync, execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { PROFILES, seedDatabase } from "./seed.mjs";
import { scenarios as defineScenarios, TARGETS } from "./scenarios.mjs";
import { cpuTimeUs, startProcess, waitForHttp, peakRssMb } from "./lib/processes.mjs";
import { renderTable } from "./lib/report.mjs";
import { productionServerArgs } from "../server/start-command.mjs";

const projectDir = path.resolve(import.meta.dirname, "..");
process.chdir(projectDir);

const { values: args } = parseArgs({
  options: {
    pg: { type: "boolean", default: false },
    duration: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "50" },
    only: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    profile: { type: "string" },
  },
});
const settings = {
  database: args.pg ? "postgresql" : "sqlite",
  duration: Number(args.duration),
  rounds: Number(args.rounds),
  warmup: Number(args.warmup),
  connections: Number(args.connections),
};
const only = args.only ? new Set(args.only.split(",")) : null;
const log = (line) => process.stdout.write(`${line}\n`);
const started = Date.now();
const machineAtStart = machine();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "latch-bench-"));
const cleanups = [];

async function cleanup() {
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch {
      // best effort
    }
  }
  // The fixtures hold plaintext tokens.
  fs.rmSync(workDir, { recursive: true, force: true });
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

function build(databaseUrl) {
  const provider = settings.database;
  const marker = path.join(projectDir, ".next/latch-provider");
  const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  // The Prisma client must match the database the build is for.
  execFileSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: ["ignore", "ignore", "inherit"], env });
  if (args["skip-build"] && fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === provider) {
    log("Reusing the existing build.");
    return;
  }
  log(`Building Latch for ${provider} (next build)...`);
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: ["ignore", "pipe", "inherit"], env });
  if (result.status !== 0) {
    process.stdout.write(result.stdout);
    throw new Error("next build failed");
  }
  fs.writeFileSync(marker, provider);
}

async function createDatabase(name) {
  if (!args.pg) return `file:${path.join(workDir, `${name}.db`)}`;
  const server = process.env.BENCH_DATABASE_URL;
  const database = `latch_bench_${name}_${crypto.randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

async function migrate(databaseUrl) {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  try {
    const { migrate: run } = await import("../scripts/migrate.mjs");
    await run({ quiet: true });
  } finally {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}

async function startLatch(name, databaseUrl, keys, kind = "production-server") {
  const profile = args.profile && (name === "latch" || name === "latch-small") ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.profile)}`] : [];
  const { port, child, logFile } = await startProcess(name, workDir, (p) =>
    kind === "next-start"
      ? ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(p)]
      : [...profile, ...productionServerArgs(), "-H", "127.0.0.1", "-p", String(p)],
  (p) => ({
    ...keys,
    DATABASE_URL: databaseUrl,
    LATCH_PUBLIC_URL: `http://127.0.0.1:${p}`,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  }),
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/health`, child, logFile);
  cleanups.push(() => child.stop());
  return { name, base, child, logFile };
}

async function startReference() {
  const child = spawn(process.execPath, ["bench/oidc-reference.mjs", "0"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production" } });
  cleanups.push(() => child.kill("SIGTERM"));
  const line = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.split("\n")[0]);
    });
    child.once("exit", (code) => reject(new Error(`node-oidc-provider exited with ${code}`)));
  });
  const info = JSON.parse(line);
  return { name: "oidc", base: `http://127.0.0.1:${info.port}`, child, ...info };
}

/** Tokens from the reference's own client_credentials grant, to introspect. */
async function referenceTokens(reference, count) {
  const auth = `Basic ${Buffer.from(`${reference.clientId}:${reference.clientSecret}`).toString("base64")}`;
  const tokens = [];
  while (tokens.length < count) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, count - tokens.length) }, async () => {
        const response = await fetch(`${reference.base}/token`, {
          method: "POST",
          headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded" },
          body: "grant_type=client_credentials",
        });
        if (!response.ok) throw new Error(`node-oidc-provider token endpoint answered ${response.status}`);
        return (await response.json()).access_token;
      }),
    );
    tokens.push(...batch);
  }
  return tokens;
}

/** Signs in through next-auth's credentials endpoint, as the login form does; returns the Cookie header. */
async function signIn(base, email, password) {
  const cookies = new Map();
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = await csrfResponse.json();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(response);
  if (![...cookies.keys()].some((k) => k.endsWith("next-auth.session-token"))) return null;
  return header();
}

function specFor(scenario, server, variantsOverride) {
  return {
    url: `${server.base}${scenario.path}`,
    method: scenario.method ?? "GET",
    headers: scenario.headers ?? {},
    body: scenario.body,
    variants: variantsOverride ?? scenario.variants,
    unique: Boolean(variantsOverride),
    connections: settings.connections,
  };
}

/** One request, to learn whether the endpoint exists and answers as the scenario expects. */
async function probe(scenario, server) {
  const spec = specFor(scenario, server);
  const variant = scenario.probeVariant ?? spec.variants?.[0] ?? {};
  const response = await fetch(spec.url, {
    method: spec.method,
    headers: { ...spec.headers, ...variant.headers },
    body: variant.body ?? spec.body,
    redirect: "manual",
  });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  if (response.status === 404 && type.startsWith("text/html")) return { status: "skipped", reason: "endpoint missing" };
  if (response.status < 200 || response.status > 299) return { status: "failed", reason: `probe answered ${response.status}` };
  if (scenario.expectBody && !scenario.expectBody.test(text)) return { status: "failed", reason: "probe answer lacks the expected content" };
  const notes = [];
  const landed = scenario.landsOn ? text.includes(scenario.landsOn) : null;
  if (landed === false) notes.push(`the deep page does not show "${scenario.landsOn}", so it is not the deep page: set BENCH_DEEP_PAGE_PATH if the list pages differently`);
  return { status: "measured", notes, landed };
}

function runLoad(spec, duration) {
  const file = path.join(workDir, `spec-${crypto.randomBytes(4).toString("hex")}.json`);
  fs.writeFileSync(file, JSON.stringify({ ...spec, duration }), { mode: 0o600 });
  const result = spawnSync(process.execPath, ["bench/load.mjs", file], { encoding: "utf8", maxBuffer: 16 * 2 ** 20 });
  fs.rmSync(file, { force: true });
  if (result.status !== 0) throw new Error(`load generator failed: ${result.stderr.slice(-2000)}`);
  return JSON.parse(result.stdout.trim().split("\n").pop());
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Waits until every server has gone quiet (no CPU tick among them for 100 ms),
 * for 3 s at most: what one target leaves behind (a collection of the garbage
 * of Next's pages, WAL checkpoints after a burst of tokens) would otherwise be
 * paid by the next target, on the cores the servers share, and counted
 * against it.
 */
async function settle(servers) {
  const total = () => servers.reduce((sum, server) => sum + (cpuTimeUs(server.child.pid) ?? 0), 0);
  let before = total();
  for (let waited = 0; waited < 3000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = total();
    if (now === before) return;
    before = now;
  }
}

async function main() {
  if (args.pg && !process.env.BENCH_DATABASE_URL) {
    throw new Error("--pg needs BENCH_DATABASE_URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres (the bench creates and drops its own databases there)");
  }
  log(`Latch bench on ${settings.database}: ${settings.rounds} rounds of ${settings.duration} s per target after a ${settings.warmup} s warm-up, ${settings.connections} connections.`);
  const bigUrl = await createDatabase("big");
  const smallUrl = await createDatabase("small");
  build(bigUrl);

  const keys = { AUTH_SECRET: crypto.randomBytes(32).toString("base64url"), LATCH_ENCRYPTION_KEY: `b1:${crypto.randomBytes(32).toString("base64")}` };
  // Enough fresh refresh tokens for the warm-up and every round at 8,000 req/s.
  const refreshPerRun = Math.max(20_000, Math.ceil(Math.max(settings.duration, settings.warmup) * 8_000));
  log("Seeding (direct SQL)...");
  await migrate(bigUrl);
  await migrate(smallUrl);
  const fixtures = await seedDatabase({
    databaseUrl: bigUrl,
    encryptionKey: keys.LATCH_ENCRYPTION_KEY,
    outFile: path.join(workDir, "fixtures-big.json"),
    profile: PROFILES.full,
    refreshTokens: 1 + refreshPerRun * (settings.rounds + 1),
    log,
  });
  const small = await seedDatabase({
    databaseUrl: smallUrl,
    encryptionKey: keys.LATCH_ENCRYPTION_KEY,
    outFile: path.join(workDir, "fixtures-small.json"),
    profile: PROFILES.small,
    log,
  });

  log("Starting Latch (production server, and next start for the baseline through Next), a 1,000-token Latch and node-oidc-provider...");
  const servers = {
    latch: await startLatch("latch", bigUrl, keys),
    latchNext: await startLatch("latch-next-start", bigUrl, keys, "next-start"),
    latchSmall: await startLatch("latch-small", smallUrl, keys),
    oidc: await startReference(),
  };
  const oidcTokens = await referenceTokens(servers.oidc, 2_000);
  const sessionCookie = await signIn(servers.latch.base, fixtures.heavyOwner.email, fixtures.password);
  if (!sessionCookie) log("  Could not sign in as the heavy owner: the token list scenarios will fail.");
  // The 1,000-token server signs in too, so that both have served requests
  // through Next, as a server in use has: from then on Next's
  // AsyncLocalStorage tracks every promise in the process (about 5 µs of a
  // /api/v1/me request, measured), and a server that never had would look
  // faster for a reason that has nothing to do with its table.
  await signIn(servers.latchSmall.base, small.heavyOwner.email, small.password);

  const all = defineScenarios({ fixtures, small, oidc: { ...servers.oidc, tokens: oidcTokens }, sessionCookie }).filter((s) => !only || only.has(s.id));
  const results = [];
  for (const scenario of all) {
    const server = servers[scenario.target];
    const outcome = await probe(scenario, server);
    results.push({ scenario, server, ...outcome, runs: [], warmup: null });
    const line = outcome.status === "measured" ? "ok" : `${outcome.status}: ${outcome.reason}`;
    log(`  probe ${scenario.id}: ${line}${outcome.notes?.length ? ` (${outcome.notes.join("; ")})` : ""}`);
  }

  const measured = results.filter((r) => r.status === "measured");
  const runsPerScenario = settings.rounds + 1;
  for (let round = 0; round < runsPerScenario; round++) {
    const warm = round === 0;
    log(warm ? `Warm-up (${settings.warmup} s each, discarded)...` : `Round ${round} of ${settings.rounds}...`);
    for (const result of measured) {
      const { scenario, server } = result;
      let variants;
      if (scenario.freshVariants) {
        const size = Math.floor(scenario.freshVariants.length / runsPerScenario);
        variants = scenario.freshVariants.slice(round * size, (round + 1) * size);
      }
      await settle(Object.values(servers));
      const cpuBefore = cpuTimeUs(server.child.pid);
      const run = runLoad(specFor(scenario, server, variants), warm ? settings.warmup : settings.duration);
      const cpuAfter = cpuTimeUs(server.child.pid);
      // The server's own CPU per request: steadier than req/s when neighbours take the machine's time.
      run.cpuUs = cpuBefore !== null && cpuAfter !== null && run.requests > 0 ? Math.round((cpuAfter - cpuBefore) / run.requests) : null;
      if (warm) result.warmup = run;
      else result.runs.push(run);
      log(
        `  ${scenario.id.padEnd(24)} ${run.rps.toFixed(0).padStart(7)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  ${run.cpuUs ?? "?"} µs CPU/req (load generator ${run.clientCpuUs ?? "?"})${run.bytesPerRequest ? `  ${(run.bytesPerRequest / 1024).toFixed(1)} KB an answer` : ""}${run.errors + run.non2xx ? `  ${run.errors + run.non2xx} failed` : ""}`,
      );
    }
  }

  const peak = { latch: peakRssMb(servers.latch.child.pid), oidc: peakRssMb(servers.oidc.child.pid) };
  const byId = new Map();
  for (const result of results) {
    const all = [...result.runs, ...(result.warmup ? [result.warmup] : [])];
    const failed = all.reduce((n, r) => n + r.errors + r.non2xx, 0);
    const row = {
      id: result.scenario.id,
      label: result.scenario.label,
      target: result.scenario.target,
      status: result.status,
      reason: result.reason ?? null,
      notes: result.notes ?? [],
      landed: result.landed ?? null,
      rps: result.runs.length ? median(result.runs.map((r) => r.rps)) : null,
      p50: result.runs.length ? median(result.runs.map((r) => r.p50)) : null,
      p99: result.runs.length ? median(result.runs.map((r) => r.p99)) : null,
      cpuUs: result.runs.some((r) => r.cpuUs !== null) ? median(result.runs.filter((r) => r.cpuUs !== null).map((r) => r.cpuUs)) : null,
      failed: result.status === "failed" ? Math.max(1, failed) : failed,
      rounds: result.runs,
      reference: result.scenario.reference ?? null,
    };
    byId.set(row.id, row);
  }
  const baseline = byId.get("baseline")?.rps;
  for (const row of byId.values()) {
    row.vsBaseline = row.rps && baseline && row.target !== "oidc" ? row.rps / baseline : null;
    const reference = row.reference ? byId.get(row.reference)?.rps : null;
    row.vsReference = row.rps && reference ? row.rps / reference : null;
  }
  const targets = TARGETS.map((t) => {
    const of = byId.get(t.of)?.rps;
    const over = byId.get(t.over)?.rps;
    // A deep page that is really the first page proves nothing.
    const ratio = of && over && byId.get(t.of)?.landed !== false ? of / over : null;
    return { ...t, ratio, met: ratio === null ? null : ratio >= t.min };
  });
  const failedTotal = [...byId.values()].reduce((n, r) => n + r.failed, 0);
  targets.push({ id: "errors", label: "zero failed requests", ratio: null, value: failedTotal, met: failedTotal === 0 });
  targets.push({ id: "memory", label: "server peak memory under 500 MB", ratio: null, value: peak.latch, met: peak.latch === null ? null : peak.latch < 500 });

  const report = {
    startedAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    machine: machineAtStart,
    settings,
    tables: {
      big: fixtures.tokenCount,
      small: small.tokenCount,
      heavyOwnerTokens: fixtures.heavyOwner.tokens,
      // The /api/v1/me scenarios' samples: every live token of the small table that may call both, at most 2,000 of the big one's.
      bearerSamples: { big: fixtures.bearer.length, small: small.bearer.length },
    },
    peakRssMb: peak,
    scenarios: [...byId.values()],
    targets,
  };
  fs.writeFileSync(path.join(projectDir, "bench/results.json"), `${JSON.stringify(report, null, 2)}\n`);
  log("");
  log(renderTable(report));
  log(`\nWritten to bench/results.json (${report.seconds} s).`);
  return failedTotal === 0;
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error(`Bench failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanup();
}
process.exit(ok ? 0 : 1);
