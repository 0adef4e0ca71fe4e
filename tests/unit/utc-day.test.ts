import { describe, expect, it } from "vitest";
import { utcDay } from "@/lib/usage/utc-day";

describe("utcDay", () => {
  it("gives the UTC day of each time, across midnight and back", () => {
    const times = [
      Date.UTC(2026, 10, 30, 23, 59, 59, 999),
      Date.UTC(2026, 11, 1, 0, 0, 0, 0),
      Date.UTC(2026, 10, 30, 12, 0, 0, 0),
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2027, 0, 1, 0, 0, 0, 0),
      Date.UTC(1969, 11, 31, 23, 0, 0, 0),
      Date.UTC(1970, 0, 1, 0, 0, 0, 0),
    ];
    expect(times.map((t) => utcDay(new Date(t)))).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-11-30",
      "2026-12-31",
      "2027-01-01",
      "1969-12-31",
      "1970-01-01",
    ]);
  });

  it("throws for an invalid date, as toISOString does", () => {
    expect(() => utcDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});
