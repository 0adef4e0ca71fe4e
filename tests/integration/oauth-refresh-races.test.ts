import Database from "better-sqlite3";
import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { config } from "@/lib/config/env";
import { hashSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
import { createTestClient } from "../support/factories";
import { callApi } from "../support/resource-helpers";
import { INSECURE, authorizeThroughConsent, authorizeUrl, basic, discover, newPkce, postForm, runCodeFlow, signedInOwner } from "../support/oauth";

const baseUrl = inject("baseUrl");
const redirectUri = "https://app.example.test/callback";
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  as = await discover(baseUrl);
});

async function connected(scope?: string) {
  const { owner, session } = await signedInOwner(baseUrl);
  const created = await createTestClient(owner.id);
  const client = { client_id: created.clientId };
  const auth = oauth.ClientSecretBasic(created.clientSecret!);
  const flow = await runCodeFlow({ session, as, client, auth, redirectUri, scope });
  return { owner, session, created, client, auth, ...flow };
}

const accessTokenExists = async (token: string) => (await db().accessToken.count({ where: { tokenHash: hashSecret(token) } })) === 1;

/**
 * Runs `send` while another process's connection holds SQLite's write lock,
 * for a second: the server's own connection gets "busy" at once and the
 * refresh takes Prisma's path, which waits. The lock goes before the answer
 * is awaited.
 */
async function behindAnotherProcessLock<T>(send: () => Promise<T>): Promise<T> {
  const other = new Database(config().databaseUrl.replace(/^file:/, ""), { timeout: 2000 });
  try {
    other.prepare("BEGIN IMMEDIATE").run();
    const pending = send();
    // Long enough that the server has surely met the lock (and taken Prisma's path) before it goes.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    other.prepare("COMMIT").run();
    return await pending;
  } finally {
    if (other.inTransaction) other.prepare("ROLLBACK").run();
    other.close();
  }
}

