// Issue 3's whole journey in one browser session: an owner signs up, creates a
// client, copies its secret, cuts it to read-only, creates a manual token,
// finds, reveals and deletes it in both token lists.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { READ_ONLY_KEYS } from "@/lib/permissions/catalogue";
import { launchBrowser, screenshot, signUpInBrowser } from "../support/browser";
import { uniqueEmail } from "../support/factories";

const baseUrl = inject("baseUrl");

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const tokenRow = (name: string) => page.getByRole("list", { name: "Access tokens" }).getByRole("listitem").filter({ hasText: name });

describe("an owner's day in the dashboard", () => {
  it("creates a client, keeps it read-only, and creates, finds, reveals and deletes a token", async () => {
    await signUpInBrowser(page, uniqueEmail("journey"));

    // Create a client and copy its secret.
    await page.getByRole("link", { name: "Create New OAuth Client" }).click();
    await page.getByLabel("Name").fill("Reporting agent");
    await page.getByRole("radio", { name: /Confidential/ }).check();
    await page.getByLabel("Redirect URIs").fill("https://claude.ai/api/mcp/auth_callback");
    await page.getByRole("button", { name: "Create client" }).click();
    await page.waitForURL("**/auth-details?created=1");
    const clientPath = new URL(page.url()).pathname.replace(/\/auth-details$/, "");
    const secretField = page.locator("dd", { has: page.getByTestId("client-secret") });
    await secretField.getByRole("button", { name: "Copy client secret" }).click();
    await expect.poll(() => secretField.getByRole("button", { name: "Copied client secret" }).isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^latch_cs_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, "journey-auth-details");

    // Read-only preset, saved, and still there after a reload.
    await page.getByRole("navigation", { name: "Client sections" }).getByRole("link", { name: "Permissions" }).click();
    await page.waitForURL(`**${clientPath}/permissions`);
    await page.getByRole("group", { name: "Presets" }).getByRole("button", { name: "Read-only" }).click();
    await page.getByRole("region", { name: "Unsaved permission changes" }).getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText(/^Saved: /).first().isVisible()).toBe(true);
    await page.reload();
    expect(await page.getByText(`${READ_ONLY_KEYS.length} of`, { exact: false }).first().isVisible()).toBe(true);
    await page.getByRole("button", { name: /^Sales \d/ }).click();
    expect(await page.getByRole("switch", { name: "Void a sale", exact: true }).getAttribute("aria-checked")).toBe("false");
    expect(await page.getByRole("switch", { name: "List sales", exact: true }).getAttribute("aria-checked")).toBe("true");
    await screenshot(page, "journey-permissions");

    // A manual token, shown once and copied.
    await page.getByRole("navigation", { name: "Client sections" }).getByRole("link", { name: "Access Tokens" }).click();
    await page.waitForURL(`**${clientPath}/access-tokens`);
    await page.getByRole("button", { name: "Create Access Token" }).click();
    const dialog = page.getByRole("dialog", { name: "Create access token" });
    await dialog.getByLabel("Name").fill("Weekly report");
    await dialog.getByRole("radio", { name: "90 days" }).check();
    await dialog.getByRole("button", { name: "Create token" }).click();
    const created = page.getByRole("dialog", { name: "Access token created" });
    const token = (await created.getByLabel("New access token").textContent())!.trim();
    expect(token).toMatch(/^latch_at_[A-Za-z0-9_-]{43}$/);
    await created.getByRole("button", { name: "Copy" }).click();
    await expect.poll(() => created.getByRole("button", { name: "Copied" }).isVisible()).toBe(true);
    await created.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => tokenRow("Weekly report").isVisible()).toBe(true);
    expect(await tokenRow("Weekly report").textContent()).toContain(`latch_at_…${token.slice(-4)}`);
    await screenshot(page, "journey-client-tokens");

    // Found in the list of every token, with its client; revealed; deleted.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Access Tokens" }).click();
    await page.waitForURL("**/user/oauth-access-tokens");
    await expect.poll(() => tokenRow("Weekly report").isVisible()).toBe(true);
    expect(await tokenRow("Weekly report").getByRole("link", { name: "Reporting agent" }).isVisible()).toBe(true);
    await tokenRow("Weekly report").getByRole("button", { name: "Reveal token Weekly report" }).click();
    const revealed = page.getByLabel("Access token Weekly report", { exact: true });
    await revealed.waitFor();
    expect((await revealed.textContent())!.trim()).toBe(token);
    await screenshot(page, "journey-all-tokens");

    await tokenRow("Weekly report").getByRole("button", { name: "Delete token Weekly report" }).click();
    await page.getByRole("dialog", { name: "Delete this token?" }).getByRole("button", { name: "Delete token" }).click();
    await expect.poll(() => tokenRow("Weekly report").count()).toBe(0);
    await page.reload();
    expect(await tokenRow("Weekly report").count()).toBe(0);

    await page.goto(`${clientPath}/access-tokens`);
    await expect.poll(() => page.getByText("No access tokens yet").isVisible()).toBe(true);

    // The deleted token no longer authenticates anywhere it could be used.
    const me = await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect([401, 404]).toContain(me.status);
  });
});
