// Kept SQLite rows are as current as a fresh read: a commit by any other
// connection (Prisma's in this process, the server's) or a noted change of
// the direct connection's own makes the next lookup read again. The token
// endpoint keeps client rows this way, and the bearer check its tokens and
// their clients' permissions, so an owner's change to a client or a token
// holds from the very next request.
import { describe, expect, inject, it } from "vitest";
import { config } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { TEXT_PARAM } from "@/lib/db/sqlite-direct";
import { sqliteGet } from "@/lib/db/sqlite-reader";
import { noteSqliteRowsChanged, SqliteRowCache } from "@/lib/db/sqlite-row-cache";
import { sqliteTryRun } from "@/lib/db/sqlite-writer";
import { setClientDisabled } from "@/lib/clients/set-client-disabled";
import { updateClientPermissions } from "@/lib/clients/update-client-permissions";
import { READ_ONLY_KEYS } from "@/lib/permissions/catalogue";
import { scopesForKeys } from "@/lib/permissions/scopes";
import { createOwner, createTestClient } from "../support/factories";
import { basic, postForm } from "../support/oauth";
import { callApi, eventually, ownerWithToken, turnPermission } from "../support/resource-helpers";

const baseUrl = inject("baseUrl");

describe.skipIf(config().databaseProvider !== "sqlite")("SQLite row cache", () => {
  const NAME = `SELECT "name" FROM "OAuthClient" WHERE "id" = ${TEXT_PARAM}`;

  it("reads again after another connection commits, or the direct one notes a change, and not otherwise", async () => {
    const owner = await createOwner();
    const client = await createTestClient(owner.id, { name: "Before" });
    const cache = new SqliteRowCache<{ name: string }>(8);
    let reads = 0;
    const lookup = () =>
      cache.get(client.id, () => {
        reads += 1;
        return sqliteGet<{ name: string }>(NAME, client.id) ?? null;
      });

    const first = lookup();
    expect([first?.name, reads]).toEqual(["Before", 1]);
    // Kept: the same row without a read, unless the server (writing for
    // other tests) committed in between, which makes it read again.
    let kept = false;
    for (let attempt = 0; attempt < 50 && !kept; attempt++) {
      const before = reads;
      const a = lookup();
      kept = lookup() === a && reads - before <= 1;
    }
    expect(kept).toBe(true);

    // Prisma's connection, in this same process.
    await db().oAuthClient.update({ where: { id: client.id }, data: { name: "After Prisma" } });
    expect(lookup()?.name).toBe("After Prisma");

    // The direct connection's own write is invisible to data_version until noted.
    expect(sqliteTryRun(`UPDATE "OAuthClient" SET "name" = ? WHERE "id" = ${TEXT_PARAM}`, "After direct", client.id)).toBe(true);
    noteSqliteRowsChanged();
    expect(lookup()?.name).toBe("After direct");

    // Unknown keys are never kept.
    const before = reads;
    const missing = () => cache.get("no-such-client", () => ((reads += 1), null));
    missing();
    missing();
    expect(reads - before).toBe(2);
  });

  it("keeps rows across the direct connection's noted writes when told its columns are not among them", async () => {
    const owner = await createOwner();
    const client = await createTestClient(owner.id, { name: "Kept" });
    const cache = new SqliteRowCache<{ name: string }>(8, { changedByLocalWrites: false });
    const lookup = () => cache.get(client.id, () => sqliteGet<{ name: string }>(NAME, client.id) ?? null);

    // As above: kept unless the server happened to commit in between.
    let kept = false;
    for (let attempt = 0; attempt < 50 && !kept; attempt++) {
      const a = lookup();
      noteSqliteRowsChanged();
      kept = lookup() === a;
    }
    expect(kept).toBe(true);

    await db().oAuthClient.update({ where: { id: client.id }, data: { name: "After Prisma" } });
    expect(lookup()?.name).toBe("After Prisma");
  });

  it("keeps at most its capacity, letting the longest kept go first", () => {
    const cache = new SqliteRowCache<string>(2);
    let reads = 0;
    const get = (key: string) => cache.get(key, () => `${key}:${(reads += 1)}`);
    expect([get("a"), get("b"), get("a")]).toEqual(["a:1", "b:2", "a:1"]);
    get("c");
    expect(get("a")).toBe("a:4");
  });
});

