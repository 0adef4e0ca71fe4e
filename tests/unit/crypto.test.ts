import { randomBytes } from "node:crypto";
import { describe, it, expect } from "vitest";
import {
  digestEqual,
  displayParts,
  generateSecret,
  hashSecret,
  safeEqual,
  secretKindOf,
  type SecretKind,
} from "../../lib/crypto/secrets";
import {
  decryptSecret,
  encryptSecret,
  needsReencryption,
  parseKeyring,
  type Keyring,
} from "../../lib/crypto/encryption";

const PREFIXES: Record<SecretKind, string> = {
  access_token: "latch_at_",
  refresh_token: "latch_rt_",
  authorization_code: "latch_ac_",
  client_secret: "latch_cs_",
  client_id: "latch_ci_",
};
const KINDS = Object.keys(PREFIXES) as SecretKind[];

function keyB64(): string {
  return randomBytes(32).toString("base64");
}

/** Flips one bit of the decoded bytes of segment `index` and re-encodes it. */
function tamperSegment(stored: string, index: number, byte = 0): string {
  const parts = stored.split(".");
  const segment = parts[index];
  if (segment === undefined) throw new Error("no such segment");
  const bytes = Buffer.from(segment, "base64url");
  bytes[byte] = (bytes[byte] ?? 0) ^ 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

describe("generateSecret", () => {
  it("uses the kind prefix and 256 bits of randomness", () => {
    for (const kind of KINDS.filter((k) => k !== "client_id")) {
      const value = generateSecret(kind);
      expect(value.startsWith(PREFIXES[kind])).toBe(true);
      const body = value.slice(PREFIXES[kind].length);
      expect(body).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(body).toHaveLength(43);
      expect(Buffer.from(body, "base64url")).toHaveLength(32);
    }
  });

  it("client ids carry at least 128 bits", () => {
    const value = generateSecret("client_id");
    expect(value.startsWith("latch_ci_")).toBe(true);
    const decoded = Buffer.from(value.slice("latch_ci_".length), "base64url");
    expect(decoded.length).toBeGreaterThanOrEqual(16);
  });

  it("produces unique values", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(generateSecret("access_token"));
    expect(seen.size).toBe(2000);
    const bodies = new Set([...seen].map((v) => v.slice(-43, -33)));
    expect(bodies.size).toBe(2000);
  });
});

describe("secretKindOf", () => {
  it("recognises every kind from its prefix", () => {
    for (const kind of KINDS) {
      expect(secretKindOf(generateSecret(kind))).toBe(kind);
    }
  });

  it("returns null for unknown or empty values", () => {
    expect(secretKindOf("")).toBeNull();
    expect(secretKindOf("latch_xx_abc")).toBeNull();
    expect(secretKindOf("abc")).toBeNull();
    expect(secretKindOf("latch_at_")).toBeNull();
  });
});

