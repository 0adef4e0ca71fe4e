// Bulk inserts for the bench seed, straight into SQLite (better-sqlite3) or
// PostgreSQL (pg): rows are plain objects, dates and booleans converted the
// way Prisma stores them, big transactions, no ORM.
import Database from "better-sqlite3";
import pg from "pg";

const PG_BATCH = 2_000;

function sqliteValue(value) {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}


function pgValue(value) {
  // Prisma keeps UTC wall-clock time in `timestamp(3)` columns.
  if (value instanceof Date) return value.toISOString().slice(0, 23);
  return value ?? null;
}

/** @param {string} databaseUrl `file:...` or `postgres(ql)://...` */
export async function openWriter(databaseUrl) {
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length).split("?")[0]);
    db.pragma("synchronous = OFF");
    const statements = new Map();
    return {
      provider: "sqlite",
      async insert(table, rows) {
        if (!rows.length) return;
        const columns = Object.keys(rows[0]);
        const key = `${table}:${columns.join(",")}`;
        let statement = statements.get(key);
        if (!statement) {
          statement = db.prepare(
            `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
          );
          statements.set(key, statement);
        }
        db.transaction(() => {
          for (const row of rows) statement.run(columns.map((c) => sqliteValue(row[c])));
        })();
      },
      async query(sql, params = []) {
        return db.prepare(sql).all(params.map(sqliteValue));
      },
      async analyze() {
        db.exec("ANALYZE");
      },
      async close() {
        db.close();
      },
    };
  }

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  /** Column types as the migrations made them, for the unnest() casts. */
  const columnTypes = new Map();
  const typesOf = async (table) => {
    if (!columnTypes.has(table)) {
      const { rows } = await client.query(
        "SELECT column_name, format_type(atttypid, atttypmod) AS type FROM information_schema.columns c JOIN pg_attribute a ON a.attname = c.column_name AND a.attrelid = ('\"' || c.table_name || '\"')::regclass WHERE c.table_name = $1 AND c.table_schema = current_schema()",
        [table],
      );
      columnTypes.set(table, new Map(rows.map((r) => [r.column_name, r.type])));
    }
    return columnTypes.get(table);
  };
  return {
    provider: "postgresql",
    async insert(table, rows) {
      if (!rows.length) return;
      const columns = Object.keys(rows[0]);
      const known = await typesOf(table);
      const types = columns.map((c) => known.get(c) ?? "text");
      await client.query("BEGIN");
      try {
        for (let start = 0; start < rows.length; start += PG_BATCH) {
          const batch = rows.slice(start, start + PG_BATCH);
          const arrays = columns.map((c) => batch.map((row) => pgValue(row[c])));
          const unnest = types.map((t, i) => `$${i + 1}::${t}[]`).join(", ");
          await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT * FROM unnest(${unnest})`, arrays);
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async query(sql, params = []) {
      // Written with `?` placeholders for both databases.
      let index = 0;
      const text = sql.replace(/\?/g, () => `$${++index}`);
      return (await client.query(text, params.map(pgValue))).rows;
    },
    async analyze() {
      await client.query("ANALYZE");
    },
    async close() {
      await client.end();
    },
  };
}
