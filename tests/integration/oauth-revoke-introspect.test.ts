import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { hashSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
import { PERMISSIONS_BY_GROUP } from "@/lib/permissions/catalogue";
import { createTestClient, createTestToken } from "../support/factories";
import { INSECURE, basic, discover, postForm, runCodeFlow, signedInOwner } from "../support/oauth";

const baseUrl = inject("baseUrl");
const redirectUri = "https://app.example.test/callback";
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  as = await discover(baseUrl);
});

async function setup(scope?: string) {
  const { owner, session } = await signedInOwner(baseUrl);
  const app = await createTestClient(owner.id, { name: "Support desk" });
  // The owner's own resource server, allowed to introspect.
  const rs = await createTestClient(owner.id, { name: "Resource server" });
  const client = { client_id: app.clientId };
  const auth = oauth.ClientSecretBasic(app.clientSecret!);
  const flow = await runCodeFlow({ session, as, client, auth, redirectUri, scope, resource: `${baseUrl}/api/v1` });
  const rsClient = { client_id: rs.clientId };
  const rsAuth = oauth.ClientSecretBasic(rs.clientSecret!);
  const introspect = async (token: string, by: [oauth.Client, oauth.ClientAuth] = [rsClient, rsAuth]) =>
    oauth.processIntrospectionResponse(as, by[0], await oauth.introspectionRequest(as, by[0], by[1], token, INSECURE));
  return { owner, app, rs, client, auth, introspect, ...flow };
}

