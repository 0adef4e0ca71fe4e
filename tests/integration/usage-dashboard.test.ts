// What each client really uses, on its Permissions tab: uses and refusals per
// permission over the last 30 days, and what it tried and was refused.
import { describe, expect, inject, it } from "vitest";
import { updateClientPermissions } from "@/lib/clients/update-client-permissions";
import { db } from "@/lib/db/prisma";
import { PERMISSION_KEYS } from "@/lib/permissions/catalogue";
import { getClientUsage } from "@/lib/usage/get-client-usage";
import { listRefusedAttempts } from "@/lib/usage/list-refused-attempts";
import { createOwner, createTestClient, createTestToken } from "../support/factories";
import { HttpSession } from "../support/http-session";
import { callApi, eventually } from "../support/resource-helpers";

const baseUrl = inject("baseUrl");

async function signedIn(owner: { email: string; password: string }) {
  const session = new HttpSession(baseUrl);
  expect((await session.signIn(owner.email, owner.password)).ok).toBe(true);
  return session;
}

/** The server-rendered row of one permission on the Permissions tab. */
function permissionRow(html: string, key: string): string {
  const start = html.indexOf(`id="perm-${key}-label"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</li>", start));
}

describe("usage on the Permissions tab", () => {
  it("shows each permission's uses and refusals and the refused calls, to the owner only", async () => {
    const owner = await createOwner("usage");
    const client = await createTestClient(owner.id, { name: "Support agent" });
    const token = await createTestToken(owner.id, client.id, { name: "Agent token" });

    for (let i = 0; i < 3; i++) expect((await callApi(baseUrl, token.token, "GET", "/customers")).status).toBe(200);
    await updateClientPermissions(
      owner.id,
      client.id,
      PERMISSION_KEYS.filter((key) => key !== "customer.create"),
    );
    for (let i = 0; i < 2; i++) {
      const refused = await callApi(baseUrl, token.token, "POST", "/customers", { email: "new@example.test", name: "New" });
      expect(refused.status).toBe(403);
    }

    const usage = await eventually(async () => {
      const current = await getClientUsage(owner.id, client.id);
      expect(current?.byPermission["customer.create"]?.refused).toBe(2);
      return current;
    }, 5_000);
    expect(usage?.byPermission).toEqual({
      "customer.list": { allowed: 3, refused: 0 },
      "customer.create": { allowed: 0, refused: 2 },
    });
    expect(usage?.totals).toEqual({ allowed: 3, refused: 2 });

    const stored = await db().accessToken.findUniqueOrThrow({ where: { id: token.id } });
    const attempts = await listRefusedAttempts(owner.id, client.id, { days: 30 });
    expect(attempts.data).toHaveLength(2);
    expect(attempts.data[0]).toMatchObject({
      permission: "customer.create",
      permissionLabel: "Create a customer",
      operation: "POST /api/v1/customers",
      tokenName: "Agent token",
      tokenPrefix: stored.prefix,
      tokenLast4: stored.last4,
    });
    // Older refusals fall out of the 30-day window.
    await db().refusedAttempt.updateMany({ where: { clientId: client.id }, data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect((await listRefusedAttempts(owner.id, client.id, { days: 30 })).data).toEqual([]);
    expect((await listRefusedAttempts(owner.id, client.id)).data).toHaveLength(2);
    await db().refusedAttempt.updateMany({ where: { clientId: client.id }, data: { createdAt: new Date() } });

    const session = await signedIn(owner);
    const response = await session.fetch(`/user/oauth-clients/${client.id}/permissions`);
    expect(response.status).toBe(200);
    const html = await response.text();
    // The Customers group opens by itself, because the client uses it.
    const list = permissionRow(html, "customer.list");
    expect(list).toContain("List customers");
    expect(list).toContain("3 uses");
    expect(list).not.toContain("refused");
    const create = permissionRow(html, "customer.create");
    expect(create).toContain("0 uses");
    expect(create).toContain("2 refused");
    expect(permissionRow(html, "customer.retrieve")).toContain("0 uses");
    expect(html).toContain("What this client tried and was refused");
    expect(html).toContain("POST /api/v1/customers");
    expect(html).toContain("Agent token");
    expect(html).toContain(`title="Token ending in ${stored.last4}"`);
    expect(html).not.toContain("Nothing refused in the last 30 days.");
    expect(html).toContain("Turn off everything unused in the last 30 days");

    // Last used shows on the client and its token.
    expect(stored.lastUsedAt).not.toBeNull();
    expect(html).toMatch(/Last used (<!-- -->)?<time/);

    // Another owner: not found, and no usage of the first owner's client.
    const stranger = await createOwner("stranger");
    expect(await getClientUsage(stranger.id, client.id)).toBeNull();
    expect((await listRefusedAttempts(stranger.id, client.id, { days: 30 })).data).toEqual([]);
    const strangerSession = await signedIn(stranger);
    const refused = await strangerSession.fetch(`/user/oauth-clients/${client.id}/permissions`);
    expect(refused.status).toBe(404);
    const strangerHtml = await refused.text();
    expect(strangerHtml).not.toContain("POST /api/v1/customers");
    expect(strangerHtml).not.toContain("Agent token");
  });

  it("explains instead of turning everything off for a client that was never used", async () => {
    const owner = await createOwner("unused");
    const client = await createTestClient(owner.id);
    expect(await getClientUsage(owner.id, client.id)).toMatchObject({ totals: { allowed: 0, refused: 0 }, byPermission: {} });
    const html = await (await (await signedIn(owner)).fetch(`/user/oauth-clients/${client.id}/permissions`)).text();
    expect(html).toContain("Nothing refused in the last 30 days.");
    expect(html).toContain("made no allowed calls in the last 30 days");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Turn off everything unused in the last 30 days/);
    // No group opens by itself, so no permission row is rendered yet.
    expect(html).not.toContain('id="perm-customer.list-label"');
  });
});
