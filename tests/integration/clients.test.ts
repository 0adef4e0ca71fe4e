import { describe, expect, inject, it } from "vitest";
import { getClient } from "@/lib/clients/get-client";
import { deleteClient } from "@/lib/clients/delete-client";
import { listClients, CLIENTS_PAGE_SIZE } from "@/lib/clients/list-clients";
import { revealClientSecret } from "@/lib/clients/reveal-client-secret";
import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import { createClientSchema, rotateClientSecretSchema, updateClientSchema } from "@/lib/clients/schemas";
import { setClientDisabled } from "@/lib/clients/set-client-disabled";
import { updateClient } from "@/lib/clients/update-client";
import { hashSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/forms/form-state";
import { PERMISSION_KEYS } from "@/lib/permissions/catalogue";
import { createOwner, createTestClient, createTestToken } from "../support/factories";
import { HttpSession } from "../support/http-session";

const baseUrl = inject("baseUrl");
const HOUR = 3_600_000;

async function notFoundError(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("not_found");
}

/** Page HTML without React's text separators, so "All <!-- -->302" reads "All 302". */
async function html(response: Response): Promise<string> {
  return (await response.text()).replaceAll("<!-- -->", "");
}

async function auditActions(ownerId: string, targetId: string): Promise<string[]> {
  const events = await db().auditEvent.findMany({ where: { ownerId, targetId }, orderBy: { createdAt: "asc" } });
  return events.map((e) => e.action);
}

describe("creating and listing clients", () => {
  it("creates a client with every permission on, listed with its counts", async () => {
    const owner = await createOwner();
    const created = await createTestClient(owner.id, { name: "Reporting server" });
    const client = await getClient(owner.id, created.id);
    expect(client).toMatchObject({ name: "Reporting server", type: "confidential", registration: "dashboard", disabled: false });
    expect(client?.permissionCount).toBe(PERMISSION_KEYS.length);
    expect(client?.permissionTotal).toBe(PERMISSION_KEYS.length);
    expect(created.clientSecret).toMatch(/^latch_cs_/);

    const list = await listClients(owner.id);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      id: created.id,
      clientId: created.clientId,
      name: "Reporting server",
      permissionCount: PERMISSION_KEYS.length,
      permissionTotal: PERMISSION_KEYS.length,
      activeTokenCount: 0,
      lastUsedAt: null,
    });
  });

  it("counts only tokens that have not expired, per client", async () => {
    const owner = await createOwner();
    const a = await createTestClient(owner.id);
    const b = await createTestClient(owner.id);
    await createTestToken(owner.id, a.id, { expiresAt: null });
    await createTestToken(owner.id, a.id, { expiresAt: new Date(Date.now() + 24 * HOUR) });
    await createTestToken(owner.id, a.id, { expiresAt: new Date(Date.now() - HOUR) });
    await createTestToken(owner.id, b.id, { expiresAt: new Date(Date.now() - 1000) });
    const list = await listClients(owner.id);
    const counts = Object.fromEntries(list.items.map((i) => [i.id, i.activeTokenCount]));
    expect(counts).toEqual({ [a.id]: 2, [b.id]: 0 });
  });

  it("searches by name, ignoring case, and lists only the owner's clients", async () => {
    const owner = await createOwner();
    const other = await createOwner("other");
    await createTestClient(owner.id, { name: "Alpha reporting" });
    await createTestClient(owner.id, { name: "Beta agent" });
    await createTestClient(owner.id, { name: "Reporting ALPHA mirror" });
    await createTestClient(other.id, { name: "Alpha of someone else" });

    const found = await listClients(owner.id, { query: "alpha" });
    expect(found.items.map((i) => i.name).sort()).toEqual(["Alpha reporting", "Reporting ALPHA mirror"]);
    expect(found.total).toBe(2);
    expect(found.query).toBe("alpha");
    expect((await listClients(owner.id, { query: "  gamma " })).items).toEqual([]);
    expect((await listClients(owner.id)).total).toBe(3);
  });

  it("searches for the text as typed: % and _ are characters, and case is ignored in every script", async () => {
    const owner = await createOwner();
    await createTestClient(owner.id, { name: "axb" });
    await createTestClient(owner.id, { name: "a_b sync" });
    await createTestClient(owner.id, { name: "100% uptime" });
    await createTestClient(owner.id, { name: "Überweisung" });
    const names = async (query: string) => (await listClients(owner.id, { query })).items.map((i) => i.name);
    expect(await names("a_b")).toEqual(["a_b sync"]);
    expect(await names("%")).toEqual(["100% uptime"]);
    expect(await names("über")).toEqual(["Überweisung"]);
    expect(await names("ÜBER")).toEqual(["Überweisung"]);
    // Decomposed "U" + combining diaeresis is the same text.
    expect(await names("u\u0308ber")).toEqual(["Überweisung"]);
    const found = await listClients(owner.id, { query: "A" });
    expect(found.total).toBe(2);
    expect(found.items.map((i) => i.name).sort()).toEqual(["a_b sync", "axb"]);
  });

  it("pages 26 clients as 25 + 1, newest first, and clamps a page past the end", async () => {
    const owner = await createOwner();
    for (let i = 0; i < 26; i++) await createTestClient(owner.id, { name: `Client ${String(i).padStart(2, "0")}` });
    const first = await listClients(owner.id, { page: 1 });
    expect(first).toMatchObject({ total: 26, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(CLIENTS_PAGE_SIZE);
    expect(first.items[0]?.name).toBe("Client 25");
    const second = await listClients(owner.id, { page: 2 });
    expect(second.items.map((i) => i.name)).toEqual(["Client 00"]);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(26);
    expect((await listClients(owner.id, { page: 99 })).page).toBe(2);
    expect((await listClients(owner.id, { page: -3 })).page).toBe(1);
  });
});

describe("changing a client", () => {
  it("saves only a page's own changes when another save came after it loaded", async () => {
    const owner = await createOwner();
    const created = await createTestClient(owner.id, { name: "Name A", redirectUris: ["https://a.example/one", "https://a.example/two"] });
    const loaded = { name: "Name A", description: "", redirectUris: ["https://a.example/one", "https://a.example/two"] };
    // Another tab renames the client and removes a redirect URI.
    await updateClient(owner.id, created.id, { name: "Name B", description: "", redirectUris: ["https://a.example/one"] }, loaded);
    // The first tab, still showing both URIs and the old name, adds a third.
    const stale = await updateClient(
      owner.id,
      created.id,
      { name: "Name A", description: "Exports", redirectUris: [...loaded.redirectUris, "https://a.example/three"] },
      loaded,
    );
    expect(stale).toEqual({ changed: ["description", "redirectUris"], merged: true });
    expect(await getClient(owner.id, created.id)).toMatchObject({
      name: "Name B",
      description: "Exports",
      redirectUris: ["https://a.example/one", "https://a.example/three"],
    });

    // A page nobody else saved over keeps its own order.
    const now = { name: "Name B", description: "Exports", redirectUris: ["https://a.example/one", "https://a.example/three"] };
    const reordered = await updateClient(owner.id, created.id, { ...now, redirectUris: ["https://a.example/three", "https://a.example/one"] }, now);
    expect(reordered).toEqual({ changed: ["redirectUris"], merged: false });
    expect((await getClient(owner.id, created.id))?.redirectUris).toEqual(["https://a.example/three", "https://a.example/one"]);
  });

  it("refuses to change a metadata-document client's name or redirect URIs, which its document sets", async () => {
    const owner = await createOwner();
    const created = await createTestClient(owner.id, { name: "Doc App", type: "public", redirectUris: ["https://doc.example/cb"] });
    // As consent stores it: the client ID is the document's URL, refetched every hour.
    await db().oAuthClient.update({
      where: { id: created.id },
      data: { registration: "metadata_document", clientId: "https://doc.example/client.json", tokenEndpointAuthMethod: "none" },
    });
    const loaded = { name: "Doc App", description: "", redirectUris: ["https://doc.example/cb"] };

    const refused = await updateClient(owner.id, created.id, { ...loaded, name: "Renamed", redirectUris: [] }, loaded).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fieldErrors).toEqual({
      name: [expect.stringContaining("metadata document")],
      redirectUris: [expect.stringContaining("metadata document")],
    });
    expect(await getClient(owner.id, created.id)).toMatchObject({ name: "Doc App", redirectUris: ["https://doc.example/cb"] });

    // The description is the owner's own, also when the document's name ends in a space (the form trims it).
    await db().oAuthClient.update({ where: { id: created.id }, data: { name: "Doc App " } });
    const shown = { ...loaded, name: "Doc App " };
    expect(await updateClient(owner.id, created.id, { ...loaded, description: "Reads my sales" }, shown)).toEqual({ changed: ["description"], merged: false });
    expect(await getClient(owner.id, created.id)).toMatchObject({ name: "Doc App ", description: "Reads my sales" });
    await db().oAuthClient.update({ where: { id: created.id }, data: { name: "Doc App" } });

    // The page shows the two fields read-only and says why.
    const session = new HttpSession(baseUrl);
    expect((await session.signIn(owner.email, owner.password)).ok).toBe(true);
    const page = await html(await session.fetch(`/user/oauth-clients/${created.id}/auth-details`));
    expect(page).toContain("come from its metadata document");
    expect(page).toMatch(/<input[^>]*id="name"[^>]*readOnly|<input[^>]*readOnly[^>]*id="name"/i);
    expect(page).toMatch(/<textarea[^>]*id="redirectUris"[^>]*readOnly|<textarea[^>]*readOnly[^>]*id="redirectUris"/i);
  });

  it("reads what the Auth Details page loaded with from its form", () => {
    const parsed = updateClientSchema.parse({
      clientId: "c1",
      name: "N",
      redirectUris: "https://a.example/cb",
      loadedName: "Old",
      loadedDescription: "",
      loadedRedirectUris: "https://a.example/cb\nhttps://b.example/cb",
    });
    expect(parsed).toMatchObject({ loadedName: "Old", loadedDescription: "", loadedRedirectUris: ["https://a.example/cb", "https://b.example/cb"] });
    expect(updateClientSchema.parse({ clientId: "c1", name: "N" }).loadedRedirectUris).toBeUndefined();
  });

  it("updates name, description and redirect URIs, and records which fields changed", async () => {
    const owner = await createOwner();
    const created = await createTestClient(owner.id, { name: "Old name" });
    const input = updateClientSchema.parse({
      clientId: created.id,
      name: "New name",
      description: "Nightly exports",
      redirectUris: "https://new.example.com/cb\nhttp://localhost/cb",
    });
    expect(await updateClient(owner.id, created.id, input)).toEqual({ changed: ["name", "description", "redirectUris"], merged: false });
    expect(await getClient(owner.id, created.id)).toMatchObject({
      name: "New name",
      description: "Nightly exports",
      redirectUris: ["https://new.example.com/cb", "http://localhost/cb"],
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { ownerId: owner.id, targetId: created.id, action: "client.update" } });
    expect(JSON.parse(event.details)).toEqual({ changed: ["name", "description", "redirectUris"], name: "New name" });
  });

  it("disables and enables a client, with an audit event each time", async () => {
    const owner = await createOwner();
    const created = await createTestClient(owner.id);
    await setClientDisabled(owner.id, created.id, true);
    expect((await db().oAuthClient.findUniqueOrThrow({ where: { id: created.id } })).disabled).toBe(true);
    expect((await listClients(owner.id)).items[0]?.disabled).toBe(true);
    await setClientDisabled(owner.id, created.id, false);
    expect((await db().oAuthClient.findUniqueOrThrow({ where: { id: created.id } })).disabled).toBe(false);
    expect(await auditActions(owner.id, created.id)).toEqual(["client.create", "client.disable", "client.enable"]);
  });

  it("deletes a client together with its tokens", async () => {
    const owner = await createOwner();
    const created = await createTestClient(owner.id, { name: "Doomed" });
    const kept = await createTestClient(owner.id);
    const used = await createTestToken(owner.id, created.id);
    await createTestToken(owner.id, created.id);
    await createTestToken(owner.id, kept.id);
    const usage = { ownerId: owner.id, clientId: created.id, tokenId: used.id, permission: "sale.void" };
    await db().permissionUsage.create({ data: { ...usage, day: "2026-01-01", allowed: 1, refused: 2 } });
    await db().refusedAttempt.create({ data: { ...usage, operation: "tool void_sale" } });
    expect(await deleteClient(owner.id, created.id)).toEqual({ name: "Doomed", deletedTokens: 2 });
    // What the client used and tried goes with it.
    expect(await db().permissionUsage.count({ where: { clientId: created.id } })).toBe(0);
    expect(await db().refusedAttempt.count({ where: { clientId: created.id } })).toBe(0);
    expect(await getClient(owner.id, created.id)).toBeNull();
    expect(await db().accessToken.count({ where: { clientId: created.id } })).toBe(0);
    expect(await db().accessToken.count({ where: { clientId: kept.id } })).toBe(1);
    expect((await listClients(owner.id)).items.map((i) => i.id)).toEqual([kept.id]);
    expect(await auditActions(owner.id, created.id)).toContain("client.delete");
  });
});

