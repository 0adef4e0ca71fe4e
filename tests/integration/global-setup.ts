// One real app server and one fresh database for the whole run (SQLite by
// default, PostgreSQL when DATABASE_URL points at one). Tests reach the
// server over HTTP and the same database through the services.
import type { TestProject } from "vitest/node";
import { startAppServer, type AppServer } from "../support/app-server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    serverLogFile: string;
    serverEnv: Record<string, string>;
  }
}

let database: TestDatabase | undefined;
let server: AppServer | undefined;

export async function setup(project: TestProject) {
  database = await createTestDatabase();
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  try {
    const { migrate } = await import("../../scripts/migrate.mjs");
    await migrate({ quiet: true });
  } finally {
    process.env.DATABASE_URL = previous;
  }
  server = await startAppServer(database.url);
  project.provide("baseUrl", server.baseUrl);
  project.provide("serverLogFile", server.logFile);
  project.provide("serverEnv", server.env);
}

export async function teardown() {
  await server?.stop();
  await database?.drop();
}
