// The hot paths read and write tokens and clients outside Prisma (prepared
// statements on SQLite and on PostgreSQL). Prisma keeps times as UTC; pg's own
// parser would read PostgreSQL's `timestamp` as local time, and pg would send
// a Date as local time. A process in another time zone must see the same times.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { authenticateClient } from "@/lib/oauth/authenticate-client";
import { findBearerToken } from "@/lib/resource/find-bearer-token";
import { createOwner, createTestClient, createTestToken } from "../support/factories";
import { basic } from "../support/oauth";

describe("times on the paths outside Prisma", () => {
  const zone = process.env.TZ;
  beforeEach(() => {
    // +05:45 (+05:30 in 1970): a time misread as local is off by hours and minutes.
    process.env.TZ = "Asia/Kathmandu";
  });
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("are the UTC times Prisma reads and writes, whatever the process's time zone", async () => {
    expect(new Date(0).getTimezoneOffset()).not.toBe(0);
    const owner = await createOwner();
    const client = await createTestClient(owner.id);
    const expiresAt = new Date(Date.now() + 90 * 60 * 1000);
    const minted = await createTestToken(owner.id, client.id, { expiresAt });

    const stored = await db().accessToken.findUniqueOrThrow({ where: { id: minted.id } });
    expect(stored.expiresAt?.toISOString()).toBe(expiresAt.toISOString());
    expect(stored.createdAt.toISOString()).toBe(minted.createdAt.toISOString());

    const found = await findBearerToken(minted.token);
    expect(found?.expiresAt?.toISOString()).toBe(expiresAt.toISOString());
    expect(found?.createdAt.toISOString()).toBe(stored.createdAt.toISOString());

    const { client: authenticated } = await authenticateClient(basic(client.clientId, client.clientSecret!), new URLSearchParams());
    const storedClient = await db().oAuthClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(authenticated.createdAt.toISOString()).toBe(storedClient.createdAt.toISOString());
    expect(authenticated.updatedAt.toISOString()).toBe(storedClient.updatedAt.toISOString());
  });
});
