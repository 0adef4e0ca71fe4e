// On SQLite, list_customers answers with JSON written by SQLite itself
// (lib/commerce/list-customers.ts). It must be the very text the general path
// writes for the same page (Prisma's rows through jsonText), awkward data and
// paging included; a page with times stored otherwise than Prisma writes them
// comes from Prisma itself.
import { describe, expect, it } from "vitest";
import { listCustomers, listCustomersAnswer, SQLITE_PAGE_STATEMENTS } from "@/lib/commerce/list-customers";
import { config } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { sqliteDirect } from "@/lib/db/sqlite-direct";
import { JsonText, jsonText } from "@/lib/http/json-text";
import { createOwner } from "../support/factories";

async function bothTexts(ownerId: string, limit: number, cursor?: string, written: "by SQLite" | "by Prisma" = "by SQLite") {
  const input = { limit, ...(cursor === undefined ? {} : { cursor }) };
  const fast = await listCustomersAnswer(ownerId, input);
  expect(fast instanceof JsonText ? "by SQLite" : "by Prisma").toBe(written);
  return { fast: jsonText(fast), general: jsonText(await listCustomers(ownerId, input)) };
}

/** A customer written by hand, as another tool might: `name` is SQL (a literal), the rest are values. */
function insertByHand(customer: { id: string; ownerId: string; email: string; name: string; createdAt: string; updatedAt: string }) {
  return db().$executeRawUnsafe(
    `INSERT INTO "Customer" ("id", "ownerId", "email", "name", "phone", "createdAt", "updatedAt") VALUES (?, ?, ?, ${customer.name}, NULL, ?, ?)`,
    customer.id,
    customer.ownerId,
    customer.email,
    customer.createdAt,
    customer.updatedAt,
  );
}

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

