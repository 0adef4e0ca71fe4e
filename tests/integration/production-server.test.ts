// The production server (`npm start`) answers machine routes itself and hands
// everything else to Next. A client must not be able to tell the two paths
// apart: same status, headers (security headers included) and body as plain
// `next start` gives for the same request, on the same database and keys.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort, startAppServer, type AppServer } from "../support/app-server";
import { ownerWithToken } from "../support/resource-helpers";
import { productionServerArgs } from "@/server/start-command.mjs";

const baseUrl = inject("baseUrl");
const serverEnv = inject("serverEnv");
const serverLogFile = inject("serverLogFile");
const usesProductionServer = process.env.LATCH_TEST_SERVER !== "next-start";

/**
 * Headers that describe the connection, the moment or the transfer, not the
 * answer. Transfer only: Next gzips even an 11-byte body for a client that
 * accepts gzip (its compression middleware never learns the length), the fast
 * path only bodies of 1 KiB and more, as that middleware intends; fetch
 * decodes both to the same body.
 */
const TRANSIENT = new Set(["date", "connection", "keep-alive", "content-encoding", "transfer-encoding", "content-length"]);

interface Answer {
  status: number;
  headers: Record<string, string>;
  cookies: string[];
  body: string;
}

async function ask(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(new URL(path, base), { redirect: "manual", ...init });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!TRANSIENT.has(name) && name !== "set-cookie") headers[name] = value;
  });
  return { status: response.status, headers, cookies: response.headers.getSetCookie(), body: await response.text() };
}

/** A request fetch cannot send (a "#" in the target), through node:http. */
function askRaw(base: string, target: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(base), { path: target, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        const kept: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (!TRANSIENT.has(name) && name !== "set-cookie" && value !== undefined) kept[name] = Array.isArray(value) ? value.join(", ") : value;
        }
        resolve({ status: response.statusCode ?? 0, headers: kept, cookies: response.headers["set-cookie"] ?? [], body });
      });
    });
    request.on("error", reject);
  });
}

/** Sends the head of a POST and part of its body, raw; resolves with what the server answers first (or "" when it answers nothing in `ms`). */
function partialPost(base: string, target: string, declaredLength: number, sent: string, ms: number): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        `POST ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${declaredLength}\r\n\r\n${sent}`,
      );
    });
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("error", () => {});
    setTimeout(() => {
      socket.destroy();
      resolve(answer);
    }, ms);
  });
}

