import { describe, expect, it } from "vitest";
import { formatPermissionDiff, matchesSearch, rebasedOnStored, searchTerms } from "@/components/oauth-clients/permission-filter";
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

describe("rebasedOnStored", () => {
  const set = (...keys: string[]) => new Set(keys);

  it("shows what is stored when nothing was flipped while saving", () => {
    const sent = set("sale.list", "sale.refund");
    const stored = set("sale.list");
    expect(rebasedOnStored(sent, sent, stored)).toBe(stored);
  });

  it("keeps switches flipped while saving on top of what is stored, without undoing another tab's change", () => {
    // Sent with sale.refund still on; another tab had turned it off, so the stored set lacks it.
    const sent = set("sale.list", "sale.refund", "sale.void");
    const stored = set("sale.list", "sale.void");
    // While the save was on its way the owner turned sale.void off and customer.list on.
    const current = set("sale.list", "sale.refund", "customer.list");
    expect([...rebasedOnStored(current, sent, stored)].sort()).toEqual(["customer.list", "sale.list"]);
  });
});
