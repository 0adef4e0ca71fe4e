// What each client really uses: every allowed and refused use is counted per
// token, permission and day, written in batches shortly after the calls.
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { PERMISSION_KEYS } from "@/lib/permissions/catalogue";
import { getClientUsage } from "@/lib/usage/get-client-usage";
import { listRefusedAttempts } from "@/lib/usage/list-refused-attempts";
import { flushUsage, recordPermissionUse } from "@/lib/usage/usage-recorder";
import { WRITE_SLICE } from "@/lib/usage/write-usage-batch";
import { createOwner, createTestToken } from "../support/factories";
import { callApi, commerceFixtures, connectMcp, eventually, ownerWithToken } from "../support/resource-helpers";

const baseUrl = inject("baseUrl");

async function countsFor(tokenId: string) {
  const rows = await db().permissionUsage.findMany({ where: { tokenId }, orderBy: { permission: "asc" } });
  return Object.fromEntries(rows.map((r) => [r.permission, { allowed: r.allowed, refused: r.refused }]));
}

describe("usage counts", () => {
  it("match the calls of a scripted run over the API and MCP", async () => {
    const { owner, client, token, tokenId } = await ownerWithToken({
      permissions: ["customer.list", "customer.retrieve", "sale.list", "sale.retrieve", "account.retrieve"],
    });
    const { customer, sale } = await commerceFixtures(owner.id);
    const second = await createTestToken(owner.id, client.id);

    // API: 3 allowed customer.list, 1 allowed customer.retrieve, 2 refused customer.create, 1 refused sale.void.
    for (let i = 0; i < 3; i++) expect((await callApi(baseUrl, token, "GET", "/customers")).status).toBe(200);
    expect((await callApi(baseUrl, token, "GET", `/customers/${customer.id}`)).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      expect((await callApi(baseUrl, token, "POST", "/customers", { email: "x@example.test", name: "X" })).status).toBe(403);
    }
    expect((await callApi(baseUrl, token, "POST", `/sales/${sale.id}/void`)).status).toBe(403);
    // An allowed call that fails later (not found) still used the permission.
    expect((await callApi(baseUrl, token, "GET", "/customers/nosuchcustomer")).status).toBe(404);
    // Unauthenticated calls count for nobody.
    expect((await callApi(baseUrl, null, "GET", "/customers")).status).toBe(401);

    // MCP: listing counts nothing; 2 allowed list_sales, 1 refused void_sale.
    const mcp = await connectMcp(baseUrl, token);
    await mcp.listTools();
    await mcp.callTool({ name: "list_sales", arguments: {} });
    await mcp.callTool({ name: "list_sales", arguments: { limit: 1 } });
    const refused = await mcp.callTool({ name: "void_sale", arguments: { id: sale.id } });
    expect(refused.isError).toBe(true);
    await mcp.close();

    // Another token of the same client.
    expect((await callApi(baseUrl, second.token, "GET", "/sales")).status).toBe(200);

    const expected = {
      "customer.create": { allowed: 0, refused: 2 },
      "customer.list": { allowed: 3, refused: 0 },
      "customer.retrieve": { allowed: 2, refused: 0 },
      "sale.list": { allowed: 2, refused: 0 },
      "sale.void": { allowed: 0, refused: 2 },
    };
    await eventually(async () => expect(await countsFor(tokenId)).toEqual(expected));
    await eventually(async () => expect(await countsFor(second.id)).toEqual({ "sale.list": { allowed: 1, refused: 0 } }));
    const rows = await db().permissionUsage.findMany({ where: { tokenId } });
    expect(rows.every((r) => r.ownerId === owner.id && r.clientId === client.id && r.day === new Date().toISOString().slice(0, 10))).toBe(true);

    // Nothing is counted twice by a later batch.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await countsFor(tokenId)).toEqual(expected);

    const usage = await getClientUsage(owner.id, client.id);
    expect(usage).toMatchObject({
      days: 30,
      totals: { allowed: 8, refused: 4 },
      byPermission: { ...expected, "sale.list": { allowed: 3, refused: 0 } },
    });

    const attempts = await listRefusedAttempts(owner.id, client.id);
    expect(attempts.data.map((a) => a.operation).sort()).toEqual(
      ["POST /api/v1/customers", "POST /api/v1/customers", "POST /api/v1/sales/{id}/void", "tool void_sale"].sort(),
    );
    expect(attempts.data[0]).toMatchObject({ tokenId, tokenName: expect.any(String), permissionLabel: expect.any(String) });
    expect(attempts.data.find((a) => a.permission === "sale.void")?.permissionLabel).toBe("Void a sale");
  });

  it("keeps another owner out of a client's usage and refused attempts", async () => {
    const { owner, client, token } = await ownerWithToken({ permissions: ["customer.list"] });
    expect((await callApi(baseUrl, token, "GET", "/sales")).status).toBe(403);
    await eventually(async () => expect((await listRefusedAttempts(owner.id, client.id)).data).toHaveLength(1));
    const stranger = await createOwner("stranger");
    expect(await getClientUsage(stranger.id, client.id)).toBeNull();
    expect((await listRefusedAttempts(stranger.id, client.id)).data).toEqual([]);
  });

  it("counts only the last 30 days", async () => {
    const { owner, client, tokenId } = await ownerWithToken();
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    await db().permissionUsage.createMany({
      data: [
        { ownerId: owner.id, clientId: client.id, tokenId, permission: "sale.list", day: day(0), allowed: 2, refused: 1 },
        { ownerId: owner.id, clientId: client.id, tokenId, permission: "sale.list", day: day(29), allowed: 5, refused: 0 },
        { ownerId: owner.id, clientId: client.id, tokenId, permission: "sale.list", day: day(30), allowed: 100, refused: 100 },
      ],
    });
    const usage = await getClientUsage(owner.id, client.id);
    expect(usage?.byPermission).toEqual({ "sale.list": { allowed: 7, refused: 1 } });
    expect(usage?.since).toBe(day(29));
  });

  it("pages refused attempts newest first", async () => {
    const { owner, client, token } = await ownerWithToken({ permissions: [] });
    for (const path of ["/customers", "/products", "/sales"]) await callApi(baseUrl, token, "GET", path);
    await eventually(async () => expect((await listRefusedAttempts(owner.id, client.id)).data).toHaveLength(3));
    const first = await listRefusedAttempts(owner.id, client.id, { limit: 2 });
    expect(first.data).toHaveLength(2);
    const rest = await listRefusedAttempts(owner.id, client.id, { limit: 2, cursor: first.nextCursor! });
    expect(rest.data).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    const all = [...first.data, ...rest.data];
    expect(all.map((a) => a.permission).sort()).toEqual(["customer.list", "product.list", "sale.list"]);
    expect(all.map((a) => a.createdAt.getTime())).toEqual([...all.map((a) => a.createdAt.getTime())].sort((a, b) => b - a));
  });
  it("adds the uses of later batches to the day's count", async () => {
    const { token, tokenId } = await ownerWithToken({ permissions: ["account.retrieve"] });
    await callApi(baseUrl, token, "GET", "/me");
    await eventually(async () => expect(await countsFor(tokenId)).toEqual({ "account.retrieve": { allowed: 1, refused: 0 } }));
    await callApi(baseUrl, token, "GET", "/me");
    await callApi(baseUrl, token, "GET", "/me");
    await eventually(async () => expect(await countsFor(tokenId)).toEqual({ "account.retrieve": { allowed: 3, refused: 0 } }));
  });
});

