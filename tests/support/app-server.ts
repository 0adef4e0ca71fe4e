// Starts the real production build on a loopback port against a given
// database, and stops it: by default the production server `npm start` runs
// (server/production-server.mjs: machine routes on the fast path, the rest
// through Next), or plain `next start` with LATCH_TEST_SERVER=next-start or
// `{ server: "next-start" }`. Output goes to a log file so tests can check
// that no secret was ever logged.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { productionServerArgs } from "@/server/start-command.mjs";

export interface AppServer {
  baseUrl: string;
  logFile: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export type ServerKind = "production-server" | "next-start";

export function defaultServerKind(): ServerKind {
  return process.env.LATCH_TEST_SERVER === "next-start" ? "next-start" : "production-server";
}

function serverCommand(kind: ServerKind, port: number): string[] {
  const address = ["-H", "127.0.0.1", "-p", String(port)];
  return kind === "next-start"
    ? [path.resolve("node_modules/next/dist/bin/next"), "start", ...address]
    : [...productionServerArgs(), ...address];
}

export async function startAppServer(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  { server = defaultServerKind() }: { server?: ServerKind } = {},
): Promise<AppServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logDir = path.resolve("test-results");
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `server-${port}.log`);
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    LATCH_ENCRYPTION_KEY: `t1:${crypto.randomBytes(32).toString("base64")}`,
    LATCH_PUBLIC_URL: baseUrl,
    LATCH_ALLOW_PRIVATE_METADATA_URLS: "true",
    ...extraEnv,
  };
  const log = fs.openSync(logFile, "w");
  const child: ChildProcess = spawn(process.execPath, serverCommand(server, port), {
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${server} exited with ${child.exitCode}:\n${fs.readFileSync(logFile, "utf8")}`);
    }
    try {
      const response = await fetch(`${baseUrl}/login`);
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${server} did not answer within 60 s:\n${fs.readFileSync(logFile, "utf8")}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    baseUrl,
    logFile,
    env,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      fs.closeSync(log);
    },
  };
}
