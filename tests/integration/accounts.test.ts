import { describe, expect, inject, it } from "vitest";
import { createUser } from "@/lib/users/create-user";
import { signupSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";
import { createOwner, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { HttpSession } from "../support/http-session";

const baseUrl = inject("baseUrl");

describe("owner accounts", () => {
  it("signs in with the right password and reaches the dashboard", async () => {
    const owner = await createOwner();
    const session = new HttpSession(baseUrl);
    expect(await session.signIn(owner.email, owner.password)).toEqual({ ok: true, error: null });
    const page = await session.fetch("/user/oauth-clients");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(owner.email);
  });

  it("matches the email without regard to case or surrounding spaces", async () => {
    const owner = await createOwner();
    const session = new HttpSession(baseUrl);
    expect((await session.signIn(`  ${owner.email.toUpperCase()} `, owner.password)).ok).toBe(true);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const owner = await createOwner();
    const wrongPassword = await new HttpSession(baseUrl).signIn(owner.email, "not the password at all");
    const unknownEmail = await new HttpSession(baseUrl).signIn(uniqueEmail("nobody"), TEST_PASSWORD);
    expect(wrongPassword).toEqual({ ok: false, error: "CredentialsSignin" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("refuses further attempts after 10 failures for one email, even with the right password", async () => {
    const owner = await createOwner();
    for (let i = 0; i < 10; i++) {
      expect((await new HttpSession(baseUrl).signIn(owner.email, `wrong password ${i}`)).error).toBe("CredentialsSignin");
    }
    const locked = await new HttpSession(baseUrl).signIn(owner.email, owner.password);
    expect(locked).toEqual({ ok: false, error: "AccountLocked" });
    // Another account is not affected.
    const other = await createOwner();
    expect((await new HttpSession(baseUrl).signIn(other.email, other.password)).ok).toBe(true);
  });

  it("lets at most 10 guesses through when they arrive all at once", async () => {
    const owner = await createOwner();
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => new HttpSession(baseUrl).signIn(owner.email, `parallel wrong guess ${i}`)),
    );
    const checked = results.filter((r) => r.error === "CredentialsSignin").length;
    const refused = results.filter((r) => r.error === "AccountLocked").length;
    expect(checked + refused).toBe(25);
    expect(checked).toBeLessThanOrEqual(10);
    expect((await new HttpSession(baseUrl).signIn(owner.email, owner.password)).error).toBe("AccountLocked");
  });

  it("sends a signed-out visitor to /login and remembers where they were going", async () => {
    const response = await fetch(`${baseUrl}/user/oauth-clients?page=2`, { redirect: "manual" });
    expect([302, 307]).toContain(response.status);
    const location = new URL(response.headers.get("location")!, baseUrl);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("callbackUrl")).toContain("/user/oauth-clients?page=2");
  });

  it("sends a signed-in owner on only to a path of this site", async () => {
    const owner = await createOwner();
    const session = new HttpSession(baseUrl);
    await session.signIn(owner.email, owner.password);
    const cases: Array<[string, string]> = [
      ["/user/oauth-access-tokens?client=x", "/user/oauth-access-tokens?client=x"],
      // A tab or newline is dropped by the URL parser: "/\t/evil.example" is "//evil.example".
      ["/%09/evil.example", "/user/oauth-clients"],
      ["/%0A/evil.example", "/user/oauth-clients"],
      ["/%5Cevil.example", "/user/oauth-clients"],
      // Dot segments are removed after the host, leaving the path "//evil.example".
      ["/.//evil.example", "/user/oauth-clients"],
      ["/%2e%2e//evil.example", "/user/oauth-clients"],
      ["https://evil.example/", "/user/oauth-clients"],
    ];
    for (const [callbackUrl, expected] of cases) {
      const response = await session.fetch(`/login?callbackUrl=${callbackUrl}`);
      expect([302, 303, 307]).toContain(response.status);
      const location = new URL(response.headers.get("location")!, baseUrl);
      expect(location.origin, callbackUrl).toBe(new URL(baseUrl).origin);
      expect(`${location.pathname}${location.search}`, callbackUrl).toBe(expected);
    }
  });

  it("refuses a taken email with a field message, whatever its case", async () => {
    const owner = await createOwner();
    const again = signupSchema.parse({ email: owner.email.toUpperCase(), password: "another long password" });
    const error = await createUser(again).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors?.email?.[0]).toMatch(/already exists/);
  });

  it("survives hostile input to the sign-in endpoint without a server error", async () => {
    const inputs: Array<[string, string]> = [
      ["", ""],
      ["x".repeat(100_000), "y".repeat(100_000)],
      ["ünïcødé@exämple.test", "pässwörd-🔐-long-enough"],
      ["not-an-email", TEST_PASSWORD],
    ];
    for (const [email, password] of inputs) {
      const result = await new HttpSession(baseUrl).signIn(email, password);
      expect(result.ok).toBe(false);
      expect(result.error).toBe("CredentialsSignin");
    }
  });
});
