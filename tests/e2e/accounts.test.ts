import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { BROWSER_PASSWORD, launchBrowser, screenshot } from "../support/browser";
import { uniqueEmail } from "../support/factories";

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
  context = await browser.newContext({ baseURL: baseUrl });
  page = await context.newPage();
});

describe("owner accounts in the browser", () => {
  it("signs up, signs out, refuses a wrong password and signs in again", async () => {
    const email = uniqueEmail("e2e");
    await page.goto("/");
    await screenshot(page, "home");
    await page.getByRole("link", { name: "Create account" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("too short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.getByText("Use at least 12 characters.").isVisible()).toBe(true);

    await page.getByLabel("Password").fill(BROWSER_PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/user/oauth-clients");
    await expect.poll(() => page.getByText(email).isVisible()).toBe(true);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/login**");

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not my password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByText("Wrong email or password.").isVisible()).toBe(true);
    await screenshot(page, "login-error");

    await page.getByLabel("Password").fill(BROWSER_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/user/oauth-clients");
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Access Tokens" }).isVisible()).toBe(true);
  });

  it("shows a field message for an email that is taken", async () => {
    const email = uniqueEmail("taken");
    await page.goto("/signup");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(BROWSER_PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/user/oauth-clients");

    const other = await browser.newContext({ baseURL: baseUrl });
    const second = await other.newPage();
    await second.goto("/signup");
    await second.getByLabel("Email").fill(email.toUpperCase());
    await second.getByLabel("Password").fill(BROWSER_PASSWORD);
    await second.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => second.getByText("An account with this email already exists.", { exact: false }).isVisible()).toBe(true);
    expect(await second.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
    await other.close();
  });

  it("sends a signed-out visitor to sign in and back to the page they asked for", async () => {
    const email = uniqueEmail("back");
    await page.goto("/signup");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(BROWSER_PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/user/oauth-clients");
    await context.clearCookies();

    await page.goto("/user/oauth-access-tokens");
    await page.waitForURL("**/login?callbackUrl=**");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(BROWSER_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/user/oauth-access-tokens");
    await screenshot(page, "signed-in");
  });
});
