import crypto from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { setClientDisabled } from "@/lib/clients/set-client-disabled";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/forms/form-state";
import { createManualToken } from "@/lib/tokens/create-manual-token";
import { deleteAccessTokens } from "@/lib/tokens/delete-access-tokens";
import { deleteClientTokens } from "@/lib/tokens/delete-client-tokens";
import { deleteExpiredTokens } from "@/lib/tokens/delete-expired-tokens";
import { findActiveToken } from "@/lib/tokens/find-active-token";
import { listClientTokens } from "@/lib/tokens/list-client-tokens";
import { listOwnerTokens, type OwnerTokenFilters } from "@/lib/tokens/list-owner-tokens";
import { revealAccessToken } from "@/lib/tokens/reveal-access-token";
import { createTokenSchema, localToday } from "@/lib/tokens/schemas";
import type { TokenSummary } from "@/lib/tokens/token-summary";
import { createOwner, createTestClient, createTestToken } from "../support/factories";
import { HttpSession } from "../support/http-session";

const baseUrl = inject("baseUrl");
const DAY = 24 * 60 * 60 * 1000;

function form(clientId: string, fields: Record<string, string> = {}) {
  return createTokenSchema.safeParse({ clientId, name: "CI deploys", expiry: "30", ...fields });
}

function input(clientId: string, fields: Record<string, string> = {}) {
  const parsed = form(clientId, fields);
  if (!parsed.success) throw new Error(JSON.stringify(fieldErrorsOf(parsed.error)));
  return parsed.data;
}

function fieldError(clientId: string, fields: Record<string, string>, field: string): string | undefined {
  const parsed = form(clientId, fields);
  expect(parsed.success).toBe(false);
  return parsed.success ? undefined : fieldErrorsOf(parsed.error)[field]?.[0];
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
}

async function auditEvents(ownerId: string, action: string, targetId: string) {
  return db().auditEvent.findMany({ where: { ownerId, action, targetId } });
}

async function ownerWithClient() {
  const owner = await createOwner();
  const client = await createTestClient(owner.id);
  return { owner, client };
}