describe("refresh token grant", () => {
  it("rotates the refresh token on every use and keeps the grant together", async () => {
    const { client, auth, tokens } = await connected();
    const first = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, INSECURE));
    expect(first.refresh_token).toMatch(/^latch_rt_/);
    expect(first.refresh_token).not.toBe(tokens.refresh_token);
    expect(first.access_token).not.toBe(tokens.access_token);
    expect(first.expires_in).toBe(3600);
    const second = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, auth, first.refresh_token!, INSECURE));
    expect(second.refresh_token).not.toBe(first.refresh_token);

    const rows = await db().accessToken.findMany({ where: { tokenHash: { in: [tokens.access_token, first.access_token, second.access_token].map(hashSecret) } } });
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.grantId)).size).toBe(1);
    expect(rows.find((r) => r.tokenHash === hashSecret(second.access_token))!.createdVia).toBe("refresh_token");
  });

  it("revokes the whole grant when a spent refresh token is used again", async () => {
    const { client, auth, tokens } = await connected();
    const rotated = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, INSECURE));
    const replay = await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, INSECURE);
    await expect(oauth.processRefreshTokenResponse(as, client, replay)).rejects.toMatchObject({ error: "invalid_grant", status: 400 });
    // Everything from that authorization is gone, including what the rotation issued.
    expect(await accessTokenExists(tokens.access_token)).toBe(false);
    expect(await accessTokenExists(rotated.access_token)).toBe(false);
    const next = await oauth.refreshTokenGrantRequest(as, client, auth, rotated.refresh_token!, INSECURE);
    await expect(oauth.processRefreshTokenResponse(as, client, next)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("lets the scope narrow but never widen beyond the original grant", async () => {
    const { client, auth, tokens, created } = await connected("sales:read sales:write");
    const narrowed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, { ...INSECURE, additionalParameters: { scope: "sales:read" } }),
    );
    expect(narrowed.scope).toBe("sales:read");
    // Omitting the scope later gives back the whole original grant (RFC 6749 §6).
    const whole = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, auth, narrowed.refresh_token!, INSECURE));
    expect(whole.scope).toBe("sales:read sales:write");
    const wider = await postForm(
      baseUrl,
      "/oauth/token",
      { grant_type: "refresh_token", refresh_token: whole.refresh_token!, scope: "customers:read" },
      { authorization: basic(created.clientId, created.clientSecret!) },
    );
    expect([wider.status, wider.json.error]).toEqual([400, "invalid_scope"]);
  });

  it("refuses another client's refresh token and an expired one", async () => {
    const { tokens, created, owner } = await connected();
    const other = await createTestClient(owner.id);
    const stolen = await postForm(baseUrl, "/oauth/token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token! }, { authorization: basic(other.clientId, other.clientSecret!) });
    expect([stolen.status, stolen.json.error]).toEqual([400, "invalid_grant"]);
    await db().refreshToken.update({ where: { tokenHash: hashSecret(tokens.refresh_token!) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await postForm(baseUrl, "/oauth/token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token! }, { authorization: basic(created.clientId, created.clientSecret!) });
    expect([expired.status, expired.json.error]).toEqual([400, "invalid_grant"]);
  });

  it("deletes the grant's expired access tokens on a refresh, and nothing of another grant", async () => {
    const mine = await connected();
    const theirs = await connected();
    const past = new Date(Date.now() - 1000);
    for (const token of [mine.tokens.access_token, theirs.tokens.access_token]) {
      await db().accessToken.update({ where: { tokenHash: hashSecret(token) }, data: { expiresAt: past } });
    }
    const first = await oauth.processRefreshTokenResponse(as, mine.client, await oauth.refreshTokenGrantRequest(as, mine.client, mine.auth, mine.tokens.refresh_token!, INSECURE));
    expect(await accessTokenExists(mine.tokens.access_token)).toBe(false);
    expect(await accessTokenExists(theirs.tokens.access_token)).toBe(true);
    // A live token of the grant stays through the next refresh.
    await oauth.processRefreshTokenResponse(as, mine.client, await oauth.refreshTokenGrantRequest(as, mine.client, mine.auth, first.refresh_token!, INSECURE));
    expect(await accessTokenExists(first.access_token)).toBe(true);
  });

  it.skipIf(config().databaseProvider !== "sqlite").each(["the server's own connection", "Prisma's, behind another process's write lock"])(
    "keeps a live token of the grant whose expiry is stored otherwise than Prisma stores it, on %s",
    async (path) => {
      // Milliseconds sort before any text in SQLite: compared as text, this
      // live token would pass for expired and go, while the API, which reads
      // the time, kept accepting it.
      const mine = await connected();
      const token = mine.tokens.access_token;
      await db().$executeRawUnsafe(`UPDATE "AccessToken" SET "expiresAt" = ? WHERE "tokenHash" = ?`, Date.now() + 3_600_000, hashSecret(token));
      expect((await callApi(baseUrl, token, "GET", "/me")).status).toBe(200);
      const refresh = () => oauth.refreshTokenGrantRequest(as, mine.client, mine.auth, mine.tokens.refresh_token!, INSECURE);
      if (path === "the server's own connection") {
        await oauth.processRefreshTokenResponse(as, mine.client, await refresh());
      } else {
        await oauth.processRefreshTokenResponse(as, mine.client, await behindAnotherProcessLock(refresh));
      }
      expect(await accessTokenExists(token)).toBe(true);
      expect((await callApi(baseUrl, token, "GET", "/me")).status).toBe(200);
    },
  );

  it("stores the rotated pair as Prisma reads it back", async () => {
    const { tokens, created } = await connected("sales:read");
    const before = Date.now();
    // A resource narrows this access token's audience; the grant's refresh token keeps its own.
    const answer = await postForm(
      baseUrl,
      "/oauth/token",
      { grant_type: "refresh_token", refresh_token: tokens.refresh_token!, resource: `${baseUrl}/mcp` },
      { authorization: basic(created.clientId, created.clientSecret!) },
    );
    expect(answer.status).toBe(200);
    const spent = await db().refreshToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(tokens.refresh_token!) } });
    const fresh = await db().refreshToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(String(answer.json.refresh_token)) } });
    const access = await db().accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(String(answer.json.access_token)) } });
    const { name: clientName } = await db().oAuthClient.findUniqueOrThrow({ where: { id: created.id } });
    expect(spent.usedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(fresh).toMatchObject({ grantId: spent.grantId, clientId: created.id, ownerId: spent.ownerId, scope: "sales:read", audience: null, usedAt: null, revokedAt: null });
    expect(Math.abs(fresh.expiresAt.getTime() - fresh.createdAt.getTime() - 30 * 24 * 3600 * 1000)).toBeLessThan(5000);
    expect(access).toMatchObject({
      grantId: spent.grantId,
      clientId: created.id,
      ownerId: spent.ownerId,
      name: `OAuth: ${clientName}`,
      scope: "sales:read",
      audience: `${baseUrl}/mcp`,
      createdVia: "refresh_token",
      prefix: String(answer.json.access_token).slice(0, access.prefix.length),
      last4: String(answer.json.access_token).slice(-4),
    });
    expect(access.encrypted).toEqual(expect.any(String));
    expect(access.encrypted).not.toContain(String(answer.json.access_token));
    expect(Math.abs(access.expiresAt!.getTime() - access.createdAt.getTime() - 3600 * 1000)).toBeLessThan(5000);
    // The owner's token list orders by creation: the new token is the newest of the grant.
    const newest = await db().accessToken.findFirst({ where: { grantId: spent.grantId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(newest?.id).toBe(access.id);
  });

  it.skipIf(config().databaseProvider !== "sqlite")("waits for another process's write lock and still rotates once", async () => {
    const { created, tokens } = await connected();
    const refresh = () => postForm(baseUrl, "/oauth/token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token! }, { authorization: basic(created.clientId, created.clientSecret!) });
    const answer = await behindAnotherProcessLock(refresh);
    expect(answer.status).toBe(200);
    expect(await accessTokenExists(String(answer.json.access_token))).toBe(true);
    const again = await refresh();
    expect(again.json.error).toBe("invalid_grant");
  });
});

describe("races", () => {
  it("lets exactly one of 20 parallel exchanges of one code succeed, then revokes what it got", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    const pkce = await newPkce();
    const callback = await authorizeThroughConsent(session, authorizeUrl(as, { clientId: created.clientId, redirectUri, state: "race", pkce }));
    const code = callback.searchParams.get("code")!;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        postForm(
          baseUrl,
          "/oauth/token",
          { grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: pkce.verifier },
          { authorization: basic(created.clientId, created.clientSecret!) },
        ),
      ),
    );
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status === 400 && a.json.error === "invalid_grant")).toHaveLength(19);
    // The other 19 were second uses of the code: the winner's tokens are revoked too.
    expect(await accessTokenExists(String(won[0]!.json.access_token))).toBe(false);
  });

  it("lets exactly one of 20 parallel refreshes with one token succeed", async () => {
    const { created, tokens } = await connected();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        postForm(baseUrl, "/oauth/token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token! }, { authorization: basic(created.clientId, created.clientSecret!) }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 400 && a.json.error === "invalid_grant")).toHaveLength(19);
    const winner = answers.find((a) => a.status === 200)!;
    // Reuse was detected, so the grant (the winner's new tokens included) is revoked.
    expect(await accessTokenExists(String(winner.json.access_token))).toBe(false);
    const after = await postForm(baseUrl, "/oauth/token", { grant_type: "refresh_token", refresh_token: String(winner.json.refresh_token) }, { authorization: basic(created.clientId, created.clientSecret!) });
    expect(after.json.error).toBe("invalid_grant");
  });
});
