import "server-only";
import { PrismaClient } from "@prisma/client";
import type Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config/env";
import { pgPool } from "@/lib/db/pg-direct";
import { isSqliteBusy, noteSqliteTransaction } from "@/lib/db/sqlite-direct";

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * Prisma's SQLite adapter, with two changes. A transaction of Prisma's reads
 * before it writes, and if another connection commits in between, SQLite
 * refuses its write at once (SQLITE_BUSY_SNAPSHOT, no busy wait):
 *
 * - its transactions begin IMMEDIATE, taking the write lock up front (waiting
 *   for it like any writer, up to the busy timeout), so no other process (a
 *   second server, a script, the test runner) commits in between. Should the
 *   lock stay taken past the timeout, the transaction begins deferred as
 *   before rather than fail: the adapter frees its own transaction lock only
 *   after a successful BEGIN, so a failed one would stop every later
 *   transaction of the process;
 * - it tells the direct connection (lib/db/sqlite-direct.ts) while one is
 *   open, and that connection writes nothing meanwhile (which also covers a
 *   transaction that began deferred).
 *
 * Its connection keeps SQLite's default synchronous=FULL: owners' changes
 * (revocations, permissions) are on disk when they are confirmed.
 */
export class SqliteAdapter extends PrismaBetterSQLite3 {
  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    // The adapter begins its transactions with a plain "BEGIN" on this
    // connection (a test checks that a transaction holds the lock from its start).
    const connection = (adapter as unknown as { client: Database.Database }).client;
    const prepare = connection.prepare.bind(connection);
    const begin = {
      run(): Database.RunResult {
        try {
          return prepare("BEGIN IMMEDIATE").run();
        } catch (error) {
          if (!isSqliteBusy(error)) throw error;
          return prepare("BEGIN").run();
        }
      },
    };
    // The adapter only runs the statement it prepares for "BEGIN".
    connection.prepare = ((sql: string) => (sql === "BEGIN" ? begin : prepare(sql))) as typeof connection.prepare;
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await start(isolationLevel);
      const finished = noteSqliteTransaction();
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      transaction.commit = () => {
        finished();
        return commit();
      };
      transaction.rollback = () => {
        finished();
        return rollback();
      };
      return transaction;
    };
    return adapter;
  }
}

function createClient(): PrismaClient {
  const { databaseUrl, databaseProvider } = config();
  const adapter =
    databaseProvider === "sqlite"
      ? // busy timeout: concurrent writers wait for the lock instead of failing.
        new SqliteAdapter({ url: databaseUrl, timeout: 5000 })
      : // The pool Latch's own statements share (lib/db/pg-direct.ts).
        new PrismaPg(pgPool());
  return new PrismaClient({ adapter });
}

// One client per process; dev hot-reload keeps it on globalThis.
const globalForPrisma = globalThis as unknown as { latchPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.latchPrisma ??= createClient();
  return globalForPrisma.latchPrisma;
}
