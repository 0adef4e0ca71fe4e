// The all-tokens page must stay fast with 100,000 tokens in the database, and
// a deep page must cost what the first page costs (keyset pagination).
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { listOwnerTokens, type OwnerTokenFilters } from "@/lib/tokens/list-owner-tokens";
import { encodeTokenCursor } from "@/lib/tokens/token-cursor";
import { createOwner, createTestClient } from "../support/factories";

const N = 100_000;
const postgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "");

/** 100k tokens in one statement: every 10th on client B, every 50th expired, every 3rd used. */
async function seed(ownerId: string, clientA: string, clientB: string, base: number) {
  const run = crypto.randomBytes(4).toString("hex");
  if (postgres) {
    const start = new Date(base).toISOString();
    await db().$executeRawUnsafe(
      `INSERT INTO "AccessToken" ("id", "tokenHash", "prefix", "last4", "name", "ownerId", "clientId", "createdVia", "expiresAt", "lastUsedAt", "createdAt")
       SELECT $1 || i, $1 || i, 'latch_at_', 'abcd', 'scale ' || i, $2, CASE WHEN i % 10 = 0 THEN $4 ELSE $3 END, 'manual',
         CASE WHEN i % 50 = 0 THEN now() - interval '1 day' END,
         CASE WHEN i % 3 = 0 THEN TIMESTAMP '${start}' + i * interval '700 milliseconds' END,
         TIMESTAMP '${start}' + i * interval '1 second'
       FROM generate_series(1, ${N}) AS i`,
      `scale_${run}_`,
      ownerId,
      clientA,
      clientB,
    );
    return;
  }
  const at = (ms: string) => `strftime('%Y-%m-%dT%H:%M:%f+00:00', (${base} + ${ms}) / 1000.0, 'unixepoch')`;
  await db().$executeRawUnsafe(
    `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${N})
     INSERT INTO "AccessToken" ("id", "tokenHash", "prefix", "last4", "name", "ownerId", "clientId", "createdVia", "expiresAt", "lastUsedAt", "createdAt")
     SELECT ? || i, ? || i, 'latch_at_', 'abcd', 'scale ' || i, ?, CASE WHEN i % 10 = 0 THEN ? ELSE ? END, 'manual',
       CASE WHEN i % 50 = 0 THEN ${at(`${-base} + ${Date.now() - 86_400_000}`)} END,
       CASE WHEN i % 3 = 0 THEN ${at("i * 700")} END,
       ${at("i * 1000")}
     FROM seq`,
    `scale_${run}_`,
    `scale_${run}_`,
    ownerId,
    clientB,
    clientA,
  );
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Times the first and the deep page in alternation (so both see the same machine load); medians of 7. */
async function compare(first: () => Promise<unknown>, deep: () => Promise<unknown>) {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 7; i++) {
    a.push(await median(first));
    b.push(await median(deep));
  }
  const mid = (xs: number[]) => xs.sort((x, y) => x - y)[3]!;
  return { first: mid(a), deep: mid(b) };
}

describe("token lists at scale", () => {
  it("serves the first and a deep page of 100,000 tokens equally fast, without counting them all", { timeout: 120_000 }, async () => {
    const owner = await createOwner("scale");
    const a = await createTestClient(owner.id);
    const b = await createTestClient(owner.id);
    const base = Date.now() - 2 * N * 1000;
    await seed(owner.id, a.id, b.id, base);

    const cases: Array<{ filters: OwnerTokenFilters; deepName: string; segment: number }> = [
      // Near the oldest end of each ordering: about 4,000 pages in.
      { filters: {}, deepName: "scale 100", segment: 0 },
      { filters: { sort: "last_used" }, deepName: "scale 101", segment: 1 },
      { filters: { status: "active" }, deepName: "scale 101", segment: 0 },
      { filters: { clientId: a.id }, deepName: "scale 101", segment: 0 },
    ];
    for (const { filters, deepName, segment } of cases) {
      const firstPage = await listOwnerTokens(owner.id, filters);
      expect(firstPage.tokens).toHaveLength(25);
      // "1,000+ tokens": the count stops early instead of scanning 100k rows.
      expect(firstPage).toMatchObject({ total: 1000, totalCapped: true });

      const row = await db().accessToken.findFirstOrThrow({ where: { ownerId: owner.id, name: deepName } });
      const after = encodeTokenCursor({ segment, time: (segment === 0 && filters.sort === "last_used" ? row.lastUsedAt! : row.createdAt).getTime(), id: row.id });
      const deepPage = await listOwnerTokens(owner.id, { ...filters, after });
      expect(deepPage.tokens.length).toBeGreaterThan(0);
      expect(deepPage.tokens.every((t) => t.createdAt < row.createdAt)).toBe(true);
      expect(deepPage.previousCursor).not.toBeNull();

      const { first, deep } = await compare(
        () => listOwnerTokens(owner.id, filters),
        () => listOwnerTokens(owner.id, { ...filters, after }),
      );
      // OFFSET would walk ~100k index entries here; keyset reads about 26.
      expect(deep, `${JSON.stringify(filters)}: first ${first.toFixed(1)} ms, deep ${deep.toFixed(1)} ms`).toBeLessThan(first * 2 + 30);
      expect(first).toBeLessThan(250);
      console.log(`${JSON.stringify(filters)}: first page ${first.toFixed(1)} ms, page ~4,000 ${deep.toFixed(1)} ms`);
    }
    const hundredth = await db().accessToken.findFirstOrThrow({ where: { ownerId: owner.id, name: "scale 100" } });
    const deepDefault = await listOwnerTokens(owner.id, { after: encodeTokenCursor({ segment: 0, time: hundredth.createdAt.getTime(), id: hundredth.id }) });
    expect(deepDefault.tokens.map((t) => t.name).slice(0, 3)).toEqual(["scale 99", "scale 98", "scale 97"]);
  });
});
