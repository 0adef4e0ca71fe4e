import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseKeyring, type Keyring } from "@/lib/crypto/encryption";

const DEV_SECRETS_FILE = "data/dev-secrets.json";
const DEFAULT_DATABASE_URL = "file:./data/latch.db";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/i, "must start with file: (SQLite) or postgres:// (PostgreSQL)"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)"),
  LATCH_ENCRYPTION_KEY: z.string().min(1, "is required (32 random bytes, base64: openssl rand -base64 32)"),
  LATCH_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "must be an absolute http(s) URL such as https://latch.example.com" })
    .transform((v) => v.replace(/\/+$/, "")),
  LATCH_DYNAMIC_REGISTRATION: booleanFlag.default(true),
  LATCH_ALLOW_PRIVATE_METADATA_URLS: booleanFlag.default(false),
});

export interface Config {
  production: boolean;
  databaseUrl: string;
  databaseProvider: "sqlite" | "postgresql";
  authSecret: string;
  keyring: Keyring;
  /** The OAuth issuer: one exact string, no trailing slash. */
  publicUrl: string;
  dynamicRegistration: boolean;
  allowPrivateMetadataUrls: boolean;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

/**
 * Development needs no editing: missing secrets are generated once and kept in
 * a git-ignored file. Production refuses to start without them.
 */
function withDevelopmentDefaults(env: Env): Env {
  const filled: Env = { ...env };
  filled.DATABASE_URL ||= DEFAULT_DATABASE_URL;
  if (env.NODE_ENV === "production") return filled;
  filled.LATCH_PUBLIC_URL ||= `http://localhost:${env.PORT || 3000}`;
  if (!filled.AUTH_SECRET || !filled.LATCH_ENCRYPTION_KEY) {
    const secrets = readOrCreateDevSecrets();
    filled.AUTH_SECRET ||= secrets.AUTH_SECRET;
    filled.LATCH_ENCRYPTION_KEY ||= secrets.LATCH_ENCRYPTION_KEY;
  }
  return filled;
}

function readOrCreateDevSecrets(): { AUTH_SECRET: string; LATCH_ENCRYPTION_KEY: string } {
  const file = path.resolve(process.cwd(), DEV_SECRETS_FILE);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8"));
  const secrets = {
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    LATCH_ENCRYPTION_KEY: `dev:${crypto.randomBytes(32).toString("base64")}`,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // "wx" so two processes starting at once keep the first file.
  try {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
  } catch {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  }
  return secrets;
}

/** A placeholder ("changeme-changeme-…", "aaaa…") uses few distinct characters; 32 random bytes use about 30. */
function looksLikePlaceholder(secret: string): boolean {
  return new Set(secret).size < 16;
}

export function loadConfig(env: Env): Config {
  const parsed = schema.safeParse(withDevelopmentDefaults(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "configuration");
    const message = issue?.code === "invalid_type" ? "is required" : issue?.message;
    throw new ConfigError(`Latch cannot start: ${variable} ${message}.`);
  }
  const values = parsed.data;
  if (values.NODE_ENV === "production" && looksLikePlaceholder(values.AUTH_SECRET)) {
    throw new ConfigError("Latch cannot start: AUTH_SECRET looks like a placeholder (too few different characters); use 32 random bytes.");
  }
  let keyring: Keyring;
  try {
    keyring = parseKeyring(values.LATCH_ENCRYPTION_KEY);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "is invalid";
    throw new ConfigError(`Latch cannot start: LATCH_ENCRYPTION_KEY ${reason}.`);
  }
  if (values.NODE_ENV === "production" && (keyring.current === "dev" || Object.values(keyring.keys).some((k) => new Set(k).size < 8))) {
    throw new ConfigError(
      "Latch cannot start: LATCH_ENCRYPTION_KEY is a development or low-entropy key; use 32 random bytes (openssl rand -base64 32).",
    );
  }
  return {
    production: values.NODE_ENV === "production",
    databaseUrl: values.DATABASE_URL,
    databaseProvider: values.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql",
    authSecret: values.AUTH_SECRET,
    keyring,
    publicUrl: values.LATCH_PUBLIC_URL,
    dynamicRegistration: values.LATCH_DYNAMIC_REGISTRATION,
    allowPrivateMetadataUrls: values.LATCH_ALLOW_PRIVATE_METADATA_URLS,
  };
}
