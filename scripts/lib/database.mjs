// Shared by the set-up scripts (plain Node, no build step): which database
// DATABASE_URL names, and how to open it.
import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/latch.db";

export function databaseUrl() {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** "sqlite" for `file:` URLs, "postgresql" for `postgres://` / `postgresql://`. */
export function providerOf(url) {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    "DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL)",
  );
}

/** The SQLite file a `file:` URL names, relative to the project root. */
export function sqliteFile(url) {
  const file = url.slice("file:".length).split("?")[0];
  return path.resolve(process.cwd(), file);
}

export function ensureSqliteDirectory(url) {
  fs.mkdirSync(path.dirname(sqliteFile(url)), { recursive: true });
}
