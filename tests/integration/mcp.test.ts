// The MCP endpoint end to end with the official SDK client: discovery from
// the MCP URL alone, tools filtered by the token's permissions, and a
// permission turned off between listing and calling.
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { discoverOAuthProtectedResourceMetadata, extractWWWAuthenticateParams } from "@modelcontextprotocol/sdk/client/auth.js";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { READ_ONLY_KEYS } from "@/lib/permissions/catalogue";
import { createTestToken } from "../support/factories";
import { commerceFixtures, connectMcp, ownerWithToken, setClientPermissions, turnPermission } from "../support/resource-helpers";

const baseUrl = inject("baseUrl");

const ALL_TOOLS = [
  "whoami",
  "list_customers",
  "get_customer",
  "create_customer",
  "update_customer",
  "delete_customer",
  "list_products",
  "get_product",
  "create_product",
  "update_product",
  "delete_product",
  "list_sales",
  "get_sale",
  "create_sale",
  "void_sale",
];

const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "curl", version: "1" } },
};

function postMcp(headers: Record<string, string>, body: unknown = INITIALIZE) {
  return fetch(`${baseUrl}/mcp`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify(body),
  });
}

function textOf(result: Awaited<ReturnType<Client["callTool"]>>): string {
  const content = result.content as { type: string; text?: string }[];
  return content.map((c) => c.text ?? "").join("\n");
}

describe("discovery from the MCP URL alone", () => {
  it("answers an unauthenticated request with 401 and the resource metadata URL", async () => {
    const response = await postMcp({});
    expect(response.status).toBe(401);
    const params = extractWWWAuthenticateParams(response);
    expect(params.resourceMetadataUrl?.href).toBe(`${baseUrl}/.well-known/oauth-protected-resource/mcp`);
    expect(params.error).toBeUndefined();
  });

  it("lets the SDK find the protected resource metadata naming Latch as authorization server", async () => {
    const metadata = await discoverOAuthProtectedResourceMetadata(new URL(`${baseUrl}/mcp`));
    expect(metadata.resource).toBe(`${baseUrl}/mcp`);
    expect(metadata.authorization_servers).toEqual([baseUrl]);
    expect(metadata.bearer_methods_supported).toEqual(["header"]);
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(["sales:read", "sales:write", "customers:read"]));
    expect(metadata.scopes_supported!.length).toBeLessThanOrEqual(30);
  });

  it("serves metadata at the root and for the API too, open to CORS", async () => {
    for (const [path, resource] of [
      ["/.well-known/oauth-protected-resource", baseUrl],
      ["/.well-known/oauth-protected-resource/mcp", `${baseUrl}/mcp`],
      ["/.well-known/oauth-protected-resource/api/v1", `${baseUrl}/api/v1`],
    ]) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { Origin: "https://claude.ai" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const body = (await response.json()) as { resource: string; authorization_servers: string[] };
      expect(body.resource).toBe(resource);
      expect(body.authorization_servers).toEqual([baseUrl]);
    }
  });

  it("makes the SDK client fail to connect without a token, and with a bad one", async () => {
    const { token } = await ownerWithToken();
    for (const header of [null, "Bearer latch_at_nosuchtoken", `Bearer ${token}x`]) {
      const client = new Client({ name: "t", version: "1" });
      const transport = new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp`), {
        requestInit: { headers: header ? { Authorization: header } : {} },
      });
      await expect(client.connect(transport)).rejects.toThrow();
    }
  });

  it("refuses expired tokens and tokens minted for the API", async () => {
    const { owner, client } = await ownerWithToken();
    const expired = await createTestToken(owner.id, client.id, { expiresAt: new Date(Date.now() - 1000) });
    const forApi = await createTestToken(owner.id, client.id, { audience: `${baseUrl}/api/v1` });
    for (const token of [expired.token, forApi.token]) {
      const response = await postMcp({ Authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect(response.headers.get("www-authenticate")).toContain("/.well-known/oauth-protected-resource/mcp");
    }
    const forMcp = await createTestToken(owner.id, client.id, { audience: `${baseUrl}/mcp` });
    const mcp = await connectMcp(baseUrl, forMcp.token);
    expect((await mcp.listTools()).tools.length).toBe(ALL_TOOLS.length);
    await mcp.close();
  });
});

describe("Origin and methods", () => {
  it("refuses a foreign browser origin before anything else", async () => {
    const { token } = await ownerWithToken();
    for (const origin of ["https://evil.example", "null", `${baseUrl}.evil.example`]) {
      const response = await postMcp({ Authorization: `Bearer ${token}`, Origin: origin });
      expect(response.status).toBe(403);
    }
  });

  it("accepts Latch's own origin and loopback origins, with CORS", async () => {
    const { token } = await ownerWithToken();
    for (const origin of [baseUrl, "http://localhost:6274", "http://127.0.0.1:5173"]) {
      const response = await postMcp({ Authorization: `Bearer ${token}`, Origin: origin });
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    }
  });

  it("answers GET and DELETE with 405: the server is stateless", async () => {
    const { token } = await ownerWithToken();
    for (const method of ["GET", "DELETE"]) {
      const response = await fetch(`${baseUrl}/mcp`, { method, headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" } });
      expect(response.status).toBe(405);
    }
  });

  it("refuses a token in the query string", async () => {
    const { token } = await ownerWithToken();
    const response = await fetch(`${baseUrl}/mcp?access_token=${token}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
      body: JSON.stringify(INITIALIZE),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_request"');
  });
});