/** Every page of a listing, following `after` cursors; fails on a loop. */
async function walk(ownerId: string, filters: OwnerTokenFilters = {}) {
  const pages: TokenSummary[][] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page = await listOwnerTokens(ownerId, { ...filters, after });
    pages.push(page.tokens);
    if (!page.nextCursor) return pages;
    after = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("creating manual tokens", () => {
  it("creates a token for 30, 60 or 90 days, a custom date, or no expiry", async () => {
    const { owner, client } = await ownerWithClient();
    for (const days of [30, 60, 90]) {
      const before = Date.now();
      const created = await createManualToken(owner.id, input(client.id, { name: `${days} days`, expiry: String(days) }));
      const expires = created.expiresAt!.getTime();
      expect(expires).toBeGreaterThanOrEqual(before + days * DAY);
      expect(expires).toBeLessThanOrEqual(Date.now() + days * DAY);
    }

    const day = isoDay(10);
    const utc = await createManualToken(owner.id, input(client.id, { expiry: "custom", expiresOn: day, timezoneOffset: "0" }));
    expect(utc.expiresAt!.toISOString()).toBe(`${day}T23:59:59.999Z`);
    // UTC+2 (offset -120): the end of that day there is 21:59:59.999 UTC.
    const berlin = await createManualToken(owner.id, input(client.id, { expiry: "custom", expiresOn: day, timezoneOffset: "-120" }));
    expect(berlin.expiresAt!.toISOString()).toBe(`${day}T21:59:59.999Z`);

    const forever = await createManualToken(owner.id, input(client.id, { name: "Forever", expiry: "none" }));
    expect(forever.expiresAt).toBeNull();
    expect(forever.token).toMatch(/^latch_at_[A-Za-z0-9_-]{43}$/);
    expect(forever.prefix).toBe("latch_at_");
    expect(forever.last4).toBe(forever.token.slice(-4));

    const row = await db().accessToken.findUniqueOrThrow({ where: { id: forever.id } });
    expect(row).toMatchObject({ name: "Forever", ownerId: owner.id, clientId: client.id, createdVia: "manual", scope: null });
    expect(row.encrypted).not.toContain(forever.token);
    expect(await auditEvents(owner.id, "token.create", forever.id)).toHaveLength(1);
    expect((await findActiveToken(forever.token))?.id).toBe(forever.id);
  });

  it("gives a field message for each kind of bad input", async () => {
    const { client } = await ownerWithClient();
    expect(fieldError(client.id, { name: "   " }, "name")).toBe("Give the token a name.");
    expect(fieldError(client.id, { name: "x".repeat(101) }, "name")).toBe("Use at most 100 characters.");
    expect(form(client.id, { name: "x".repeat(100) }).success).toBe(true);
    // PostgreSQL refuses NUL in text: a field message on both databases.
    expect(fieldError(client.id, { name: "CI\u0000deploys" }, "name")).toBe("The name cannot contain control characters.");
    for (const expiry of ["45", "forever", "", "30 days"]) {
      expect(fieldError(client.id, { expiry }, "expiry")).toBe("Choose when the token expires.");
    }
    expect(fieldError(client.id, { expiry: "custom", expiresOn: isoDay(-3), timezoneOffset: "0" }, "expiresOn")).toBe("Pick a date in the future.");
    expect(fieldError(client.id, { expiry: "custom", expiresOn: localToday(Date.now(), 0), timezoneOffset: "0" }, "expiresOn")).toBe(
      "Pick a date in the future.",
    );
    expect(fieldError(client.id, { expiry: "custom", expiresOn: isoDay(6 * 366), timezoneOffset: "0" }, "expiresOn")).toBe(
      "Pick a date at most 5 years ahead.",
    );
    expect(form(client.id, { expiry: "custom", expiresOn: isoDay(4 * 365), timezoneOffset: "0" }).success).toBe(true);
    for (const expiresOn of ["", "2031-02-30", "tomorrow", "2031-1-5"]) {
      expect(fieldError(client.id, { expiry: "custom", expiresOn }, "expiresOn")).toBe("Pick a date.");
    }
    // A date is only read when "custom" is chosen.
    expect(form(client.id, { expiry: "60", expiresOn: "garbage" }).success).toBe(true);
  });

  it("refuses to create a token on a disabled client, with a clear message", async () => {
    const { owner, client } = await ownerWithClient();
    await db().oAuthClient.update({ where: { id: client.id }, data: { disabled: true } });
    const error = await failure(createManualToken(owner.id, input(client.id)));
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/client is disabled/i);
    expect(await db().accessToken.count({ where: { clientId: client.id } })).toBe(0);
  });

  it("treats another owner's client as not found", async () => {
    const { client } = await ownerWithClient();
    const other = await createOwner("other");
    expect((await failure(createManualToken(other.id, input(client.id)))).code).toBe("not_found");
    expect((await failure(createManualToken(other.id, input("no-such-client")))).code).toBe("not_found");
    expect(await db().accessToken.count({ where: { clientId: client.id } })).toBe(0);
  });
});

