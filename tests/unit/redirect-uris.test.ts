import { describe, expect, it } from "vitest";
import { redirectUriMatches, redirectUriProblem } from "@/lib/clients/redirect-uris";
import { createClientSchema } from "@/lib/clients/schemas";
import { fieldErrorsOf } from "@/lib/forms/form-state";

describe("redirectUriProblem", () => {
  it.each([
    "https://app.example.com/callback",
    "https://claude.ai/api/mcp/auth_callback",
    "https://example.com:8443/cb?tenant=1",
    "http://localhost:1234/cb",
    "http://localhost/cb",
    "http://127.0.0.1:9/x",
    "http://[::1]:5/cb",
    "cursor://anysphere.cursor-retrieval/oauth",
    "com.example.app:/oauth2redirect",
  ])("accepts %s", (uri) => {
    expect(redirectUriProblem(uri)).toBeNull();
  });

  it.each([
    ["http://example.com/cb", /only on loopback/],
    ["http://192.168.1.10/cb", /only on loopback/],
    ["https://x/cb#frag", /fragment/],
    ["javascript:alert(1)", /javascript: scheme/],
    ["data:text/html,hi", /data: scheme/],
    ["file:///etc/passwd", /file: scheme/],
    ["/relative/callback", /not an absolute URI/],
    ["callback", /not an absolute URI/],
    ["https://example.com/a b", /spaces/],
    [" ", /Enter a URI/],
    [`https://example.com/${"a".repeat(2000)}`, /at most 2000/],
  ])("refuses %s", (uri, message) => {
    expect(redirectUriProblem(uri)).toMatch(message);
  });
});

describe("redirectUriMatches", () => {
  it("matches the exact same URI", () => {
    expect(redirectUriMatches("https://app.example.com/cb", "https://app.example.com/cb")).toBe(true);
  });

  it("lets any port match on loopback http (RFC 8252)", () => {
    expect(redirectUriMatches("http://127.0.0.1/callback", "http://127.0.0.1:49152/callback")).toBe(true);
    expect(redirectUriMatches("http://localhost:3000/cb", "http://localhost:61000/cb")).toBe(true);
    expect(redirectUriMatches("http://[::1]/cb", "http://[::1]:8080/cb")).toBe(true);
  });

  it("refuses a different port on a non-loopback host", () => {
    expect(redirectUriMatches("https://app.example.com/cb", "https://app.example.com:8443/cb")).toBe(false);
    expect(redirectUriMatches("https://app.example.com:443/cb", "https://app.example.com:444/cb")).toBe(false);
  });

  it("refuses a different path, query, host or scheme", () => {
    expect(redirectUriMatches("http://127.0.0.1/callback", "http://127.0.0.1:5000/other")).toBe(false);
    expect(redirectUriMatches("https://app.example.com/cb", "https://app.example.com/cb/extra")).toBe(false);
    expect(redirectUriMatches("http://127.0.0.1/cb?a=1", "http://127.0.0.1:5000/cb?a=2")).toBe(false);
    expect(redirectUriMatches("http://127.0.0.1/cb", "http://localhost:5000/cb")).toBe(false);
    expect(redirectUriMatches("https://127.0.0.1/cb", "https://127.0.0.1:5000/cb")).toBe(false);
  });

  it("refuses a loopback match that adds a fragment or credentials", () => {
    expect(redirectUriMatches("http://127.0.0.1/cb", "http://127.0.0.1:5000/cb#x")).toBe(false);
    expect(redirectUriMatches("http://127.0.0.1/cb", "http://user:pw@127.0.0.1:5000/cb")).toBe(false);
  });
});

describe("createClientSchema", () => {
  const valid = { name: "Reporting server", description: "", type: "confidential", redirectUris: "" };

  function errorsFor(input: Record<string, unknown>) {
    const result = createClientSchema.safeParse(input);
    expect(result.success).toBe(false);
    return result.success ? {} : fieldErrorsOf(result.error);
  }

  it("parses the textarea into a trimmed, de-duplicated list", () => {
    const parsed = createClientSchema.parse({
      ...valid,
      name: "  Claude  ",
      redirectUris: " https://claude.ai/api/mcp/auth_callback \r\n\nhttp://127.0.0.1/cb\nhttps://claude.ai/api/mcp/auth_callback\n",
    });
    expect(parsed.name).toBe("Claude");
    expect(parsed.redirectUris).toEqual(["https://claude.ai/api/mcp/auth_callback", "http://127.0.0.1/cb"]);
  });

  it("accepts 20 redirect URIs and refuses 21", () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `https://app.example.com/cb/${i}`).join("\n");
    expect(createClientSchema.parse({ ...valid, redirectUris: lines(20) }).redirectUris).toHaveLength(20);
    expect(errorsFor({ ...valid, redirectUris: lines(21) }).redirectUris).toEqual(["At most 20 redirect URIs."]);
  });

  it("names the bad URI in the redirect URIs message", () => {
    const errors = errorsFor({ ...valid, redirectUris: "https://ok.example.com/cb\nhttp://example.com/cb" });
    expect(errors.redirectUris?.[0]).toContain("http://example.com/cb");
    expect(errors.redirectUris?.[0]).toMatch(/only on loopback/);
  });

  it("asks for a name when it is empty or only spaces", () => {
    expect(errorsFor({ ...valid, name: "" }).name).toEqual(["Give the client a name."]);
    expect(errorsFor({ ...valid, name: "   " }).name).toEqual(["Give the client a name."]);
    expect(errorsFor({ ...valid, name: undefined }).name).toEqual(["Give the client a name."]);
  });

  it("refuses a name over 100 characters and a description over 500", () => {
    expect(errorsFor({ ...valid, name: "n".repeat(101) }).name).toEqual(["Use at most 100 characters."]);
    expect(errorsFor({ ...valid, description: "d".repeat(501) }).description).toEqual(["Use at most 500 characters."]);
  });

  it("refuses a type other than confidential or public", () => {
    expect(errorsFor({ ...valid, type: "trusted" }).type).toEqual(["Choose confidential or public."]);
    expect(errorsFor({ ...valid, type: undefined }).type).toEqual(["Choose confidential or public."]);
  });
});
