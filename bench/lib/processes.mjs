// Child processes of the bench: servers on free loopback ports, readiness
// checks, and peak memory from the kernel's own high-water mark.
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `node ARGS` with its output in a log file; `stop()` sends SIGTERM, then SIGKILL. */
export async function startProcess(name, logDir, argsFor, envFor) {
  const port = await freePort();
  const logFile = path.join(logDir, `${name}.log`);
  const out = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, argsFor(port), { env: { ...process.env, ...envFor(port) }, stdio: ["ignore", out, out] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.closeSync(out);
  };
  return { port, child, logFile };
}

export async function waitForHttp(url, child, logFile, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${path.basename(logFile)}: exited with ${child.exitCode}:\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer in time:\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** CPU time (user + system, every thread) the process has used so far, in µs; null where /proc is missing. */
export function cpuTimeUs(pid) {
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** USER_HZ: 100 on every Linux build this runs on. */
const CLOCK_TICKS = 100;

/** Peak resident memory of a live process in MB (Linux VmHWM; elsewhere the current RSS from ps). */
export function peakRssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
    if (kb) return Math.round(kb / 1024);
  } catch {
    // not Linux
  }
  try {
    return Math.round(Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim()) / 1024);
  } catch {
    return null;
  }
}
