import "server-only";
import Database from "better-sqlite3";
import { config } from "@/lib/config/env";
import { startCheckpointer } from "@/lib/db/sqlite-checkpointer";

// One SQLite connection of Latch's own beside Prisma's, for the hot paths:
// the bearer token and client lookups, the token endpoint's insert, the
// refresh grant, the customers list and the usage counts. Through Prisma
// every query is compiled before it runs, which costs several times what
// SQLite spends on it; here each statement is prepared once per process.
//
// Reads and writes share this connection on purpose: SQLite empties a
// connection's page cache whenever another connection commits, so a reader
// beside a writer would re-read the token index from the file after every
// token issued. Its busy timeout is 0: a statement never blocks the event loop
// waiting for the write lock (one of Prisma's interactive transactions holds
// it across turns of this same loop, so waiting here would stall that
// transaction too). Writers get "busy" back, as they do while one of Prisma's
// transactions is open in this process (sqliteMayWrite), and take the Prisma
// path, which queues behind it. Reads never wait in WAL mode.

/**
 * WAL (set once by the migration runner) with synchronous=NORMAL on this
 * connection: a commit is an append to the WAL without an fsync, and the
 * fsync happens at checkpoints, or at the next commit of Prisma's connection,
 * which keeps FULL. The database stays consistent through any crash; a power
 * loss can forget the tokens issued and usage counted since then (SQLite's own
 * advice for WAL). With FULL every token issued waited for the disk.
 *
 * The WAL is checkpointed by a worker thread, not by this connection's
 * commits (lib/db/sqlite-checkpointer.ts). Checkpointing less often instead
 * made reads slower: at 10,000 pages between checkpoints the bench's client
 * credentials grant gained 7% and `/api/v1/me` on the big table lost 15–20%,
 * since a read searches every page not yet copied back.
 */
const DIRECT_PRAGMAS = ["synchronous = NORMAL"];
/**
 * Pages kept in memory by the direct connection: the hot part of the token
 * index and rows. A lookup over the bench's 2,000-token sample took 30 µs in a
 * loop with 32 MB, 17 µs with 48 MB and 16 µs with 64 MB; the bench's server
 * peaked at 441–516 MB with 64 MB.
 */
const DIRECT_CACHE_KIB = 48 * 1024;

export interface DirectConnection {
  db: Database.Database;
  prepared(sql: string): Database.Statement;
  /** The same statement giving each row as an array of its columns (see sqliteTuple). */
  preparedRaw(sql: string): Database.Statement;
}

// On globalThis: route handlers are bundled separately and must share it; it
// also survives dev reloads.
const globalForSqlite = globalThis as unknown as { latchSqliteDirect?: DirectConnection };

export function sqliteDirect(): DirectConnection {
  if (!globalForSqlite.latchSqliteDirect) {
    const file = config().databaseUrl.replace(/^file:/, "");
    const db = new Database(file, { fileMustExist: true, timeout: 0 });
    for (const pragma of DIRECT_PRAGMAS) db.pragma(pragma);
    db.pragma(`cache_size = -${DIRECT_CACHE_KIB}`);
    startCheckpointer(db, file);
    const statements = new Map<string, Database.Statement>();
    const rawStatements = new Map<string, Database.Statement>();
    globalForSqlite.latchSqliteDirect = {
      db,
      prepared(sql) {
        let statement = statements.get(sql);
        if (!statement) {
          statement = db.prepare(sql);
          statements.set(sql, statement);
        }
        return statement;
      },
      preparedRaw(sql) {
        let statement = rawStatements.get(sql);
        if (!statement) {
          statement = db.prepare(sql).raw(true);
          rawStatements.set(sql, statement);
        }
        return statement;
      },
    };
  }
  return globalForSqlite.latchSqliteDirect;
}

/**
 * SQLite's data version on the direct connection: it changes whenever another
 * connection (Prisma's, another process) commits, and not for this
 * connection's own commits (see lib/db/sqlite-row-cache.ts).
 */
export function sqliteDataVersion(): number {
  return (sqliteDirect().preparedRaw("PRAGMA data_version").get() as [number])[0];
}

/**
 * The data version as a table of one row, to join into a read: the version
 * then comes from that statement's own read, which saves a statement (its
 * lock and unlock of the log's read mark, and a stat of the file; three
 * system calls) where a request reads anyway.
 */
export const DATA_VERSION_TABLE = "pragma_data_version";

const transactions = globalThis as unknown as { latchPrismaSqliteTransactions?: number };

/**
 * Called by Prisma's SQLite adapter (lib/db/prisma.ts) when it opens a
 * transaction; call the function it returns when that transaction ends. While
 * one is open the direct connection writes nothing (see sqliteMayWrite).
 */
export function noteSqliteTransaction(): () => void {
  transactions.latchPrismaSqliteTransactions = (transactions.latchPrismaSqliteTransactions ?? 0) + 1;
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    transactions.latchPrismaSqliteTransactions! -= 1;
  };
}

/**
 * False while one of Prisma's transactions is open in this process: a commit
 * here between its read and its write would make SQLite refuse that write
 * (SQLITE_BUSY_SNAPSHOT), failing an owner's revocation or permission change.
 * The caller then takes the Prisma path, which queues behind it.
 */
export function sqliteMayWrite(): boolean {
  return (transactions.latchPrismaSqliteTransactions ?? 0) === 0;
}

/** True for SQLite's "another connection holds the lock" answers. */
export function isSqliteBusy(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");
}

/**
 * A text parameter for a WHERE clause on the direct connection: write
 * `"tokenHash" = ${TEXT_PARAM}`, not `= ?`. Once ANALYZE has run (operators
 * run it, and `PRAGMA optimize` does), SQLite as better-sqlite3 builds it
 * (with STAT4) recompiles a statement on every new value bound to a parameter
 * it compared with the index samples, which made each token lookup cost four
 * times the lookup itself (60 µs instead of 15 µs, measured). A cast hides the
 * value from the planner; the plan, an index search, is the same. PostgreSQL
 * reads the same text, `?` numbered by pgStatement (lib/db/pg-direct.ts).
 */
export const TEXT_PARAM = "CAST(? AS TEXT)";
