// Writes the SQL migration for a change to prisma/models.prisma, for both
// databases, with `prisma migrate diff` (works offline): from the models as of
// the last migration (prisma/models.snapshot) to the models now.
// Usage: npm run db:diff -- add_usage_counts
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:diff -- <snake_case_name>");
  process.exit(1);
}

const snapshot = path.resolve("prisma/models.snapshot");
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const prisma = path.resolve("node_modules/prisma/build/index.js");
const outputs = [];
// The SQLite diff opens a scratch database under data/.
fs.mkdirSync("data", { recursive: true });

for (const provider of ["sqlite", "postgresql"]) {
  const args = ["migrate", "diff", "--script"];
  if (fs.existsSync(snapshot)) {
    const from = fs.mkdtempSync(path.join(os.tmpdir(), "latch-schema-"));
    fs.copyFileSync(`prisma/${provider}/datasource.prisma`, path.join(from, "datasource.prisma"));
    fs.copyFileSync(snapshot, path.join(from, "models.prisma"));
    args.push("--from-schema-datamodel", from);
  } else {
    args.push("--from-empty");
  }
  args.push("--to-schema-datamodel", `prisma/${provider}`);
  // The JS schema engine connects even for a pure diff: PostgreSQL needs a
  // reachable server (any empty database will do).
  const env = {
    ...process.env,
    DATABASE_URL: provider === "sqlite" ? "file:./data/diff.db" : (process.env.DIFF_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"),
  };
  const sql = execFileSync(process.execPath, [prisma, ...args], { env, encoding: "utf8" });
  if (/^-- This is an empty migration/m.test(sql) || !sql.trim()) {
    console.log(`${provider}: no changes`);
    continue;
  }
  outputs.push({ provider, sql });
}

// Written only once both diffs succeeded, so the providers never drift apart.
for (const { provider, sql } of outputs) {
  const dir = path.resolve("prisma", provider, "migrations", `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`${provider}: wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
if (outputs.length) fs.copyFileSync("prisma/models.prisma", snapshot);