describe("tools", () => {
  it("works with plain HTTP, as in the README's curl example", async () => {
    const { token } = await ownerWithToken({ permissions: ["customer.list"] });
    const list = await postMcp({ Authorization: `Bearer ${token}` }, { jsonrpc: "2.0", id: 1, method: "tools/list" });
    expect(list.status).toBe(200);
    const listed = (await list.json()) as { result: { tools: { name: string }[] } };
    expect(listed.result.tools.map((t) => t.name)).toEqual(["list_customers"]);
    const call = await postMcp(
      { Authorization: `Bearer ${token}` },
      { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "list_customers", arguments: { limit: 5 } } },
    );
    const called = (await call.json()) as { result: { isError?: boolean; content: { text: string }[] } };
    expect(called.result.isError).toBeFalsy();
    expect(JSON.parse(called.result.content[0]!.text)).toEqual({ data: [], nextCursor: null });
  });
  it("lists every tool for a full-access token, with annotations and cautious descriptions", async () => {
    const { token } = await ownerWithToken();
    const client = await connectMcp(baseUrl, token);
    // The endpoint is stateless and sends no notifications, so it promises none.
    expect(client.getServerCapabilities()?.tools).toEqual({});
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...ALL_TOOLS].sort());
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get("list_customers")!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(byName.get("create_customer")!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(byName.get("void_sale")!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(byName.get("delete_customer")!.annotations).toMatchObject({ destructiveHint: true });
    expect(byName.get("void_sale")!.description).toMatch(/permanent/i);
    expect(byName.get("void_sale")!.description).toMatch(/confirm/i);
    expect(byName.get("create_sale")!.inputSchema.required).toEqual(expect.arrayContaining(["customerId", "items"]));
    await client.close();
  });

  it("shows a read-only client no write tool", async () => {
    const { token } = await ownerWithToken({ permissions: READ_ONLY_KEYS });
    const client = await connectMcp(baseUrl, token);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      ["whoami", "list_customers", "get_customer", "list_products", "get_product", "list_sales", "get_sale"].sort(),
    );
    expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
    await client.close();
  });

  it("lists only what the client allows, narrowed by the token's scope", async () => {
    const { token } = await ownerWithToken({ permissions: ["customer.list", "customer.create", "sale.list"], scope: "customers:read sales:read" });
    const client = await connectMcp(baseUrl, token);
    expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(["list_customers", "list_sales"]);
    await client.close();
  });

  it("acts on the owner's data through the tools", async () => {
    const { owner, token } = await ownerWithToken();
    const client = await connectMcp(baseUrl, token);
    const created = await client.callTool({ name: "create_customer", arguments: { email: "mcp@example.test", name: "Via MCP" } });
    expect(created.isError).toBeFalsy();
    const customer = JSON.parse(textOf(created)) as { id: string; name: string };
    expect(customer.name).toBe("Via MCP");
    expect(await db().customer.count({ where: { id: customer.id, ownerId: owner.id } })).toBe(1);

    const fetched = await client.callTool({ name: "get_customer", arguments: { id: customer.id } });
    expect(JSON.parse(textOf(fetched))).toMatchObject({ id: customer.id, email: "mcp@example.test" });

    const whoami = JSON.parse(textOf(await client.callTool({ name: "whoami", arguments: {} }))) as { owner: { email: string } };
    expect(whoami.owner.email).toBe(owner.email);
    await client.close();
  });

  it("answers bad input and another owner's objects with a tool error, not data", async () => {
    const { token } = await ownerWithToken();
    const other = await ownerWithToken();
    const theirs = await commerceFixtures(other.owner.id);
    const client = await connectMcp(baseUrl, token);

    const bad = await client.callTool({ name: "create_customer", arguments: { email: "not-an-email", name: "X" } });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/email/i);

    const foreign = await client.callTool({ name: "get_customer", arguments: { id: theirs.customer.id } });
    expect(foreign.isError).toBe(true);
    expect(textOf(foreign)).toBe("Customer not found");
    expect(textOf(foreign)).not.toContain(theirs.customer.email);

    const voided = await client.callTool({ name: "void_sale", arguments: { id: theirs.sale.id } });
    expect(voided.isError).toBe(true);
    expect((await db().sale.findUniqueOrThrow({ where: { id: theirs.sale.id } })).status).toBe("open");
    await client.close();
  });

  it("refuses a call whose permission was turned off after listing, naming it, and allows it once back on", async () => {
    const { owner, client: oauthClient, token } = await ownerWithToken();
    const { sale } = await commerceFixtures(owner.id);
    const client = await connectMcp(baseUrl, token);
    expect((await client.listTools()).tools.map((t) => t.name)).toContain("void_sale");

    await turnPermission(oauthClient.id, "sale.void", false);
    const refused = await client.callTool({ name: "void_sale", arguments: { id: sale.id } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain("sale.void");
    expect(textOf(refused)).not.toContain(sale.id);
    expect((await db().sale.findUniqueOrThrow({ where: { id: sale.id } })).status).toBe("open");
    expect((await client.listTools()).tools.map((t) => t.name)).not.toContain("void_sale");

    await turnPermission(oauthClient.id, "sale.void", true);
    const allowed = await client.callTool({ name: "void_sale", arguments: { id: sale.id } });
    expect(allowed.isError).toBeFalsy();
    expect((await db().sale.findUniqueOrThrow({ where: { id: sale.id } })).status).toBe("voided");
    await client.close();
  });

  it("refuses a read-only client's call to a write tool it was never shown", async () => {
    const { owner, client: oauthClient, token } = await ownerWithToken({ permissions: READ_ONLY_KEYS });
    const client = await connectMcp(baseUrl, token);
    const result = await client.callTool({ name: "create_customer", arguments: { email: "sneaky@example.test", name: "Sneaky" } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("customer.create");
    expect(await db().customer.count({ where: { ownerId: owner.id } })).toBe(0);
    // Any arguments: the refusal is about the permission, not the input.
    const odd = await client.callTool({ name: "void_sale", arguments: { nonsense: true } });
    expect(textOf(odd)).toContain("sale.void");
    await setClientPermissions(oauthClient.id, []);
    expect((await client.listTools()).tools).toEqual([]);
    await client.close();
  });

  it("lists only permitted tools even when the same batch calls a tool", async () => {
    const { token } = await ownerWithToken({ permissions: READ_ONLY_KEYS });
    const response = await postMcp({ Authorization: `Bearer ${token}` }, [
      { jsonrpc: "2.0", id: 1, method: "tools/list" },
      { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "create_customer", arguments: { email: "b@example.test", name: "B" } } },
    ]);
    expect(response.status).toBe(200);
    const answers = (await response.json()) as { id: number; result: { tools?: { name: string }[]; isError?: boolean; content?: { text: string }[] } }[];
    const byId = new Map(answers.map((a) => [a.id, a.result]));
    expect(byId.get(1)!.tools!.map((t) => t.name).sort()).toEqual(
      ["whoami", "list_customers", "get_customer", "list_products", "get_product", "list_sales", "get_sale"].sort(),
    );
    expect(byId.get(2)!.isError).toBe(true);
    expect(byId.get(2)!.content![0]!.text).toContain("customer.create");
  });

  it("stops a token whose client is disabled mid-session", async () => {
    const { client: oauthClient, token } = await ownerWithToken();
    const client = await connectMcp(baseUrl, token);
    await db().oAuthClient.update({ where: { id: oauthClient.id }, data: { disabled: true } });
    await expect(client.listTools()).rejects.toThrow();
    await client.close();
  });
});
