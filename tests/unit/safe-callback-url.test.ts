import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

const FALLBACK = "/user/oauth-clients";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeCallbackUrl("/user/oauth-clients?page=2")).toBe("/user/oauth-clients?page=2");
    expect(safeCallbackUrl("/oauth/authorize?client_id=a&scope=a%20b#x")).toBe("/oauth/authorize?client_id=a&scope=a%20b#x");
    expect(safeCallbackUrl("/")).toBe("/");
  });

  it("falls back when there is no path", () => {
    expect(safeCallbackUrl(undefined)).toBe(FALLBACK);
    expect(safeCallbackUrl(null)).toBe(FALLBACK);
    expect(safeCallbackUrl("")).toBe(FALLBACK);
    expect(safeCallbackUrl("user/oauth-clients")).toBe(FALLBACK);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "/\r\n/evil.example",
    "/\t\\evil.example",
    "\t//evil.example",
    "javascript:alert(1)",
    // Dot segments go before the path is taken: these resolve to the path "//evil.example".
    "/.//evil.example",
    "/..//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/%2e%2e//evil.example",
    "/./\\evil.example",
  ])("never leaves this site for %j", (value) => {
    const kept = safeCallbackUrl(value);
    expect(kept).toBe(FALLBACK);
  });

  it("gives back only what resolves on this site, whatever a browser makes of it", () => {
    // Each answer, resolved against Latch's origin as a browser would, stays there.
    for (const value of ["/a/../../b", "/./x", "/%2F%2Fevil.example", "/x?next=//evil.example", "/ spaced path", "/././/x", "/a/b/../..//c"]) {
      const kept = safeCallbackUrl(value);
      expect(new URL(kept, "https://latch.example").origin).toBe("https://latch.example");
      expect(kept.startsWith("/")).toBe(true);
      expect(kept.startsWith("//")).toBe(false);
    }
  });
});