describe("listing tokens", () => {
  it("lists one client's tokens, newest first, without secrets", async () => {
    const { owner, client } = await ownerWithClient();
    const otherClient = await createTestClient(owner.id);
    const first = await createTestToken(owner.id, client.id, { name: "first" });
    const second = await createTestToken(owner.id, client.id, { name: "second", createdVia: "authorization_code" });
    await createTestToken(owner.id, otherClient.id, { name: "elsewhere" });

    const page = await listClientTokens(owner.id, client.id);
    expect(page.tokens.map((t) => t.name)).toEqual(["second", "first"]);
    expect(page.total).toBe(2);
    expect(page.tokens[0]).toMatchObject({ id: second.id, createdVia: "authorization_code", prefix: "latch_at_", last4: second.token.slice(-4) });
    expect(page.tokens[0]!.client).toEqual({ id: client.id, name: expect.any(String), disabled: false });
    const text = JSON.stringify(page);
    expect(text).not.toContain(first.token);
    expect(text).not.toMatch(/tokenHash|encrypted/);

    const other = await createOwner("other");
    expect((await failure(listClientTokens(other.id, client.id))).code).toBe("not_found");
  });

  it("lists the owner's tokens across clients, filtered by client and status, sorted by creation or last use", async () => {
    const { owner, client } = await ownerWithClient();
    const beta = await createTestClient(owner.id, { name: "Beta" });
    const active = await createTestToken(owner.id, client.id, { name: "active", expiresAt: new Date(Date.now() + DAY) });
    const expired = await createTestToken(owner.id, client.id, { name: "expired", expiresAt: new Date(Date.now() - DAY) });
    const forever = await createTestToken(owner.id, beta.id, { name: "forever" });
    const usedLongAgo = await createTestToken(owner.id, beta.id, { name: "used long ago" });
    await db().accessToken.update({ where: { id: active.id }, data: { lastUsedAt: new Date(Date.now() - 60_000) } });
    await db().accessToken.update({ where: { id: usedLongAgo.id }, data: { lastUsedAt: new Date(Date.now() - 30 * DAY) } });

    const names = async (filters: OwnerTokenFilters) => (await listOwnerTokens(owner.id, filters)).tokens.map((t) => t.name);
    expect(await names({})).toEqual(["used long ago", "forever", "expired", "active"]);
    expect(await names({ clientId: beta.id })).toEqual(["used long ago", "forever"]);
    expect(await names({ status: "active" })).toEqual(["used long ago", "forever", "active"]);
    expect(await names({ status: "expired" })).toEqual(["expired"]);
    expect(await names({ clientId: client.id, status: "expired" })).toEqual(["expired"]);
    // Most recently used first; never-used tokens after them, newest first.
    expect(await names({ sort: "last_used" })).toEqual(["active", "used long ago", "forever", "expired"]);

    const all = await listOwnerTokens(owner.id);
    expect(all.tokens.find((t) => t.id === expired.id)).toMatchObject({ expired: true });
    expect(all.tokens.find((t) => t.id === forever.id)).toMatchObject({
      expired: false,
      expiresAt: null,
      client: { id: beta.id, name: "Beta", disabled: false },
    });

    // A disabled client's tokens work for nothing: the list says so beside them.
    await setClientDisabled(owner.id, beta.id, true);
    expect((await listOwnerTokens(owner.id)).tokens.find((t) => t.id === forever.id)?.client.disabled).toBe(true);
    const session = new HttpSession(baseUrl);
    expect((await session.signIn(owner.email, owner.password)).ok).toBe(true);
    const page = (await (await session.fetch(`/user/oauth-access-tokens?client=${beta.id}`)).text()).replaceAll("<!-- -->", "");
    expect(page.match(/Client disabled/g)).toHaveLength(2);
    const activeClient = (await (await session.fetch(`/user/oauth-access-tokens?client=${client.id}`)).text()).replaceAll("<!-- -->", "");
    expect(activeClient).not.toContain("Client disabled");

    const other = await createOwner("other");
    await createTestToken(other.id, (await createTestClient(other.id)).id, { name: "theirs" });
    expect(await names({})).not.toContain("theirs");
    const theirs = await listOwnerTokens(other.id);
    expect(theirs.tokens.map((t) => t.name)).toEqual(["theirs"]);
    expect((await listOwnerTokens(other.id, { clientId: client.id })).tokens).toEqual([]);
  });
});