describe("client secrets", () => {
  it("reveals the secret to its owner and records the reveal without the secret", async () => {
    const owner = await createOwner();
    const created = await createTestClient(owner.id);
    expect(await revealClientSecret(owner.id, created.id)).toBe(created.clientSecret);
    const events = await db().auditEvent.findMany({ where: { ownerId: owner.id, targetId: created.id, action: "client.secret.reveal" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.details).not.toContain(created.clientSecret!.slice(9));
  });

  it("rotates with a grace period: the old secret's hash is kept until it expires", async () => {
    const owner = await createOwner();
    const created = await createTestClient(owner.id);
    const before = Date.now();
    const rotated = await rotateClientSecret(owner.id, created.id, "1h");
    expect(rotated.secret).toMatch(/^latch_cs_/);
    expect(rotated.secret).not.toBe(created.clientSecret);
    const row = await db().oAuthClient.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretHash).toBe(hashSecret(rotated.secret));
    expect(row.secretLast4).toBe(rotated.secret.slice(-4));
    expect(row.previousSecretHash).toBe(hashSecret(created.clientSecret!));
    expect(row.previousSecretExpiresAt!.getTime()).toBeGreaterThanOrEqual(before + HOUR - 1000);
    expect(row.previousSecretExpiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + HOUR + 1000);
    expect(row.secretRotatedAt).not.toBeNull();
    expect(await revealClientSecret(owner.id, created.id)).toBe(rotated.secret);
    const event = await db().auditEvent.findFirstOrThrow({ where: { targetId: created.id, action: "client.secret.rotate" } });
    expect(JSON.parse(event.details)).toEqual({ grace: "1h" });
  });

  it("rotates with 24 hours of grace, and with none the old secret is dropped at once", async () => {
    const owner = await createOwner();
    const created = await createTestClient(owner.id);
    const day = await rotateClientSecret(owner.id, created.id, "24h");
    expect(day.previousSecretExpiresAt!.getTime() - Date.now()).toBeGreaterThan(23 * HOUR);
    const none = await rotateClientSecret(owner.id, created.id, "none");
    expect(none.previousSecretExpiresAt).toBeNull();
    const row = await db().oAuthClient.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.previousSecretHash).toBeNull();
    expect(row.previousSecretExpiresAt).toBeNull();
    expect(row.secretHash).toBe(hashSecret(none.secret));
  });

  it("has no secret to reveal or rotate for a public client", async () => {
    const owner = await createOwner();
    const created = await createTestClient(owner.id, { type: "public" });
    expect(created.clientSecret).toBeNull();
    for (const attempt of [revealClientSecret(owner.id, created.id), rotateClientSecret(owner.id, created.id, "none")]) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("bad_request");
    }
  });
});

