import { describe, it, expect } from "vitest";
import {
  getPermission,
  isPermissionKey,
  PERMISSION_GROUPS,
  PERMISSION_KEYS,
  PERMISSION_KINDS,
  PERMISSIONS,
  permissionsByGroup,
  READ_ONLY_KEYS,
} from "@/lib/permissions/catalogue";
import {
  effectivePermissions,
  effectivePermissionsOf,
  keysForScopes,
  parseScope,
  SCOPES_SUPPORTED,
  scopesForKeys,
  sortedKeys,
  sortedKeysJson,
} from "@/lib/permissions/scopes";

describe("permission catalogue", () => {
  it("has at least 250 permissions with unique, well-formed keys", () => {
    expect(PERMISSIONS.length).toBeGreaterThanOrEqual(250);
    expect(new Set(PERMISSION_KEYS).size).toBe(PERMISSION_KEYS.length);
    for (const key of PERMISSION_KEYS) {
      expect(key).toMatch(/^[a-z][a-z_]*\.[a-z][a-z_]*$/);
    }
  });

  it("gives every permission a valid kind, an existing group and real text", () => {
    const groupIds = new Set(PERMISSION_GROUPS.map((g) => g.id));
    for (const p of PERMISSIONS) {
      expect(PERMISSION_KINDS).toContain(p.kind);
      expect(groupIds.has(p.group), `${p.key} -> ${p.group}`).toBe(true);
      expect(p.label.length).toBeGreaterThan(3);
      expect(p.description.length).toBeGreaterThan(10);
    }
  });

  it("has unique group ids and no empty group", () => {
    expect(new Set(PERMISSION_GROUPS.map((g) => g.id)).size).toBe(PERMISSION_GROUPS.length);
    const byGroup = permissionsByGroup();
    for (const g of PERMISSION_GROUPS) {
      expect(byGroup.get(g.id)?.length ?? 0, g.id).toBeGreaterThan(0);
    }
  });

  it("puts every group's scope family in SCOPES_SUPPORTED", () => {
    for (const g of PERMISSION_GROUPS) {
      expect(SCOPES_SUPPORTED).toContain(`${g.scope}:read`);
    }
  });

  it("contains the keys the API depends on, with the right kinds", () => {
    const expected: Record<string, string> = {
      "customer.list": "read",
      "customer.retrieve": "read",
      "customer.create": "write",
      "customer.edit": "write",
      "customer.delete": "destructive",
      "product.list": "read",
      "product.retrieve": "read",
      "product.create": "write",
      "product.edit": "write",
      "product.delete": "destructive",
      "sale.list": "read",
      "sale.retrieve": "read",
      "sale.create": "write",
      "sale.void": "destructive",
      "account.retrieve": "read",
    };
    for (const [key, kind] of Object.entries(expected)) {
      expect(isPermissionKey(key), key).toBe(true);
      expect(getPermission(key)?.kind, key).toBe(kind);
    }
    expect(getPermission("account.retrieve")?.group).toBe("account");
    expect(isPermissionKey("sale.nonsense")).toBe(false);
  });

  it("lists exactly the read-kind keys in READ_ONLY_KEYS", () => {
    expect(READ_ONLY_KEYS).toContain("sale.list");
    expect(READ_ONLY_KEYS).not.toContain("sale.void");
    expect(READ_ONLY_KEYS.length).toBe(PERMISSIONS.filter((p) => p.kind === "read").length);
  });
});

