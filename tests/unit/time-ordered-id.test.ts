import { describe, expect, it } from "vitest";
import { timeOrderedId } from "@/lib/db/sqlite-writer";

describe("ids of tokens inserted without Prisma", () => {
  it("sort by creation, within one millisecond too, like Prisma's cuid()", () => {
    const now = Date.now();
    const ids = [timeOrderedId(now), timeOrderedId(now), timeOrderedId(now), timeOrderedId(now + 1), timeOrderedId(now + 60_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^c[0-9a-z]{8}/);
  });
});