describe.runIf(usesProductionServer)("production server fast path", () => {
  let plainNext: AppServer;

  beforeAll(async () => {
    // Same database, keys and public URL as the server under test.
    plainNext = await startAppServer(serverEnv.DATABASE_URL!, serverEnv, { server: "next-start" });
  });

  afterAll(async () => {
    await plainNext?.stop();
  });

  it("serves the machine routes that exist in this build itself", () => {
    const log = fs.readFileSync(serverLogFile, "utf8");
    const line = log.split("\n").find((l) => l.startsWith("Fast path:"));
    expect(line, log).toBeDefined();
    expect(line).toContain("/api/health");
  });

  it("answers the health route exactly as next start does", async () => {
    const fast = await ask(baseUrl, "/api/health");
    const next = await ask(plainNext.baseUrl, "/api/health");
    expect(fast.status).toBe(200);
    expect(JSON.parse(fast.body)).toEqual({ ok: true });
    expect(fast).toEqual(next);
    expect(fast.headers["x-frame-options"]).toBe("DENY");
    expect(fast.headers["x-content-type-options"]).toBe("nosniff");
    expect(fast.headers["content-security-policy"]).toBe("frame-ancestors 'none'");
    expect(fast.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("gives the same answers for a query string, compression, HEAD, OPTIONS, a wrong method and a trailing slash", async () => {
    const requests: Array<[string, RequestInit]> = [
      ["/api/health?probe=1", {}],
      ["/api/health", { headers: { "accept-encoding": "gzip, deflate" } }],
      ["/api/health", { method: "HEAD" }],
      ["/api/health", { method: "OPTIONS" }],
      ["/api/health", { method: "POST", body: "x=1", headers: { "content-type": "application/x-www-form-urlencoded" } }],
      ["/api/health/", {}],
      ["/api/healthz", {}],
    ];
    for (const [path, init] of requests) {
      const fast = await ask(baseUrl, path, init);
      const next = await ask(plainNext.baseUrl, path, init);
      // Redirects name the server they came from.
      if (fast.headers.location) fast.headers.location = fast.headers.location.replace(baseUrl, "");
      if (next.headers.location) next.headers.location = next.headers.location.replace(plainNext.baseUrl, "");
      expect({ path, ...fast }, `${init.method ?? "GET"} ${path}`).toEqual({ path, ...next });
    }
  });

  it("refuses a missing bearer token on the API the same way on both paths", async () => {
    const next = await ask(plainNext.baseUrl, "/api/v1/me");
    if (next.status === 404) return; // the resource server is not in this build
    const fast = await ask(baseUrl, "/api/v1/me");
    expect(next.status).toBe(401);
    expect(fast).toEqual(next);
  });

  it("answers a target with a fragment, and a component-payload request, as next start does", async () => {
    for (const [target, headers] of [
      ["/api/health#x", {}],
      ["/api/v1/me#x", {}],
      ["/api/v1/me#x?y=1", {}],
      ["/api/health", { rsc: "1" }],
    ] as const) {
      const fast = await askRaw(baseUrl, target, headers);
      const next = await askRaw(plainNext.baseUrl, target, headers);
      if (fast.headers.location) fast.headers.location = fast.headers.location.replace(baseUrl, "");
      if (next.headers.location) next.headers.location = next.headers.location.replace(plainNext.baseUrl, "");
      expect({ target, ...fast }, target).toEqual({ target, ...next });
    }
  });

  it("refuses a body announced too large at once, and logs no failure for a client that leaves mid-body", async () => {
    // The token endpoint takes 64 KiB at most: it answers from the Content-Length, before the body comes.
    const tooLarge = await partialPost(baseUrl, "/oauth/token", 1_000_000, "grant_type=client_credentials", 1_500);
    expect(tooLarge).toMatch(/^HTTP\/1\.1 400 /);
    expect(tooLarge).toContain("too large");

    const logged = fs.readFileSync(serverLogFile, "utf8").length;
    await partialPost(baseUrl, "/oauth/token", 100, "grant_type=client_credentials", 200);
    await partialPost(baseUrl, "/api/v1/customers", 100, "{\"name\":", 200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fs.readFileSync(serverLogFile, "utf8").slice(logged)).not.toContain("failed");
    expect((await ask(baseUrl, "/api/health")).status).toBe(200);
  });

  it("streams a body over 64 KiB to the handler, and keeps the connection for the next request when it is refused unread", async () => {
    const { token } = await ownerWithToken();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (target: string, body: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; body: string; reused: boolean }>((resolve, reject) => {
        const request = http.request(new URL(target, baseUrl), { method: "POST", agent, headers: { "content-type": "application/json", ...headers } }, (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text, reused: request.reusedSocket }));
        });
        request.on("error", reject);
        request.setTimeout(4_000, () => request.destroy(new Error(`no answer to ${target}`)));
        request.end(body);
      });
    try {
      const large = JSON.stringify({ name: "x".repeat(2_000_000), email: "big@example.test" });
      // 2 MB, still arriving when the answer goes: refused before the body is
      // read (no token), then too large to read, and the same connection goes on.
      expect((await post("/api/v1/customers", large)).status).toBe(401);
      const tooLarge = await post("/api/v1/customers", large, { authorization: `Bearer ${token}` });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.reused).toBe(true);
      // MCP takes bodies up to 1 MiB: a 100 KB one (padded JSON) is read whole.
      const padded = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }).replace("{", `{${" ".repeat(100_000)}`);
      const listed = await post("/mcp", padded, { authorization: `Bearer ${token}`, accept: "application/json, text/event-stream" });
      expect(listed.status).toBe(200);
      expect(listed.reused).toBe(true);
      expect(listed.body).toContain("list_customers");
    } finally {
      agent.destroy();
    }
  });

  it("still serves pages and sign-in through Next, with the same security headers", async () => {
    const fast = await ask(baseUrl, "/login");
    expect(fast.status).toBe(200);
    expect(fast.headers["x-frame-options"]).toBe("DENY");
    const csrf = await ask(baseUrl, "/api/auth/csrf");
    expect(csrf.status).toBe(200);
    expect(JSON.parse(csrf.body)).toHaveProperty("csrfToken");
  });

  it("serves every page when more are asked for at once than Next renders at a time, also after clients leave while waiting", async () => {
    // Next renders 8 requests at a time on this server; the rest wait their turn.
    const many = await Promise.all(Array.from({ length: 30 }, () => ask(baseUrl, "/login")));
    expect(many.map((a) => a.status)).toEqual(Array(30).fill(200));

    // Clients that give up while they wait (or while rendered) must not keep a place.
    const leaving = Array.from({ length: 30 }, () => {
      const controller = new AbortController();
      // The abort may come before the answer or while its body is read.
      const answer = fetch(new URL("/login", baseUrl), { signal: controller.signal })
        .then((response) => response.text())
        .catch(() => null);
      setTimeout(() => controller.abort(), 5);
      return answer;
    });
    await Promise.all(leaving);
    const after = await Promise.all(Array.from({ length: 10 }, () => ask(baseUrl, "/login", { signal: AbortSignal.timeout(15_000) })));
    expect(after.map((a) => a.status)).toEqual(Array(10).fill(200));
  });

  it("refuses to start on a bad configuration, as next start does, before it listens", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [...productionServerArgs(), "-H", "127.0.0.1", "-p", String(port)], {
      env: { ...process.env, ...serverEnv, AUTH_SECRET: "too-short", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain("Latch cannot start: AUTH_SECRET must be at least 32 characters");
    expect(output).not.toContain("Latch listening");
  });
});
