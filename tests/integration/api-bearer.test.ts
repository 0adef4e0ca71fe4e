// The bearer token rules of the resource server: where a token may come
// from, which tokens count, audiences, scopes and the live permission toggle.
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createTestToken } from "../support/factories";
import { callApi, ownerWithToken, turnPermission } from "../support/resource-helpers";

const baseUrl = inject("baseUrl");
const API_METADATA = () => `${baseUrl}/.well-known/oauth-protected-resource/api/v1`;

describe("reading the token", () => {
  it("accepts the scheme in any case", async () => {
    const { token } = await ownerWithToken();
    const result = await callApi(baseUrl, null, "GET", "/me", undefined, { Authorization: `bEARER ${token}` });
    expect(result.status).toBe(200);
  });

  it("refuses a token in the query string, even next to a valid header", async () => {
    const { token } = await ownerWithToken();
    for (const auth of [null, token]) {
      const result = await callApi(baseUrl, auth, "GET", `/me?access_token=${token}`);
      // RFC 6750 §3.1: a malformed request is a 400, with the challenge all the same.
      expect(result.status).toBe(400);
      expect(result.headers.get("www-authenticate")).toContain('error="invalid_request"');
      expect(result.headers.get("www-authenticate")).toContain(`resource_metadata="${API_METADATA()}"`);
      expect(JSON.stringify(result.body)).not.toContain(token);
    }
  });

  it("ignores a token in a form body", async () => {
    const { token } = await ownerWithToken();
    const result = await callApi(baseUrl, null, "POST", "/customers", `access_token=${token}`, {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(result.status).toBe(401);
  });

  it.each([
    ["Bearer", "a Bearer scheme without a token"],
    ["Bearer one two", "two tokens"],
    ['Bearer "quoted"', "characters outside token68"],
  ])("refuses %j (%s) as invalid_token", async (header) => {
    const result = await callApi(baseUrl, null, "GET", "/me", undefined, { Authorization: header });
    expect(result.status).toBe(401);
    expect(result.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("treats another scheme as no credentials", async () => {
    const result = await callApi(baseUrl, null, "GET", "/me", undefined, { Authorization: "Basic dXNlcjpwYXNz" });
    expect(result.status).toBe(401);
    expect(result.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${API_METADATA()}"`);
  });

  it("refuses an unknown token, and one that only resembles a real one", async () => {
    const { token } = await ownerWithToken();
    for (const fake of ["latch_at_doesnotexist", `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`]) {
      const result = await callApi(baseUrl, fake, "GET", "/me");
      expect(result.status).toBe(401);
      expect(result.body.error?.code).toBe("invalid_token");
    }
  });
});

describe("which tokens count", () => {
  it("accepts a token until its expiry and refuses it after", async () => {
    const { owner, client } = await ownerWithToken();
    const soon = await createTestToken(owner.id, client.id, { expiresAt: new Date(Date.now() + 60_000) });
    expect((await callApi(baseUrl, soon.token, "GET", "/me")).status).toBe(200);
    await db().accessToken.update({ where: { id: soon.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await callApi(baseUrl, soon.token, "GET", "/me")).status).toBe(401);
  });

  it("refuses the tokens of a client nobody owns", async () => {
    const { client, token } = await ownerWithToken();
    await db().oAuthClient.update({ where: { id: client.id }, data: { ownerId: null } });
    expect((await callApi(baseUrl, token, "GET", "/me")).status).toBe(401);
  });

  it("takes a re-enabled client's tokens again", async () => {
    const { client, token } = await ownerWithToken();
    await db().oAuthClient.update({ where: { id: client.id }, data: { disabled: true } });
    expect((await callApi(baseUrl, token, "GET", "/me")).status).toBe(401);
    await db().oAuthClient.update({ where: { id: client.id }, data: { disabled: false } });
    expect((await callApi(baseUrl, token, "GET", "/me")).status).toBe(200);
  });
});

describe("audience", () => {
  it("takes a token minted for the API, or for the whole server, on the API", async () => {
    for (const audience of [`${baseUrl}/api/v1`, baseUrl]) {
      const { token } = await ownerWithToken({ audience });
      expect((await callApi(baseUrl, token, "GET", "/me")).status).toBe(200);
    }
  });

  it("refuses a token minted for the MCP endpoint, or for another server", async () => {
    for (const audience of [`${baseUrl}/mcp`, "https://elsewhere.example/api/v1"]) {
      const { token } = await ownerWithToken({ audience });
      const result = await callApi(baseUrl, token, "GET", "/me");
      expect(result.status).toBe(401);
      expect(result.headers.get("www-authenticate")).toContain('error="invalid_token"');
    }
  });
});

describe("effective permissions", () => {
  it("narrows the client's permissions by the token's scope", async () => {
    const { token } = await ownerWithToken({ scope: "customers:read account:read" });
    expect((await callApi(baseUrl, token, "GET", "/customers")).status).toBe(200);
    const create = await callApi(baseUrl, token, "POST", "/customers", { email: "x@example.test", name: "X" });
    expect(create.status).toBe(403);
    expect(create.body.error?.permission).toBe("customer.create");
    expect(create.headers.get("www-authenticate")).toContain('scope="customers:write"');
    const me = await callApi(baseUrl, token, "GET", "/me");
    const permissions = me.body.permissions as string[];
    expect(permissions).toContain("customer.list");
    expect(permissions).not.toContain("customer.create");
    expect(permissions.every((key) => key.startsWith("customer") || key.startsWith("account."))).toBe(true);
  });

  it("never widens the client's permissions with a scope", async () => {
    const { client, token } = await ownerWithToken({ scope: "customers:read" });
    await turnPermission(client.id, "customer.list", false);
    expect((await callApi(baseUrl, token, "GET", "/customers")).status).toBe(403);
  });

  it("applies a permission turned off in the dashboard on the very next call, and turned on again", async () => {
    const { client, token } = await ownerWithToken();
    expect((await callApi(baseUrl, token, "GET", "/customers")).status).toBe(200);
    await turnPermission(client.id, "customer.list", false);
    const refused = await callApi(baseUrl, token, "GET", "/customers");
    expect(refused.status).toBe(403);
    expect(refused.body.error?.permission).toBe("customer.list");
    await turnPermission(client.id, "customer.list", true);
    expect((await callApi(baseUrl, token, "GET", "/customers")).status).toBe(200);
  });
});

describe("GET /api/v1/me", () => {
  it("describes the owner, the client, the token and its permissions", async () => {
    const { owner, client, token, tokenId } = await ownerWithToken({ permissions: ["account.retrieve", "sale.list"] });
    const me = await callApi(baseUrl, token, "GET", "/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      owner: { id: owner.id, email: owner.email },
      client: { id: client.clientId },
      token: { id: tokenId, createdVia: "manual", expiresAt: null, scope: null, audience: null },
      permissions: ["account.retrieve", "sale.list"],
    });
    expect(JSON.stringify(me.body)).not.toContain(token);
  });
});
