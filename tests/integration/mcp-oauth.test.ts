// MCP end to end with the official SDK client and its OAuth support: starting
// from nothing but the MCP URL, the client discovers Latch from the 401,
// registers itself, goes through the real consent form (a signed-in owner
// decides) with PKCE, then lists and calls tools with the token it obtained.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { UnauthorizedError, type OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { describe, expect, inject, it } from "vitest";
import { updateClientPermissions } from "@/lib/clients/update-client-permissions";
import { db } from "@/lib/db/prisma";
import { hashSecret } from "@/lib/crypto/secrets";
import { PERMISSION_KEYS } from "@/lib/permissions/catalogue";
import { authorizeThroughConsent, signedInOwner, type Decision } from "../support/oauth";
import { callApi } from "../support/resource-helpers";

const baseUrl = inject("baseUrl");
const WRITE_TOOLS = ["create_customer", "update_customer", "delete_customer", "create_product", "update_product", "delete_product", "create_sale", "void_sale"];

/** What an MCP client keeps between runs: given nothing about Latch but the redirect it listens on. */
class MemoryProvider implements OAuthClientProvider {
  information: OAuthClientInformationMixed | undefined;
  saved: OAuthTokens | undefined;
  authorizationUrl: URL | undefined;
  private verifier: string | undefined;

  constructor(private readonly port: number) {}

  get redirectUrl(): string {
    return `http://127.0.0.1:${this.port}/callback`;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: "SDK test agent",
      redirect_uris: [this.redirectUrl],
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
    };
  }
  state(): string {
    return "sdk-state-" + this.port;
  }
  clientInformation() {
    return this.information;
  }
  saveClientInformation(information: OAuthClientInformationMixed) {
    this.information = information;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier(): string {
    if (!this.verifier) throw new Error("no code verifier saved");
    return this.verifier;
  }
}

function textOf(result: Awaited<ReturnType<Client["callTool"]>>): string {
  return (result.content as { type: string; text?: string }[]).map((c) => c.text ?? "").join("\n");
}

/**
 * The whole journey as a real MCP client makes it: connect, get a 401, discover,
 * register, send the owner to consent, finish with the code, connect again.
 */
async function connectThroughOAuth(decision: Decision) {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const provider = new MemoryProvider(port);
  const requested: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    requested.push(`${init?.method ?? "GET"} ${input instanceof Request ? input.url : String(input)}`);
    return fetch(input, init);
  };
  const mcpUrl = new URL(`${baseUrl}/mcp`);

  const first = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider, fetch: recordingFetch });
  const failure = await new Client({ name: "sdk-agent", version: "1.0.0" }).connect(first).then(() => null, (error: unknown) => error);
  expect(failure, String(failure) + " " + requested.join(", ")).toBeInstanceOf(UnauthorizedError);
  expect(provider.authorizationUrl, "the SDK sends the owner to authorize").toBeDefined();
  expect(provider.information?.client_id).toMatch(/^latch_ci_/);

  const { owner, session } = await signedInOwner(baseUrl, "mcp-oauth");
  const callback = await authorizeThroughConsent(session, provider.authorizationUrl!, decision);
  expect(`${callback.origin}${callback.pathname}`).toBe(provider.redirectUrl);
  expect(callback.searchParams.get("state")).toBe(provider.state());
  const code = callback.searchParams.get("code");
  expect(code).toBeTruthy();
  await first.finishAuth(code!);
  expect(provider.saved?.access_token).toBeTruthy();
  await first.close();

  const client = new Client({ name: "sdk-agent", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider, fetch: recordingFetch }));
  const row = await db().oAuthClient.findFirstOrThrow({ where: { clientId: provider.information!.client_id } });
  return { provider, client, owner, row, requested, mcpUrl };
}

describe("MCP with the SDK's OAuth client, from the MCP URL alone", () => {
  it("discovers, registers, gets the owner's consent with PKCE, then lists and calls tools", async () => {
    const { provider, client, owner, row, requested } = await connectThroughOAuth({ decision: "allow", access: "read_only" });

    // Everything the client used was found from the MCP URL: the first request
    // went there, and every other address came out of the answers.
    expect(requested[0]).toBe(`POST ${baseUrl}/mcp`);
    expect(requested).toContain(`GET ${baseUrl}/.well-known/oauth-protected-resource/mcp`);
    expect(requested).toContain(`GET ${baseUrl}/.well-known/oauth-authorization-server`);
    expect(requested).toContain(`POST ${baseUrl}/oauth/register`);
    expect(requested).toContain(`POST ${baseUrl}/oauth/token`);
    for (const r of requested) expect(r.split(" ")[1]!.startsWith(`${baseUrl}/`), r).toBe(true);

    // The authorization request was a PKCE code request for the MCP resource.
    const url = provider.authorizationUrl!;
    expect(`${url.origin}${url.pathname}`).toBe(`${baseUrl}/oauth/authorize`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toBeTruthy();
    expect(url.searchParams.get("resource")).toBe(`${baseUrl}/mcp`);

    // The registration became the owner's client; the token is bound to the MCP resource.
    expect(row).toMatchObject({ ownerId: owner.id, registration: "dynamic", type: "public", tokenEndpointAuthMethod: "none" });
    const token = await db().accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(provider.saved!.access_token) } });
    expect(token).toMatchObject({ ownerId: owner.id, clientId: row.id, createdVia: "authorization_code", audience: `${baseUrl}/mcp` });
    // Bound to the MCP endpoint, it does not open the REST API.
    expect((await callApi(baseUrl, provider.saved!.access_token, "GET", "/me")).status).toBe(401);

    // Read only: no write tool is even listed.
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(["whoami", "list_customers", "list_sales"]));
    for (const write of WRITE_TOOLS) expect(names).not.toContain(write);

    const whoami = await client.callTool({ name: "whoami", arguments: {} });
    expect(whoami.isError).toBeFalsy();
    expect(textOf(whoami)).toContain(owner.email);
    const customers = await client.callTool({ name: "list_customers", arguments: {} });
    expect(customers.isError).toBeFalsy();
    await client.close();
  });

  it("lists write tools when the owner allows everything, and refuses a call whose permission was turned off after listing", async () => {
    const { client, owner, row } = await connectThroughOAuth({ decision: "allow", access: "all" });
    expect(new Set(row.permissions.split(" "))).toEqual(new Set(PERMISSION_KEYS));
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(WRITE_TOOLS));

    await updateClientPermissions(
      owner.id,
      row.id,
      PERMISSION_KEYS.filter((key) => key !== "customer.create"),
    );
    const refused = await client.callTool({ name: "create_customer", arguments: { email: "late@example.test", name: "Too Late" } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain("customer.create");
    expect(await db().customer.count({ where: { ownerId: owner.id } })).toBe(0);
    expect((await client.listTools()).tools.map((t) => t.name)).not.toContain("create_customer");

    // Other tools keep working: only that permission was taken away.
    const listed = await client.callTool({ name: "list_customers", arguments: {} });
    expect(listed.isError).toBeFalsy();
    await client.close();
  });
});
