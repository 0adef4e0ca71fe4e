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

/** The log's checkpoint sequence number: one more each time the log starts over (SQLite's file format, WAL header offset 12). */
function logRestarts(walFile: string): number {
  const header = Buffer.alloc(16);
  const fd = fs.openSync(walFile, "r");
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  return header.readUInt32BE(12);
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
    const walFile = `${config().databaseUrl.replace(/^file:/, "")}-wal`;

    // Commits of a few pages each (a 10 KB name spills into overflow pages),
    // one at a time as a busy token endpoint makes them: far more pages in
    // all than the log may hold before it starts over.
    const commits = Math.ceil((8 * RESTART_FRAMES) / 3);
    const name = "n".repeat(10_000);
    const now = new Date().toISOString().replace("Z", "+00:00");
    let written = 0;
    const restartsBefore = logRestarts(walFile);
    while (written < commits) {
      const ok = sqliteTryRun(
        `INSERT INTO "Customer" ("id", "ownerId", "email", "name", "phone", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, NULL, ?, ?)`,
        timeOrderedId(),
        owner.id,
        `c${written}@example.test`,
        name,
        now,
        now,
      );
      if (ok) written += 1;
      // Turns of the event loop between bursts, as a server has.
      if (written % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    }

    // More than 8 × RESTART_FRAMES pages went through the log: it started over
    // several times instead of growing to hold them all. Without the direct
    // connection's short checkpoint it started over once at most here: the
    // worker's checkpoints miss the commits made while they run.
    expect(logRestarts(walFile) - restartsBefore).toBeGreaterThanOrEqual(3);
    expect(direct.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    // Everything is there, for Prisma's connection too.
    expect(await db().customer.count({ where: { ownerId: owner.id } })).toBe(commits);
  });
});
