// Secret token helpers (server-side only; deliberately not importing
// "server-only" so the pure functions stay importable from vitest).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export type SecretKind =
  | "access_token"
  | "refresh_token"
  | "authorization_code"
  | "client_secret"
  | "client_id";

export const SECRET_PREFIXES: Readonly<Record<SecretKind, string>> = Object.freeze({
  access_token: "latch_at_",
  refresh_token: "latch_rt_",
  authorization_code: "latch_ac_",
  client_secret: "latch_cs_",
  client_id: "latch_ci_",
});

/** Random bytes per kind: 256 bits for secrets, 128 bits for the (public) client id. */
const RANDOM_BYTES: Readonly<Record<SecretKind, number>> = Object.freeze({
  access_token: 32,
  refresh_token: 32,
  authorization_code: 32,
  client_secret: 32,
  client_id: 16,
});

const SECRET_KINDS = Object.keys(SECRET_PREFIXES) as SecretKind[];
const BASE64URL_BODY = /^[A-Za-z0-9_-]+$/;

/** Generates `<prefix><base64url random bytes>` for the given kind. */
export function generateSecret(kind: SecretKind): string {
  const prefix = SECRET_PREFIXES[kind];
  const size = RANDOM_BYTES[kind];
  if (prefix === undefined || size === undefined) {
    throw new Error("Unknown secret kind");
  }
  return prefix + randomBytes(size).toString("base64url");
}

/**
 * Returns the kind indicated by the value's prefix, or null when the value
 * has no known prefix (or nothing base64url-shaped after it).
 */
export function secretKindOf(value: string): SecretKind | null {
  if (typeof value !== "string") return null;
  for (const kind of SECRET_KINDS) {
    const prefix = SECRET_PREFIXES[kind];
    if (value.startsWith(prefix)) {
      return BASE64URL_BODY.test(value.slice(prefix.length)) ? kind : null;
    }
  }
  return null;
}

/** SHA-256 hex digest, used as a lookup key for high-entropy secrets. */
export function hashSecret(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/**
 * Constant-time string comparison. Both sides are hashed first so the
 * comparison is always over 32 bytes: lengths neither leak nor throw.
 */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash("sha256").update(a, "utf8").digest();
  const db = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(da, db);
}

/**
 * Non-secret parts suitable for display ("latch_at_…abcd").
 * prefix is the kind prefix ("" when the value has no known prefix).
 */
export function displayParts(value: string): { prefix: string; last4: string } {
  const kind = secretKindOf(value);
  const prefix = kind === null ? "" : SECRET_PREFIXES[kind];
  return { prefix, last4: value.slice(-4) };
}
