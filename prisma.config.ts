// Prisma reads this for `prisma generate` and `prisma migrate diff`. The schema
// folder follows DATABASE_URL; the JS schema engine with a driver adapter works
// offline (the classic engine would download a binary). Migrations themselves
// are applied by scripts/migrate.mjs.
import path from "node:path";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/latch.db";
const provider = /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", provider),
  engine: "js",
  async adapter() {
    if (provider === "postgresql") {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url });
  },
});