describe.skipIf(config().databaseProvider !== "sqlite")("list_customers on SQLite", () => {
  it("writes the page exactly as the general path does, whatever the names hold", async () => {
    const owner = await createOwner();
    const awkward = ['Quote " and \\ backslash', "Tab\tnew\nline\r\u0001\u001f", "Ünïcödé 漢字 😀 \u2028\u2029", "</script><b>", ""];
    const base = Date.UTC(2026, 0, 1);
    for (const [i, name] of awkward.entries()) {
      await db().customer.create({
        data: { ownerId: owner.id, email: `c${i}+"x"@example.test`, name, phone: i % 2 ? null : `+1 555 01${i}`, createdAt: new Date(base + i * 1000) },
      });
    }
    // Created as the API creates them, with the times Prisma gives.
    await db().customer.create({ data: { ownerId: owner.id, email: "plain@example.test", name: "Plain" } });
    const { fast, general } = await bothTexts(owner.id, 50);
    expect(fast).toBe(general);
    const page = JSON.parse(fast) as { data: { name: string }[]; nextCursor: string | null };
    expect(page.data.map((c) => c.name)).toEqual(["Plain", ...awkward.toReversed()]);
    expect(page.nextCursor).toBeNull();
  });

  it("leaves a page with times stored otherwise to Prisma", async () => {
    const owner = await createOwner();
    await db().customer.create({ data: { ownerId: owner.id, email: "prisma@example.test", name: "By Prisma", createdAt: new Date(Date.UTC(2026, 0, 1)) } });
    // Times stored by hand or another tool: with Z, without milliseconds, with
    // another offset, with a space (SQLite's CURRENT_TIMESTAMP) and with a space and an offset.
    // Then of Prisma's length, with a blank inside, and naming no day and time
    // as written: a 30 February, an hour 24 and a second 60 (Prisma rolls them
    // over) and a month 13.
    const stored = [
      "2026-02-01T10:00:00Z",
      "2026-02-02T10:00:00.5+00:00",
      "2026-02-03T12:00:00.123+02:00",
      "2026-02-04 10:00:00",
      "2026-02-05 10:00:00.000+00:00",
      "2026-02-08T10: 0:00.000+00:00",
      "2026-02-30T10:00:00.000+00:00",
      "2026-02-06T24:00:00.000+00:00",
      "2026-02-07T10:00:60.000+00:00",
      "2026-13-01T10:00:00.000+00:00",
    ];
    for (const [i, at] of stored.entries()) {
      await insertByHand({ id: `handmade${i}${owner.id}`, ownerId: owner.id, email: `h${i}@example.test`, name: sqlText(`Handmade ${i}`), createdAt: at, updatedAt: at });
    }
    const { fast, general } = await bothTexts(owner.id, 50, undefined, "by Prisma");
    expect(fast).toBe(general);
    const page = JSON.parse(fast) as { data: { createdAt: string }[] };
    expect(page.data.map((c) => c.createdAt)).toContain("2026-02-03T10:00:00.123Z");
    // The page after the hand-stored ones holds only Prisma's times again.
    const first = JSON.parse((await bothTexts(owner.id, stored.length, undefined, "by Prisma")).fast) as { nextCursor: string };
    const rest = await bothTexts(owner.id, 5, first.nextCursor, "by SQLite");
    expect(rest.fast).toBe(rest.general);
    expect((JSON.parse(rest.fast) as { data: { name: string }[] }).data.map((c) => c.name)).toEqual(["By Prisma"]);
  });

  it("keeps no record for a customer with any odd time or value, and refuses none of those writes", async () => {
    const at = "2026-03-01T10:00:00.000+00:00";
    // A time of Prisma's length with a blank inside, days and times that do
    // not exist as written, one SQLite reads as the present moment, and a
    // BLOB where the API shows text: each alone sends its page to Prisma.
    const odd: [time: string, name: string][] = [
      ["2026-03-01T10: 0:00.000+00:00", "'Blank'"],
      ["2026-02-30T10:00:00.000+00:00", "'Thirtieth of February'"],
      ["2026-03-01T24:00:00.000+00:00", "'Hour 24'"],
      ["2026-03-01T10:00:60.000+00:00", "'Second 60'"],
      ["2026-13-01T10:00:00.000+00:00", "'Month 13'"],
      ["now", "'Now'"],
      [at, "X'00ff'"],
    ];
    const page = (ownerId: string) => sqliteDirect().db.prepare(SQLITE_PAGE_STATEMENTS.first).pluck(true).all({ owner: ownerId, limit: 5 });
    for (const [time, name] of odd) {
      const owner = await createOwner();
      await insertByHand({ id: `odd${owner.id}`, ownerId: owner.id, email: "odd@example.test", name, createdAt: time, updatedAt: at });
      expect([name, page(owner.id)]).toEqual([name, [null]]);
    }
    // The same row with Prisma's time and text has its record.
    const owner = await createOwner();
    await insertByHand({ id: `even${owner.id}`, ownerId: owner.id, email: "odd@example.test", name: sqlText("Even"), createdAt: at, updatedAt: at });
    expect(page(owner.id)).toEqual([`{"id":"even${owner.id}","email":"odd@example.test","name":"Even","phone":null,"createdAt":"2026-03-01T10:00:00.000Z","updatedAt":"2026-03-01T10:00:00.000Z"}`]);
  });

  it("pages with the same records and cursors, ties on the time broken by id", async () => {
    const owner = await createOwner();
    const at = new Date(Date.UTC(2026, 5, 1, 12));
    for (let i = 0; i < 7; i++) {
      await db().customer.create({ data: { ownerId: owner.id, email: `p${i}@example.test`, name: `Paged ${i}`, createdAt: i < 4 ? at : new Date(at.getTime() + i * 60_000) } });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 5; pages++) {
      const { fast, general } = await bothTexts(owner.id, 3, cursor);
      expect(fast).toBe(general);
      const page = JSON.parse(fast) as { data: { id: string }[]; nextCursor: string | null };
      seen.push(...page.data.map((c) => c.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it("writes the cursor after a record whatever its id holds", async () => {
    // Ids written by hand by another tool: a quote and a backslash (escaped
    // in the record's JSON) and letters outside ASCII (not escaped).
    for (const odd of ['quote"d', "back\\slash", "ünï漢"]) {
      const owner = await createOwner();
      const older = "2026-06-01T12:00:00.000+00:00";
      const newer = "2026-06-01T12:00:01.234+00:00";
      await insertByHand({ id: `plain${owner.id}`, ownerId: owner.id, email: "a@example.test", name: sqlText("Plain"), createdAt: older, updatedAt: older });
      await insertByHand({ id: `${odd}${owner.id}`, ownerId: owner.id, email: "b@example.test", name: sqlText("Odd"), createdAt: newer, updatedAt: newer });
      const { fast, general } = await bothTexts(owner.id, 1);
      expect(fast).toBe(general);
      const page = JSON.parse(fast) as { data: { id: string }[]; nextCursor: string };
      expect(page.data.map((c) => c.id)).toEqual([`${odd}${owner.id}`]);
      expect(Buffer.from(page.nextCursor, "base64url").toString("utf8")).toBe(`${Date.parse(newer)}:${odd}${owner.id}`);
    }
  });

  it("reads every page from the records SQLite keeps in the list's index, evaluating nothing", () => {
    // The migration's index expression must be the statements' own, word for
    // word; else SQLite would write every record again at each read.
    const { db: direct } = sqliteDirect();
    const params = { owner: "o", limit: 1, at: "a", id: "i" };
    for (const sql of [SQLITE_PAGE_STATEMENTS.first, SQLITE_PAGE_STATEMENTS.after]) {
      const plan = (direct.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((step) => step.detail);
      expect(plan).toHaveLength(1);
      expect(plan[0]).toMatch(/^SEARCH Customer USING COVERING INDEX Customer_ownerId_createdAt_id_record_idx \(ownerId=\?/);
      const program = direct.prepare(`EXPLAIN ${sql}`).all(params) as { opcode: string; p4: unknown }[];
      expect(program.filter((op) => /Func/.test(op.opcode)).map((op) => op.p4)).toEqual([]);
    }
  });

  it("answers an owner without customers with an empty page", async () => {
    const owner = await createOwner();
    const { fast, general } = await bothTexts(owner.id, 25);
    expect(fast).toBe('{"data":[],"nextCursor":null}');
    expect(general).toBe(fast);
  });
});

// On PostgreSQL the page comes from a prepared statement of Latch's own; it
// must hold what Prisma's query gives, page by page, in any time zone.
describe.skipIf(config().databaseProvider === "sqlite")("list_customers on PostgreSQL", () => {
  it("pages with the records and cursors Prisma gives, ties on the time broken by id, in any time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/St_Johns";
    try {
      const owner = await createOwner();
      const other = await createOwner();
      const at = new Date(Date.UTC(2026, 5, 1, 12, 0, 0, 123));
      for (let i = 0; i < 7; i++) {
        await db().customer.create({
          data: { ownerId: owner.id, email: `p${i}@example.test`, name: `Paged ${i}`, phone: i % 2 ? null : `+1 555 0${i}`, createdAt: i < 4 ? at : new Date(at.getTime() + i * 60_000) },
        });
      }
      await db().customer.create({ data: { ownerId: other.id, email: "not-mine@example.test", name: "Another owner's" } });
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 5; pages++) {
        const input = { limit: 3, ...(cursor === undefined ? {} : { cursor }) };
        const answer = await listCustomersAnswer(owner.id, input);
        expect(jsonText(answer)).toBe(jsonText(await listCustomers(owner.id, input)));
        const page = JSON.parse(jsonText(answer)) as { data: { id: string; createdAt: string }[]; nextCursor: string | null };
        seen.push(...page.data.map((c) => c.id));
        if (pages === 0) expect(page.data.at(-1)?.createdAt).toBe(new Date(at.getTime() + 4 * 60_000).toISOString());
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
