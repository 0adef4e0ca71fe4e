import "server-only";
import pg from "pg";
import { config } from "@/lib/config/env";
import { logError } from "@/lib/log";

// On PostgreSQL, the hot paths' few statements (the bearer token and client
// lookups, the token endpoint's insert, the refresh grant, the customers list)
// as named prepared statements on the
// pool Prisma's adapter uses too (lib/db/prisma.ts). Through Prisma each one
// cost about 1 ms of CPU: it compiles every query before it runs. A named
// statement is parsed and planned once per connection.

// On globalThis: route handlers are bundled separately and must share it; it
// also survives dev reloads.
const globalForPg = globalThis as unknown as { latchPgPool?: pg.Pool };

/** The process's one PostgreSQL pool. */
export function pgPool(): pg.Pool {
  if (!globalForPg.latchPgPool) {
    const pool = new pg.Pool({ connectionString: config().databaseUrl, max: 10 });
    // An idle connection that fails (a restart of PostgreSQL, a dropped
    // connection) is reported on the pool; unheard, that error would end the
    // process. Prisma's adapter listens only while it is connected.
    pool.on("error", (error) => logError("postgresql pool", error));
    globalForPg.latchPgPool = pool;
  }
  return globalForPg.latchPgPool;
}

const TIMESTAMP_OID = 1114;

/**
 * Prisma's DateTime is `timestamp(3)` without a time zone, holding UTC. pg's
 * own parser would read it as local time; this reads it as Prisma does.
 */
function utcTimestamp(text: string): Date {
  return new Date(`${text.replace(" ", "T")}Z`);
}

/** Type parsers for Latch's own statements: pg's, but timestamps as UTC. */
export const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? utcTimestamp : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

type Value = string | number | boolean | null;

/** PostgreSQL's text of each named statement: `?` numbered `$1`, `$2`... once. */
const texts = new Map<string, string>();

/**
 * One statement, prepared once per connection under `name` (which must be
 * unique to this SQL). The SQL is written as for SQLite, with `?` (and
 * TEXT_PARAM, which reads as CAST($1 AS TEXT) here), so both databases run
 * the same text. Pass times as UTC ISO text (sqliteDate's "+00:00" will do):
 * pg would send a Date in local time, and a timestamp without time zone
 * ignores the offset. Name the columns, never `*`: a prepared statement's
 * result columns are fixed, and PostgreSQL refuses to run it again once a
 * migration adds one.
 */
export function pgStatement(name: string, sql: string, values: Value[]): pg.QueryConfig<Value[]> & { types: typeof pgTypes } {
  let text = texts.get(name);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    texts.set(name, text);
  }
  return { name, text, values, types: pgTypes };
}

/** The rows of one statement (see pgStatement) on the pool. */
export async function pgRows<Row>(name: string, sql: string, values: Value[]): Promise<Row[]> {
  const result = await pgPool().query<Row & pg.QueryResultRow>(pgStatement(name, sql, values));
  return result.rows;
}
