// Secret token helpers (server-side only; deliberately not importing
// "server-only" so the pure functions stay importable from vitest).
import crypto, { timingSafeEqual } from "node:crypto";
import { randomBytesPooled } from "@/lib/crypto/random";

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
  return prefix + randomBytesPooled(size).toString("base64url");
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

/**
 * SHA-256 of a UTF-8 string. crypto.hash (Node 20.12 and later) does it in
 * one call, less than half the cost of a Hash object; older Node 20 takes the
 * long way.
 */
function sha256(value: string, encoding: "hex"): string;
function sha256(value: string, encoding: "buffer"): Buffer;
function sha256(value: string, encoding: "hex" | "buffer"): string | Buffer {
  if (typeof crypto.hash === "function") return encoding === "hex" ? crypto.hash("sha256", value, "hex") : crypto.hash("sha256", value, "buffer");
  const digest = crypto.createHash("sha256").update(value, "utf8");
  return encoding === "hex" ? digest.digest("hex") : digest.digest();
}

/** SHA-256 hex digest, used as a lookup key for high-entropy secrets. */
export function hashSecret(value: string): string {
  return sha256(value, "hex");
}

/**
 * Constant-time string comparison. Both sides are hashed first so the
 * comparison is always over 32 bytes: lengths neither leak nor throw.
 */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a, "buffer"), sha256(b, "buffer"));
}

const NO_DIGEST = Buffer.alloc(32);

/**
 * Constant-time comparison of two hashSecret() digests (a presented secret's
 * and a stored one). Both are 32 bytes as hex, so they are compared as they
 * are instead of being hashed again as safeEqual would; a missing ("") or
 * malformed one is unequal to everything, after the same work.
 */
export function digestEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  const comparable = left.length === 32 && right.length === 32 && a.length === 64 && b.length === 64;
  return timingSafeEqual(comparable ? left : NO_DIGEST, comparable ? right : NO_DIGEST) && comparable;
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
