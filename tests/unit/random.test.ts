// The pooled random bytes behind tokens, row ids and encryption IVs.
import { describe, expect, it } from "vitest";
import { randomBytesPooled } from "@/lib/crypto/random";

describe("randomBytesPooled", () => {
  it("gives the size asked for, never the same bytes twice, across many pool refills", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      const bytes = randomBytesPooled(32);
      expect(bytes.length).toBe(32);
      seen.add(bytes.toString("hex"));
    }
    expect(seen.size).toBe(5_000);
    expect(randomBytesPooled(0).length).toBe(0);
    expect(randomBytesPooled(1_000).length).toBe(1_000);
  });

  it("hands out copies that later draws and refills leave alone", () => {
    // Sizes that do not divide the pool, so draws straddle the refills.
    const kept = randomBytesPooled(12);
    const copy = Buffer.from(kept);
    const later = Array.from({ length: 2_000 }, (_, i) => randomBytesPooled(i % 2 ? 12 : 8).toString("hex"));
    expect(kept.equals(copy)).toBe(true);
    expect(new Set(later).size).toBe(later.length);
    kept.fill(0);
    expect(randomBytesPooled(12).equals(Buffer.alloc(12))).toBe(false);
  });

  it("looks uniform: every byte value turns up about as often", () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 2_000; i++) for (const byte of randomBytesPooled(64)) counts[byte]! += 1;
    // 128,000 bytes: 500 per value expected; a fair source stays far inside these bounds.
    expect(Math.min(...counts)).toBeGreaterThan(350);
    expect(Math.max(...counts)).toBeLessThan(650);
  });

  it("refuses a size that is not a whole number of bytes", () => {
    expect(() => randomBytesPooled(-1)).toThrow(RangeError);
    expect(() => randomBytesPooled(1.5)).toThrow(RangeError);
  });
});
