import "server-only";
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config/env";
import { SQLITE_CONNECTION_PRAGMAS } from "@/lib/db/sqlite-direct";

function createClient(): PrismaClient {
  const { databaseUrl, databaseProvider } = config();
  const adapter =
    databaseProvider === "sqlite"
      ? // busy timeout: concurrent writers wait for the lock instead of failing.
        new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5000 })
      : new PrismaPg({ connectionString: databaseUrl, max: 10 });
  const client = new PrismaClient({ adapter });
  if (databaseProvider === "sqlite") {
    // Runs before the queries issued after it: Prisma's SQLite adapter has one connection.
    for (const pragma of SQLITE_CONNECTION_PRAGMAS) {
      client.$executeRawUnsafe(`PRAGMA ${pragma}`).catch((error: unknown) => {
        console.error(`[latch] PRAGMA ${pragma} failed: ${error instanceof Error ? error.name : typeof error}`);
      });
    }
  }
  return client;
}

// One client per process; dev hot-reload keeps it on globalThis.
const globalForPrisma = globalThis as unknown as { latchPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.latchPrisma ??= createClient();
  return globalForPrisma.latchPrisma;
}
