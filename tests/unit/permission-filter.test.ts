import { describe, expect, it } from "vitest";
import { formatPermissionDiff, matchesSearch, searchTerms } from "@/components/oauth-clients/permission-filter";
import { getPermission, PERMISSIONS } from "@/lib/permissions/catalogue";

const search = (query: string) => PERMISSIONS.filter((p) => matchesSearch(p, searchTerms(query))).map((p) => p.key);

describe("permission search", () => {
  it("matches the label or the key, ignoring case", () => {
    expect(search("VOID A SALE")).toEqual(["sale.void"]);
    expect(search("sale.void")).toEqual(["sale.void"]);
    expect(search("void").length).toBeGreaterThan(1);
    expect(search("void").every((key) => key.endsWith(".void") || getPermission(key)!.label.toLowerCase().includes("void"))).toBe(true);
  });

  it("needs every word to match, and shows everything for an empty query", () => {
    expect(search("refund sale")).toContain("sale.refund");
    expect(search("refund sale")).not.toContain("sale.void");
    expect(search("   ")).toHaveLength(PERMISSIONS.length);
    expect(search("no such thing")).toEqual([]);
  });
});

describe("permission diff text", () => {
  it("says what turns on and off, leaving out an empty side", () => {
    expect(formatPermissionDiff(3, 40)).toBe("3 on, 40 off");
    expect(formatPermissionDiff(0, 225)).toBe("225 off");
    expect(formatPermissionDiff(1, 0)).toBe("1 on");
    expect(formatPermissionDiff(0, 0)).toBe("no changes");
  });
});