describe("another owner", () => {
  it("finds nothing and changes nothing of someone else's client", async () => {
    const owner = await createOwner();
    const intruder = await createOwner("intruder");
    const created = await createTestClient(owner.id, { name: "Private client" });
    await createTestToken(owner.id, created.id);
    const changes = { name: "Hijacked", description: "", redirectUris: ["https://evil.example/cb"] };

    expect(await getClient(intruder.id, created.id)).toBeNull();
    expect((await listClients(intruder.id)).items).toEqual([]);
    expect((await listClients(intruder.id, { query: "Private" })).total).toBe(0);
    await notFoundError(updateClient(intruder.id, created.id, changes));
    await notFoundError(setClientDisabled(intruder.id, created.id, true));
    await notFoundError(revealClientSecret(intruder.id, created.id));
    await notFoundError(rotateClientSecret(intruder.id, created.id, "none"));
    await notFoundError(deleteClient(intruder.id, created.id));

    const row = await db().oAuthClient.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ name: "Private client", disabled: false, previousSecretHash: null });
    expect(row.secretHash).toBe(hashSecret(created.clientSecret!));
    expect(await db().accessToken.count({ where: { clientId: created.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { ownerId: intruder.id } })).toBe(0);
  });

  it("gets a 404 page for someone else's client over HTTP, and the owner gets the page", async () => {
    const owner = await createOwner();
    const intruder = await createOwner("intruder");
    const created = await createTestClient(owner.id, { name: "Owner only client" });

    const theirs = new HttpSession(baseUrl);
    expect((await theirs.signIn(intruder.email, intruder.password)).ok).toBe(true);
    for (const path of [`/user/oauth-clients/${created.id}/auth-details`, `/user/oauth-clients/does-not-exist/auth-details`]) {
      const response = await theirs.fetch(path);
      expect(response.status).toBe(404);
      const body = await html(response);
      expect(body).not.toContain("Owner only client");
      expect(body).not.toContain(created.clientId);
    }
    const list = await html(await theirs.fetch("/user/oauth-clients"));
    expect(list).not.toContain("Owner only client");
    expect(list).toContain("No OAuth clients yet");

    const mine = new HttpSession(baseUrl);
    expect((await mine.signIn(owner.email, owner.password)).ok).toBe(true);
    const page = await mine.fetch(`/user/oauth-clients/${created.id}/auth-details`);
    expect(page.status).toBe(200);
    const body = await html(page);
    expect(body).toContain("Owner only client");
    expect(body).toContain(created.clientId);
    expect(body).toContain(`${baseUrl}/oauth/token`);
    expect(body).toContain(`All ${PERMISSION_KEYS.length} permissions are on`);
    // The secret is never in the page, only its last four characters.
    expect(body).not.toContain(created.clientSecret!);
    expect(body).toContain(created.clientSecret!.slice(-4));
  });

  it("lists, searches and pages over HTTP", async () => {
    const owner = await createOwner();
    for (let i = 0; i < 26; i++) await createTestClient(owner.id, { name: `Paged ${String(i).padStart(2, "0")}` });
    const session = new HttpSession(baseUrl);
    await session.signIn(owner.email, owner.password);
    const first = await html(await session.fetch("/user/oauth-clients"));
    expect(first).toContain("Paged 25");
    expect(first).not.toContain("Paged 00");
    expect(first).toContain("Page 1 of 2");
    const second = await html(await session.fetch("/user/oauth-clients?page=2"));
    expect(second).toContain("Paged 00");
    expect(second).not.toContain("Paged 25");
    const search = await html(await session.fetch("/user/oauth-clients?q=paged%2007"));
    expect(search).toContain("Paged 07");
    expect(search).not.toContain("Paged 08");
  });
});

