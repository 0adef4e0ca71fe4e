// Runs before `npm run dev` and `npm start`: makes sure the Prisma client
// matches the database in DATABASE_URL and that the database is migrated, so
// a fresh clone needs no set-up beyond `npm install`.
import { execFileSync } from "node:child_process";
import { migrate } from "./migrate.mjs";

execFileSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
try {
  await migrate({ quiet: true });
} catch (error) {
  console.error(`Latch cannot start: the database could not be migrated: ${error.message}`);
  process.exit(1);
}
