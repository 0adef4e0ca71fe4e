import { describe, expect, it } from "vitest";
import { hasTokenInQuery, parseBearerHeader } from "@/lib/resource/bearer-header";

const TOKEN = "latch_at_Zm9vYmFyLWJhei1xdXV4LTAxMjM0NTY3ODk";

describe("parseBearerHeader", () => {
  it("reads the token after a case-insensitive Bearer scheme", () => {
    for (const scheme of ["Bearer", "bearer", "BEARER", "bEaReR"]) {
      expect(parseBearerHeader(`${scheme} ${TOKEN}`)).toEqual({ kind: "token", token: TOKEN });
    }
  });

  it("tolerates surrounding and repeated whitespace", () => {
    expect(parseBearerHeader(`  Bearer    ${TOKEN}  `)).toEqual({ kind: "token", token: TOKEN });
  });

  it("treats a missing header or another scheme as no credentials", () => {
    expect(parseBearerHeader(null)).toEqual({ kind: "none" });
    expect(parseBearerHeader("Basic dXNlcjpwYXNz")).toEqual({ kind: "none" });
    expect(parseBearerHeader("BearerX abc")).toEqual({ kind: "none" });
  });

  it("refuses a Bearer header without exactly one token68 value", () => {
    expect(parseBearerHeader("Bearer")).toEqual({ kind: "malformed" });
    expect(parseBearerHeader("Bearer ")).toEqual({ kind: "malformed" });
    expect(parseBearerHeader(`Bearer ${TOKEN} ${TOKEN}`)).toEqual({ kind: "malformed" });
    expect(parseBearerHeader(`Bearer ${TOKEN},x`)).toEqual({ kind: "malformed" });
    expect(parseBearerHeader('Bearer "quoted"')).toEqual({ kind: "malformed" });
    expect(parseBearerHeader("Bearer ===")).toEqual({ kind: "malformed" });
  });

  it("accepts token68 padding and punctuation", () => {
    expect(parseBearerHeader("Bearer a.b-c_d~e+f/g==")).toEqual({ kind: "token", token: "a.b-c_d~e+f/g==" });
  });
});

describe("hasTokenInQuery", () => {
  it("spots an access_token query parameter, even empty", () => {
    expect(hasTokenInQuery(`https://latch.test/api/v1/me?access_token=${TOKEN}`)).toBe(true);
    expect(hasTokenInQuery("https://latch.test/mcp?x=1&access_token=")).toBe(true);
    expect(hasTokenInQuery("https://latch.test/api/v1/me?limit=5")).toBe(false);
    expect(hasTokenInQuery("https://latch.test/api/v1/me")).toBe(false);
  });
});
