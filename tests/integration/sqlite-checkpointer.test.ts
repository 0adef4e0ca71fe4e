// The direct SQLite connection leaves checkpoints to a worker thread
// (lib/db/sqlite-checkpointer.ts), so its commits never wait for an fsync of
// the database file. The log must still be copied back and start over: under
// steady writes it stays bounded, and nothing written is lost.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { config } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { RESTART_FRAMES } from "@/lib/db/sqlite-checkpointer";
import { sqliteDirect } from "@/lib/db/sqlite-direct";
import { sqliteTryRun, timeOrderedId } from "@/lib/db/sqlite-writer";
import { createOwner } from "../support/factories";

/**
 * Pages in the log now: mxFrame of the wal-index header at the start of the
 * `-shm` file (https://www.sqlite.org/walformat.html: offset 16, in the
 * machine's byte order), which every connection keeps current.
 */
function framesInLog(shm: number): number {
  const header = Buffer.alloc(20);
  fs.readSync(shm, header, 0, 20, 0);
  return header.readUInt32LE(16);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!condition()) throw new Error(`timed out waiting until ${what}`);
}

describe.skipIf(config().databaseProvider !== "sqlite")("SQLite checkpoints in a worker thread", () => {
  it("keep the log bounded under steady writes of the direct connection, and lose nothing", async () => {
    const owner = await createOwner();
    const { db: direct } = sqliteDirect();
    // The worker has taken over: the direct connection no longer checkpoints itself.
    await until(() => direct.pragma("wal_autocheckpoint", { simple: true }) === 0, "the worker is online");
    const shm = fs.openSync(`${config().databaseUrl.replace(/^file:/, "")}-shm`, "r");

    // Commits of a few pages each (a 10 KB name spills into an overflow page),
    // one at a time as a busy token endpoint makes them, until 24 times
    // RESTART_FRAMES pages have gone through the log.
    const name = "n".repeat(10_000);
    const now = new Date().toISOString().replace("Z", "+00:00");
    let commits = 0;
    let pages = 0;
    let largest = 0;
    try {
      let previous = framesInLog(shm);
      while (pages < 24 * RESTART_FRAMES) {
        const ok = sqliteTryRun(
          `INSERT INTO "Customer" ("id", "ownerId", "email", "name", "phone", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, NULL, ?, ?)`,
          timeOrderedId(),
          owner.id,
          `c${commits}@example.test`,
          name,
          now,
          now,
        );
        if (!ok) continue;
        commits += 1;
        const frames = framesInLog(shm);
        // A log that started over holds just this commit's pages.
        pages += frames > previous ? frames - previous : frames;
        previous = frames;
        largest = Math.max(largest, frames);
        // Turns of the event loop between bursts, as a server has.
        if (commits % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      fs.closeSync(shm);
    }

    // The log started over again and again instead of growing to hold all the
    // pages (it reached about 4.4 × RESTART_FRAMES here, the worker's lag
    // included). Without the direct connection's short checkpoint it held all
    // 24 × RESTART_FRAMES (measured): the worker's checkpoints miss the
    // commits made while they run, so the log never starts over by itself.
    expect(largest).toBeLessThan(12 * RESTART_FRAMES);
    expect(direct.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    // Everything is there, for Prisma's connection too.
    expect(await db().customer.count({ where: { ownerId: owner.id } })).toBe(commits);
  });
});
