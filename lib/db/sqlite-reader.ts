import "server-only";
import { sqliteDirect } from "@/lib/db/sqlite-direct";

// The hottest reads (the bearer token lookup on every API and MCP call, the
// client of every token endpoint request, introspection) as prepared
// statements on the direct connection (lib/db/sqlite-direct.ts). WAL mode lets
// it read while Prisma writes; each read sees everything committed before it.

type Param = string | number | null;

/** The first row of a read-only statement with `?` parameters, or undefined. */
export function sqliteGet<Row>(sql: string, ...params: Param[]): Row | undefined {
  return sqliteDirect().prepared(sql).get(...params) as Row | undefined;
}

/**
 * The first row of a read-only statement as an array of its columns, or
 * undefined. better-sqlite3 makes a row object through V8's API, looking up
 * each column's name as it sets it: for the 17 columns of the bearer check's
 * joined row about 8 µs of a 19 µs lookup under a profiler, more than
 * SQLite's own search. An array costs a fraction of that; name the columns
 * where the array is read.
 */
export function sqliteTuple<Tuple extends unknown[]>(sql: string, ...params: Param[]): Tuple | undefined {
  return sqliteDirect().preparedRaw(sql).get(...params) as Tuple | undefined;
}

/** The first column of every row of a read-only statement (`?` parameters or one object of `@name` ones). */
export function sqliteColumn<Value>(sql: string, ...params: Param[] | [Record<string, Param>]): Value[] {
  const statement = sqliteDirect().prepared(sql);
  // Prepared statements are shared, and sqliteGet wants whole rows.
  statement.pluck(true);
  try {
    return statement.all(...params) as Value[];
  } finally {
    statement.pluck(false);
  }
}

/** A row as SQLite gives it, typed after the Prisma model it stores: times as text (or milliseconds), booleans as integers. */
export type SqliteStored<T> = {
  [K in keyof T]: T[K] extends Date ? string | number : T[K] extends Date | null ? string | number | null : T[K] extends boolean ? number | bigint : T[K];
};

/** A stored time as the Date Prisma would read (its text, or milliseconds); null stays null. */
export function sqliteTime(value: string | number): Date;
export function sqliteTime(value: string | number | null): Date | null;
export function sqliteTime(value: string | number | null): Date | null {
  return value === null ? null : new Date(value);
}

/**
 * SQL that is true when a column holds a time exactly as Prisma stores it,
 * "2026-11-30T10:00:00.000+00:00" (sqliteDate): a day and time that SQLite,
 * having read it, writes back the same. A blank, a month 13, a 30 February,
 * an hour 24, another offset or precision, milliseconds as a number all
 * fail: Latch deletes nothing, and trusts no record, by comparing such a
 * time (written by hand, by another tool) as text. The first test keeps out
 * "now", which SQLite refuses to read in an index, and costs a fraction of
 * the rest. Its text is part of the index of an applied migration
 * (20261130230518_customers_record_index, through list-customers.ts): any
 * change to it, even parentheses, takes that index away from the customers
 * page unless a new migration makes it again (a test would fail).
 */
export function sqliteStoredByPrisma(column: string): string {
  return `"${column}" GLOB '[0-9][0-9][0-9][0-9]-*' AND "${column}" = strftime('%Y-%m-%dT%H:%M:%f+00:00', julianday("${column}"))`;
}

/** A date as Prisma stores it in SQLite (ISO 8601, UTC, "+00:00"), so text comparisons order like times. */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
