// `npm test`: unit and integration tests against the production build, on
// the database DATABASE_URL names (a fresh SQLite file by default; a fresh
// database on the PostgreSQL server when it points at one).
// `npm run test:e2e`: the browser tests in Debian's Chromium.
// Set LATCH_TEST_SKIP_BUILD=1 to reuse an existing build for the same database.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseUrl, providerOf } from "./lib/database.mjs";

const e2e = process.argv.includes("--e2e");
const extra = process.argv.slice(2).filter((a) => a !== "--e2e");
const provider = providerOf(databaseUrl());
const buildMarker = path.resolve(".next/latch-provider");

const built = fs.existsSync(buildMarker) && fs.readFileSync(buildMarker, "utf8") === provider;
if (!(process.env.LATCH_TEST_SKIP_BUILD === "1" && built)) {
  execFileSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
  console.log(`Building Latch for ${provider}...`);
  const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) {
    process.stdout.write(build.stdout);
    process.exit(build.status ?? 1);
  }
  fs.writeFileSync(buildMarker, provider);
}

const projects = e2e ? ["--project", "e2e"] : ["--project", "unit", "--project", "integration"];
const report = path.resolve("test-results", `${e2e ? "e2e" : "suite"}-${provider}.json`);
fs.mkdirSync(path.dirname(report), { recursive: true });
const run = spawnSync(
  process.execPath,
  [path.resolve("node_modules/vitest/vitest.mjs"), "run", ...projects, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extra],
  { stdio: "inherit" },
);
process.exit(run.status ?? 1);