describe("scopes", () => {
  it("keeps the advertised scope list short, sorted and unique", () => {
    expect(SCOPES_SUPPORTED.length).toBeLessThan(40);
    expect([...SCOPES_SUPPORTED].sort()).toEqual(SCOPES_SUPPORTED);
    expect(new Set(SCOPES_SUPPORTED).size).toBe(SCOPES_SUPPORTED.length);
    expect(SCOPES_SUPPORTED).toContain("sales:write");
  });

  it("parses scope strings", () => {
    expect(parseScope(undefined)).toEqual({ ok: true, scopes: [] });
    expect(parseScope("")).toEqual({ ok: true, scopes: [] });
    expect(parseScope("customers:write  sales:read sales:read")).toEqual({
      ok: true,
      scopes: ["customers:write", "sales:read"],
    });
    expect(parseScope("sales:read nonsense:read")).toEqual({ ok: false, invalid: ["nonsense:read"] });
  });

  it("maps scopes to permission keys", () => {
    expect(keysForScopes([])).toBeNull();
    const read = keysForScopes(["sales:read"]);
    expect(read?.has("sale.list")).toBe(true);
    expect(read?.has("sale.void")).toBe(false);
    expect(read?.has("customer.list")).toBe(false);
    // write covers destructive but does not imply read
    const write = keysForScopes(["sales:write"]);
    expect(write?.has("sale.void")).toBe(true);
    expect(write?.has("sale.create")).toBe(true);
    expect(write?.has("sale.list")).toBe(false);
  });

  it("narrows a client's keys by the token scope and drops unknown keys", () => {
    const client = ["sale.list", "sale.void", "customer.list", "retired.thing"];
    expect(effectivePermissions(client, null)).toEqual(
      new Set(["sale.list", "sale.void", "customer.list"]),
    );
    expect(effectivePermissions(client, "sales:read")).toEqual(new Set(["sale.list"]));
    // a scope cannot grant what the client does not have
    expect(effectivePermissions(["customer.list"], "sales:read sales:write")).toEqual(new Set());
    // an unknown stored scope fails closed
    expect(effectivePermissions(client, "nonsense:read")).toEqual(new Set());
  });

  it("describes a set of keys by the scopes they touch", () => {
    expect(scopesForKeys(["sale.list", "sale.void", "customer.list", "unknown.key"])).toEqual([
      "customers:read",
      "sales:read",
      "sales:write",
    ]);
    expect(scopesForKeys([])).toEqual([]);
  });
});

describe("remembered permission sets", () => {
  it("tells apart stored strings of the same length and the same ends", () => {
    const keys = PERMISSIONS.map((p) => p.key);
    // Two keys of one length, in the middle of a long list.
    const [x, y] = keys.filter((k) => keys.some((o) => o !== k && o.length === k.length)).reduce<string[]>(
      (pair, k) => (pair.length === 0 ? [k] : pair.length === 1 && k.length === pair[0]!.length ? [...pair, k] : pair),
      [],
    );
    const ends = keys.filter((k) => k !== x && k !== y);
    const [head, tail] = [ends.slice(0, 20).join(" "), ends.slice(20, 40).join(" ")];
    const one = `${head} ${x} ${tail}`;
    const other = `${head} ${y} ${tail}`;
    expect(one.length).toBe(other.length);
    expect(effectivePermissionsOf(one, null).has(x!)).toBe(true);
    expect(effectivePermissionsOf(other, null).has(x!)).toBe(false);
    expect(effectivePermissionsOf(other, null).has(y!)).toBe(true);
    expect(effectivePermissionsOf(one, null).has(y!)).toBe(false);
  });

  it("gives the same answers as computing them afresh, as lists and as JSON", () => {
    const stored = ["sale.void", "customer.list", "account.read", "no.such.permission"].join(" ");
    for (const scope of [null, "customers:read", "sales:write customers:read"]) {
      const fresh = [...effectivePermissions(stored.split(" "), scope)].sort();
      const kept = effectivePermissionsOf(stored, scope);
      expect(sortedKeys(kept)).toEqual(fresh);
      expect(sortedKeysJson(kept)).toBe(JSON.stringify(fresh));
      // Asked again, by an equal string read anew: the same answers.
      expect(sortedKeysJson(effectivePermissionsOf(stored.split(" ").join(" "), scope))).toBe(JSON.stringify(fresh));
    }
  });
});
