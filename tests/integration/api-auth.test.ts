// Bearer authentication and permission checks on every commerce API
// operation: allowed with exactly its permission, 403 without it, 401 without
// a usable token.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createCustomer } from "@/lib/commerce/create-customer";
import { createProduct } from "@/lib/commerce/create-product";
import { db } from "@/lib/db/prisma";
import { createOwner, createTestClient, createTestToken } from "../support/factories";
import { basic, postForm } from "../support/oauth";
import { allKeysExcept, callApi, commerceFixtures, setClientPermissions } from "../support/resource-helpers";

const baseUrl = inject("baseUrl");

interface Request {
  method: string;
  path: string;
  body?: unknown;
}

interface Case {
  name: string;
  permission: string;
  status: number;
  /** Builds the request against fresh objects of the owner. */
  request(ownerId: string): Promise<Request>;
}

async function freshSale(ownerId: string) {
  return (await commerceFixtures(ownerId)).sale;
}

const CASES: Case[] = [
  { name: "whoami", permission: "account.retrieve", status: 200, request: async () => ({ method: "GET", path: "/me" }) },
  { name: "list_customers", permission: "customer.list", status: 200, request: async () => ({ method: "GET", path: "/customers?limit=5" }) },
  {
    name: "get_customer",
    permission: "customer.retrieve",
    status: 200,
    request: async (ownerId) => ({ method: "GET", path: `/customers/${(await createCustomer(ownerId, { email: "g@example.test", name: "G" })).id}` }),
  },
  {
    name: "create_customer",
    permission: "customer.create",
    status: 201,
    request: async () => ({ method: "POST", path: "/customers", body: { email: "new@example.test", name: "New Customer" } }),
  },
  {
    name: "update_customer",
    permission: "customer.edit",
    status: 200,
    request: async (ownerId) => ({
      method: "PATCH",
      path: `/customers/${(await createCustomer(ownerId, { email: "u@example.test", name: "U" })).id}`,
      body: { name: "Renamed" },
    }),
  },
  {
    name: "delete_customer",
    permission: "customer.delete",
    status: 200,
    request: async (ownerId) => ({ method: "DELETE", path: `/customers/${(await createCustomer(ownerId, { email: "d@example.test", name: "D" })).id}` }),
  },
  { name: "list_products", permission: "product.list", status: 200, request: async () => ({ method: "GET", path: "/products" }) },
  {
    name: "get_product",
    permission: "product.retrieve",
    status: 200,
    request: async (ownerId) => ({
      method: "GET",
      path: `/products/${(await createProduct(ownerId, { name: "P", priceCents: 100, currency: "USD", active: true })).id}`,
    }),
  },
  {
    name: "create_product",
    permission: "product.create",
    status: 201,
    request: async () => ({ method: "POST", path: "/products", body: { name: "Gadget", priceCents: 2500 } }),
  },
  {
    name: "update_product",
    permission: "product.edit",
    status: 200,
    request: async (ownerId) => ({
      method: "PATCH",
      path: `/products/${(await createProduct(ownerId, { name: "P", priceCents: 100, currency: "USD", active: true })).id}`,
      body: { priceCents: 150 },
    }),
  },
  {
    name: "delete_product",
    permission: "product.delete",
    status: 200,
    request: async (ownerId) => ({
      method: "DELETE",
      path: `/products/${(await createProduct(ownerId, { name: "P", priceCents: 100, currency: "USD", active: true })).id}`,
    }),
  },
  { name: "list_sales", permission: "sale.list", status: 200, request: async () => ({ method: "GET", path: "/sales" }) },
  {
    name: "get_sale",
    permission: "sale.retrieve",
    status: 200,
    request: async (ownerId) => ({ method: "GET", path: `/sales/${(await freshSale(ownerId)).id}` }),
  },
  {
    name: "create_sale",
    permission: "sale.create",
    status: 201,
    request: async (ownerId) => {
      const customer = await createCustomer(ownerId, { email: "s@example.test", name: "S" });
      const product = await createProduct(ownerId, { name: "P", priceCents: 100, currency: "USD", active: true });
      return { method: "POST", path: "/sales", body: { customerId: customer.id, items: [{ productId: product.id, quantity: 1 }] } };
    },
  },
  {
    name: "void_sale",
    permission: "sale.void",
    status: 200,
    request: async (ownerId) => ({ method: "POST", path: `/sales/${(await freshSale(ownerId)).id}/void` }),
  },
];

