// Helpers for the resource server tests (API and MCP): calling with a bearer
// token, changing a client's permissions the way the dashboard does, and
// waiting for the write-behind usage batch.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createCustomer } from "@/lib/commerce/create-customer";
import { createProduct } from "@/lib/commerce/create-product";
import { createSale } from "@/lib/commerce/create-sale";
import { db } from "@/lib/db/prisma";
import { PERMISSION_KEYS } from "@/lib/permissions/catalogue";
import { createOwner, createTestClient, createTestToken } from "./factories";

export interface CallResult {
  status: number;
  headers: Headers;
  body: { error?: { code: string; message: string; fields?: Record<string, string[]>; permission?: string } } & Record<string, unknown>;
}

export async function callApi(
  baseUrl: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<CallResult> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** Sets a client's enabled permissions, as the Permissions tab does. */
export async function setClientPermissions(clientId: string, keys: readonly string[]): Promise<void> {
  await db().oAuthClient.update({ where: { id: clientId }, data: { permissions: keys.join(" ") } });
}

export async function turnPermission(clientId: string, key: string, on: boolean): Promise<void> {
  const client = await db().oAuthClient.findUniqueOrThrow({ where: { id: clientId }, select: { permissions: true } });
  const keys = new Set(client.permissions.split(" ").filter(Boolean));
  if (on) keys.add(key);
  else keys.delete(key);
  await setClientPermissions(clientId, [...keys]);
}

export const allKeysExcept = (key: string) => PERMISSION_KEYS.filter((k) => k !== key);

/** An owner with a client (every permission on unless `permissions` is given) and a manual token. */
export async function ownerWithToken(options: { permissions?: readonly string[]; scope?: string; audience?: string } = {}) {
  const owner = await createOwner("api");
  const client = await createTestClient(owner.id);
  if (options.permissions) await setClientPermissions(client.id, options.permissions);
  const token = await createTestToken(owner.id, client.id, {
    scope: options.scope ?? null,
    audience: options.audience ?? null,
  });
  return { owner, client, token: token.token, tokenId: token.id };
}

/** A customer, an active product and an open sale of it, owned by `ownerId`. */
export async function commerceFixtures(ownerId: string) {
  const customer = await createCustomer(ownerId, { email: "buyer@example.test", name: "Ada Buyer", phone: null });
  const product = await createProduct(ownerId, { name: "Widget", sku: "W-1", priceCents: 1999, currency: "USD", active: true });
  const sale = await createSale(ownerId, { customerId: customer.id, items: [{ productId: product.id, quantity: 2 }] });
  return { customer, product, sale };
}

export async function connectMcp(baseUrl: string, token: string): Promise<Client> {
  const client = new Client({ name: "latch-tests", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  return client;
}

/** Polls until `check` stops throwing (the usage batch is written about once a second). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