describe("hashSecret", () => {
  it("is deterministic 64-char hex", () => {
    const value = generateSecret("refresh_token");
    const h = hashSecret(value);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(value)).toBe(h);
    expect(hashSecret(generateSecret("refresh_token"))).not.toBe(h);
    expect(hashSecret("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});

describe("safeEqual", () => {
  it("compares in constant time without throwing on length mismatch", () => {
    const a = generateSecret("client_secret");
    expect(safeEqual(a, a)).toBe(true);
    expect(safeEqual(a, `${a}`)).toBe(true);
    expect(safeEqual(a, generateSecret("client_secret"))).toBe(false);
    expect(safeEqual(a, a.slice(0, -1))).toBe(false);
    expect(safeEqual("", a)).toBe(false);
    expect(safeEqual("", "")).toBe(true);
  });
});

describe("digestEqual", () => {
  it("matches a secret's digest with the stored one, and nothing missing or malformed", () => {
    const secret = generateSecret("client_secret");
    const stored = hashSecret(secret);
    expect(digestEqual(hashSecret(secret), stored)).toBe(true);
    expect(digestEqual(hashSecret(generateSecret("client_secret")), stored)).toBe(false);
    expect(digestEqual(hashSecret(secret), "")).toBe(false);
    expect(digestEqual("", "")).toBe(false);
    expect(digestEqual(stored.slice(0, -2), stored.slice(0, -2))).toBe(false);
    expect(digestEqual(`${stored.slice(0, -1)}z`, `${stored.slice(0, -1)}z`)).toBe(false);
  });
});

describe("displayParts", () => {
  it("returns the kind prefix and the last four characters", () => {
    const value = generateSecret("access_token");
    expect(displayParts(value)).toEqual({ prefix: "latch_at_", last4: value.slice(-4) });
    expect(displayParts("latch_cs_abcdefgh")).toEqual({ prefix: "latch_cs_", last4: "efgh" });
  });
});

describe("encryption", () => {
  const keyring = parseKeyring(`main:${keyB64()}`);

  it("roundtrips ascii, unicode and empty strings", () => {
    for (const text of ["hello", "pässwörd ✓ 🔐 日本語", "", generateSecret("client_secret")]) {
      const stored = encryptSecret(text, keyring);
      expect(stored).toMatch(/^v1\.main\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/);
      expect(decryptSecret(stored, keyring)).toBe(text);
    }
  });

  it("roundtrips with AAD", () => {
    const stored = encryptSecret("s3cret", keyring, "row-1");
    expect(decryptSecret(stored, keyring, "row-1")).toBe("s3cret");
  });

  it("uses a random IV so encryptions differ", () => {
    const a = encryptSecret("same", keyring);
    const b = encryptSecret("same", keyring);
    expect(a).not.toBe(b);
    expect(a.split(".")[2]).not.toBe(b.split(".")[2]);
  });

  it("does not leak the plaintext", () => {
    const stored = encryptSecret("plaintext-marker", keyring);
    expect(stored).not.toContain("plaintext-marker");
  });

  it("refuses tampered ciphertext", () => {
    const stored = encryptSecret("some secret value", keyring);
    expect(() => decryptSecret(tamperSegment(stored, 3), keyring)).toThrow("Cannot decrypt secret");
  });

  it("refuses a tampered tag", () => {
    const stored = encryptSecret("some secret value", keyring);
    expect(() => decryptSecret(tamperSegment(stored, 4), keyring)).toThrow("Cannot decrypt secret");
    expect(() => decryptSecret(tamperSegment(stored, 4, 15), keyring)).toThrow(
      "Cannot decrypt secret",
    );
  });

  it("refuses a tampered iv", () => {
    const stored = encryptSecret("some secret value", keyring);
    expect(() => decryptSecret(tamperSegment(stored, 2), keyring)).toThrow("Cannot decrypt secret");
  });

  it("refuses a truncated tag", () => {
    const stored = encryptSecret("some secret value", keyring);
    const parts = stored.split(".");
    parts[4] = Buffer.from(parts[4] ?? "", "base64url").subarray(0, 4).toString("base64url");
    expect(() => decryptSecret(parts.join("."), keyring)).toThrow("Cannot decrypt secret");
  });

  it("refuses wrong or missing AAD", () => {
    const stored = encryptSecret("bound", keyring, "row-1");
    expect(() => decryptSecret(stored, keyring, "row-2")).toThrow("Cannot decrypt secret");
    expect(() => decryptSecret(stored, keyring)).toThrow("Cannot decrypt secret");
    const unbound = encryptSecret("unbound", keyring);
    expect(() => decryptSecret(unbound, keyring, "row-1")).toThrow("Cannot decrypt secret");
  });

  it("refuses unknown key ids and wrong keys", () => {
    const stored = encryptSecret("x", keyring);
    const other = parseKeyring(`other:${keyB64()}`);
    expect(() => decryptSecret(stored, other)).toThrow("Cannot decrypt secret");
    const sameIdDifferentKey = parseKeyring(`main:${keyB64()}`);
    expect(() => decryptSecret(stored, sameIdDifferentKey)).toThrow("Cannot decrypt secret");
    const proto = stored.replace(/^v1\.main\./, "v1.__proto__.");
    expect(() => decryptSecret(proto, keyring)).toThrow("Cannot decrypt secret");
  });

  it("refuses malformed values with a generic message", () => {
    const stored = encryptSecret("value", keyring);
    const bad = [
      "",
      "garbage",
      stored.replace(/^v1\./, "v2."),
      `${stored}.extra`,
      stored.split(".").slice(0, 4).join("."),
      stored.replace(/\.([^.]*)$/, ".!!!!"),
    ];
    for (const value of bad) {
      let message = "";
      try {
        decryptSecret(value, keyring);
      } catch (err) {
        message = err instanceof Error ? err.message : String(err);
      }
      expect(message).toBe("Cannot decrypt secret");
    }
  });

  it("supports rotation and needsReencryption", () => {
    const oldKey = keyB64();
    const newKey = keyB64();
    const oldRing = parseKeyring(`old:${oldKey}`);
    const rotated = parseKeyring(`new:${newKey},old:${oldKey}`);
    expect(rotated.current).toBe("new");

    const legacy = encryptSecret("rotate me", oldRing, "row-9");
    expect(decryptSecret(legacy, rotated, "row-9")).toBe("rotate me");
    expect(needsReencryption(legacy, rotated)).toBe(true);
    expect(needsReencryption(legacy, oldRing)).toBe(false);

    const fresh = encryptSecret(decryptSecret(legacy, rotated, "row-9"), rotated, "row-9");
    expect(fresh.startsWith("v1.new.")).toBe(true);
    expect(needsReencryption(fresh, rotated)).toBe(false);
    expect(decryptSecret(fresh, rotated, "row-9")).toBe("rotate me");
    // Once the old key is retired, legacy values can no longer be read.
    expect(() => decryptSecret(legacy, parseKeyring(`new:${newKey}`), "row-9")).toThrow(
      "Cannot decrypt secret",
    );
  });
});

describe("parseKeyring", () => {
  it("accepts a single base64, base64url or hex key as k1", () => {
    const raw = randomBytes(32);
    for (const spec of [
      raw.toString("base64"),
      raw.toString("base64url"),
      raw.toString("hex"),
      `  ${raw.toString("base64")}\n`,
    ]) {
      const ring: Keyring = parseKeyring(spec);
      expect(ring.current).toBe("k1");
      expect(Object.keys(ring.keys)).toEqual(["k1"]);
      expect(ring.keys.k1?.equals(raw)).toBe(true);
    }
  });

  it("accepts a multi-key spec with the first entry current", () => {
    const a = randomBytes(32);
    const b = randomBytes(32);
    const ring = parseKeyring(`key_2026:${a.toString("base64")}, key-2025:${b.toString("hex")}`);
    expect(ring.current).toBe("key_2026");
    expect(ring.keys.key_2026?.equals(a)).toBe(true);
    expect(ring.keys["key-2025"]?.equals(b)).toBe(true);
  });

  it("treats ids like __proto__ as ordinary ids", () => {
    const raw = randomBytes(32);
    const ring = parseKeyring(`__proto__:${raw.toString("base64")}`);
    expect(ring.current).toBe("__proto__");
    const stored = encryptSecret("p", ring);
    expect(decryptSecret(stored, ring)).toBe("p");
  });

  it("rejects bad input without echoing key material", () => {
    const short = randomBytes(16).toString("base64");
    const long = randomBytes(48).toString("base64");
    const good = keyB64();
    const cases: Array<{ spec: string; secrets: string[]; pattern: RegExp }> = [
      { spec: "", secrets: [], pattern: /empty/i },
      { spec: short, secrets: [short], pattern: /32 bytes/ },
      { spec: long, secrets: [long], pattern: /32 bytes/ },
      { spec: randomBytes(31).toString("hex"), secrets: [], pattern: /32 bytes/ },
      { spec: "not base64 at all!!", secrets: ["not base64"], pattern: /32 bytes/ },
      { spec: `a:${short}`, secrets: [short], pattern: /32 bytes/ },
      { spec: `a:${good},a:${good}`, secrets: [good], pattern: /duplicate/i },
      { spec: `bad id:${good}`, secrets: [good], pattern: /invalid key id/i },
      { spec: `x.y:${good}`, secrets: [good], pattern: /invalid key id/i },
      { spec: `${"a".repeat(17)}:${good}`, secrets: [good], pattern: /invalid key id/i },
      { spec: `:${good}`, secrets: [good], pattern: /invalid key id/i },
      { spec: `a:${good},${good}`, secrets: [good], pattern: /id:base64key/ },
      { spec: `a:${good},`, secrets: [good], pattern: /id:base64key/ },
    ];
    for (const { spec, secrets, pattern } of cases) {
      let message: string | null = null;
      try {
        parseKeyring(spec);
      } catch (err) {
        message = err instanceof Error ? err.message : String(err);
      }
      expect(message, `spec case ${pattern}`).not.toBeNull();
      expect(message ?? "").toMatch(pattern);
      for (const secret of secrets) {
        expect(message ?? "").not.toContain(secret);
        expect(message ?? "").not.toContain(secret.slice(0, 8));
      }
    }
  });
});
