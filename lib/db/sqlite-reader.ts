import "server-only";
import { sqliteConnection } from "@/lib/db/sqlite-connection";

// A second SQLite connection for the hottest reads (the bearer token lookup
// on every API and MCP call, and introspection), with statements prepared
// once. Through Prisma, one indexed lookup costs a query compilation and
// interpretation, several times what SQLite spends finding the row. WAL mode
// (set by the migration runner) lets this connection read while Prisma's
// writes; each read sees everything committed before it. Reads only.

const reader = () => sqliteConnection("reader", 5000);

/** The first row of a read-only statement with `?` parameters, or undefined. */
export function sqliteGet<Row>(sql: string, ...params: (string | number | null)[]): Row | undefined {
  return reader().prepared(sql).get(...params) as Row | undefined;
}

/** All rows of a read-only statement with `?` parameters. */
export function sqliteAll<Row>(sql: string, ...params: (string | number | null)[]): Row[] {
  return reader().prepared(sql).all(...params) as Row[];
}

/** A date as Prisma stores it in SQLite (ISO 8601, UTC, "+00:00"), so text comparisons order like times. */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
