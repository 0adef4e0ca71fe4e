import "server-only";
import Database from "better-sqlite3";
import { config } from "@/lib/config/env";

/** A SQLite connection of our own beside Prisma's, with statements prepared once. */
export interface SqliteConnection {
  prepared(sql: string): Database.Statement;
}

const globalForSqlite = globalThis as unknown as { latchSqlite?: Map<string, SqliteConnection> };

/**
 * One connection per purpose and process (kept on globalThis across dev
 * reloads). `busyTimeoutMs` is how long a statement waits for SQLite's lock.
 */
export function sqliteConnection(purpose: string, busyTimeoutMs: number): SqliteConnection {
  globalForSqlite.latchSqlite ??= new Map();
  let connection = globalForSqlite.latchSqlite.get(purpose);
  if (!connection) {
    const db = new Database(config().databaseUrl.replace(/^file:/, ""), { fileMustExist: true, timeout: busyTimeoutMs });
    const statements = new Map<string, Database.Statement>();
    connection = {
      prepared(sql) {
        let statement = statements.get(sql);
        if (!statement) {
          statement = db.prepare(sql);
          statements.set(sql, statement);
        }
        return statement;
      },
    };
    globalForSqlite.latchSqlite.set(purpose, connection);
  }
  return connection;
}