describe("pagination", () => {
  it("walks 60 tokens in 3 pages of 25 with nothing repeated or missing, forwards and back", async () => {
    const { owner, client } = await ownerWithClient();
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push((await createTestToken(owner.id, client.id, { name: `token ${i}` })).id);
    // Ties on createdAt are the hard case for keyset pagination: make 30 of them.
    const tied = new Date(Date.now() - DAY);
    await db().accessToken.updateMany({ where: { id: { in: ids.slice(10, 40) } }, data: { createdAt: tied } });

    const first = await listOwnerTokens(owner.id);
    expect(first).toMatchObject({ total: 60, totalCapped: false, previousCursor: null });
    const pages = await walk(owner.id);
    expect(pages.map((p) => p.length)).toEqual([25, 25, 10]);
    const seen = pages.flat().map((t) => t.id);
    expect(new Set(seen).size).toBe(60);
    expect(new Set(seen)).toEqual(new Set(ids));
    const times = pages.flat().map((t) => t.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // Previous from the deep (third) page gives the second page again, then the first.
    const second = await listOwnerTokens(owner.id, { after: first.nextCursor });
    const third = await listOwnerTokens(owner.id, { after: second.nextCursor });
    expect(third.nextCursor).toBeNull();
    const back = await listOwnerTokens(owner.id, { before: third.previousCursor });
    expect(back.tokens.map((t) => t.id)).toEqual(second.tokens.map((t) => t.id));
    const backAgain = await listOwnerTokens(owner.id, { before: back.previousCursor });
    expect(backAgain.tokens.map((t) => t.id)).toEqual(first.tokens.map((t) => t.id));
    expect(backAgain.previousCursor).toBeNull();

    // The client tab pages the same way.
    const clientPage = await listClientTokens(owner.id, client.id, { after: first.nextCursor });
    expect(clientPage.tokens.map((t) => t.id)).toEqual(second.tokens.map((t) => t.id));
  });

  it("pages by last use across used and never-used tokens, and survives deletes and bad cursors", async () => {
    const { owner, client } = await ownerWithClient();
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push((await createTestToken(owner.id, client.id, { name: `token ${i}` })).id);
    // 35 used (10 of them at the same instant), 25 never used.
    for (let i = 0; i < 35; i++) {
      const lastUsedAt = new Date(Date.now() - (i < 10 ? 5_000 : i * 60_000));
      await db().accessToken.update({ where: { id: ids[i]! }, data: { lastUsedAt } });
    }
    const pages = await walk(owner.id, { sort: "last_used" });
    expect(pages.map((p) => p.length)).toEqual([25, 25, 10]);
    const flat = pages.flat();
    expect(new Set(flat.map((t) => t.id)).size).toBe(60);
    expect(flat.slice(0, 35).every((t) => t.lastUsedAt !== null)).toBe(true);
    expect(flat.slice(35).every((t) => t.lastUsedAt === null)).toBe(true);
    const used = flat.slice(0, 35).map((t) => t.lastUsedAt!.getTime());
    expect(used).toEqual([...used].sort((a, b) => b - a));

    // Back from the last page crosses the used / never-used boundary.
    const p1 = await listOwnerTokens(owner.id, { sort: "last_used" });
    const p2 = await listOwnerTokens(owner.id, { sort: "last_used", after: p1.nextCursor });
    const p3 = await listOwnerTokens(owner.id, { sort: "last_used", after: p2.nextCursor });
    expect((await listOwnerTokens(owner.id, { sort: "last_used", before: p3.previousCursor })).tokens).toEqual(p2.tokens);

    // The row a cursor points at is deleted: the next page still starts right after it.
    const cursorRow = p1.tokens[24]!;
    await deleteAccessTokens(owner.id, [cursorRow.id]);
    expect((await listOwnerTokens(owner.id, { sort: "last_used", after: p1.nextCursor })).tokens.map((t) => t.id)).toEqual(p2.tokens.map((t) => t.id));

    for (const garbage of ["garbage", "bm9wZQ", "OS45OTkuYQ", "x".repeat(500), "!!"]) {
      const page = await listOwnerTokens(owner.id, { after: garbage, before: garbage });
      expect(page.tokens.map((t) => t.id)).toEqual((await listOwnerTokens(owner.id)).tokens.map((t) => t.id));
    }
  });
});

describe("revealing tokens", () => {
  it("returns exactly the token that was created, records it, and refuses other owners", async () => {
    const { owner, client } = await ownerWithClient();
    const created = await createManualToken(owner.id, input(client.id, { name: "Reveal me" }));
    expect(await revealAccessToken(owner.id, created.id)).toEqual({ token: created.token });
    const events = await auditEvents(owner.id, "token.reveal", created.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.details).not.toContain(created.token);

    const other = await createOwner("other");
    expect((await failure(revealAccessToken(other.id, created.id))).code).toBe("not_found");
    expect(await db().auditEvent.count({ where: { ownerId: other.id } })).toBe(0);
    expect((await failure(revealAccessToken(owner.id, "no-such-token"))).code).toBe("not_found");
  });
});

describe("deleting tokens", () => {
  it("deletes one token, and it never authenticates again", async () => {
    const { owner, client } = await ownerWithClient();
    const token = await createTestToken(owner.id, client.id);
    const keep = await createTestToken(owner.id, client.id);
    const other = await createOwner("other");
    expect((await failure(deleteAccessTokens(other.id, [token.id]))).code).toBe("not_found");
    expect(await findActiveToken(token.token)).not.toBeNull();

    expect(await deleteAccessTokens(owner.id, [token.id])).toEqual({ count: 1 });
    expect(await findActiveToken(token.token)).toBeNull();
    expect(await findActiveToken(keep.token)).not.toBeNull();
    expect(await auditEvents(owner.id, "token.delete", token.id)).toHaveLength(1);
    expect((await failure(deleteAccessTokens(owner.id, [token.id]))).code).toBe("not_found");
  });

  it("deletes several selected tokens, never another owner's", async () => {
    const { owner, client } = await ownerWithClient();
    const mine = await Promise.all([1, 2, 3].map(() => createTestToken(owner.id, client.id)));
    const keep = await createTestToken(owner.id, client.id);
    const other = await createOwner("other");
    const theirs = await createTestToken(other.id, (await createTestClient(other.id)).id);

    const result = await deleteAccessTokens(owner.id, [...mine.map((t) => t.id), theirs.id, mine[0]!.id]);
    expect(result).toEqual({ count: 3 });
    expect(await db().accessToken.count({ where: { id: { in: mine.map((t) => t.id) } } })).toBe(0);
    expect(await findActiveToken(theirs.token)).not.toBeNull();
    expect(await findActiveToken(keep.token)).not.toBeNull();
    for (const t of mine) expect(await auditEvents(owner.id, "token.delete", t.id)).toHaveLength(1);
  });

  it("revokes the refresh tokens of a deleted token's grant", async () => {
    const { owner, client } = await ownerWithClient();
    const grantId = crypto.randomUUID();
    const token = await createTestToken(owner.id, client.id, { createdVia: "authorization_code", grantId });
    const refresh = await db().refreshToken.create({
      data: { tokenHash: crypto.randomBytes(32).toString("hex"), ownerId: owner.id, clientId: client.id, grantId, expiresAt: new Date(Date.now() + DAY) },
    });
    await deleteAccessTokens(owner.id, [token.id]);
    expect((await db().refreshToken.findUniqueOrThrow({ where: { id: refresh.id } })).revokedAt).not.toBeNull();
  });

  it("deletes every token of one client and revokes its refresh tokens", async () => {
    const { owner, client } = await ownerWithClient();
    const otherClient = await createTestClient(owner.id);
    const tokens = await Promise.all([1, 2, 3, 4].map(() => createTestToken(owner.id, client.id)));
    const keep = await createTestToken(owner.id, otherClient.id);
    const refresh = await db().refreshToken.create({
      data: { tokenHash: crypto.randomBytes(32).toString("hex"), ownerId: owner.id, clientId: client.id, grantId: "g", expiresAt: new Date(Date.now() + DAY) },
    });

    const other = await createOwner("other");
    expect((await failure(deleteClientTokens(other.id, client.id))).code).toBe("not_found");
    expect((await listClientTokens(owner.id, client.id)).total).toBe(4);

    expect(await deleteClientTokens(owner.id, client.id)).toEqual({ count: 4 });
    for (const t of tokens) expect(await findActiveToken(t.token)).toBeNull();
    expect(await findActiveToken(keep.token)).not.toBeNull();
    expect((await listClientTokens(owner.id, client.id)).tokens).toEqual([]);
    expect((await db().refreshToken.findUniqueOrThrow({ where: { id: refresh.id } })).revokedAt).not.toBeNull();
    const [event] = await auditEvents(owner.id, "token.delete_all", client.id);
    expect(JSON.parse(event!.details)).toMatchObject({ count: 4 });
  });

  it("deletes the expired tokens of one client or of all, never a live one or another owner's, and keeps their grants", async () => {
    const { owner, client } = await ownerWithClient();
    const otherClient = await createTestClient(owner.id);
    const past = new Date(Date.now() - DAY);
    const grantId = crypto.randomUUID();
    const expired = await createTestToken(owner.id, client.id, { createdVia: "authorization_code", grantId, expiresAt: past });
    const live = await createTestToken(owner.id, client.id, { expiresAt: new Date(Date.now() + DAY) });
    const forever = await createTestToken(owner.id, client.id);
    const expiredElsewhere = await createTestToken(owner.id, otherClient.id, { expiresAt: past });
    const refresh = await db().refreshToken.create({
      data: { tokenHash: crypto.randomBytes(32).toString("hex"), ownerId: owner.id, clientId: client.id, grantId, expiresAt: new Date(Date.now() + DAY) },
    });
    const other = await createOwner("other");
    const theirs = await createTestToken(other.id, (await createTestClient(other.id)).id, { expiresAt: past });
    const ids = async () => (await db().accessToken.findMany({ where: { id: { in: [expired.id, live.id, forever.id, expiredElsewhere.id, theirs.id] } } })).map((t) => t.id);

    expect((await failure(deleteExpiredTokens(other.id, client.id))).code).toBe("not_found");
    expect(await deleteExpiredTokens(owner.id, client.id)).toEqual({ count: 1 });
    expect((await ids()).sort()).toEqual([live.id, forever.id, expiredElsewhere.id, theirs.id].sort());
    // The app may still hold a good refresh token: its grant stays.
    expect((await db().refreshToken.findUniqueOrThrow({ where: { id: refresh.id } })).revokedAt).toBeNull();

    expect(await deleteExpiredTokens(owner.id, null)).toEqual({ count: 1 });
    expect((await ids()).sort()).toEqual([live.id, forever.id, theirs.id].sort());
    expect(await deleteExpiredTokens(owner.id, null)).toEqual({ count: 0 });
  });
});

describe("findActiveToken", () => {
  it("returns the token with its client in one lookup when it is valid", async () => {
    const { owner, client } = await ownerWithClient();
    const created = await createTestToken(owner.id, client.id, { scope: "sales:read", audience: "http://x.test/mcp", expiresAt: new Date(Date.now() + DAY) });
    const found = await findActiveToken(created.token);
    const row = await db().oAuthClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(found).toEqual({
      id: created.id,
      ownerId: owner.id,
      clientId: client.id,
      clientPublicId: client.clientId,
      scope: "sales:read",
      audience: "http://x.test/mcp",
      expiresAt: created.expiresAt,
      clientPermissions: row.permissions,
      createdVia: "manual",
      grantId: null,
      createdAt: created.createdAt,
    });
  });

  it("returns null for unknown, expired or deleted tokens and for disabled, deleted or ownerless clients", async () => {
    const { owner, client } = await ownerWithClient();
    expect(await findActiveToken("latch_at_" + crypto.randomBytes(32).toString("base64url"))).toBeNull();
    expect(await findActiveToken("")).toBeNull();
    expect(await findActiveToken("x".repeat(10_000))).toBeNull();

    const expired = await createTestToken(owner.id, client.id, { expiresAt: new Date(Date.now() - 1000) });
    expect(await findActiveToken(expired.token)).toBeNull();

    const deleted = await createTestToken(owner.id, client.id);
    await deleteAccessTokens(owner.id, [deleted.id]);
    expect(await findActiveToken(deleted.token)).toBeNull();

    const disabledClient = await createTestClient(owner.id);
    const ofDisabled = await createTestToken(owner.id, disabledClient.id);
    await db().oAuthClient.update({ where: { id: disabledClient.id }, data: { disabled: true } });
    expect(await findActiveToken(ofDisabled.token)).toBeNull();

    const goneClient = await createTestClient(owner.id);
    const ofGone = await createTestToken(owner.id, goneClient.id);
    await db().oAuthClient.delete({ where: { id: goneClient.id } });
    expect(await findActiveToken(ofGone.token)).toBeNull();

    const ownerless = await createTestClient(owner.id);
    const ofOwnerless = await createTestToken(owner.id, ownerless.id);
    await db().oAuthClient.update({ where: { id: ownerless.id }, data: { ownerId: null } });
    expect(await findActiveToken(ofOwnerless.token)).toBeNull();
  });
});

describe("token pages over HTTP", () => {
  it("shows the owner their tokens masked, and another owner a 404 and nothing of theirs", async () => {
    const { owner, client } = await ownerWithClient();
    const token = await createTestToken(owner.id, client.id, { name: "Visible only to owner" });
    const session = new HttpSession(baseUrl);
    expect((await session.signIn(owner.email, owner.password)).ok).toBe(true);

    const tab = await session.fetch(`/user/oauth-clients/${client.id}/access-tokens`);
    expect(tab.status).toBe(200);
    const tabHtml = await tab.text();
    expect(tabHtml).toContain("Visible only to owner");
    expect(tabHtml).toContain(token.token.slice(-4));
    expect(tabHtml).not.toContain(token.token);

    const all = await session.fetch(`/user/oauth-access-tokens?client=${client.id}&status=active`);
    expect(all.status).toBe(200);
    const allHtml = await all.text();
    expect(allHtml).toContain("Visible only to owner");
    expect(allHtml).not.toContain(token.token);

    const hostile = await session.fetch("/user/oauth-access-tokens?after=%00%ff&before=x&status=bogus&sort=nope&page=-4&client[]=1");
    expect(hostile.status).toBe(200);
    // A NUL in the client filter is no filter (PostgreSQL would refuse it in a query).
    const nul = await session.fetch("/user/oauth-access-tokens?client=%00");
    expect(nul.status).toBe(200);
    expect(await nul.text()).toContain("Visible only to owner");

    const other = await createOwner("other");
    const otherSession = new HttpSession(baseUrl);
    expect((await otherSession.signIn(other.email, other.password)).ok).toBe(true);
    expect((await otherSession.fetch(`/user/oauth-clients/${client.id}/access-tokens`)).status).toBe(404);
    const theirList = await otherSession.fetch(`/user/oauth-access-tokens?client=${client.id}`);
    expect(theirList.status).toBe(200);
    expect(await theirList.text()).not.toContain("Visible only to owner");
  });

  it("shows an empty client tab how manual tokens are used", async () => {
    const { owner, client } = await ownerWithClient();
    const session = new HttpSession(baseUrl);
    await session.signIn(owner.email, owner.password);
    const html = await (await session.fetch(`/user/oauth-clients/${client.id}/access-tokens`)).text();
    expect(html).toContain("No access tokens yet");
    expect(html).toContain("Authorization: Bearer &lt;token&gt;");
  });
});
