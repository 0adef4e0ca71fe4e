// A fresh database for one test run: a new SQLite file, or a new database on
// the PostgreSQL server DATABASE_URL points at.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL ?? "";
  const suffix = crypto.randomBytes(4).toString("hex");
  if (/^postgres(ql)?:\/\//.test(base)) {
    const name = `latch_test_${suffix}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "latch-test-"));
  return {
    url: `file:${path.join(dir, "latch.db")}`,
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
