import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config/load-config";

const KEY = crypto.randomBytes(32).toString("base64");
const production = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://latch@db/latch",
  AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
  LATCH_ENCRYPTION_KEY: KEY,
  LATCH_PUBLIC_URL: "https://latch.example.com/",
};

describe("configuration", () => {
  it("reads a complete production environment", () => {
    const config = loadConfig(production);
    expect(config.production).toBe(true);
    expect(config.databaseProvider).toBe("postgresql");
    expect(config.publicUrl).toBe("https://latch.example.com");
    expect(config.dynamicRegistration).toBe(true);
    expect(config.keyring.current).toBe("k1");
  });

  it.each([
    ["AUTH_SECRET", undefined, /^Latch cannot start: AUTH_SECRET is required\.$/],
    ["AUTH_SECRET", "short", /AUTH_SECRET must be at least 32 characters/],
    ["AUTH_SECRET", "changeme-changeme-changeme-changeme", /AUTH_SECRET looks like a placeholder/],
    ["LATCH_ENCRYPTION_KEY", undefined, /LATCH_ENCRYPTION_KEY/],
    ["LATCH_ENCRYPTION_KEY", "dG9vIHNob3J0", /LATCH_ENCRYPTION_KEY/],
    ["LATCH_ENCRYPTION_KEY", Buffer.alloc(32, 7).toString("base64"), /LATCH_ENCRYPTION_KEY is a development or low-entropy key/],
    ["LATCH_ENCRYPTION_KEY", `dev:${crypto.randomBytes(32).toString("base64")}`, /LATCH_ENCRYPTION_KEY is a development or low-entropy key/],
    ["LATCH_PUBLIC_URL", undefined, /LATCH_PUBLIC_URL is required/],
    ["LATCH_PUBLIC_URL", "ftp://x", /LATCH_PUBLIC_URL must be an absolute http\(s\) URL/],
    ["DATABASE_URL", "mysql://x", /DATABASE_URL must start with file:/],
    ["LATCH_DYNAMIC_REGISTRATION", "maybe", /LATCH_DYNAMIC_REGISTRATION must be true or false/],
  ])("stops a production start when %s is %s, naming the variable", (name, value, message) => {
    expect(() => loadConfig({ ...production, [name]: value })).toThrow(message);
  });

  it("accepts a random secret whatever it happens to start with", () => {
    expect(loadConfig({ ...production, AUTH_SECRET: `test${crypto.randomBytes(32).toString("base64url")}` }).authSecret).toMatch(/^test/);
  });

  it("never puts a key in its error message", () => {
    const bad = "k1:" + Buffer.alloc(16, 9).toString("base64");
    expect(() => loadConfig({ ...production, LATCH_ENCRYPTION_KEY: bad })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(bad.slice(3)) }),
    );
  });

  it("defaults to the embedded SQLite file", () => {
    const withoutUrl: Record<string, string | undefined> = { ...production, DATABASE_URL: undefined };
    expect(loadConfig(withoutUrl).databaseUrl).toBe("file:./data/latch.db");
  });
});
