import { describe, expect, it } from "vitest";
import { decodeTokenCursor, encodeTokenCursor } from "@/lib/tokens/token-cursor";
import { customDateBounds, localToday } from "@/lib/tokens/schemas";

describe("token list cursors", () => {
  it("round-trips a position and carries nothing but it", () => {
    const cursor = { segment: 1, time: Date.UTC(2026, 0, 2, 3, 4, 5, 678), id: "cmx1abc_DEF-9" };
    const text = encodeTokenCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeTokenCursor(text)).toEqual(cursor);
  });

  it("reads anything else as no cursor (the list starts at the top)", () => {
    const bad = [
      null,
      undefined,
      "",
      "not base64!",
      Buffer.from("1.2").toString("base64url"),
      Buffer.from("1.2.id.extra").toString("base64url"),
      Buffer.from("12.5.id").toString("base64url"),
      Buffer.from("0.-5.id").toString("base64url"),
      Buffer.from("0.5.id with space").toString("base64url"),
      Buffer.from("0.5.").toString("base64url"),
      "A".repeat(300),
    ];
    for (const text of bad) expect(decodeTokenCursor(text)).toBeNull();
  });
});

describe("custom expiry dates", () => {
  it("bounds the date input by the owner's own calendar day", () => {
    const lateEvening = Date.UTC(2026, 5, 30, 23, 30); // 23:30 UTC = already July 1st in UTC+2
    expect(localToday(lateEvening, 0)).toBe("2026-06-30");
    expect(localToday(lateEvening, -120)).toBe("2026-07-01");
    expect(customDateBounds(lateEvening, 0)).toEqual({ min: "2026-07-01", max: "2031-06-30" });
    expect(customDateBounds(lateEvening, -120)).toEqual({ min: "2026-07-02", max: "2031-07-01" });
  });
});