describe("bad input for the client forms", () => {
  const valid = { name: "Agent", description: "", type: "public", redirectUris: "http://127.0.0.1/cb" };

  it.each([
    [{ ...valid, name: "" }, "name", "Give the client a name."],
    [{ ...valid, name: "x".repeat(101) }, "name", "Use at most 100 characters."],
    [{ ...valid, type: "internal" }, "type", "Choose confidential or public."],
    [{ ...valid, redirectUris: "http://example.com/cb" }, "redirectUris", "only on loopback"],
    [{ ...valid, redirectUris: "https://app.example.com/cb#done" }, "redirectUris", "fragment"],
    [{ ...valid, redirectUris: "javascript:alert(1)" }, "redirectUris", "javascript: scheme"],
    [{ ...valid, redirectUris: " \n " }, "redirectUris", "A public client gets its tokens only through a redirect"],
  ])("refuses %j on the create form", (input, field, message) => {
    const result = createClientSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)[field]?.[0]).toContain(message);
  });

  it("lets a confidential client go without redirect URIs (client credentials), not a public one", async () => {
    expect(createClientSchema.safeParse({ ...valid, type: "confidential", redirectUris: "" }).success).toBe(true);
    const owner = await createOwner();
    const created = await createTestClient(owner.id, { name: "Public app", type: "public", redirectUris: ["http://127.0.0.1/cb"] });
    const emptied = await updateClient(owner.id, created.id, { name: "Public app", description: "", redirectUris: [] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((emptied as AppError).fieldErrors?.redirectUris?.[0]).toContain("disable it instead");
    expect((await getClient(owner.id, created.id))?.redirectUris).toEqual(["http://127.0.0.1/cb"]);
    // One made before the rule, with none, can still be renamed.
    await db().oAuthClient.update({ where: { id: created.id }, data: { redirectUris: "[]" } });
    expect(await updateClient(owner.id, created.id, { name: "Renamed app", description: "", redirectUris: [] })).toEqual({ changed: ["name"], merged: false });
  });

  it("refuses bad input on the edit and rotate forms", () => {
    const edit = updateClientSchema.safeParse({ clientId: "c1", name: " ", redirectUris: "ftp://files.example.com" });
    expect(edit.success).toBe(false);
    if (!edit.success) {
      expect(fieldErrorsOf(edit.error).name).toEqual(["Give the client a name."]);
      expect(fieldErrorsOf(edit.error).redirectUris?.[0]).toContain("ftp: scheme");
    }
    const rotate = rotateClientSecretSchema.safeParse({ clientId: "c1", grace: "7d" });
    expect(rotate.success).toBe(false);
    if (!rotate.success) expect(fieldErrorsOf(rotate.error).grace).toEqual(["Choose how long the old secret keeps working."]);
  });
});
