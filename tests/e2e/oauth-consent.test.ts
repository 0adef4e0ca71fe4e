import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { PERMISSIONS_BY_GROUP } from "@/lib/permissions/catalogue";
import { registerClient } from "@/lib/oauth/register-client";
import { launchBrowser, screenshot } from "../support/browser";
import { createOwner, createTestClient } from "../support/factories";
import { newPkce } from "../support/oauth";

const baseUrl = inject("baseUrl");

let browser: Browser;
let context: BrowserContext;
let page: Page;
let callbackServer: http.Server;
let callbackOrigin: string;

beforeAll(async () => {
  browser = await launchBrowser();
  // Plays the app: the page the browser lands on after the decision.
  callbackServer = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<h1>Back in the app</h1>"));
  await new Promise<void>((resolve) => callbackServer.listen(0, "127.0.0.1", resolve));
  callbackOrigin = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => callbackServer.close(resolve));
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ baseURL: baseUrl });
  page = await context.newPage();
});

async function authorizeUrl(clientId: string, state: string): Promise<string> {
  const { challenge } = await newPkce();
  const params = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: `${callbackOrigin}/callback`,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  return `${baseUrl}/oauth/authorize?${params}`;
}

async function signIn(email: string, password: string) {
  await page.waitForURL("**/login?callbackUrl=**");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("consent in the browser", () => {
  it("signs in from the app's link, shows consent, and Allow lands on the redirect URI with a code", async () => {
    const owner = await createOwner("e2e-consent");
    const client = await createTestClient(owner.id, { name: "Invoice Copilot", redirectUris: ["http://127.0.0.1/callback"] });

    await page.goto(await authorizeUrl(client.clientId, "state-allow"));
    await signIn(owner.email, owner.password);
    await page.waitForURL("**/oauth/consent?**");
    await expect.poll(() => page.getByRole("heading", { name: "Invoice Copilot wants to access your Latch account" }).isVisible()).toBe(true);
    expect(await page.getByText("Created in the dashboard").isVisible()).toBe(true);
    await page.getByText(/See all \d+ permissions/).click();
    await screenshot(page, "oauth-consent");

    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL(`${callbackOrigin}/callback?**`);
    const landed = new URL(page.url());
    expect(landed.searchParams.get("code")).toMatch(/^latch_ac_/);
    expect(landed.searchParams.get("state")).toBe("state-allow");
    expect(landed.searchParams.get("iss")).toBe(baseUrl);
    expect(await page.getByRole("heading", { name: "Back in the app" }).isVisible()).toBe(true);
  });

  it("Deny lands on the redirect URI with access_denied", async () => {
    const owner = await createOwner("e2e-deny");
    const client = await createTestClient(owner.id, { redirectUris: ["http://127.0.0.1/callback"] });
    await page.goto(await authorizeUrl(client.clientId, "state-deny"));
    await signIn(owner.email, owner.password);
    await page.waitForURL("**/oauth/consent?**");
    await page.getByRole("button", { name: "Deny" }).click();
    await page.waitForURL(`${callbackOrigin}/callback?**`);
    const landed = new URL(page.url());
    expect(landed.searchParams.get("error")).toBe("access_denied");
    expect(landed.searchParams.get("state")).toBe("state-deny");
    expect(landed.searchParams.get("iss")).toBe(baseUrl);
    expect(landed.searchParams.get("code")).toBeNull();
  });

  it("lets the owner choose the permissions of a self-registered app, on a phone-sized screen", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const owner = await createOwner("e2e-first");
    const registered = await registerClient({
      redirectUris: ["http://127.0.0.1/callback"],
      name: "Pocket Agent",
      tokenEndpointAuthMethod: "none",
      extra: { grant_types: ["authorization_code", "refresh_token"], response_types: ["code"] },
    });
    await page.goto(await authorizeUrl(registered.clientId, "state-first"));
    await signIn(owner.email, owner.password);
    await page.waitForURL("**/oauth/consent?**");
    expect(await page.getByLabel("Read-only").isChecked()).toBe(true);
    expect(await page.getByText("0 destructive").isVisible()).toBe(true);

    await page.getByLabel("Choose groups").check();
    expect(await page.getByRole("button", { name: "Allow" }).isDisabled()).toBe(true);
    await page.getByRole("group", { name: "Permission groups" }).getByLabel("Refunds").check();
    const refunds = PERMISSIONS_BY_GROUP.get("refunds")!;
    await expect.poll(() => page.getByText(`It will be able to use ${refunds.length} permissions`).isVisible()).toBe(true);
    await screenshot(page, "oauth-consent-first-mobile");
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL(`${callbackOrigin}/callback?**`);
    expect(new URL(page.url()).searchParams.get("code")).toBeTruthy();

    const row = await db().oAuthClient.findFirst({ where: { clientId: registered.clientId } });
    expect(row!.ownerId).toBe(owner.id);
    expect(new Set(row!.permissions.split(" "))).toEqual(new Set(refunds.map((p) => p.key)));
  });

  it("shows an error page, not a redirect, for an unregistered redirect URI", async () => {
    const owner = await createOwner("e2e-bad");
    const client = await createTestClient(owner.id);
    const url = new URL(await authorizeUrl(client.clientId, "s"));
    url.searchParams.set("redirect_uri", "https://evil.example/steal");
    const response = await page.goto(url.href);
    expect(response!.status()).toBe(400);
    expect(await page.getByRole("heading", { name: "Redirect address not registered" }).isVisible()).toBe(true);
    expect(new URL(page.url()).origin).toBe(baseUrl);
    await screenshot(page, "oauth-error-page");
  });
});
