import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loginSchema, signupSchema } from "@/lib/auth/schemas";

function messages(input: unknown): Record<string, string[] | undefined> {
  const parsed = signupSchema.safeParse(input);
  return parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>);
}

describe("sign-up input", () => {
  it("accepts a normal account and normalises the email", () => {
    expect(signupSchema.parse({ email: "  Ada@Example.COM ", password: "a long enough password" })).toEqual({
      email: "ada@example.com",
      password: "a long enough password",
    });
  });

  it.each([
    [{}, "email", "Enter your email address."],
    [{ email: "", password: "a long enough password" }, "email", "Enter your email address."],
    [{ email: "not-an-email", password: "a long enough password" }, "email", "Enter a valid email address, like name@example.com."],
    [{ email: `${"x".repeat(300)}@example.com`, password: "a long enough password" }, "email", "That email address is too long."],
    [{ email: 42, password: "a long enough password" }, "email", "Enter your email address."],
    [{ email: "ada@example.com", password: "short" }, "password", "Use at least 12 characters."],
    [{ email: "ada@example.com", password: "p".repeat(100_000) }, "password", "Use at most 200 characters."],
    [{ email: "ada@example.com", password: ["an array", "of strings"] }, "password", "Choose a password."],
  ])("gives a field message for %j", (input, field, message) => {
    expect(messages(input)[field]?.[0]).toBe(message);
  });

  it("accepts unicode passwords and emails with unicode in them", () => {
    expect(signupSchema.safeParse({ email: "ada@example.com", password: "pässwörd-🔐-lång" }).success).toBe(true);
  });
});

describe("sign-in input", () => {
  it("refuses an over-long password without saying which field was wrong", () => {
    const parsed = loginSchema.safeParse({ email: "ada@example.com", password: "p".repeat(1000) });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain("Wrong email or password.");
  });
});