// The recorder of this test process, writing to the same database as the
// server: a batch of a size no scripted run over HTTP reaches in a test.
describe("usage batches", () => {
  it("sum each token's uses until the batch is due, with more counters pending than one write takes, and write them all", async () => {
    const { owner, client, tokenId } = await ownerWithToken();
    const second = await createTestToken(owner.id, client.id);
    const subjects = [tokenId, second.id].map((id) => ({ tokenId: id, clientId: client.id, ownerId: owner.id }));
    // Two tokens and every permission: more counters than one write takes on SQLite.
    for (const subject of subjects) {
      for (const permission of PERMISSION_KEYS) {
        recordPermissionUse(subject, permission, true, "GET /api/v1/test");
        recordPermissionUse(subject, permission, true, "GET /api/v1/test");
        recordPermissionUse(subject, permission, false, "POST /api/v1/test");
      }
    }
    const counters = subjects.length * PERMISSION_KEYS.length;
    expect(counters).toBeGreaterThan(WRITE_SLICE);
    // Not written early because many counters are pending: each one goes on
    // summing its token's uses until the batch is due.
    expect(await db().permissionUsage.count({ where: { clientId: client.id } })).toBe(0);

    await flushUsage();
    const rows = await db().permissionUsage.findMany({ where: { clientId: client.id } });
    expect(rows).toHaveLength(counters);
    expect(rows.every((row) => row.allowed === 2 && row.refused === 1)).toBe(true);
    expect(new Set(rows.map((row) => `${row.tokenId} ${row.permission}`)).size).toBe(counters);
    expect(await db().refusedAttempt.count({ where: { clientId: client.id, operation: "POST /api/v1/test" } })).toBe(counters);
  });
});

describe("last used", () => {
  it("records when a token and its client were last used", async () => {
    const { client, token, tokenId } = await ownerWithToken();
    expect((await db().accessToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAt).toBeNull();
    const before = Date.now();
    await callApi(baseUrl, token, "GET", "/me");
    const used = await eventually(async () => {
      const row = await db().accessToken.findUniqueOrThrow({ where: { id: tokenId } });
      expect(row.lastUsedAt).not.toBeNull();
      return row.lastUsedAt!;
    });
    expect(used.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // The stored time is the moment of use (no time-zone shift on either database).
    expect(used.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    const clientRow = await db().oAuthClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(clientRow.lastUsedAt?.getTime()).toBe(used.getTime());
  });

  it("writes it at most once a minute per token", async () => {
    const { token, tokenId } = await ownerWithToken();
    const earlier = new Date(Date.now() - 30_000);
    await db().accessToken.update({ where: { id: tokenId }, data: { lastUsedAt: earlier } });
    await callApi(baseUrl, token, "GET", "/me");
    await new Promise((r) => setTimeout(r, 1800));
    expect((await db().accessToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAt?.getTime()).toBe(earlier.getTime());
  });
});
