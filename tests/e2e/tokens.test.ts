import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { launchBrowser, screenshot, signUpInBrowser } from "../support/browser";
import { createTestClient, createTestToken, uniqueEmail } from "../support/factories";

const baseUrl = inject("baseUrl");
const DAY = 24 * 60 * 60 * 1000;

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ baseURL: baseUrl, permissions: ["clipboard-read", "clipboard-write"], viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function signUp(email: string) {
  await signUpInBrowser(page, email);
}

const tokenList = () => page.getByRole("list", { name: "Access tokens" });
const row = (name: string) => tokenList().getByRole("listitem").filter({ hasText: name });

describe("access tokens in the browser", () => {
  it("creates a token, copies it, finds it in both lists, reveals it and deletes it", async () => {
    const email = uniqueEmail("tokens");
    await signUp(email);
    const owner = await db().user.findUniqueOrThrow({ where: { email } });
    // No client-creation page on this branch: make the clients through the service.
    const client = await createTestClient(owner.id, { name: "Nightly exporter" });
    const other = await createTestClient(owner.id, { name: "Claude connector" });
    const oauth = await createTestToken(owner.id, other.id, { name: "Claude (authorized)", createdVia: "authorization_code", expiresAt: new Date(Date.now() + 3600_000) });
    await db().accessToken.update({ where: { id: oauth.id }, data: { lastUsedAt: new Date(Date.now() - 5 * 60_000) } });
    await createTestToken(owner.id, other.id, { name: "Old staging token", expiresAt: new Date(Date.now() - 3 * DAY) });

    await page.goto(`/user/oauth-clients/${client.id}/access-tokens`);
    await expect.poll(() => page.getByText("No access tokens yet").isVisible()).toBe(true);

    await page.getByRole("button", { name: "Create Access Token" }).click();
    const dialog = page.getByRole("dialog", { name: "Create access token" });
    await dialog.getByRole("button", { name: "Create token" }).click();
    await expect.poll(() => dialog.getByText("Give the token a name.").isVisible()).toBe(true);
    expect(await dialog.getByLabel("Name").getAttribute("aria-invalid")).toBe("true");
    await dialog.getByRole("radio", { name: "Custom date" }).check();
    await dialog.getByLabel("Name").fill("Too late");
    await dialog.getByLabel("Expires on").fill("2001-01-01");
    await dialog.getByRole("button", { name: "Create token" }).click();
    await expect.poll(() => dialog.getByText("Pick a date in the future.").isVisible()).toBe(true);
    // Cancel, and the dialog opens fresh next time.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Create Access Token" }).click();
    expect(await dialog.getByLabel("Name").inputValue()).toBe("");
    expect(await dialog.getByText("Give the token a name.").count()).toBe(0);
    await dialog.getByLabel("Name").fill("Sales export");
    expect(await dialog.getByRole("radio", { name: "30 days" }).isChecked()).toBe(true);
    await dialog.getByRole("radio", { name: "Custom date" }).check();
    expect(await dialog.getByLabel("Expires on").isVisible()).toBe(true);
    await dialog.getByRole("radio", { name: "30 days" }).check();
    await screenshot(page, "create-token-dialog");
    await dialog.getByRole("button", { name: "Create token" }).click();

    const created = page.getByRole("dialog", { name: "Access token created" });
    const secret = created.getByLabel("New access token");
    await secret.waitFor();
    const token = (await secret.textContent())!.trim();
    expect(token).toMatch(/^latch_at_[A-Za-z0-9_-]{43}$/);
    expect(await created.getByText("You can reveal it again later").isVisible()).toBe(true);
    await created.getByRole("button", { name: "Copy" }).click();
    await expect.poll(() => created.getByRole("button", { name: "Copied" }).isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await screenshot(page, "create-token-created");
    await created.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => page.getByText("Access token created.").isVisible()).toBe(true);

    await expect.poll(() => row("Sales export").isVisible()).toBe(true);
    expect(await row("Sales export").locator("code").first().textContent()).toBe(`latch_at_…${token.slice(-4)}`);
    expect(await row("Sales export").textContent()).not.toContain(token);
    expect(await row("Sales export").getByText("Manual").isVisible()).toBe(true);
    await screenshot(page, "client-access-tokens");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Access Tokens" }).click();
    await page.waitForURL("**/user/oauth-access-tokens");
    await expect.poll(() => row("Sales export").isVisible()).toBe(true);
    expect(await row("Sales export").getByRole("link", { name: "Nightly exporter" }).getAttribute("href")).toBe(`/user/oauth-clients/${client.id}/access-tokens`);
    expect(await row("Old staging token").getByText("Expired").isVisible()).toBe(true);
    await screenshot(page, "all-access-tokens");

    // Controls name the token by its last characters too: names repeat (every OAuth token is "OAuth: <client>").
    await row("Sales export").getByRole("button", { name: `Reveal token Sales export, ending ${token.slice(-4)}`, exact: true }).click();
    const revealed = page.getByLabel("Access token Sales export", { exact: true });
    await revealed.waitFor();
    expect((await revealed.textContent())!.trim()).toBe(token);
    await screenshot(page, "all-access-tokens-revealed");

    // Filter by status: choosing is not applying (arrow keys on a closed select
    // change it step by step); Apply is, and the focus stays on it.
    await page.getByLabel("Status").selectOption("expired");
    expect(page.url()).not.toContain("status=");
    const apply = page.getByRole("button", { name: "Apply" });
    await apply.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL("**status=expired**");
    await expect.poll(() => apply.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await page.getByLabel("Status").inputValue()).toBe("expired");
    await expect.poll(() => row("Sales export").count()).toBe(0);
    expect(await row("Old staging token").isVisible()).toBe(true);
    // Expired tokens work for nothing: the Expired view deletes them all at once.
    await page.getByRole("button", { name: "Delete expired tokens" }).click();
    await page.getByRole("dialog", { name: "Delete expired tokens?" }).getByRole("button", { name: "Delete expired tokens" }).click();
    await expect.poll(() => page.getByText("1 expired token deleted.").isVisible()).toBe(true);
    await expect.poll(() => page.getByText("No tokens match these filters").isVisible()).toBe(true);
    await page.goto("/user/oauth-access-tokens");

    await row("Sales export").getByRole("button", { name: "Delete token Sales export" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this token?" });
    await confirm.getByRole("button", { name: "Delete token" }).click();
    await expect.poll(() => page.getByText("Token deleted.").isVisible()).toBe(true);
    await expect.poll(() => row("Sales export").count()).toBe(0);
    // The row took its Delete button with it: the keyboard focus is on the list, not lost.
    await expect.poll(() => tokenList().evaluate((list) => list === document.activeElement)).toBe(true);
    expect(await row("Claude (authorized)").isVisible()).toBe(true);

    await page.goto(`/user/oauth-clients/${client.id}/access-tokens`);
    await expect.poll(() => page.getByText("No access tokens yet").isVisible()).toBe(true);
    expect(await db().accessToken.count({ where: { clientId: client.id } })).toBe(0);
    // The server handled create, copy and reveal: the token is in none of its logs.
    expect(fs.readFileSync(inject("serverLogFile"), "utf8")).not.toContain(token);
  });

  it("shows exact times in the owner's own time zone", async () => {
    const email = uniqueEmail("zone");
    await context.close();
    context = await browser.newContext({ baseURL: baseUrl, timezoneId: "America/Los_Angeles", viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await signUp(email);
    const owner = await db().user.findUniqueOrThrow({ where: { email } });
    const client = await createTestClient(owner.id, { name: "Zone client" });
    // The end of 1 March in Los Angeles (a custom expiry), 2 March in UTC.
    await createTestToken(owner.id, client.id, { name: "Until March", expiresAt: new Date("2099-03-02T07:59:59.999Z") });
    await page.goto("/user/oauth-access-tokens");
    const expiry = row("Until March").locator("time").nth(1);
    // (ICU may put a narrow no-break space before PM.)
    await expect.poll(() => expiry.getAttribute("title")).toMatch(/^Mar 1, 2099, 11:59\sPM PST$/);
  });

  it("deletes selected tokens and all of a client's tokens, and looks right on a phone", async () => {
    const email = uniqueEmail("bulk");
    await signUp(email);
    const owner = await db().user.findUniqueOrThrow({ where: { email } });
    const client = await createTestClient(owner.id, { name: "Warehouse robot" });
    for (const name of ["Picker 1", "Picker 2", "Picker 3"]) await createTestToken(owner.id, client.id, { name, expiresAt: new Date(Date.now() + 30 * DAY) });

    await page.goto("/user/oauth-access-tokens");
    await row("Picker 1").getByRole("checkbox").check();
    await row("Picker 2").getByRole("checkbox").check();
    await page.getByRole("button", { name: "Delete selected (2)" }).click();
    await page.getByRole("dialog", { name: "Delete 2 tokens?" }).getByRole("button", { name: "Delete 2 tokens" }).click();
    await expect.poll(() => page.getByText("2 tokens deleted.").isVisible()).toBe(true);
    await expect.poll(() => tokenList().getByRole("listitem").count()).toBe(1);
    // The dialog gives the focus back to the button, unavailable now but still focused.
    const deleteSelected = page.getByRole("button", { name: "Delete selected (0)" });
    await expect.poll(() => deleteSelected.getAttribute("aria-disabled")).toBe("true");
    await expect.poll(() => deleteSelected.evaluate((button) => button === document.activeElement)).toBe(true);

    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, "all-access-tokens-375");
    await page.goto(`/user/oauth-clients/${client.id}/access-tokens`);
    await row("Picker 3").waitFor();
    await screenshot(page, "client-access-tokens-375");
    await page.getByRole("button", { name: "Create Access Token" }).click();
    await screenshot(page, "create-token-dialog-375");
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Delete all tokens" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete all 1 token?" });
    await confirm.getByRole("button", { name: "Delete 1 token" }).click();
    await expect.poll(() => page.getByText("1 token deleted.").isVisible()).toBe(true);
    await expect.poll(() => page.getByText("No access tokens yet").isVisible()).toBe(true);

    // A disabled client's tokens don't work, so the page says so and offers no new one.
    await db().oAuthClient.update({ where: { id: client.id }, data: { disabled: true } });
    await page.reload();
    await expect.poll(() => page.getByText("This client is disabled, so its tokens don't work").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Create Access Token" }).isDisabled()).toBe(true);
    await screenshot(page, "client-access-tokens-disabled-375");
  });

  it("pages through many tokens with Next and Previous, and selects a whole page", async () => {
    const email = uniqueEmail("pages");
    await signUp(email);
    const owner = await db().user.findUniqueOrThrow({ where: { email } });
    const client = await createTestClient(owner.id, { name: "Batch importer" });
    for (let i = 1; i <= 30; i++) await createTestToken(owner.id, client.id, { name: `Import ${String(i).padStart(2, "0")}` });

    await page.goto("/user/oauth-access-tokens");
    await expect.poll(() => tokenList().getByRole("listitem").count()).toBe(25);
    expect(await page.getByText("Page 1 of 2 · 1–25 of 30 tokens").isVisible()).toBe(true);
    await page.getByRole("link", { name: "Next" }).click();
    await page.waitForURL("**after=**");
    await expect.poll(() => tokenList().getByRole("listitem").count()).toBe(5);
    expect(await row("Import 01").isVisible()).toBe(true);
    expect(await page.getByText("Page 2 of 2 · 26–30 of 30 tokens").isVisible()).toBe(true);
    await screenshot(page, "all-access-tokens-page-2");
    await page.getByRole("link", { name: "Previous" }).click();
    await page.waitForURL("**before=**");
    await expect.poll(() => row("Import 30").isVisible()).toBe(true);

    await page.getByLabel("Select all on this page").check();
    expect(await page.getByRole("button", { name: "Delete selected (25)" }).isEnabled()).toBe(true);
    await page.getByRole("button", { name: "Delete selected (25)" }).click();
    await page.getByRole("dialog", { name: "Delete 25 tokens?" }).getByRole("button", { name: "Delete 25 tokens" }).click();
    await expect.poll(() => page.getByText("25 tokens deleted.").isVisible()).toBe(true);
    await expect.poll(() => tokenList().getByRole("listitem").count()).toBe(5);
    expect(await db().accessToken.count({ where: { ownerId: owner.id } })).toBe(5);
  });
});
