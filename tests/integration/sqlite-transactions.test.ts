// Prisma's SQLite transactions hold the write lock from their start
// (lib/db/prisma.ts): a commit from another process between a transaction's
// read and its write would otherwise make SQLite refuse that write at once,
// failing an owner's revocation or permission change.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { config } from "@/lib/config/env";
import { PrismaClient } from "@prisma/client";
import { db, SqliteAdapter } from "@/lib/db/prisma";
import { sqliteMayWrite } from "@/lib/db/sqlite-direct";
import { createOwner } from "../support/factories";

describe.skipIf(config().databaseProvider !== "sqlite")("Prisma's SQLite transactions", () => {
  it("take the write lock before their first read, and give it back when they end", async () => {
    const owner = await createOwner();
    // Another process's connection, as a second server or a script would have.
    const other = new Database(config().databaseUrl.replace(/^file:/, ""), { timeout: 0 });
    const tryWrite = () => {
      try {
        other.prepare("BEGIN IMMEDIATE").run();
        other.prepare("ROLLBACK").run();
        return "written";
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    try {
      await db().$transaction(async (tx) => {
        await tx.user.findUnique({ where: { id: owner.id } });
        expect(sqliteMayWrite()).toBe(false);
        // Every attempt, not just one that met the server writing at that moment.
        const attempts: unknown[] = [];
        for (let i = 0; i < 20; i++) {
          attempts.push(tryWrite());
          await pause();
        }
        expect(attempts).toEqual(Array(20).fill("SQLITE_BUSY"));
      });
      expect(sqliteMayWrite()).toBe(true);
      // Afterwards it gets through (once the server, writing for other tests, lets it).
      let after = tryWrite();
      for (let i = 0; i < 200 && after !== "written"; i++) {
        await pause();
        after = tryWrite();
      }
      expect(after).toBe("written");
    } finally {
      other.close();
    }
  });

  it("begin as before when another process keeps the lock past the busy timeout, and later ones still run", async () => {
    const owner = await createOwner();
    const file = config().databaseUrl;
    // A client of our own with a short busy timeout, so the test need not wait 5 s.
    const prisma = new PrismaClient({ adapter: new SqliteAdapter({ url: file, timeout: 50 }) });
    const other = new Database(file.replace(/^file:/, ""), { timeout: 2000 });
    try {
      other.prepare("BEGIN IMMEDIATE").run();
      // Waits out the busy timeout, then begins deferred: reading still works.
      const read = await prisma.$transaction((tx) => tx.user.findUnique({ where: { id: owner.id }, select: { id: true } }));
      expect(read?.id).toBe(owner.id);
      other.prepare("COMMIT").run();
      // The adapter's own transaction lock was released: the next one runs and writes.
      const email = `still-works-${owner.id}@example.test`;
      const changed = await prisma.$transaction((tx) => tx.user.update({ where: { id: owner.id }, data: { email }, select: { email: true } }));
      expect(changed.email).toBe(email);
    } finally {
      if (other.inTransaction) other.prepare("ROLLBACK").run();
      other.close();
      await prisma.$disconnect();
    }
  });
});
