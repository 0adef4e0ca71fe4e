import "server-only";
import { randomBytesPooled } from "@/lib/crypto/random";
import { noteDirectCommit } from "@/lib/db/sqlite-checkpointer";
import { isSqliteBusy, sqliteDirect, sqliteMayWrite } from "@/lib/db/sqlite-direct";

// Writes on the hot paths as prepared statements on the direct connection
// (lib/db/sqlite-direct.ts), which never waits for the lock: each function
// answers false when the database is busy (or one of Prisma's transactions is
// open in this process), and the caller takes the Prisma path instead (or
// keeps its data for the next attempt).

type Param = string | number | null;
type Run = (sql: string, ...params: Param[]) => number;

/** Runs one autocommit statement; false when the database is busy. */
export function sqliteTryRun(sql: string, ...params: Param[]): boolean {
  if (!sqliteMayWrite()) return false;
  try {
    sqliteDirect().prepared(sql).run(...params);
  } catch (error) {
    if (isSqliteBusy(error)) return false;
    throw error;
  }
  noteDirectCommit();
  return true;
}

/**
 * Runs `work` in one transaction (BEGIN IMMEDIATE, so the lock is taken up
 * front or not at all). False when the database is busy and nothing ran; an
 * error thrown by `work` rolls everything back and is thrown again.
 */
export function sqliteTryTransaction(work: (run: Run) => void): boolean {
  if (!sqliteMayWrite()) return false;
  const { db, prepared } = sqliteDirect();
  try {
    prepared("BEGIN IMMEDIATE").run();
  } catch (error) {
    if (isSqliteBusy(error)) return false;
    throw error;
  }
  try {
    work((sql, ...params) => prepared(sql).run(...params).changes);
  } catch (error) {
    if (db.inTransaction) prepared("ROLLBACK").run();
    throw error;
  }
  try {
    prepared("COMMIT").run();
  } catch (error) {
    if (db.inTransaction) prepared("ROLLBACK").run();
    // Only without WAL can a commit find readers in the way: nothing was written.
    if (isSqliteBusy(error)) return false;
    throw error;
  }
  // After the commit's own error handling: what follows must not make a
  // committed write look failed (the caller would write it again).
  noteDirectCommit();
  return true;
}

interface PendingInsert {
  sql: string;
  params: Param[];
  resolve: (committed: boolean) => void;
  reject: (error: unknown) => void;
}

let pending: PendingInsert[] = [];

/**
 * Inserts a row in one transaction with every other insert asked for in the
 * same turn of the event loop (a group commit): under load one commit carries
 * the tokens of many concurrent requests, and the index pages they share are
 * written once. Resolves true once committed, false when the database is busy
 * (take the Prisma path); rejects with the row's own error (a constraint),
 * which does not stop the others.
 */
export function sqliteInsertWithOthers(sql: string, ...params: Param[]): Promise<boolean> {
  return new Promise((resolve, reject) => {
    pending.push({ sql, params, resolve, reject });
    if (pending.length === 1) setImmediate(commitPendingInserts);
  });
}

function commitPendingInserts(): void {
  const batch = pending;
  pending = [];
  const failed = new Map<PendingInsert, unknown>();
  let committed: boolean;
  try {
    committed = sqliteTryTransaction((run) => {
      for (const insert of batch) {
        try {
          run(insert.sql, ...insert.params);
        } catch (error) {
          // A constraint undoes just this statement and the transaction goes
          // on; an error that ended the transaction (disk full, I/O) ends the batch.
          if (!sqliteDirect().db.inTransaction) throw error;
          failed.set(insert, error);
        }
      }
    });
  } catch (error) {
    for (const insert of batch) insert.reject(error);
    return;
  }
  for (const insert of batch) {
    if (failed.has(insert)) insert.reject(failed.get(insert));
    else insert.resolve(committed);
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
  return `c${now.toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${randomBytesPooled(8).toString("hex")}`;
}
