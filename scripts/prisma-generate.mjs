// Generates the Prisma client for the database DATABASE_URL names. The provider
// cannot come from the environment inside a schema, so each provider has its
// own schema folder (prisma/sqlite, prisma/postgresql) sharing one models file.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseUrl, providerOf } from "./lib/database.mjs";

const url = databaseUrl();
const provider = providerOf(url);
const marker = path.resolve("node_modules/.prisma/client/latch-provider");
const force = process.argv.includes("--force");
// The provider and the schema's contents: a change to either regenerates.
const schemaDir = path.resolve("prisma", provider);
const hash = crypto.createHash("sha256");
for (const file of fs.readdirSync(schemaDir).filter((f) => f.endsWith(".prisma")).sort()) {
  hash.update(file).update(fs.readFileSync(path.join(schemaDir, file)));
}
const stamp = `${provider} ${hash.digest("hex")}`;

if (!force && fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === stamp) {
  process.exit(0);
}

execFileSync(
  process.execPath,
  [path.resolve("node_modules/prisma/build/index.js"), "generate", "--schema", `prisma/${provider}`],
  { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
);
fs.writeFileSync(marker, stamp);
