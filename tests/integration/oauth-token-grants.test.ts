import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { hashSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
import { newClientSecret } from "@/lib/clients/client-secret";
import { READ_ONLY_KEYS } from "@/lib/permissions/catalogue";
import { scopesForKeys } from "@/lib/permissions/scopes";
import { createTestClient } from "../support/factories";
import { callApi } from "../support/resource-helpers";
import {
  INSECURE,
  authorizeThroughConsent,
  authorizeUrl,
  basic,
  discover,
  newPkce,
  postForm,
  runCodeFlow,
  signedInOwner,
} from "../support/oauth";

const baseUrl = inject("baseUrl");
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  as = await discover(baseUrl);
});

async function tokenRow(token: string) {
  return db().accessToken.findUnique({ where: { tokenHash: hashSecret(token) } });
}

describe("authorization code grant with PKCE", () => {
  it("issues an access token and a refresh token to a confidential client using client_secret_basic", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id, { name: "Bookkeeping sync" });
    const client = { client_id: created.clientId };
    const { tokens } = await runCodeFlow({
      session,
      as,
      client,
      auth: oauth.ClientSecretBasic(created.clientSecret!),
      redirectUri: "https://app.example.test/callback",
    });
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.access_token).toMatch(/^latch_at_/);
    expect(tokens.refresh_token).toMatch(/^latch_rt_/);
    // No scope was asked for: the answer names the scopes covering everything the client may do.
    expect(tokens.scope).toContain("sales:write");

    const row = await tokenRow(tokens.access_token);
    expect(row).toMatchObject({ ownerId: owner.id, name: "OAuth: Bookkeeping sync", createdVia: "authorization_code", scope: null, audience: null });
    expect(row!.grantId).toBeTruthy();
    const lifetime = row!.expiresAt!.getTime() - row!.createdAt.getTime();
    expect(Math.abs(lifetime - 3600_000)).toBeLessThan(5000);
    const refresh = await db().refreshToken.findUnique({ where: { tokenHash: hashSecret(tokens.refresh_token!) } });
    expect(refresh!.grantId).toBe(row!.grantId);
    const refreshLifetime = refresh!.expiresAt.getTime() - refresh!.createdAt.getTime();
    expect(Math.abs(refreshLifetime - 30 * 86400_000)).toBeLessThan(5000);
  });

  it("works for a public client (none) and with client_secret_post", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const publicClient = await createTestClient(owner.id, { type: "public" });
    const viaNone = await runCodeFlow({
      session,
      as,
      client: { client_id: publicClient.clientId },
      auth: oauth.None(),
      redirectUri: "https://app.example.test/callback",
    });
    expect(viaNone.tokens.access_token).toMatch(/^latch_at_/);

    const confidential = await createTestClient(owner.id);
    const viaPost = await runCodeFlow({
      session,
      as,
      client: { client_id: confidential.clientId },
      auth: oauth.ClientSecretPost(confidential.clientSecret!),
      redirectUri: "https://app.example.test/callback",
    });
    expect(viaPost.tokens.refresh_token).toMatch(/^latch_rt_/);
  });

  it("binds the token to the requested resource and narrows it to the requested scope", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    const { tokens } = await runCodeFlow({
      session,
      as,
      client: { client_id: created.clientId },
      auth: oauth.ClientSecretBasic(created.clientSecret!),
      redirectUri: "https://app.example.test/callback",
      scope: "sales:read customers:read",
      resource: `${baseUrl}/mcp/`,
    });
    expect(tokens.scope).toBe("customers:read sales:read");
    const row = await tokenRow(tokens.access_token);
    expect(row).toMatchObject({ scope: "customers:read sales:read", audience: `${baseUrl}/mcp` });
  });

  it("accepts a loopback redirect URI on any port (RFC 8252)", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id, { type: "public", redirectUris: ["http://127.0.0.1/callback"] });
    const { tokens, callback } = await runCodeFlow({
      session,
      as,
      client: { client_id: created.clientId },
      auth: oauth.None(),
      redirectUri: "http://127.0.0.1:53682/callback",
    });
    expect(callback.origin).toBe("http://127.0.0.1:53682");
    expect(tokens.access_token).toBeTruthy();
  });

  it("accepts a code once: a second use fails and revokes every token issued from it", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    const client = { client_id: created.clientId };
    const auth = oauth.ClientSecretBasic(created.clientSecret!);
    const redirectUri = "https://app.example.test/callback";
    const { tokens, params, pkce } = await runCodeFlow({ session, as, client, auth, redirectUri });

    const again = await oauth.authorizationCodeGrantRequest(as, client, auth, params, redirectUri, pkce.verifier, INSECURE);
    await expect(oauth.processAuthorizationCodeResponse(as, client, again)).rejects.toMatchObject({ error: "invalid_grant", status: 400 });
    expect(await tokenRow(tokens.access_token)).toBeNull();
    const refreshed = await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, INSECURE);
    await expect(oauth.processRefreshTokenResponse(as, client, refreshed)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("binds the code to its client, redirect URI, PKCE verifier, resource and age", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    const other = await createTestClient(owner.id);
    const redirectUri = "https://app.example.test/callback";
    // Each case needs a fresh code, so get one without exchanging it.
    async function freshCode() {
      const pkce = await newPkce();
      const url = authorizeUrl(as, { clientId: created.clientId, redirectUri, state: "s", pkce, resource: `${baseUrl}/api/v1` });
      const callback = await authorizeThroughConsent(session, url);
      return { code: callback.searchParams.get("code")!, pkce };
    }
    const exchange = (code: string, extra: Record<string, string>, auth = basic(created.clientId, created.clientSecret!)) =>
      postForm(baseUrl, "/oauth/token", { grant_type: "authorization_code", code, redirect_uri: redirectUri, ...extra }, { authorization: auth });

    let c = await freshCode();
    let answer = await exchange(c.code, { code_verifier: c.pkce.verifier }, basic(other.clientId, other.clientSecret!));
    expect([answer.status, answer.json.error]).toEqual([400, "invalid_grant"]);

    c = await freshCode();
    answer = await exchange(c.code, { code_verifier: c.pkce.verifier, redirect_uri: "https://app.example.test/other" });
    expect([answer.status, answer.json.error]).toEqual([400, "invalid_grant"]);

    c = await freshCode();
    answer = await exchange(c.code, { code_verifier: "x".repeat(43) });
    expect([answer.status, answer.json.error]).toEqual([400, "invalid_grant"]);
    answer = await exchange(c.code, {});
    expect([answer.status, answer.json.error]).toEqual([400, "invalid_grant"]);

    c = await freshCode();
    answer = await exchange(c.code, { code_verifier: c.pkce.verifier, resource: `${baseUrl}/mcp` });
    expect([answer.status, answer.json.error]).toEqual([400, "invalid_target"]);
    // The failed attempts above did not spend the code: the right request still works.
    answer = await exchange(c.code, { code_verifier: c.pkce.verifier, resource: `${baseUrl}/api/v1/` });
    expect(answer.status).toBe(200);

    c = await freshCode();
    await db().authorizationCode.update({ where: { codeHash: hashSecret(c.code) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    answer = await exchange(c.code, { code_verifier: c.pkce.verifier });
    expect([answer.status, answer.json.error]).toEqual([400, "invalid_grant"]);
  });

  it("narrows a code for the whole server to one resource, and keeps the refresh token on the whole grant (RFC 8707 §2.2)", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    const redirectUri = "https://app.example.test/callback";
    const auth = basic(created.clientId, created.clientSecret!);
    for (const granted of [undefined, baseUrl]) {
      const pkce = await newPkce();
      const url = authorizeUrl(as, { clientId: created.clientId, redirectUri, state: "s", pkce, ...(granted ? { resource: granted } : {}) });
      const code = (await authorizeThroughConsent(session, url)).searchParams.get("code")!;
      const answer = await postForm(
        baseUrl,
        "/oauth/token",
        { grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: pkce.verifier, resource: `${baseUrl}/mcp` },
        { authorization: auth },
      );
      expect(answer.status, String(granted)).toBe(200);
      expect(await tokenRow(String(answer.json.access_token))).toMatchObject({ audience: `${baseUrl}/mcp` });
      // The narrowed token works where it was narrowed to, and nowhere else.
      expect((await callApi(baseUrl, String(answer.json.access_token), "GET", "/me")).status).toBe(401);
      // The refresh token is for the whole grant: it may ask for the API instead.
      const refreshed = await postForm(
        baseUrl,
        "/oauth/token",
        { grant_type: "refresh_token", refresh_token: String(answer.json.refresh_token), resource: `${baseUrl}/api/v1` },
        { authorization: auth },
      );
      expect(refreshed.status, String(granted)).toBe(200);
      expect((await callApi(baseUrl, String(refreshed.json.access_token), "GET", "/me")).status).toBe(200);
    }
  });

  it("keeps codes 10 minutes", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    const url = authorizeUrl(as, { clientId: created.clientId, redirectUri: "https://app.example.test/callback", pkce: await newPkce() });
    const callback = await authorizeThroughConsent(session, url);
    const row = await db().authorizationCode.findUnique({ where: { codeHash: hashSecret(callback.searchParams.get("code")!) } });
    expect(Math.abs(row!.expiresAt.getTime() - row!.createdAt.getTime() - 600_000)).toBeLessThan(5000);
  });
});

