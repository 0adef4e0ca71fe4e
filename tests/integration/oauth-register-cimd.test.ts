import http from "node:http";
import type { AddressInfo } from "node:net";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { getClient } from "@/lib/clients/get-client";
import { READ_ONLY_KEYS } from "@/lib/permissions/catalogue";
import { startAppServer } from "../support/app-server";
import { updateClientPermissions } from "@/lib/clients/update-client-permissions";
import { hashSecret } from "@/lib/crypto/secrets";
import { INSECURE, authorizeUrl, discover, newPkce, openConsent, postForm, runCodeFlow, signedInOwner } from "../support/oauth";
import { callApi } from "../support/resource-helpers";

const baseUrl = inject("baseUrl");
const serverEnv = inject("serverEnv");
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  as = await discover(baseUrl);
});

async function register(metadata: Partial<oauth.OmitSymbolProperties<oauth.Client>>) {
  return oauth.processDynamicClientRegistrationResponse(await oauth.dynamicClientRegistrationRequest(as, metadata, INSECURE));
}

describe("dynamic client registration (RFC 7591)", () => {
  it("registers a public client with the redirect URIs real MCP clients use", async () => {
    const redirectUris = [
      "https://claude.ai/api/mcp/auth_callback",
      "cursor://anysphere.cursor-retrieval/oauth/user-latch/callback",
      "http://127.0.0.1:33418/",
      "http://localhost:6274/oauth/callback",
      "https://vscode.dev/redirect",
    ];
    const response = await oauth.dynamicClientRegistrationRequest(
      as,
      { client_name: "Claude", redirect_uris: redirectUris, token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"], response_types: ["code"] },
      INSECURE,
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const registered = await oauth.processDynamicClientRegistrationResponse(response);
    expect(registered.client_id).toMatch(/^latch_ci_/);
    expect(registered.client_secret).toBeUndefined();
    expect(registered).toMatchObject({ client_name: "Claude", redirect_uris: redirectUris, token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] });
    expect(typeof registered.client_id_issued_at).toBe("number");
    const row = await db().oAuthClient.findFirst({ where: { clientId: registered.client_id } });
    expect(row).toMatchObject({ ownerId: null, registration: "dynamic", type: "public", permissions: "" });
  });

  it("gives a secret only to confidential registrations, defaulting to client_secret_basic", async () => {
    const basicOne = await register({ redirect_uris: ["https://app.example/cb"] });
    expect(basicOne.token_endpoint_auth_method).toBe("client_secret_basic");
    expect(basicOne.client_secret).toMatch(/^latch_cs_/);
    expect(basicOne.client_secret_expires_at).toBe(0);
    const postOne = await register({ redirect_uris: ["https://app.example/cb"], token_endpoint_auth_method: "client_secret_post", client_name: "Post" });
    expect(postOne.client_secret).toMatch(/^latch_cs_/);
    expect(postOne.client_name).toBe("Post");
    // Without a name the owner still sees something meaningful.
    expect(basicOne.client_name).toBe("App at app.example");
  });

  it("takes a registered client through consent, token, refresh and client credentials", async () => {
    const registered = await register({ client_name: "Agent", redirect_uris: ["http://127.0.0.1/cb"], token_endpoint_auth_method: "client_secret_post", grant_types: ["authorization_code", "refresh_token", "client_credentials"] });
    const { owner, session } = await signedInOwner(baseUrl);
    const client = { client_id: registered.client_id };
    const auth = oauth.ClientSecretPost(registered.client_secret as string);
    const { tokens } = await runCodeFlow({ session, as, client, auth, redirectUri: "http://127.0.0.1:8765/cb", decision: { decision: "allow", access: "read_only" } });
    expect(tokens.access_token).toBeTruthy();
    const refreshed = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, INSECURE));
    expect(refreshed.access_token).toBeTruthy();
    // Now that it belongs to an owner it may act for them directly.
    const cc = await oauth.processClientCredentialsResponse(as, client, await oauth.clientCredentialsGrantRequest(as, client, auth, {}, INSECURE));
    const row = await db().accessToken.findFirst({ where: { createdVia: "client_credentials", client: { clientId: registered.client_id } } });
    expect(row!.ownerId).toBe(owner.id);
    expect(cc.scope).not.toContain("write");
  });

  it("lets a registered client use only the grant types it registered", async () => {
    // No grant_types: authorization_code only (RFC 7591 §2), so no refresh token and no client_credentials.
    const registered = await register({ client_name: "Code only", redirect_uris: ["http://127.0.0.1/cb"], token_endpoint_auth_method: "client_secret_post" });
    expect(registered.grant_types).toEqual(["authorization_code"]);
    const { session } = await signedInOwner(baseUrl);
    const client = { client_id: registered.client_id };
    const auth = oauth.ClientSecretPost(registered.client_secret as string);
    const { tokens } = await runCodeFlow({ session, as, client, auth, redirectUri: "http://127.0.0.1:8765/cb" });
    expect(tokens.access_token).toBeTruthy();
    expect(tokens.refresh_token).toBeUndefined();
    const credentials = { client_id: registered.client_id, client_secret: registered.client_secret as string };
    const cc = await postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials", ...credentials });
    expect([cc.status, cc.json.error]).toEqual([400, "unauthorized_client"]);
    expect(String(cc.json.error_description)).toMatch(/client_credentials/);
    expect(await db().accessToken.count({ where: { createdVia: "client_credentials", client: { clientId: registered.client_id } } })).toBe(0);

    // One that registered client_credentials only may not exchange a code.
    const machine = await register({ client_name: "Machine", redirect_uris: ["http://127.0.0.1/cb"], token_endpoint_auth_method: "client_secret_post", grant_types: ["client_credentials"] });
    const code = await postForm(baseUrl, "/oauth/token", {
      grant_type: "authorization_code",
      code: "latch_ac_not-a-real-code",
      redirect_uri: "http://127.0.0.1/cb",
      client_id: machine.client_id,
      client_secret: machine.client_secret as string,
    });
    expect([code.status, code.json.error]).toEqual([400, "unauthorized_client"]);
  });

  it("removes registrations nobody authorized within 24 hours, on the next registration", async () => {
    const stale = await register({ redirect_uris: ["https://app.example/cb"] });
    const kept = await register({ redirect_uris: ["https://app.example/cb"] });
    const old = new Date(Date.now() - 25 * 3600_000);
    await db().oAuthClient.updateMany({ where: { clientId: { in: [stale.client_id, kept.client_id] } }, data: { createdAt: old } });
    // One of them was authorized: it has an owner now and stays.
    const { owner } = await signedInOwner(baseUrl);
    await db().oAuthClient.updateMany({ where: { clientId: kept.client_id }, data: { ownerId: owner.id } });
    await register({ redirect_uris: ["https://app.example/cb"] });
    expect(await db().oAuthClient.count({ where: { clientId: stale.client_id } })).toBe(0);
    expect(await db().oAuthClient.count({ where: { clientId: kept.client_id } })).toBe(1);
  });
});

