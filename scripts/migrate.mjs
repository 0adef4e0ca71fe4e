// Applies the committed SQL migrations (prisma/<provider>/migrations/*/migration.sql)
// that the database in DATABASE_URL has not run yet, each in its own
// transaction, and records them in _latch_migrations so none runs twice.
// Prisma's own migrate commands do not work offline on PostgreSQL here (see
// STACK.md), so this small runner serves both databases.
import fs from "node:fs";
import path from "node:path";
import { databaseUrl, ensureSqliteDirectory, providerOf, sqliteFile } from "./lib/database.mjs";

const TABLE = "_latch_migrations";

function pendingFrom(provider, applied) {
  const dir = path.resolve("prisma", provider, "migrations");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !applied.has(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

async function migrateSqlite(url) {
  ensureSqliteDirectory(url);
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(sqliteFile(url));
  try {
    // A new database gets 8 KiB pages (only an empty file can change it): a
    // client's permission list (about 6 KB with every permission on) then
    // fits in its row's page instead of spilling into overflow pages that
    // every token check would read too.
    db.pragma("page_size = 8192");
    // WAL lets readers work while a writer commits; it persists in the file.
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
    const applied = new Set(db.prepare(`SELECT name FROM ${TABLE}`).all().map((r) => r.name));
    const ran = [];
    for (const m of pendingFrom("sqlite", applied)) {
      db.exec("BEGIN IMMEDIATE");
      try {
        // Another process may have applied it while we waited for the lock.
        if (db.prepare(`SELECT 1 FROM ${TABLE} WHERE name = ?`).get(m.name)) {
          db.exec("ROLLBACK");
          continue;
        }
        db.exec(m.sql);
        db.prepare(`INSERT INTO ${TABLE} (name, applied_at) VALUES (?, ?)`).run(m.name, new Date().toISOString());
        db.exec("COMMIT");
        ran.push(m.name);
      } catch (error) {
        db.exec("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${error.message}`);
      }
    }
    return ran;
  } finally {
    db.close();
  }
}

async function migratePostgres(url) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One runner at a time across app instances.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const { rows } = await client.query(`SELECT name FROM ${TABLE}`);
    const ran = [];
    for (const m of pendingFrom("postgresql", new Set(rows.map((r) => r.name)))) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO ${TABLE} (name) VALUES ($1)`, [m.name]);
        await client.query("COMMIT");
        ran.push(m.name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${error.message}`);
      }
    }
    return ran;
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
}

export async function migrate({ quiet = false } = {}) {
  const url = databaseUrl();
  const provider = providerOf(url);
  const ran = provider === "sqlite" ? await migrateSqlite(url) : await migratePostgres(url);
  if (!quiet || ran.length) {
    console.log(ran.length ? `Applied ${ran.length} migration(s) on ${provider}: ${ran.join(", ")}` : `Database (${provider}) is up to date.`);
  }
  return ran;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrate().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
