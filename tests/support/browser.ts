// Debian's Chromium driven by playwright-core (never Playwright's own browser
// download), with the flags this closed network needs.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";
import { db } from "@/lib/db/prisma";
import { uniqueEmail } from "./factories";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const SHOTS = path.resolve("test-results", "screenshots");

/** Saves a full-page screenshot under test-results/screenshots. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export const BROWSER_PASSWORD = "a long and careful password";

/** Signs a new owner up through the real form; the page ends on the client list. */
export async function signUpInBrowser(page: Page, email: string, password = BROWSER_PASSWORD): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/user/oauth-clients");
}

/** Signs a new owner up through the real form (an email made from `label`) and returns their user id. */
export async function signUpOwner(page: Page, label: string): Promise<string> {
  const email = uniqueEmail(label);
  await signUpInBrowser(page, email);
  const user = await db().user.findUnique({ where: { email } });
  expect(user).not.toBeNull();
  return user!.id;
}