describe("dynamic registration switched off", () => {
  it("drops the endpoint from the metadata and refuses registrations", async () => {
    const server = await startAppServer(serverEnv.DATABASE_URL!, {
      AUTH_SECRET: serverEnv.AUTH_SECRET!,
      LATCH_ENCRYPTION_KEY: serverEnv.LATCH_ENCRYPTION_KEY!,
      LATCH_DYNAMIC_REGISTRATION: "false",
    });
    try {
      const metadata = (await (await fetch(`${server.baseUrl}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
      expect(metadata.registration_endpoint).toBeUndefined();
      expect(metadata.issuer).toBe(server.baseUrl);
      const response = await fetch(`${server.baseUrl}/oauth/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ redirect_uris: ["https://app.example/cb"] }),
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: string }).error).toBe("access_denied");
    } finally {
      await server.stop();
    }
  }, 90_000);
});

describe("Client ID Metadata Documents", () => {
  let documentServer: http.Server;
  let origin: string;
  const documents = new Map<string, { status?: number; type?: string; body: string }>();

  beforeAll(async () => {
    documentServer = http.createServer((request, response) => {
      if (request.url === "/never.json") return; // holds the request open: a document that never arrives
      const doc = documents.get(request.url ?? "");
      if (!doc) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(doc.status ?? 200, { "content-type": doc.type ?? "application/json" }).end(doc.body);
    });
    await new Promise<void>((resolve) => documentServer.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(documentServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    documentServer.closeAllConnections();
    await new Promise((resolve) => documentServer.close(resolve));
  });

  function publish(path: string, document: Record<string, unknown> | string, options: { status?: number; type?: string } = {}): string {
    const clientId = `${origin}${path}`;
    documents.set(path, { ...options, body: typeof document === "string" ? document : JSON.stringify({ client_id: clientId, ...document }) });
    return clientId;
  }

  // A client gets refresh tokens only when its metadata names that grant type.
  const REFRESHING = ["authorization_code", "refresh_token"];

  it("fetches the document, shows it on the consent page, and issues tokens to the URL client", async () => {
    const clientId = publish("/mcp-client.json", {
      client_name: "Desktop Agent",
      redirect_uris: ["http://127.0.0.1/callback"],
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
    });
    const { owner, session } = await signedInOwner(baseUrl);
    const pkce = await newPkce();
    const page = await openConsent(session, authorizeUrl(as, { clientId, redirectUri: "http://127.0.0.1:9911/callback", pkce }));
    expect(page.html).toContain("Desktop Agent");
    expect(page.html).toContain("Client ID Metadata Document");
    expect(page.html).toContain(new URL(origin).host);

    const client = { client_id: clientId };
    const { tokens } = await runCodeFlow({ session, as, client, auth: oauth.None(), redirectUri: "http://127.0.0.1:9911/callback" });
    expect(tokens.refresh_token).toBeTruthy();
    const row = await db().oAuthClient.findFirst({ where: { clientId, ownerId: owner.id } });
    expect(row).toMatchObject({ registration: "metadata_document", ownerId: owner.id, type: "public", tokenEndpointAuthMethod: "none" });
    expect(row!.metadataFetchedAt).toBeInstanceOf(Date);
    const details = await getClient(owner.id, row!.id);
    expect(details!.registration).toBe("metadata_document");
    expect(new Set(details!.permissions)).toEqual(new Set(READ_ONLY_KEYS));
  });

  it("uses its cached copy for an hour, then fetches the document again", async () => {
    const path = "/cached.json";
    const clientId = publish(path, { client_name: "Cached", redirect_uris: ["https://one.example/cb"] });
    const { session } = await signedInOwner(baseUrl);
    await openConsent(session, authorizeUrl(as, { clientId, redirectUri: "https://one.example/cb", pkce: await newPkce() }));
    publish(path, { client_name: "Cached v2", redirect_uris: ["https://two.example/cb"] });
    const stillCached = await fetch(authorizeUrl(as, { clientId, redirectUri: "https://two.example/cb", pkce: await newPkce() }), { redirect: "manual" });
    expect(stillCached.status).toBe(400);
    await db().oAuthClient.updateMany({ where: { clientId }, data: { metadataFetchedAt: new Date(Date.now() - 2 * 3600_000) } });
    const page = await openConsent(session, authorizeUrl(as, { clientId, redirectUri: "https://two.example/cb", pkce: await newPkce() }));
    expect(page.html).toContain("Cached v2");
  });

  const broken: [string, () => string, string][] = [
    ["a document naming another client_id", () => publish("/liar.json", JSON.stringify({ client_id: "https://someone.else/client.json", redirect_uris: ["https://a.example/cb"] })), "different client_id"],
    ["a redirect_uri the document does not list", () => publish("/narrow.json", { redirect_uris: ["https://elsewhere.example/cb"] }), "not registered"],
    ["a document that is missing", () => `${origin}/missing.json`, "HTTP 404"],
    ["a document that is not JSON", () => publish("/html.json", "<html></html>", { type: "text/html" }), "application/json"],
    ["a document over the size limit", () => publish("/huge.json", { redirect_uris: ["https://a.example/cb"], padding: "x".repeat(100_000) }), "larger than"],
    ["a document asking for a client secret", () => publish("/secret.json", { redirect_uris: ["https://a.example/cb"], token_endpoint_auth_method: "client_secret_basic" }), "none"],
    ["a redirect after fetching", () => publish("/moved.json", "", { status: 302 }), "redirects are not followed"],
    ["a document that never arrives", () => `${origin}/never.json`, "within 5 seconds"],
  ];
  it.each(broken)("shows an error page for %s", async (_name, clientIdOf, message) => {
    const url = authorizeUrl(as, { clientId: clientIdOf(), redirectUri: "https://a.example/cb", pkce: await newPkce() });
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain(message);
  });

  it("refuses a client_id URL without a path, with a fragment, or with credentials", async () => {
    for (const clientId of [`${origin}/`, `${origin}/a.json#x`, `http://user:pw@127.0.0.1:${new URL(origin).port}/a.json`, "https://example.com/../a.json"]) {
      const response = await fetch(authorizeUrl(as, { clientId, redirectUri: "https://a.example/cb", pkce: await newPkce() }), { redirect: "manual" });
      expect(response.status, clientId).toBe(400);
    }
  });

  it("gives each owner their own client row for a shared metadata document URL, with tokens that stay theirs", async () => {
    // One URL, as an app publishes it for all its users, connected by two owners of this Latch.
    const clientId = publish("/shared.json", { client_name: "Shared", redirect_uris: ["https://a.example/cb"], token_endpoint_auth_method: "none", grant_types: REFRESHING });
    const client = { client_id: clientId };
    const a = await signedInOwner(baseUrl, "cimd-a");
    const b = await signedInOwner(baseUrl, "cimd-b");
    const flow = (who: typeof a, access: "all" | "read_only") =>
      runCodeFlow({ session: who.session, as, client, auth: oauth.None(), redirectUri: "https://a.example/cb", decision: { decision: "allow", access } });
    const fromA = await flow(a, "all");
    const fromB = await flow(b, "read_only");

    const rows = await db().oAuthClient.findMany({ where: { clientId } });
    const rowA = rows.find((row) => row.ownerId === a.owner.id)!;
    const rowB = rows.find((row) => row.ownerId === b.owner.id)!;
    expect(rows).toHaveLength(3); // the ownerless cached copy, and one row per owner
    expect(rows.filter((row) => row.ownerId === null)).toHaveLength(1);
    expect(rowA.id).not.toBe(rowB.id);
    expect(rowA).toMatchObject({ registration: "metadata_document", name: "Shared", type: "public" });
    expect(new Set(rowB.permissions.split(" "))).toEqual(new Set(READ_ONLY_KEYS));
    expect((await getClient(b.owner.id, rowB.id))!.registration).toBe("metadata_document");
    // Each owner sees only their own row.
    expect(await getClient(b.owner.id, rowA.id)).toBeNull();
    expect(await getClient(a.owner.id, rowB.id)).toBeNull();
    await expect(updateClientPermissions(b.owner.id, rowA.id, [])).rejects.toMatchObject({ code: "not_found" });

    // Each token acts for its own owner with its own row's permissions.
    for (const [tokens, who, row] of [[fromA.tokens, a, rowA], [fromB.tokens, b, rowB]] as const) {
      const stored = await db().accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(tokens.access_token) } });
      expect(stored).toMatchObject({ ownerId: who.owner.id, clientId: row.id });
      const me = await callApi(baseUrl, tokens.access_token, "GET", "/me");
      expect(me.status).toBe(200);
      expect(JSON.stringify(me.body)).toContain(who.owner.email);
    }
    const customer = { email: "c@example.test", name: "Cee" };
    expect((await callApi(baseUrl, fromA.tokens.access_token, "POST", "/customers", customer)).status).toBe(201);
    expect((await callApi(baseUrl, fromB.tokens.access_token, "POST", "/customers", customer)).status).toBe(403);
    expect(await db().customer.count({ where: { ownerId: b.owner.id } })).toBe(0);

    // Refresh with the shared client_id lands on the row the token was issued to.
    const refreshedB = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, oauth.None(), fromB.tokens.refresh_token!, INSECURE));
    const storedB = await db().accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(refreshedB.access_token) } });
    expect(storedB).toMatchObject({ ownerId: b.owner.id, clientId: rowB.id });

    // Turning B's row off does not touch A's.
    await db().oAuthClient.update({ where: { id: rowB.id }, data: { disabled: true } });
    expect((await callApi(baseUrl, refreshedB.access_token, "GET", "/me")).status).toBe(401);
    expect((await callApi(baseUrl, fromA.tokens.access_token, "GET", "/me")).status).toBe(200);
    const refreshedA = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, oauth.None(), fromA.tokens.refresh_token!, INSECURE));
    expect(refreshedA.access_token).toBeTruthy();
    const refusedB = await postForm(baseUrl, "/oauth/token", { grant_type: "refresh_token", refresh_token: refreshedB.refresh_token!, client_id: clientId });
    expect(refusedB.status).toBe(401);

    // Connecting again reuses the owner's row: no permission choice, no new row.
    const again = await openConsent(a.session, authorizeUrl(as, { clientId, redirectUri: "https://a.example/cb", pkce: await newPkce() }));
    expect(again.html).not.toContain('name="access"');
    await flow(a, "read_only");
    expect(await db().oAuthClient.count({ where: { clientId } })).toBe(3);
    expect(new Set((await db().oAuthClient.findUniqueOrThrow({ where: { id: rowA.id } })).permissions.split(" "))).not.toEqual(new Set(READ_ONLY_KEYS));
  });

  it("does not let a code or refresh token of one owner's row be used through another's", async () => {
    const clientId = publish("/shared-2.json", { client_name: "Shared 2", redirect_uris: ["https://a.example/cb"], grant_types: REFRESHING });
    const a = await signedInOwner(baseUrl, "cimd-a");
    const b = await signedInOwner(baseUrl, "cimd-b");
    const client = { client_id: clientId };
    const { tokens } = await runCodeFlow({ session: a.session, as, client, auth: oauth.None(), redirectUri: "https://a.example/cb" });
    await runCodeFlow({ session: b.session, as, client, auth: oauth.None(), redirectUri: "https://a.example/cb" });
    // The refresh token names A's row; presented with another client_id it is refused.
    const other = publish("/other.json", { client_name: "Other", redirect_uris: ["https://a.example/cb"], grant_types: REFRESHING });
    await runCodeFlow({ session: b.session, as, client: { client_id: other }, auth: oauth.None(), redirectUri: "https://a.example/cb" });
    const refused = await postForm(baseUrl, "/oauth/token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: other });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toBe("invalid_grant");
    const ok = await postForm(baseUrl, "/oauth/token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: clientId });
    expect(ok.status).toBe(200);
    const stored = await db().accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(ok.json.access_token as string) } });
    expect(stored.ownerId).toBe(a.owner.id);
  });
});
