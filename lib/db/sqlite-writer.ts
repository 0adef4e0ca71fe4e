import "server-only";
import crypto from "node:crypto";
import { sqliteConnection } from "@/lib/db/sqlite-connection";

// One-statement inserts on the hottest write (an access token from the token
// endpoint), prepared once, outside Prisma's per-query compilation. The
// connection never waits for SQLite's lock (busy timeout 0): while one of
// Prisma's interactive transactions holds it, across turns of this same event
// loop, waiting here would stall that transaction too. A busy answer returns
// false and the caller takes the Prisma path, which queues properly.

/** Runs one autocommit statement; false when the database is busy (take the slow path). */
export function sqliteTryRun(sql: string, ...params: (string | number | null)[]): boolean {
  const statement = sqliteConnection("writer", 0).prepared(sql);
  try {
    statement.run(...params);
    return true;
  } catch (error) {
    if (error instanceof Error && "code" in error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED")) return false;
    throw error;
  }
}

let counter = 0;

/**
 * An id shaped like Prisma's cuid(): "c", the time in base 36, a counter, then
 * randomness, so ids sort by creation like the ones Prisma makes (lists break
 * ties on equal timestamps by id).
 */
export function timeOrderedId(now = Date.now()): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${now.toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${crypto.randomBytes(8).toString("hex")}`;
}
