// What each client really uses, in the browser: the counts beside each
// permission, and turning off everything unused after seeing the change.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { PERMISSION_KEYS } from "@/lib/permissions/catalogue";
import { getClientUsage } from "@/lib/usage/get-client-usage";
import { launchBrowser, screenshot, signUpOwner } from "../support/browser";
import { createTestClient, createTestToken } from "../support/factories";

const baseUrl = inject("baseUrl");

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const signUp = () => signUpOwner(page, "usage");

const sw = (name: string) => page.getByRole("switch", { name, exact: true });
const saveBar = () => page.getByRole("region", { name: "Unsaved permission changes" });

describe("usage on the Permissions tab in the browser", () => {
  it("shows what the client used and turns off everything else after showing the change", async () => {
    const ownerId = await signUp();
    const client = await createTestClient(ownerId, { name: "Reporting agent" });
    const token = await createTestToken(ownerId, client.id);
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${baseUrl}/api/v1/customers`, { headers: { Authorization: `Bearer ${token.token}` } });
      expect(response.status).toBe(200);
    }
    await expect
      .poll(async () => (await getClientUsage(ownerId, client.id))?.byPermission["customer.list"]?.allowed, { timeout: 5_000 })
      .toBe(2);

    await page.goto(`/user/oauth-clients/${client.id}/permissions`);
    // The Customers group is open because the client uses it.
    const listRow = page.locator("li", { has: sw("List customers") });
    await expect.poll(() => listRow.getByText("2 uses", { exact: true }).isVisible()).toBe(true);
    expect(await page.locator("li", { has: sw("Create a customer") }).getByText("0 uses", { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText("What this client tried and was refused").isVisible()).toBe(true);
    await page.getByText("What this client tried and was refused").click();
    await expect.poll(() => page.getByText("Nothing refused in the last 30 days.").isVisible()).toBe(true);

    await page.getByRole("button", { name: "Turn off everything unused in the last 30 days" }).click();
    const off = PERMISSION_KEYS.length - 1;
    await expect.poll(() => saveBar().isVisible()).toBe(true);
    expect(await saveBar().getByText(`${off} off`, { exact: true }).isVisible()).toBe(true);
    expect(await sw("List customers").getAttribute("aria-checked")).toBe("true");
    expect(await sw("Create a customer").getAttribute("aria-checked")).toBe("false");
    // Nothing is saved until the owner says so.
    expect((await db().oAuthClient.findUniqueOrThrow({ where: { id: client.id } })).permissions.split(" ")).toHaveLength(PERMISSION_KEYS.length);
    await screenshot(page, "permissions-usage");

    await saveBar().getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText(`Saved: ${off} off`).isVisible()).toBe(true);
    await expect.poll(() => saveBar().count()).toBe(0);

    await page.reload();
    expect(await sw("List customers").getAttribute("aria-checked")).toBe("true");
    await page.getByRole("button", { name: /^Sales \d/ }).click();
    expect(await sw("Void a sale").getAttribute("aria-checked")).toBe("false");
    expect(await page.getByText(`1 of ${PERMISSION_KEYS.length} permissions on`).isVisible()).toBe(true);
    // Everything on is used now: nothing more to turn off.
    expect(await page.getByRole("button", { name: "Turn off everything unused in the last 30 days" }).isDisabled()).toBe(true);
    const stored = await db().oAuthClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(stored.permissions).toBe("customer.list");
  });
});