describe("introspection (RFC 7662)", () => {
  it("describes an active token with its effective permissions", async () => {
    const { introspect, tokens, app, owner } = await setup("customers:read");
    const answer = await introspect(tokens.access_token);
    expect(answer).toMatchObject({
      active: true,
      client_id: app.clientId,
      scope: "customers:read",
      sub: owner.id,
      aud: `${baseUrl}/api/v1`,
      token_type: "Bearer",
      iss: baseUrl,
    });
    expect(answer.exp! - answer.iat!).toBe(3600);
    const expected = [...PERMISSIONS_BY_GROUP.values()].flat().filter((p) => ["customers", "customer_cards", "customer_groups"].includes(p.group) && p.kind === "read");
    expect(new Set(answer.permissions as string[])).toEqual(new Set(expected.map((p) => p.key)));
  });

  it("follows the client's permissions live, whoever asks", async () => {
    const { introspect, tokens, app, client, auth } = await setup("customers:read");
    // The client itself asks first, so the server holds its row.
    expect((await introspect(tokens.access_token, [client, auth])).permissions).toContain("customer.list");
    await db().oAuthClient.update({ where: { id: app.id }, data: { permissions: "customer.retrieve sale.void" } });
    expect((await introspect(tokens.access_token)).permissions).toEqual(["customer.retrieve"]);
    expect((await introspect(tokens.access_token, [client, auth])).permissions).toEqual(["customer.retrieve"]);
  });

  it("answers only active:false for unknown, expired, revoked and other owners' tokens", async () => {
    const { introspect, tokens } = await setup();
    for (const token of ["latch_at_unknown", "not a token at all", tokens.refresh_token!.replace("latch_rt_", "latch_at_")]) {
      expect(await introspect(token)).toEqual({ active: false });
    }
    // Another owner's resource server learns nothing about this token.
    const { owner: stranger } = await signedInOwner(baseUrl, "stranger");
    const theirs = await createTestClient(stranger.id);
    expect(await introspect(tokens.access_token, [{ client_id: theirs.clientId }, oauth.ClientSecretPost(theirs.clientSecret!)])).toEqual({ active: false });

    await db().accessToken.update({ where: { tokenHash: hashSecret(tokens.access_token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await introspect(tokens.access_token)).toEqual({ active: false });
  });

  it("tells a caller that fails to authenticate nothing about a live token", async () => {
    // On SQLite the token is read before the client is authenticated (one statement for both).
    const { tokens, rs, app } = await setup("customers:read");
    const asks: [string, Record<string, string>, Record<string, string>][] = [
      ["a wrong secret", { token: tokens.access_token }, { authorization: basic(rs.clientId, "latch_cs_wrong") }],
      ["no client authentication", { token: tokens.access_token }, {}],
      ["the token's own client without its secret", { token: tokens.access_token, client_id: app.clientId }, {}],
    ];
    for (const [label, params, headers] of asks) {
      const answer = await postForm(baseUrl, "/oauth/introspect", params, headers);
      expect({ label, status: answer.status, json: answer.json }).toEqual({ label, status: 401, json: { error: "invalid_client", error_description: expect.any(String) } });
    }
    await db().oAuthClient.update({ where: { id: rs.id }, data: { disabled: true } });
    const disabled = await postForm(baseUrl, "/oauth/introspect", { token: tokens.access_token }, { authorization: basic(rs.clientId, rs.clientSecret!) });
    expect(disabled.status).toBe(401);
    expect(disabled.json).not.toHaveProperty("active");
  });

  it("treats a disabled client's tokens as inactive", async () => {
    const { introspect, tokens, app } = await setup();
    // Asked once while enabled, so that the answer after is not a first read.
    expect(await introspect(tokens.access_token)).toMatchObject({ active: true });
    await db().oAuthClient.update({ where: { id: app.id }, data: { disabled: true } });
    expect(await introspect(tokens.access_token)).toEqual({ active: false });
  });

  it("describes refresh tokens while they can still be used", async () => {
    const { introspect, tokens } = await setup();
    expect(await introspect(tokens.refresh_token!)).toMatchObject({ active: true, token_type: "refresh_token" });
  });

  it("describes a manual token without expiry or audience as working everywhere", async () => {
    const { owner } = await signedInOwner(baseUrl);
    const app = await createTestClient(owner.id);
    const manual = await createTestToken(owner.id, app.id);
    const answer = await postForm(baseUrl, "/oauth/introspect", { token: manual.token, client_id: app.clientId, client_secret: app.clientSecret! });
    expect(answer.json).toMatchObject({ active: true, aud: [`${baseUrl}/api/v1`, `${baseUrl}/mcp`] });
    expect(answer.json.exp).toBeUndefined();
  });
});

describe("revocation (RFC 7009)", () => {
  it("revokes an access token of the calling client", async () => {
    const { introspect, tokens, client, auth } = await setup();
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, auth, tokens.access_token, INSECURE));
    expect(await introspect(tokens.access_token)).toEqual({ active: false });
    // The refresh token is untouched: revoking an access token does not end the grant.
    expect(await introspect(tokens.refresh_token!)).toMatchObject({ active: true });
  });

  it("revokes the whole grant with its refresh token", async () => {
    const { introspect, tokens, client, auth } = await setup();
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, auth, tokens.refresh_token!, { ...INSECURE, additionalParameters: { token_type_hint: "refresh_token" } }));
    expect(await introspect(tokens.access_token)).toEqual({ active: false });
    expect(await introspect(tokens.refresh_token!)).toEqual({ active: false });
    const refresh = await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, INSECURE);
    await expect(oauth.processRefreshTokenResponse(as, client, refresh)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("answers 200 for unknown tokens and for other clients' tokens, revoking nothing", async () => {
    const { introspect, tokens, rs } = await setup();
    for (const token of ["latch_at_unknown", "latch_rt_unknown", "garbage"]) {
      const answer = await postForm(baseUrl, "/oauth/revoke", { token, client_id: rs.clientId, client_secret: rs.clientSecret! });
      expect(answer.status).toBe(200);
      expect(answer.response.headers.get("cache-control")).toBe("no-store");
    }
    const other = await postForm(baseUrl, "/oauth/revoke", { token: tokens.access_token, client_id: rs.clientId, client_secret: rs.clientSecret! });
    expect(other.status).toBe(200);
    expect(await introspect(tokens.access_token)).toMatchObject({ active: true });
  });

  it("lets a public client revoke its own token with its client_id", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const app = await createTestClient(owner.id, { type: "public" });
    const client = { client_id: app.clientId };
    const { tokens } = await runCodeFlow({ session, as, client, auth: oauth.None(), redirectUri });
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, oauth.None(), tokens.refresh_token!, INSECURE));
    expect(await db().accessToken.count({ where: { tokenHash: hashSecret(tokens.access_token) } })).toBe(0);
  });
});
