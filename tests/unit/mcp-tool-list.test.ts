// Latch builds its MCP tool list once per process instead of letting the SDK's
// McpServer register and convert every tool on every request: the list a
// token sees must stay exactly what McpServer would send for the same tools.
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { describe, expect, it } from "vitest";
import { buildMcpServer } from "@/lib/mcp/build-mcp-server";
import { toolDefinitions } from "@/lib/mcp/tool-definitions";
import { PERMISSION_KEYS, READ_ONLY_KEYS } from "@/lib/permissions/catalogue";
import type { Principal } from "@/lib/resource/authenticate-bearer";

function principalWith(permissions: readonly string[]): Principal {
  return {
    tokenId: "tok",
    tokenName: "test",
    ownerId: "owner",
    ownerEmail: "owner@example.test",
    clientId: "client",
    clientPublicId: "latch_ci_test",
    clientName: "Test",
    createdVia: "manual",
    scope: null,
    audience: null,
    expiresAt: null,
    permissions: new Set(permissions),
  };
}

/** The tools/list answer as sent on the wire (JSON text, key order included). */
async function rawToolsList(server: { connect(transport: Transport): Promise<void>; close(): Promise<void> }): Promise<string> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const answer = new Promise<unknown>((resolve) => {
    clientSide.onmessage = resolve;
  });
  await clientSide.start();
  await clientSide.send({ jsonrpc: "2.0", id: 1, method: "tools/list" });
  const text = JSON.stringify(await answer);
  await server.close();
  return text;
}

/** What McpServer lists with every tool registered and those the principal lacks disabled. */
function referenceServer(permissions: ReadonlySet<string>): McpServer {
  const server = new McpServer({ name: "reference", version: "1" });
  for (const { operation, tool } of toolDefinitions()) {
    const registered = server.registerTool(
      tool.name,
      { title: tool.title, description: tool.description, inputSchema: operation.input, annotations: tool.annotations },
      () => ({ content: [] }),
    );
    if (!permissions.has(operation.permission)) registered.disable();
  }
  return server;
}

describe("MCP tool list", () => {
  for (const [label, keys] of [
    ["every permission", PERMISSION_KEYS],
    ["read-only permissions", READ_ONLY_KEYS],
    ["no permission", []],
  ] as const) {
    it(`is what McpServer would list, for ${label}`, async () => {
      const principal = principalWith(keys);
      const ours = await rawToolsList(buildMcpServer(principal));
      expect(ours).toBe(await rawToolsList(referenceServer(principal.permissions)));
    });
  }

  it("shows a read-only principal only read tools, and a new server sees a changed permission set", async () => {
    const parse = (text: string) => (JSON.parse(text) as { result: { tools: { name: string; annotations: { readOnlyHint: boolean } }[] } }).result.tools;
    const readOnly = parse(await rawToolsList(buildMcpServer(principalWith(READ_ONLY_KEYS))));
    expect(readOnly.length).toBeGreaterThan(0);
    expect(readOnly.every((t) => t.annotations.readOnlyHint)).toBe(true);
    const more = parse(await rawToolsList(buildMcpServer(principalWith([...READ_ONLY_KEYS, "sale.void"]))));
    expect(more.map((t) => t.name)).toEqual([...readOnly.map((t) => t.name), "void_sale"]);
  });
});
