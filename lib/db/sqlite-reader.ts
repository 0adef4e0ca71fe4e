import "server-only";
import { sqliteDirect } from "@/lib/db/sqlite-direct";

// The hottest reads (the bearer token lookup on every API and MCP call, the
// client of every token endpoint request, introspection) as prepared
// statements on the direct connection (lib/db/sqlite-direct.ts). WAL mode lets
// it read while Prisma writes; each read sees everything committed before it.

type Param = string | number | null;

/** The first row of a read-only statement with `?` parameters (or one object of `@name` ones), or undefined. */
export function sqliteGet<Row>(sql: string, ...params: Param[] | [Record<string, Param>]): Row | undefined {
  return sqliteDirect().prepared(sql).get(...params) as Row | undefined;
}

/** All rows of a read-only statement with `?` parameters. */
export function sqliteAll<Row>(sql: string, ...params: Param[]): Row[] {
  return sqliteDirect().prepared(sql).all(...params) as Row[];
}

/** The first column of every row of a read-only statement (`?` parameters or one object of `@name` ones). */
export function sqliteColumn<Value>(sql: string, ...params: Param[] | [Record<string, Param>]): Value[] {
  const statement = sqliteDirect().prepared(sql);
  // The statement is shared with sqliteGet and sqliteAll, which want whole rows.
  statement.pluck(true);
  try {
    return statement.all(...params) as Value[];
  } finally {
    statement.pluck(false);
  }
}

/** A date as Prisma stores it in SQLite (ISO 8601, UTC, "+00:00"), so text comparisons order like times. */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
