import { describe, expect, inject, it } from "vitest";
import { getClient } from "@/lib/clients/get-client";
import { updateClientPermissionsSchema } from "@/lib/clients/permission-schemas";
import { saveClientPermissions, updateClientPermissions } from "@/lib/clients/update-client-permissions";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { PERMISSION_KEYS, READ_ONLY_KEYS } from "@/lib/permissions/catalogue";
import { createOwner, createTestClient } from "../support/factories";
import { HttpSession } from "../support/http-session";

const baseUrl = inject("baseUrl");

async function permissionsOf(ownerId: string, id: string) {
  return (await getClient(ownerId, id))?.permissions;
}

async function auditEvents(ownerId: string, targetId: string) {
  const rows = await db().auditEvent.findMany({
    where: { ownerId, targetId, action: "client.permissions.update" },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => JSON.parse(row.details) as { added: string[]; removed: string[] });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("client permissions", () => {
  it("gives a new client every catalogue permission", async () => {
    const owner = await createOwner();
    const client = await createTestClient(owner.id);
    const details = await getClient(owner.id, client.id);
    expect(details?.permissions).toEqual([...PERMISSION_KEYS]);
    expect(details?.permissionCount).toBe(PERMISSION_KEYS.length);
  });

  it("cuts a client down to read-only, reports the diff and records it in the audit log", async () => {
    const owner = await createOwner();
    const client = await createTestClient(owner.id);
    const diff = await updateClientPermissions(owner.id, client.id, [...READ_ONLY_KEYS].reverse());
    expect(diff.added).toEqual([]);
    expect(diff.removed).toHaveLength(PERMISSION_KEYS.length - READ_ONLY_KEYS.length);
    expect(diff.removed).toContain("sale.void");
    expect(diff.removed).not.toContain("sale.list");
    // Stored in catalogue order, whatever order they came in.
    expect(await permissionsOf(owner.id, client.id)).toEqual([...READ_ONLY_KEYS]);

    const back = await updateClientPermissions(owner.id, client.id, [...READ_ONLY_KEYS, "sale.void", "sale.refund", "sale.void"]);
    // Duplicates collapse; the diff comes in catalogue order (void is listed before refund).
    expect(back).toEqual({ added: ["sale.void", "sale.refund"], removed: [] });

    const events = await auditEvents(owner.id, client.id);
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual({ added: [], removed: diff.removed });
    expect(events[1]).toEqual(back);
  });

  it("allows turning everything off, and a save that changes nothing reports 0 and 0", async () => {
    const owner = await createOwner();
    const client = await createTestClient(owner.id);
    const off = await updateClientPermissions(owner.id, client.id, []);
    expect(off.removed).toHaveLength(PERMISSION_KEYS.length);
    expect(await permissionsOf(owner.id, client.id)).toEqual([]);
    expect((await getClient(owner.id, client.id))?.permissionCount).toBe(0);

    expect(await updateClientPermissions(owner.id, client.id, [])).toEqual({ added: [], removed: [] });
    expect(await auditEvents(owner.id, client.id)).toHaveLength(1);
  });

  it("saves only a page's own changes when another save came after it loaded", async () => {
    const owner = await createOwner();
    const client = await createTestClient(owner.id);
    const all = [...PERMISSION_KEYS];
    // Two tabs load the full set. The second turns sale.refund off and turns nothing on.
    const second = all.filter((key) => key !== "sale.refund");
    await saveClientPermissions(owner.id, client.id, second, all);
    // The first, still showing sale.refund on, turns customer.list off.
    const first = all.filter((key) => key !== "customer.list");
    const saved = await saveClientPermissions(owner.id, client.id, first, all);
    expect(saved.diff).toEqual({ added: [], removed: ["customer.list"] });
    const stored = await permissionsOf(owner.id, client.id);
    expect(stored).not.toContain("sale.refund");
    expect(stored).not.toContain("customer.list");
    expect(saved.enabled).toEqual(stored);

    // A key another save turned on stays on; a key this page turns back on is on.
    const loaded = [...stored!];
    await updateClientPermissions(owner.id, client.id, [...loaded, "sale.refund"]);
    const again = await saveClientPermissions(owner.id, client.id, [...loaded, "customer.list"], loaded);
    expect(again.diff).toEqual({ added: ["customer.list"], removed: [] });
    expect(await permissionsOf(owner.id, client.id)).toEqual(all);

    // Without `loaded` the list is the whole set, as before.
    await saveClientPermissions(owner.id, client.id, ["sale.list"]);
    expect(await permissionsOf(owner.id, client.id)).toEqual(["sale.list"]);
  });

  it("reads the keys a page loaded from the save form", () => {
    const parse = (loaded: string) => updateClientPermissionsSchema.safeParse({ clientId: "c1", permission: ["sale.list"], loaded });
    expect(parse("sale.list sale.void").data?.loaded).toEqual(["sale.list", "sale.void"]);
    // Everything was off when the page loaded.
    expect(parse("").data?.loaded).toEqual([]);
    expect(updateClientPermissionsSchema.parse({ clientId: "c1" }).loaded).toBeUndefined();
    // A key that has left the catalogue since the page loaded does not block the save.
    expect(parse("sale.list admin.everything").data?.loaded).toEqual(["sale.list"]);
  });

  it("refuses a key outside the catalogue and saves nothing", async () => {
    const owner = await createOwner();
    const client = await createTestClient(owner.id);
    const error = await rejection(updateClientPermissions(owner.id, client.id, ["sale.list", "sale.launch_missiles"]));
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain("sale.launch_missiles");
    expect(await permissionsOf(owner.id, client.id)).toEqual([...PERMISSION_KEYS]);
    expect(await auditEvents(owner.id, client.id)).toHaveLength(0);
  });

  it("validates the save form: catalogue keys only, any number of them, and the client id", () => {
    const bad = updateClientPermissionsSchema.safeParse({ clientId: "c1", permission: ["sale.list", "admin.everything"] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('"admin.everything" is not a known permission.');

    expect(updateClientPermissionsSchema.safeParse({ clientId: "c1", permission: [42] }).success).toBe(false);
    expect(updateClientPermissionsSchema.safeParse({ permission: ["sale.list"] }).success).toBe(false);
    // FormData gives no field for an empty list and a bare string for a list of one.
    expect(updateClientPermissionsSchema.parse({ clientId: "c1" }).permission).toEqual([]);
    expect(updateClientPermissionsSchema.parse({ clientId: "c1", permission: "sale.list" }).permission).toEqual(["sale.list"]);
  });

  it("treats another owner's client as not found and leaves it untouched", async () => {
    const owner = await createOwner();
    const intruder = await createOwner("intruder");
    const client = await createTestClient(owner.id);
    const error = await rejection(updateClientPermissions(intruder.id, client.id, []));
    expect(error.code).toBe("not_found");
    expect(await permissionsOf(owner.id, client.id)).toEqual([...PERMISSION_KEYS]);
    expect(await permissionsOf(intruder.id, client.id)).toBeUndefined();
    expect(await db().auditEvent.count({ where: { targetId: client.id, action: "client.permissions.update" } })).toBe(0);
  });

  it("serves the Permissions tab to its owner and a 404 to anyone else", async () => {
    const owner = await createOwner();
    const intruder = await createOwner("intruder");
    const client = await createTestClient(owner.id);
    await updateClientPermissions(owner.id, client.id, ["sale.list", "sale.void"]);

    const mine = new HttpSession(baseUrl);
    expect((await mine.signIn(owner.email, owner.password)).ok).toBe(true);
    const page = await mine.fetch(`/user/oauth-clients/${client.id}/permissions`);
    expect(page.status).toBe(200);
    const text = (await page.text()).replace(/<[^>]*>/g, "");
    expect(text).toContain(`2 of ${PERMISSION_KEYS.length} permissions on · 1 destructive on`);

    const theirs = new HttpSession(baseUrl);
    expect((await theirs.signIn(intruder.email, intruder.password)).ok).toBe(true);
    const refused = await theirs.fetch(`/user/oauth-clients/${client.id}/permissions`);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain(client.clientId);
  });
});
