// The commerce API's behaviour with a full-access token: what each route
// does, another owner's objects, bad input for every route, pagination and
// the OpenAPI document.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createCustomer } from "@/lib/commerce/create-customer";
import { createProduct } from "@/lib/commerce/create-product";
import { createSale } from "@/lib/commerce/create-sale";
import { db } from "@/lib/db/prisma";
import { callApi, commerceFixtures, ownerWithToken } from "../support/resource-helpers";

const baseUrl = inject("baseUrl");

let token = "";
let ownerId = "";

beforeAll(async () => {
  const setup = await ownerWithToken();
  token = setup.token;
  ownerId = setup.owner.id;
});

const api = (method: string, path: string, body?: unknown) => callApi(baseUrl, token, method, path, body);

describe("customers", () => {
  it("creates, retrieves, edits, lists and deletes a customer", async () => {
    const created = await api("POST", "/customers", { email: "grace@example.test", name: "  Grace Hopper ", phone: "+1 555 0100" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: "grace@example.test", name: "Grace Hopper", phone: "+1 555 0100" });
    expect(created.body).not.toHaveProperty("ownerId");
    const id = created.body.id as string;

    expect((await api("GET", `/customers/${id}`)).body).toMatchObject({ id, name: "Grace Hopper" });
    const edited = await api("PATCH", `/customers/${id}`, { phone: null });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id, name: "Grace Hopper", phone: null });

    const list = await api("GET", "/customers?limit=100");
    expect((list.body.data as { id: string }[]).map((c) => c.id)).toContain(id);

    expect((await api("DELETE", `/customers/${id}`)).body).toEqual({ id, deleted: true });
    const gone = await api("GET", `/customers/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toEqual({ code: "not_found", message: "Customer not found" });
  });

  it("refuses to delete a customer with sales", async () => {
    const { customer } = await commerceFixtures(ownerId);
    const result = await api("DELETE", `/customers/${customer.id}`);
    expect(result.status).toBe(409);
    expect(result.body.error?.code).toBe("conflict");
    expect(await db().customer.count({ where: { id: customer.id } })).toBe(1);
  });
});

describe("products", () => {
  it("creates with defaults, edits, filters by status and deletes an unsold product", async () => {
    const created = await api("POST", "/products", { name: "Sticker", priceCents: 250 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Sticker", priceCents: 250, currency: "USD", active: true, sku: null });
    const id = created.body.id as string;

    const archived = await api("PATCH", `/products/${id}`, { active: false, sku: "ST-1" });
    expect(archived.body).toMatchObject({ id, active: false, sku: "ST-1", priceCents: 250 });
    const inactive = await api("GET", "/products?status=inactive&limit=100");
    expect((inactive.body.data as { id: string; active: boolean }[]).every((p) => !p.active)).toBe(true);
    expect((inactive.body.data as { id: string }[]).map((p) => p.id)).toContain(id);
    const active = await api("GET", "/products?status=active&limit=100");
    expect((active.body.data as { id: string }[]).map((p) => p.id)).not.toContain(id);

    expect((await api("DELETE", `/products/${id}`)).status).toBe(200);
    expect((await api("GET", `/products/${id}`)).status).toBe(404);
  });

  it("refuses to delete a product that was sold", async () => {
    const { product } = await commerceFixtures(ownerId);
    const result = await api("DELETE", `/products/${product.id}`);
    expect(result.status).toBe(409);
    expect(result.body.error?.message).toMatch(/sold/);
  });
});

describe("sales", () => {
  it("computes the total from the products' prices, whatever the caller claims", async () => {
    const customer = await createCustomer(ownerId, { email: "c@example.test", name: "C" });
    const a = await createProduct(ownerId, { name: "A", priceCents: 1999, currency: "EUR", active: true });
    const b = await createProduct(ownerId, { name: "B", priceCents: 500, currency: "EUR", active: true });
    const created = await api("POST", "/sales", {
      customerId: customer.id,
      items: [
        { productId: a.id, quantity: 2 },
        { productId: b.id, quantity: 1 },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ customerId: customer.id, status: "open", totalCents: 4498, currency: "EUR", voidedAt: null });
    expect(created.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ productId: a.id, quantity: 2, unitPriceCents: 1999 }),
        expect.objectContaining({ productId: b.id, quantity: 1, unitPriceCents: 500 }),
      ]),
    );

    // A later price change does not rewrite the sale.
    await api("PATCH", `/products/${a.id}`, { priceCents: 1 });
    expect((await api("GET", `/sales/${created.body.id as string}`)).body.totalCents).toBe(4498);
  });

  it("creates sales while other writers are busy (no SQLite lock errors)", async () => {
    const { customer, product } = await commerceFixtures(ownerId);
    const body = { customerId: customer.id, items: [{ productId: product.id, quantity: 1 }] };
    const results = await Promise.all([
      ...Array.from({ length: 12 }, () => api("POST", "/sales", body)),
      ...Array.from({ length: 12 }, (_, i) => createCustomer(ownerId, { email: `busy${i}@example.test`, name: "Busy" })),
      ...Array.from({ length: 12 }, () => createSale(ownerId, body)),
    ]);
    const statuses = results.slice(0, 12).map((r) => (r as { status: number }).status);
    expect(statuses).toEqual(Array(12).fill(201));
    expect(await db().sale.count({ where: { customerId: customer.id } })).toBe(1 + 24);
  });

  it("voids an open sale once, and refuses a second void with 409", async () => {
    const { sale } = await commerceFixtures(ownerId);
    const voided = await api("POST", `/sales/${sale.id}/void`);
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ id: sale.id, status: "voided" });
    expect(voided.body.voidedAt).toEqual(expect.any(String));
    const again = await api("POST", `/sales/${sale.id}/void`);
    expect(again.status).toBe(409);
    expect(again.body.error?.message).toMatch(/already voided/);
  });

  it("filters sales by customer and status", async () => {
    const { customer, sale } = await commerceFixtures(ownerId);
    const mine = await api("GET", `/sales?customerId=${customer.id}`);
    expect((mine.body.data as { id: string }[]).map((s) => s.id)).toEqual([sale.id]);
    await api("POST", `/sales/${sale.id}/void`);
    expect((await api("GET", `/sales?customerId=${customer.id}&status=open`)).body.data).toEqual([]);
    expect((await api("GET", `/sales?customerId=${customer.id}&status=voided`)).body.data).toHaveLength(1);
  });

  it("refuses inactive products, mixed currencies and an unknown customer", async () => {
    const customer = await createCustomer(ownerId, { email: "c@example.test", name: "C" });
    const usd = await createProduct(ownerId, { name: "U", priceCents: 100, currency: "USD", active: true });
    const eur = await createProduct(ownerId, { name: "E", priceCents: 100, currency: "EUR", active: true });
    const inactive = await createProduct(ownerId, { name: "I", priceCents: 100, currency: "USD", active: false });

    const withInactive = await api("POST", "/sales", { customerId: customer.id, items: [{ productId: inactive.id, quantity: 1 }] });
    expect(withInactive.status).toBe(409);
    expect(withInactive.body.error?.message).toMatch(/inactive/);

    const mixed = await api("POST", "/sales", {
      customerId: customer.id,
      items: [
        { productId: usd.id, quantity: 1 },
        { productId: eur.id, quantity: 1 },
      ],
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error?.message).toMatch(/currency/);

    const unknown = await api("POST", "/sales", { customerId: "nosuchcustomer", items: [{ productId: usd.id, quantity: 1 }] });
    expect(unknown.status).toBe(404);
    expect(await db().sale.count({ where: { customerId: customer.id } })).toBe(0);
  });
});

describe("another owner's objects", () => {
  let theirs: Awaited<ReturnType<typeof commerceFixtures>>;

  beforeAll(async () => {
    const other = await ownerWithToken();
    theirs = await commerceFixtures(other.owner.id);
  });

  it.each([
    ["GET", () => `/customers/${theirs.customer.id}`, undefined],
    ["PATCH", () => `/customers/${theirs.customer.id}`, { name: "Mine now" }],
    ["DELETE", () => `/customers/${theirs.customer.id}`, undefined],
    ["GET", () => `/products/${theirs.product.id}`, undefined],
    ["PATCH", () => `/products/${theirs.product.id}`, { priceCents: 1 }],
    ["DELETE", () => `/products/${theirs.product.id}`, undefined],
    ["GET", () => `/sales/${theirs.sale.id}`, undefined],
    ["POST", () => `/sales/${theirs.sale.id}/void`, undefined],
  ] as const)("%s %s is not found and unchanged", async (method, path, body) => {
    const result = await api(method, path(), body);
    expect(result.status).toBe(404);
    expect(result.body.error?.code).toBe("not_found");
    const customer = await db().customer.findUniqueOrThrow({ where: { id: theirs.customer.id } });
    const product = await db().product.findUniqueOrThrow({ where: { id: theirs.product.id } });
    const sale = await db().sale.findUniqueOrThrow({ where: { id: theirs.sale.id } });
    expect(customer.name).toBe("Ada Buyer");
    expect(product.priceCents).toBe(1999);
    expect(sale.status).toBe("open");
  });

  it("cannot sell to their customer or sell their product", async () => {
    const customer = await createCustomer(ownerId, { email: "mine@example.test", name: "Mine" });
    const product = await createProduct(ownerId, { name: "Mine", priceCents: 100, currency: "USD", active: true });
    const theirCustomer = await api("POST", "/sales", { customerId: theirs.customer.id, items: [{ productId: product.id, quantity: 1 }] });
    expect(theirCustomer.status).toBe(404);
    const theirProduct = await api("POST", "/sales", { customerId: customer.id, items: [{ productId: theirs.product.id, quantity: 1 }] });
    expect(theirProduct.status).toBe(404);
    expect(await db().sale.count({ where: { customerId: { in: [customer.id, theirs.customer.id] } } })).toBe(1);
  });

  it("never lists them", async () => {
    const ids = new Set<string>();
    for (const path of ["/customers?limit=100", "/products?limit=100", "/sales?limit=100"]) {
      for (const item of (await api("GET", path)).body.data as { id: string }[]) ids.add(item.id);
    }
    expect(ids.has(theirs.customer.id)).toBe(false);
    expect(ids.has(theirs.product.id)).toBe(false);
    expect(ids.has(theirs.sale.id)).toBe(false);
    expect((await api("GET", `/sales?customerId=${theirs.customer.id}`)).body.data).toEqual([]);
  });
});

describe("pagination", () => {
  it("pages newest first with a cursor until the end", async () => {
    const setup = await ownerWithToken();
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await createCustomer(setup.owner.id, { email: `p${i}@example.test`, name: `P${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof callApi>> = await callApi(
        baseUrl,
        setup.token,
        "GET",
        `/customers?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(page.status).toBe(200);
      expect((page.body.data as unknown[]).length).toBeLessThanOrEqual(2);
      seen.push(...(page.body.data as { id: string }[]).map((c) => c.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
  });

  it("defaults to 25 items", async () => {
    const setup = await ownerWithToken();
    await db().customer.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ ownerId: setup.owner.id, email: `d${i}@example.test`, name: `D${i}` })),
    });
    const page = await callApi(baseUrl, setup.token, "GET", "/customers");
    expect(page.body.data).toHaveLength(25);
    expect(page.body.nextCursor).toEqual(expect.any(String));
  });
});

describe("bad input", () => {
  let fixtures: Awaited<ReturnType<typeof commerceFixtures>>;

  beforeAll(async () => {
    fixtures = await commerceFixtures(ownerId);
  });

  type Fixtures = Awaited<ReturnType<typeof commerceFixtures>>;
  const long = "x".repeat(65);
  // [method, path ({customer} and {product} are replaced), field named in the error, body]
  const cases: [string, string, string | null, ((f: Fixtures) => unknown)?][] = [
    ["GET", "/me?verbose=1", "_"],
    ["GET", "/customers?limit=0", "limit"],
    ["GET", "/customers?limit=101", "limit"],
    ["GET", "/customers?limit=ten", "limit"],
    ["GET", "/customers?cursor=not-a-cursor", "cursor"],
    ["GET", "/customers?limit=5&limit=6", null],
    ["GET", "/customers?sort=name", "_"],
    ["GET", `/customers/${long}`, "id"],
    ["POST", "/customers", "email", () => ({ email: "not an email", name: "N" })],
    ["POST", "/customers", "name", () => ({ email: "n@example.test" })],
    ["POST", "/customers", "name", () => ({ email: "n@example.test", name: "   " })],
    ["POST", "/customers", "_", () => ({ email: "n@example.test", name: "N", ownerId: "someone-else" })],
    // PostgreSQL refuses NUL in text: a 400 on both databases, not a server error on one.
    ["POST", "/customers", "name", () => ({ email: "n@example.test", name: "a\u0000b" })],
    ["POST", "/customers", "phone", () => ({ email: "n@example.test", name: "N", phone: "555\u0000" })],
    // No phone number is null, never an empty string beside it.
    ["POST", "/customers", "phone", () => ({ email: "n@example.test", name: "N", phone: "  " })],
    ["PATCH", "/customers/{customer}", "phone", () => ({ phone: "" })],
    ["GET", "/customers/%00x", "id"],
    ["GET", "/sales?customerId=%00", "customerId"],
    ["POST", "/products", "name", () => ({ name: "P\u0007", priceCents: 100 })],
    ["POST", "/products", "sku", () => ({ name: "P", sku: "A\u0000", priceCents: 100 })],
    ["PATCH", "/customers/{customer}", "_", () => ({})],
    ["PATCH", "/customers/{customer}", "email", () => ({ email: 42 })],
    ["DELETE", "/customers/%20", "id"],
    ["GET", "/products?status=archived", "status"],
    ["GET", `/products/${long}`, "id"],
    ["POST", "/products", "priceCents", () => ({ name: "P", priceCents: -1 })],
    ["POST", "/products", "priceCents", () => ({ name: "P", priceCents: 9.99 })],
    ["POST", "/products", "priceCents", () => ({ name: "P", priceCents: "100" })],
    ["POST", "/products", "currency", () => ({ name: "P", priceCents: 100, currency: "usd" })],
    ["PATCH", "/products/{product}", "active", () => ({ active: "yes" })],
    ["PATCH", "/products/{product}", "_", () => ({})],
    ["DELETE", `/products/${long}`, "id"],
    ["GET", "/sales?status=paid", "status"],
    ["GET", `/sales/${long}`, "id"],
    ["POST", "/sales", "items", (f) => ({ customerId: f.customer.id, items: [] })],
    ["POST", "/sales", "items.0.quantity", (f) => ({ customerId: f.customer.id, items: [{ productId: f.product.id, quantity: 0 }] })],
    ["POST", "/sales", "customerId", (f) => ({ items: [{ productId: f.product.id, quantity: 1 }] })],
    ["POST", `/sales/${long}/void`, "id"],
  ];
  it.each(cases)("%s %s is a 400 naming %s", async (method, path, field, body) => {
    const url = path.replace("{customer}", fixtures.customer.id).replace("{product}", fixtures.product.id);
    const result = await api(method, url, body?.(fixtures));
    expect(result.status).toBe(400);
    expect(result.body.error?.code).toBe("invalid_request");
    expect(result.body.error?.message).toEqual(expect.any(String));
    if (field) expect(Object.keys(result.body.error?.fields ?? {})).toContain(field);
  });

  it.each([
    ["not JSON", "{oops"],
    ["a JSON array", "[]"],
    ["a JSON string", '"hello"'],
    ["null", "null"],
  ])("refuses a body that is %s with 400, never a 500", async (_label, raw) => {
    for (const [method, path] of [
      ["POST", "/customers"],
      ["PATCH", `/customers/${fixtures.customer.id}`],
      ["POST", "/products"],
      ["POST", "/sales"],
    ] as const) {
      const result = await api(method, path, raw);
      expect(result.status).toBe(400);
      expect(result.body.error?.code).toBe("invalid_request");
    }
  });

  it("refuses a body over 64 KiB with 413", async () => {
    const result = await api("POST", "/customers", { email: "big@example.test", name: "x".repeat(70 * 1024) });
    expect(result.status).toBe(413);
  });

  it("answers an unknown API path with the JSON error shape", async () => {
    for (const path of ["/refunds", "", "/customers/x/y"]) {
      const result = await api("GET", path);
      expect(result.status).toBe(404);
      expect(result.body.error?.code).toBe("not_found");
    }
  });

  it("answers an unsupported method with 405, the allowed methods and the JSON error shape", async () => {
    const put = await api("PUT", `/customers/${fixtures.customer.id}`, { name: "Replaced" });
    expect(put.status).toBe(405);
    expect(put.body.error?.code).toBe("method_not_allowed");
    expect(put.headers.get("allow")).toBe("GET, PATCH, DELETE, HEAD, OPTIONS");
    const getVoid = await api("GET", `/sales/${fixtures.sale.id}/void`);
    expect(getVoid.status).toBe(405);
    expect(getVoid.headers.get("allow")).toBe("POST, OPTIONS");
    expect((await db().customer.findUniqueOrThrow({ where: { id: fixtures.customer.id } })).name).toBe("Ada Buyer");
  });
});

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 generated from the schemas, with each operation's permission", async () => {
    const response = await fetch(`${baseUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const doc = (await response.json()) as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0]!.url).toBe(`${baseUrl}/api/v1`);

    const create = doc.paths["/customers"]!.post! as {
      "x-latch-permission": string;
      requestBody: { content: { "application/json": { schema: { properties: Record<string, { format?: string }>; required: string[] } } } };
    };
    expect(create["x-latch-permission"]).toBe("customer.create");
    const schema = create.requestBody.content["application/json"].schema;
    expect(schema.properties.email!.format).toBe("email");
    expect(schema.required.sort()).toEqual(["email", "name"]);

    const list = doc.paths["/customers"]!.get! as { parameters: { name: string; in: string; schema: { maximum?: number } }[] };
    expect(list.parameters.find((p) => p.name === "limit")).toMatchObject({ in: "query", schema: { maximum: 100 } });
    const voidSale = doc.paths["/sales/{id}/void"]!.post! as { "x-latch-permission": string; parameters: { name: string; in: string }[] };
    expect(voidSale["x-latch-permission"]).toBe("sale.void");
    expect(voidSale.parameters).toEqual([expect.objectContaining({ name: "id", in: "path" })]);
    // Every status an operation can answer is documented: a sale for an unknown customer is a 404 too.
    const responses = (path: string, method: string) => Object.keys((doc.paths[path]![method] as { responses: object }).responses);
    expect(responses("/sales", "post")).toContain("404");
    expect(responses("/customers/{id}", "get")).toContain("404");
    expect(responses("/customers", "get")).not.toContain("404");
  });

  it("documents only routes that exist", async () => {
    const doc = (await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const result = await callApi(baseUrl, null, method.toUpperCase(), path.replace("{id}", "someid"));
        // Unauthenticated: the route exists and asks for a token (an unknown path would be 404).
        expect(result.status, `${method} ${path}`).toBe(401);
      }
    }
  });
});
