import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { PERMISSION_KEYS, READ_ONLY_KEYS } from "@/lib/permissions/catalogue";
import { launchBrowser, screenshot, signUpOwner } from "../support/browser";
import { createTestClient } from "../support/factories";

const baseUrl = inject("baseUrl");

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

const signUp = () => signUpOwner(page, "perms");

const sw = (name: string) => page.getByRole("switch", { name, exact: true });
const saveBar = () => page.getByRole("region", { name: "Unsaved permission changes" });
const visible = (locator: ReturnType<Page["getByText"]>) => locator.isVisible();

describe("the Permissions tab in the browser", () => {
  it("cuts a client to read-only, keeps it after a reload, filters, and guards unsaved changes", async () => {
    const ownerId = await signUp();
    const client = await createTestClient(ownerId, { name: "Support agent" });
    const total = PERMISSION_KEYS.length;
    const off = total - READ_ONLY_KEYS.length;

    await page.goto(`/user/oauth-clients/${client.id}/permissions`);
    await expect.poll(() => visible(page.getByText("Every permission is on."))).toBe(true);
    expect(await page.getByText(`${total} of ${total} permissions on`).isVisible()).toBe(true);
    await screenshot(page, "permissions-all-on");

    await page.getByRole("group", { name: "Presets" }).getByRole("button", { name: "Read-only" }).click();
    await expect.poll(() => saveBar().isVisible()).toBe(true);
    expect(await saveBar().getByText(`${off} off`, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(`${READ_ONLY_KEYS.length} of ${total} permissions on`).isVisible()).toBe(true);
    expect(await page.getByText("Every permission is on.").count()).toBe(0);

    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(() => visible(page.getByText(`Saved: ${off} off`))).toBe(true);
    await expect.poll(() => saveBar().count()).toBe(0);

    await page.reload();
    await page.getByRole("button", { name: /^Sales \d/ }).click();
    expect(await sw("Void a sale").getAttribute("aria-checked")).toBe("false");
    expect(await sw("List sales").getAttribute("aria-checked")).toBe("true");
    expect(await page.getByText(`${READ_ONLY_KEYS.length} of ${total} permissions on · 0 destructive on`).isVisible()).toBe(true);

    // Search filters by label or key; groups without a match disappear, matching ones open.
    const search = page.getByRole("searchbox", { name: "Search permissions" });
    await search.fill("void");
    await expect.poll(() => sw("List sales").count()).toBe(0);
    expect(await sw("Void a sale").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: /^Customers \d/ }).count()).toBe(0);
    await search.fill("sale.zzz");
    await expect.poll(() => visible(page.getByText("No permissions match"))).toBe(true);
    // Clear search goes with the empty result: the focus goes back to the search box.
    await page.getByRole("button", { name: "Clear search" }).click();
    await expect.poll(() => search.inputValue()).toBe("");
    expect(await search.evaluate((box) => box === document.activeElement)).toBe(true);
    await search.fill("void");

    await sw("Void a sale").click();
    expect(await sw("Void a sale").getAttribute("aria-checked")).toBe("true");
    await expect.poll(() => visible(saveBar().getByText("1 on", { exact: true }))).toBe(true);
    await screenshot(page, "permissions");
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, "permissions-mobile");
    await page.setViewportSize({ width: 1280, height: 900 });

    // Leaving through a link asks first; dismissing keeps the page and the change.
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "OAuth Clients" }).click();
    await expect.poll(() => asked).toContain("unsaved permission changes");
    expect(new URL(page.url()).pathname).toBe(`/user/oauth-clients/${client.id}/permissions`);
    expect(await sw("Void a sale").getAttribute("aria-checked")).toBe("true");

    await saveBar().getByRole("button", { name: "Discard" }).click();
    await expect.poll(() => saveBar().count()).toBe(0);
    expect(await sw("Void a sale").getAttribute("aria-checked")).toBe("false");

    // Nothing unsaved: the link navigates without a question.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "OAuth Clients" }).click();
    await page.waitForURL("**/user/oauth-clients");
    const stored = await db().oAuthClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(stored.permissions.split(" ")).toEqual([...READ_ONLY_KEYS]);
  });

  it("keeps what another tab saved after this one loaded", async () => {
    const ownerId = await signUp();
    const client = await createTestClient(ownerId, { name: "Two tabs" });
    const url = `/user/oauth-clients/${client.id}/permissions`;
    const other = await context.newPage();
    await page.goto(url);
    await other.goto(url);

    // The other tab turns "Void a sale" off and saves.
    await other.getByRole("searchbox", { name: "Search permissions" }).fill("void");
    await other.getByRole("switch", { name: "Void a sale", exact: true }).click();
    await other.getByRole("region", { name: "Unsaved permission changes" }).getByRole("button", { name: "Save" }).click();
    await expect.poll(() => other.getByText("Saved: 1 off").isVisible()).toBe(true);

    // This tab, still showing it on, turns "List sales" off and saves.
    await page.getByRole("searchbox", { name: "Search permissions" }).fill("sale.list");
    await sw("List sales").click();
    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(() => visible(page.getByText("Changes saved elsewhere since this page loaded were kept", { exact: false }))).toBe(true);

    const stored = await db().oAuthClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(stored.permissions.split(" ")).not.toContain("sale.void");
    expect(stored.permissions.split(" ")).not.toContain("sale.list");
    expect(stored.permissions.split(" ")).toHaveLength(PERMISSION_KEYS.length - 2);
    // This tab now shows what is stored, the other tab's change included, with nothing left unsaved.
    await page.getByRole("searchbox", { name: "Search permissions" }).fill("void");
    await expect.poll(() => sw("Void a sale").getAttribute("aria-checked")).toBe("false");
    expect(await saveBar().count()).toBe(0);
  });

  it("keeps unsaved changes and says so when the save cannot reach the server", async () => {
    const ownerId = await signUp();
    const client = await createTestClient(ownerId, { name: "Offline" });
    await page.goto(`/user/oauth-clients/${client.id}/permissions`);
    await page.getByRole("searchbox", { name: "Search permissions" }).fill("void");
    await sw("Void a sale").click();
    // The server action's request fails as on a dropped connection.
    await page.route(`**/user/oauth-clients/${client.id}/permissions`, (route) => (route.request().method() === "POST" ? route.abort() : route.fallback()));
    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(() => visible(page.getByText("Couldn't reach the server", { exact: false }))).toBe(true);
    // Still the Permissions tab, the change still there to save.
    expect(await sw("Void a sale").getAttribute("aria-checked")).toBe("false");
    expect(await saveBar().isVisible()).toBe(true);
    await page.unroute(`**/user/oauth-clients/${client.id}/permissions`);
    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(() => visible(page.getByText("Saved: 1 off"))).toBe(true);
    const stored = await db().oAuthClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(stored.permissions.split(" ")).not.toContain("sale.void");
  });

  it("starts from read-only from the banner, and the focus goes to the count it changed", async () => {
    const ownerId = await signUp();
    const client = await createTestClient(ownerId);
    await page.goto(`/user/oauth-clients/${client.id}/permissions`);
    const start = page.getByRole("button", { name: "Start from Read-only" });
    await start.focus();
    await page.keyboard.press("Enter");
    const count = page.getByText(`${READ_ONLY_KEYS.length} of ${PERMISSION_KEYS.length} permissions on`);
    await expect.poll(() => count.isVisible()).toBe(true);
    expect(await start.count()).toBe(0);
    expect(await count.evaluate((p) => p === document.activeElement)).toBe(true);
  });

  it("turns a group on and off from the keyboard", async () => {
    const ownerId = await signUp();
    const client = await createTestClient(ownerId);
    await page.goto(`/user/oauth-clients/${client.id}/permissions`);
    const refunds = page.getByRole("button", { name: /^Refunds \d/ });
    await refunds.focus();
    await page.keyboard.press("Enter");
    expect(await refunds.getAttribute("aria-expanded")).toBe("true");
    const allOff = page.getByRole("button", { name: "All off in Refunds" });
    await allOff.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => saveBar().isVisible()).toBe(true);
    // Done, so unavailable, but the focus stays on it (a disabled button would drop it).
    await expect.poll(() => allOff.getAttribute("aria-disabled")).toBe("true");
    expect(await allOff.evaluate((button) => button === document.activeElement)).toBe(true);
    const groupSwitches = page.locator("#perm-group-refunds").getByRole("switch");
    const count = await groupSwitches.count();
    expect(count).toBeGreaterThan(0);
    expect(await saveBar().getByText(`${count} off`, { exact: true }).isVisible()).toBe(true);
    await groupSwitches.first().focus();
    await page.keyboard.press("Space");
    expect(await groupSwitches.first().getAttribute("aria-checked")).toBe("true");
    expect(await saveBar().getByText(`${count - 1} off`, { exact: true }).isVisible()).toBe(true);
  });
});