describe("client credentials grant", () => {
  it("issues working, distinct tokens to many requests at once (committed together)", async () => {
    const { owner } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id, { name: "Burst" });
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials" }, { authorization: basic(created.clientId, created.clientSecret!) })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
    const tokens = answers.map((a) => String(a.json.access_token));
    expect(new Set(tokens).size).toBe(40);
    // Each one is in the database and works at once.
    const rows = await db().accessToken.findMany({ where: { clientId: created.id } });
    expect(rows).toHaveLength(40);
    const me = await Promise.all(tokens.map((t) => callApi(baseUrl, t, "GET", "/me")));
    expect(me.map((m) => m.status)).toEqual(Array(40).fill(200));
  });

  it("gives a confidential client a token acting for its owner with its permissions", async () => {
    const { owner } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id, { name: "Nightly export" });
    await db().oAuthClient.update({ where: { id: created.id }, data: { permissions: READ_ONLY_KEYS.join(" ") } });
    const client = { client_id: created.clientId };
    const response = await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretBasic(created.clientSecret!), {}, INSECURE);
    const tokens = await oauth.processClientCredentialsResponse(as, client, response);
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.scope).toBe(scopesForKeys(READ_ONLY_KEYS).join(" "));
    expect(await tokenRow(tokens.access_token)).toMatchObject({ ownerId: owner.id, clientId: created.id, createdVia: "client_credentials", name: "OAuth: Nightly export" });

    const narrowed = await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretPost(created.clientSecret!), { scope: "sales:read", resource: `${baseUrl}/api/v1` }, INSECURE);
    const narrow = await oauth.processClientCredentialsResponse(as, client, narrowed);
    expect(narrow.scope).toBe("sales:read");
    expect(await tokenRow(narrow.access_token)).toMatchObject({ scope: "sales:read", audience: `${baseUrl}/api/v1` });
  });

  it("is refused to public clients", async () => {
    const { owner } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id, { type: "public" });
    const answer = await postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials", client_id: created.clientId });
    expect([answer.status, answer.json.error]).toEqual([400, "unauthorized_client"]);
  });

  it("accepts the previous secret during a rotation's grace period, and not after", async () => {
    const { owner } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    const next = newClientSecret();
    await db().oAuthClient.update({
      where: { id: created.id },
      data: {
        secretHash: next.secretHash,
        secretEncrypted: next.secretEncrypted,
        secretLast4: next.secretLast4,
        previousSecretHash: hashSecret(created.clientSecret!),
        previousSecretExpiresAt: new Date(Date.now() + 60_000),
      },
    });
    const grant = (secret: string) => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials" }, { authorization: basic(created.clientId, secret) });
    expect((await grant(next.secret)).status).toBe(200);
    expect((await grant(created.clientSecret!)).status).toBe(200);
    await db().oAuthClient.update({ where: { id: created.id }, data: { previousSecretExpiresAt: new Date(Date.now() - 1000) } });
    const late = await grant(created.clientSecret!);
    expect([late.status, late.json.error]).toEqual([401, "invalid_client"]);
    expect(late.response.headers.get("www-authenticate")).toMatch(/^Basic /);
  });

  it("refuses a disabled client", async () => {
    const { owner } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    await db().oAuthClient.update({ where: { id: created.id }, data: { disabled: true } });
    const answer = await postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials", client_id: created.clientId, client_secret: created.clientSecret! });
    expect([answer.status, answer.json.error]).toEqual([401, "invalid_client"]);
  });

  it("decodes form-encoded Basic credentials (RFC 6749 §2.3.1)", async () => {
    const { owner } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    // A raw, un-encoded header still works for secrets without reserved characters...
    const raw = `Basic ${Buffer.from(`${created.clientId}:${created.clientSecret}`).toString("base64")}`;
    expect((await postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials" }, { authorization: raw })).status).toBe(200);
    // ...and the encoded form oauth4webapi sends (where "-" and "_" become %2D and %5F) too.
    const client = { client_id: created.clientId };
    const response = await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretBasic(created.clientSecret!), {}, INSECURE);
    expect(response.status).toBe(200);
  });
});