it("covers every operation the OpenAPI document lists", async () => {
  const doc = (await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
  const documented = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
  expect(documented.sort()).toEqual(CASES.map((c) => c.name).sort());
});

describe.each(CASES)("$name", (testCase) => {
  it(`is allowed with only ${testCase.permission}`, async () => {
    const owner = await createOwner("op");
    const client = await createTestClient(owner.id);
    await setClientPermissions(client.id, [testCase.permission]);
    const { token } = await createTestToken(owner.id, client.id);
    const request = await testCase.request(owner.id);
    const result = await callApi(baseUrl, token, request.method, request.path, request.body);
    expect(result.status, JSON.stringify(result.body)).toBe(testCase.status);
    expect(result.body.error).toBeUndefined();
    expect(result.headers.get("cache-control")).toBe("no-store");
  });

  it(`is refused with 403 insufficient_scope without ${testCase.permission}`, async () => {
    const owner = await createOwner("op");
    const client = await createTestClient(owner.id);
    await setClientPermissions(client.id, allKeysExcept(testCase.permission));
    const { token } = await createTestToken(owner.id, client.id);
    const request = await testCase.request(owner.id);
    const result = await callApi(baseUrl, token, request.method, request.path, request.body);
    expect(result.status).toBe(403);
    expect(result.body.error).toMatchObject({ code: "insufficient_scope", permission: testCase.permission });
    expect(result.body.error?.message).toContain(testCase.permission);
    const challenge = result.headers.get("www-authenticate") ?? "";
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toContain('error="insufficient_scope"');
    expect(challenge).toContain(testCase.permission);
    expect(challenge).toMatch(/scope="[a-z]+:(read|write)"/);
  });

  describe("answers 401 with the resource metadata", () => {
    const tokens: Record<string, string> = {};
    let ownerId = "";

    beforeAll(async () => {
      const owner = await createOwner("op");
      ownerId = owner.id;
      const client = await createTestClient(owner.id);
      tokens.expired = (await createTestToken(owner.id, client.id, { expiresAt: new Date(Date.now() - 1000) })).token;
      const deleted = await createTestToken(owner.id, client.id);
      await db().accessToken.delete({ where: { id: deleted.id } });
      tokens.deleted = deleted.token;

      const disabledClient = await createTestClient(owner.id);
      tokens["disabled client"] = (await createTestToken(owner.id, disabledClient.id)).token;
      await db().oAuthClient.update({ where: { id: disabledClient.id }, data: { disabled: true } });

      const deletedClient = await createTestClient(owner.id);
      tokens["deleted client"] = (await createTestToken(owner.id, deletedClient.id)).token;
      await db().oAuthClient.delete({ where: { id: deletedClient.id } });

      // Issued by the token endpoint, then revoked by its client (RFC 7009).
      const issuer = await createTestClient(owner.id);
      const auth = { authorization: basic(issuer.clientId, issuer.clientSecret!) };
      const issued = await postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials" }, auth);
      tokens.revoked = String(issued.json.access_token);
      expect((await postForm(baseUrl, "/oauth/revoke", { token: tokens.revoked }, auth)).status).toBe(200);
    });

    it("without a token", async () => {
      const request = await testCase.request(ownerId);
      const result = await callApi(baseUrl, null, request.method, request.path, request.body);
      expect(result.status).toBe(401);
      expect(result.headers.get("www-authenticate")).toBe(
        `Bearer resource_metadata="${baseUrl}/.well-known/oauth-protected-resource/api/v1"`,
      );
      expect(result.body.error?.code).toBe("unauthorized");
    });

    it.each(["expired", "deleted", "revoked", "disabled client", "deleted client"])("with a token that is %s", async (kind) => {
      const request = await testCase.request(ownerId);
      const result = await callApi(baseUrl, tokens[kind]!, request.method, request.path, request.body);
      expect(result.status).toBe(401);
      const challenge = result.headers.get("www-authenticate") ?? "";
      expect(challenge).toContain('error="invalid_token"');
      expect(challenge).toContain(`resource_metadata="${baseUrl}/.well-known/oauth-protected-resource/api/v1"`);
      expect(result.body.error?.code).toBe("invalid_token");
    });
  });
});

describe("create and void a sale: nothing happens without the permission", () => {
  it("a refused void leaves the sale open, and a refused create adds no sale", async () => {
    const owner = await createOwner("op");
    const client = await createTestClient(owner.id);
    await setClientPermissions(client.id, ["sale.list", "sale.retrieve"]);
    const { token } = await createTestToken(owner.id, client.id);
    const { customer, product, sale } = await commerceFixtures(owner.id);

    expect((await callApi(baseUrl, token, "POST", `/sales/${sale.id}/void`)).status).toBe(403);
    const body = { customerId: customer.id, items: [{ productId: product.id, quantity: 1 }] };
    expect((await callApi(baseUrl, token, "POST", "/sales", body)).status).toBe(403);

    const stored = await db().sale.findMany({ where: { ownerId: owner.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.status).toBe("open");
  });
});