describe("an owner's change to a client holds from the very next request", () => {
  it("for API calls: renaming, disabling, narrowing and deleting, after last-use times were written too", async () => {
    const { owner, client, token, tokenId } = await ownerWithToken();
    const me = () => callApi(baseUrl, token, "GET", "/me");
    const { name } = await db().oAuthClient.findUniqueOrThrow({ where: { id: client.id } });
    expect((await me()).body.client).toMatchObject({ name });

    // The server writes the token's (and client's) last use on its own connection.
    await eventually(async () => {
      const row = await db().accessToken.findUniqueOrThrow({ where: { id: tokenId } });
      expect(row.lastUsedAt).not.toBeNull();
    });
    await db().oAuthClient.update({ where: { id: client.id }, data: { name: "Renamed" } });
    expect((await me()).body.client).toMatchObject({ name: "Renamed" });

    await setClientDisabled(owner.id, client.id, true);
    expect((await me()).body.error?.code).toBe("invalid_token");
    await setClientDisabled(owner.id, client.id, false);
    expect((await me()).status).toBe(200);

    await turnPermission(client.id, "account.retrieve", false);
    expect((await me()).body.error?.permission).toBe("account.retrieve");
    await turnPermission(client.id, "account.retrieve", true);
    expect((await me()).status).toBe(200);

    await db().oAuthClient.delete({ where: { id: client.id } });
    expect((await me()).body.error?.code).toBe("invalid_token");
  });

  it("for a token in use: its expiry and scope changed, and revoking it, after last-use times were written too", async () => {
    const { client, token, tokenId } = await ownerWithToken();
    const me = () => callApi(baseUrl, token, "GET", "/me");
    // In use, so the server keeps its row; then its last use is written on the server's own connection.
    expect((await me()).status).toBe(200);
    await eventually(async () => {
      const row = await db().accessToken.findUniqueOrThrow({ where: { id: tokenId } });
      expect(row.lastUsedAt).not.toBeNull();
    });
    expect((await me()).status).toBe(200);

    await db().accessToken.update({ where: { id: tokenId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await me()).body.error?.code).toBe("invalid_token");
    await db().accessToken.update({ where: { id: tokenId }, data: { expiresAt: new Date(Date.now() + 3_600_000) } });
    expect((await me()).status).toBe(200);

    await db().accessToken.update({ where: { id: tokenId }, data: { scope: scopesForKeys(["customer.list"]).join(" ") } });
    expect((await me()).body.error?.permission).toBe("account.retrieve");
    await db().accessToken.update({ where: { id: tokenId }, data: { scope: null } });
    expect((await me()).status).toBe(200);

    const auth = { authorization: basic(client.clientId, client.clientSecret!) };
    expect((await postForm(baseUrl, "/oauth/revoke", { token }, auth)).status).toBe(200);
    expect((await me()).body.error?.code).toBe("invalid_token");
  });

  it("for the token endpoint: disabling, narrowing, enabling and deleting", async () => {
    const owner = await createOwner();
    const created = await createTestClient(owner.id);
    const grant = () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials" }, { authorization: basic(created.clientId, created.clientSecret!) });

    expect((await grant()).status).toBe(200);
    await setClientDisabled(owner.id, created.id, true);
    expect((await grant()).json.error).toBe("invalid_client");
    await setClientDisabled(owner.id, created.id, false);
    await updateClientPermissions(owner.id, created.id, READ_ONLY_KEYS);
    const narrowed = await grant();
    expect([narrowed.status, narrowed.json.scope]).toEqual([200, scopesForKeys(READ_ONLY_KEYS).join(" ")]);
    await db().oAuthClient.delete({ where: { id: created.id } });
    expect((await grant()).json.error).toBe("invalid_client");
  });
});
