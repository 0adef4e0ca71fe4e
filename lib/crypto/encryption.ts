// AES-256-GCM encryption of stored secrets, with key ids for rotation.
// Server-side only; deliberately not importing "server-only" so it stays
// importable from vitest.
import { createCipheriv, createDecipheriv } from "node:crypto";
import { randomBytesPooled } from "@/lib/crypto/random";

export interface Keyring {
  /** Id of the key used for new encryptions. */
  current: string;
  /** Key id → 32-byte AES-256 key. */
  keys: Record<string, Buffer>;
}

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const DEFAULT_KEY_ID = "k1";
const DECRYPT_ERROR = "Cannot decrypt secret";

function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** Decodes a base64/base64url (or 64-hex) key; returns null when not exactly 32 bytes. */
function decodeKey(text: string): Buffer | null {
  if (HEX_KEY.test(text)) return Buffer.from(text, "hex");
  if (text.length === 0 || !BASE64_KEY.test(text)) return null;
  const bytes = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return bytes.length === KEY_BYTES ? bytes : null;
}

/**
 * Parses `id1:base64key1,id2:base64key2` (first entry is current) or a single
 * base64 / 64-hex 32-byte key (id "k1"). Error messages never include key material.
 */
export function parseKeyring(spec: string): Keyring {
  if (typeof spec !== "string" || spec.trim() === "") {
    throw new Error("Encryption keyring is empty");
  }
  const trimmed = spec.trim();
  // Null-prototype object so ids such as "__proto__" or "constructor" are plain keys.
  const keys = Object.create(null) as Record<string, Buffer>;

  if (!trimmed.includes(":") && !trimmed.includes(",")) {
    const key = decodeKey(trimmed);
    if (key === null) {
      throw new Error(
        `Encryption key must be ${KEY_BYTES} bytes encoded as base64 or 64 hex characters`,
      );
    }
    keys[DEFAULT_KEY_ID] = key;
    return { current: DEFAULT_KEY_ID, keys };
  }

  const entries = trimmed.split(",");
  let current: string | undefined;
  entries.forEach((rawEntry, index) => {
    const position = index + 1;
    const entry = rawEntry.trim();
    const sep = entry.indexOf(":");
    if (sep === -1) {
      throw new Error(`Encryption keyring entry #${position} must have the form id:base64key`);
    }
    const id = entry.slice(0, sep).trim();
    const material = entry.slice(sep + 1).trim();
    if (!KEY_ID.test(id)) {
      throw new Error(
        `Encryption keyring entry #${position} has an invalid key id (expected [A-Za-z0-9_-]{1,16})`,
      );
    }
    if (hasOwn(keys, id)) {
      throw new Error(`Encryption keyring has a duplicate key id "${id}"`);
    }
    const key = decodeKey(material);
    if (key === null) {
      throw new Error(
        `Encryption key "${id}" must be ${KEY_BYTES} bytes encoded as base64 or 64 hex characters`,
      );
    }
    keys[id] = key;
    if (current === undefined) current = id;
  });

  if (current === undefined) throw new Error("Encryption keyring is empty");
  return { current, keys };
}

function lookupKey(keyring: Keyring, id: string): Buffer | null {
  if (!hasOwn(keyring.keys, id)) return null;
  const key = keyring.keys[id];
  return Buffer.isBuffer(key) && key.length === KEY_BYTES ? key : null;
}

/** Strict, canonical base64url decoding (rejects any alternative encodings). */
function decodeB64url(text: string): Buffer | null {
  if (!BASE64URL.test(text)) return null;
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : null;
}

interface ParsedCiphertext {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function parseStored(stored: string): ParsedCiphertext | null {
  if (typeof stored !== "string") return null;
  const parts = stored.split(".");
  if (parts.length !== 5) return null;
  const [version, keyId, ivText, ctText, tagText] = parts as [string, string, string, string, string];
  if (version !== VERSION || !KEY_ID.test(keyId)) return null;
  const iv = decodeB64url(ivText);
  const ciphertext = decodeB64url(ctText);
  const tag = decodeB64url(tagText);
  if (iv === null || ciphertext === null || tag === null) return null;
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
  return { keyId, iv, ciphertext, tag };
}

/**
 * Encrypts with the keyring's current key:
 * `v1.<keyId>.<iv b64url>.<ciphertext b64url>.<tag b64url>`.
 * `aad` (e.g. the row id) binds the ciphertext to its context.
 */
export function encryptSecret(plaintext: string, keyring: Keyring, aad?: string): string {
  const keyId = keyring.current;
  const key = KEY_ID.test(keyId) ? lookupKey(keyring, keyId) : null;
  if (key === null) {
    throw new Error("Encryption keyring has no usable current key");
  }
  const iv = randomBytesPooled(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    keyId,
    iv.toString("base64url"),
    ciphertext.toString("base64url"),
    tag.toString("base64url"),
  ].join(".");
}

/**
 * Decrypts a value produced by encryptSecret. Throws Error("Cannot decrypt
 * secret") for unknown key id, malformed input, tampering or wrong AAD.
 */
export function decryptSecret(stored: string, keyring: Keyring, aad?: string): string {
  const parsed = parseStored(stored);
  if (parsed === null) throw new Error(DECRYPT_ERROR);
  const key = lookupKey(keyring, parsed.keyId);
  if (key === null) throw new Error(DECRYPT_ERROR);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, parsed.iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(parsed.tag);
    if (aad !== undefined) decipher.setAAD(Buffer.from(aad, "utf8"));
    const plaintext = Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]);
    return plaintext.toString("utf8");
  } catch {
    throw new Error(DECRYPT_ERROR);
  }
}

/**
 * True when the value was encrypted under a key other than the keyring's
 * current one. Throws Error("Cannot decrypt secret") on a malformed value.
 */
export function needsReencryption(stored: string, keyring: Keyring): boolean {
  const parsed = parseStored(stored);
  if (parsed === null) throw new Error(DECRYPT_ERROR);
  return parsed.keyId !== keyring.current;
}
