import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PERMISSION_KEYS } from "@/lib/permissions/catalogue";
import { db } from "@/lib/db/prisma";
import { launchBrowser, screenshot, signUpInBrowser } from "../support/browser";
import { createTestClient, uniqueEmail } from "../support/factories";

const baseUrl = inject("baseUrl");
const SECRET = /^latch_cs_[A-Za-z0-9_-]{43}$/;

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

const visible = (text: string | RegExp) => () => page.getByText(text).first().isVisible();

/** The owner signed in for this file's tests, which share one browser session. */
let ownerEmail = "";

async function signUp(): Promise<void> {
  ownerEmail = uniqueEmail("clients");
  await signUpInBrowser(page, ownerEmail);
}

describe("OAuth clients in the browser", () => {
  it("creates a client, reveals, copies and rotates its secret, disables, enables and deletes it", async () => {
    await signUp();
    await expect.poll(visible("No OAuth clients yet")).toBe(true);
    await screenshot(page, "clients-empty");
    await page.getByRole("link", { name: "Create New OAuth Client" }).click();
    await page.waitForURL("**/user/new-oauth-client");

    // Bad input gets a message under the field, and what was typed stays.
    await page.getByLabel("Redirect URIs").fill("http://example.com/callback");
    await page.getByRole("button", { name: "Create client" }).click();
    await expect.poll(visible("Give the client a name.")).toBe(true);
    await expect.poll(visible(/http:\/\/ is allowed only on loopback/)).toBe(true);
    expect(await page.getByLabel("Name").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Redirect URIs").inputValue()).toBe("http://example.com/callback");

    await page.getByLabel("Name").fill("Claude connector");
    await page.getByLabel("Description (optional)").fill("Claude reads sales through MCP.");
    await page.getByRole("radio", { name: /Confidential/ }).check();
    await page.getByLabel("Redirect URIs").fill("https://claude.ai/api/mcp/auth_callback\nhttp://127.0.0.1/callback");
    await screenshot(page, "new-client");
    await page.getByRole("button", { name: "Create client" }).click();

    await page.waitForURL("**/auth-details?created=1");
    await expect.poll(visible("Client created.")).toBe(true);
    await expect.poll(visible(`All ${PERMISSION_KEYS.length} permissions are on`)).toBe(true);
    expect(await page.getByRole("link", { name: "Choose permissions" }).getAttribute("href")).toMatch(/\/permissions$/);
    await screenshot(page, "auth-details");

    // Reveal: the masked box becomes the full secret, in the same place.
    const secretBox = page.getByTestId("client-secret");
    const secretField = page.locator("dd", { has: secretBox });
    const masked = await secretBox.boundingBox();
    expect(await secretBox.textContent()).toMatch(/^latch_cs_•{8}[A-Za-z0-9_-]{4} \(hidden/);
    await secretField.getByRole("button", { name: "Reveal" }).click();
    await expect.poll(() => secretBox.textContent()).toMatch(SECRET);
    const secret = (await secretBox.textContent())!;
    const shown = await secretBox.boundingBox();
    expect(shown?.height).toBe(masked?.height);
    expect(shown?.width).toBe(masked?.width);

    await secretField.getByRole("button", { name: "Copy client secret" }).click();
    await expect.poll(() => secretField.getByRole("button", { name: "Copied client secret" }).isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await secretField.getByRole("button", { name: "Hide" }).click();
    await expect.poll(() => secretBox.textContent()).toMatch(/•/);

    // Rotate with a one-hour grace period: the new secret is shown once.
    await secretField.getByRole("button", { name: "Rotate" }).click();
    const rotateDialog = page.getByRole("dialog", { name: "Rotate client secret" });
    await rotateDialog.getByRole("radio", { name: "1 hour" }).check();
    await rotateDialog.getByRole("button", { name: "Rotate secret" }).click();
    const newSecretBox = rotateDialog.getByTestId("new-client-secret");
    await expect.poll(() => newSecretBox.textContent()).toMatch(SECRET);
    const rotated = (await newSecretBox.textContent())!;
    expect(rotated).not.toBe(secret);
    await expect.poll(() => rotateDialog.getByText(/The old secret stops working in (1 hour|60 minutes)/).isVisible()).toBe(true);
    await screenshot(page, "rotate-secret");
    await rotateDialog.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => secretBox.textContent()).toContain(`latch_cs_••••••••${rotated.slice(-4)}`);
    await expect.poll(visible(/The previous secret still works during the grace period/)).toBe(true);

    // Disable (after a confirmation), then enable.
    await page.getByRole("button", { name: "Disable", exact: true }).click();
    const disableDialog = page.getByRole("dialog", { name: "Disable Claude connector?" });
    await disableDialog.getByRole("button", { name: "Disable client" }).click();
    await expect.poll(visible("This client is disabled.")).toBe(true);
    await expect.poll(visible("Client disabled: its tokens no longer work.")).toBe(true);
    await page.getByRole("button", { name: "Enable", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByText("This client is disabled.").count()).toBe(0);
    await expect.poll(() => page.getByRole("button", { name: "Disable", exact: true }).isVisible()).toBe(true);
    // The same button, now Disable, kept the keyboard focus while it worked.
    expect(await page.getByRole("button", { name: "Disable", exact: true }).evaluate((button) => button === document.activeElement)).toBe(true);

    // Without ?created=1 the notice is the compact one, still linking to Permissions.
    await page.goto(page.url().replace("?created=1", ""));
    await expect.poll(visible("Review permissions")).toBe(true);
    expect(await page.getByText("Client created.").count()).toBe(0);

    // Save the settings form.
    await page.getByLabel("Description (optional)").fill("Claude reads and refunds sales.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(visible("Client saved.")).toBe(true);

    // The list shows the client with its counts.
    await page.getByRole("link", { name: "← OAuth Clients" }).click();
    await page.waitForURL("**/user/oauth-clients");
    await expect.poll(() => page.getByRole("link", { name: "Claude connector" }).isVisible()).toBe(true);
    await expect.poll(visible(`${PERMISSION_KEYS.length} of ${PERMISSION_KEYS.length} permissions`)).toBe(true);
    await screenshot(page, "clients-list");

    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, "clients-list-mobile");
    await page.getByRole("link", { name: "Claude connector" }).click();
    await page.waitForURL("**/auth-details");
    await expect.poll(() => secretBox.isVisible()).toBe(true);
    await screenshot(page, "auth-details-mobile");
    await page.setViewportSize({ width: 1280, height: 900 });

    // Delete needs the name typed first.
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const deleteDialog = page.getByRole("dialog", { name: "Delete Claude connector?" });
    const confirm = deleteDialog.getByRole("button", { name: "Delete client" });
    expect(await confirm.isDisabled()).toBe(true);
    await deleteDialog.getByLabel(/Type Claude connector to confirm/).fill("Claude connector");
    await confirm.click();
    await page.waitForURL("**/user/oauth-clients?deleted=1");
    await expect.poll(visible(/The client was deleted/)).toBe(true);
    await expect.poll(visible("No OAuth clients yet")).toBe(true);
    expect(await page.getByRole("link", { name: "Claude connector" }).count()).toBe(0);
  });

  it("creates a public client that has no secret and explains PKCE", async () => {
    await page.goto("/user/new-oauth-client");
    await page.getByLabel("Name").fill("Desktop app");
    await page.getByRole("radio", { name: /Public/ }).check();
    await page.getByLabel("Redirect URIs").fill("http://127.0.0.1/callback");
    await page.getByRole("button", { name: "Create client" }).click();
    await page.waitForURL("**/auth-details?created=1");
    await expect.poll(visible(/proves each authorization with PKCE/)).toBe(true);
    expect(await page.getByTestId("client-secret").count()).toBe(0);
    expect(await page.getByText("client_credentials").count()).toBe(0);
  });

  it("asks before leaving Auth Details with unsaved changes, and not once they are saved", async () => {
    const { id: ownerId } = await db().user.findUniqueOrThrow({ where: { email: ownerEmail } });
    const client = await createTestClient(ownerId, { name: "Guarded" });
    await page.goto(`/user/oauth-clients/${client.id}/auth-details`);
    await page.waitForLoadState("networkidle");
    const tabs = page.getByRole("navigation", { name: "Client sections" });

    await page.getByLabel("Redirect URIs").fill("https://guarded.example/cb");
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await tabs.getByRole("link", { name: "Permissions" }).click();
    await expect.poll(() => asked).toContain("unsaved changes to this client");
    expect(new URL(page.url()).pathname).toBe(`/user/oauth-clients/${client.id}/auth-details`);
    expect(await page.getByLabel("Redirect URIs").inputValue()).toBe("https://guarded.example/cb");

    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(visible("Client saved.")).toBe(true);
    let askedAgain = false;
    page.once("dialog", (dialog) => {
      askedAgain = true;
      void dialog.dismiss();
    });
    await tabs.getByRole("link", { name: "Permissions" }).click();
    await page.waitForURL(`**/user/oauth-clients/${client.id}/permissions`);
    expect(askedAgain).toBe(false);
  });

  it("does not put back a redirect URI that another tab removed after this one loaded", async () => {
    const { id: ownerId } = await db().user.findUniqueOrThrow({ where: { email: ownerEmail } });
    const client = await createTestClient(ownerId, { name: "Two tabs", redirectUris: ["https://a.example/one", "https://a.example/two"] });
    const url = `/user/oauth-clients/${client.id}/auth-details`;
    const other = await context.newPage();
    await page.goto(url);
    await other.goto(url);
    // Typed before React has hydrated the form, a fill can land beside the text it should replace.
    await Promise.all([page.waitForLoadState("networkidle"), other.waitForLoadState("networkidle")]);

    await other.getByLabel("Redirect URIs").fill("https://a.example/one");
    await other.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => other.getByText("Client saved.").first().isVisible()).toBe(true);
    await other.close();

    // This tab still shows both URIs; it only changes the description.
    await page.getByLabel("Description (optional)").fill("Nightly sync");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(visible("Changes saved elsewhere since this page loaded were kept.")).toBe(true);
    const stored = await db().oAuthClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(JSON.parse(stored.redirectUris)).toEqual(["https://a.example/one"]);
    expect(stored.description).toBe("Nightly sync");
    // The form now starts from what is stored.
    await expect.poll(() => page.getByLabel("Redirect URIs").inputValue()).toBe("https://a.example/one");
  });
});
