// OAuth scope helpers. Scopes are deliberately coarse (`family:read`,
// `family:write`) so authorization requests stay short; the fine-grained
// permission keys chosen on the client are the real ceiling, and a token's
// scope can only narrow them, never widen them.
import { getGroup, getPermission, PERMISSIONS, type Permission } from "./catalogue";

/** `write` covers both write and destructive kinds; it does NOT imply `read`. */
function scopeOf(permission: Permission): string {
  const family = getGroup(permission.group)?.scope ?? permission.group;
  return `${family}:${permission.kind === "read" ? "read" : "write"}`;
}

const COVERAGE: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const p of PERMISSIONS) {
    const scope = scopeOf(p);
    let keys = map.get(scope);
    if (!keys) map.set(scope, (keys = new Set()));
    keys.add(p.key);
  }
  return map;
})();

// Derived from what permissions actually exist, so a scope that would grant
// nothing (e.g. `account:write`) is rejected instead of silently accepted.
export const SCOPES_SUPPORTED: readonly string[] = Object.freeze([...COVERAGE.keys()].sort());

const SUPPORTED = new Set(SCOPES_SUPPORTED);

function splitScope(scope: string | undefined | null): string[] {
  return (scope ?? "").split(/\s+/).filter((s) => s.length > 0);
}

export type ParsedScope = { ok: true; scopes: string[] } | { ok: false; invalid: string[] };

/**
 * Parses a space-separated OAuth `scope` parameter. An empty or missing scope
 * is valid and means "everything the client is allowed". Returned scopes are
 * deduplicated and sorted so the stored form is canonical.
 */
export function parseScope(scope: string | undefined | null): ParsedScope {
  const tokens = [...new Set(splitScope(scope))];
  const invalid = tokens.filter((t) => !SUPPORTED.has(t));
  if (invalid.length > 0) return { ok: false, invalid };
  return { ok: true, scopes: tokens.sort() };
}

/**
 * Permission keys covered by the given scopes, or null when no scopes were
 * given (meaning: do not narrow). Unknown scopes cover nothing, so a bad
 * stored scope fails closed.
 */
export function keysForScopes(scopes: readonly string[]): Set<string> | null {
  if (scopes.length === 0) return null;
  const keys = new Set<string>();
  for (const scope of scopes) {
    for (const key of COVERAGE.get(scope) ?? []) keys.add(key);
  }
  return keys;
}

/**
 * What a token may actually do: the client's enabled keys, narrowed by the
 * token's scope string. Keys no longer in the catalogue are dropped so a
 * retired permission can never be exercised.
 */
export function effectivePermissions(
  clientKeys: Iterable<string>,
  tokenScope: string | null | undefined,
): Set<string> {
  // Not parseScope(): a stored scope that has since become unknown should
  // narrow to nothing for that part rather than reject the whole token here.
  const covered = keysForScopes(splitScope(tokenScope));
  const result = new Set<string>();
  for (const key of clientKeys) {
    if (getPermission(key) === undefined) continue;
    if (covered !== null && !covered.has(key)) continue;
    result.add(key);
  }
  return result;
}

/** The scope strings a set of keys touches, sorted; unknown keys are ignored. */
export function scopesForKeys(keys: Iterable<string>): string[] {
  const scopes = new Set<string>();
  for (const key of keys) {
    const permission = getPermission(key);
    if (permission) scopes.add(scopeOf(permission));
  }
  return [...scopes].sort();
}

const STORED_CACHE_LIMIT = 1_000;

/** What is derived from one client's stored permission string, computed once. */
interface Derived {
  /** Effective permissions by token scope ("" for no scope). */
  byScope: Map<string, ReadonlySet<string>>;
  scopeString?: string;
}

// By the stored string (keys separated by spaces): every API call, MCP call
// and introspection asks about one of a few distinct strings, and the answers
// depend on nothing else (the catalogue is fixed at build). The string comes
// fresh from the database each time, and a Map keyed by it would hash all of
// its 6 KB on every call (about 9 µs, measured); a short key made of its
// length and ends picks the candidates, and comparing the whole string with
// one of them is a memory compare (under 1 µs). Never concatenated with
// anything, so the 6 KB are not copied either.
const derivedCache = new Map<string, Entry[]>();
let derivedCount = 0;

const shortKey = (storedKeys: string) => `${storedKeys.length}:${storedKeys.slice(0, 48)}|${storedKeys.slice(-48)}`;

interface Entry {
  storedKeys: string;
  derived: Derived;
}

function entryFor(storedKeys: string): Entry {
  const key = shortKey(storedKeys);
  let candidates = derivedCache.get(key);
  const found = candidates?.find((candidate) => candidate.storedKeys === storedKeys);
  if (found) return found;
  if (derivedCount >= STORED_CACHE_LIMIT) {
    derivedCache.clear();
    derivedCount = 0;
    candidates = undefined;
  }
  const entry: Entry = { storedKeys, derived: { byScope: new Map() } };
  if (candidates) candidates.push(entry);
  else derivedCache.set(key, [entry]);
  derivedCount += 1;
  return entry;
}

const derivedFor = (storedKeys: string): Derived => entryFor(storedKeys).derived;

/**
 * The one copy of a stored permission string this cache holds, equal to
 * `storedKeys`: for a string kept across requests, so that many clients with
 * the same permissions keep one copy, and asking about it later compares
 * references instead of 6 KB.
 */
export function sharedStoredKeys(storedKeys: string): string {
  return entryFor(storedKeys).storedKeys;
}

const keysOf = (storedKeys: string) => (storedKeys ? storedKeys.split(" ") : []);

/** effectivePermissions() for a client's stored permission string, remembered. */
export function effectivePermissionsOf(storedKeys: string, tokenScope: string | null | undefined): ReadonlySet<string> {
  const { byScope } = derivedFor(storedKeys);
  const scope = tokenScope ?? "";
  let result = byScope.get(scope);
  if (!result) {
    result = effectivePermissions(keysOf(storedKeys), tokenScope);
    byScope.set(scope, result);
  }
  return result;
}

/** scopesForKeys() of a stored permission string, joined with spaces; remembered like effectivePermissionsOf(). */
export function scopeStringForStoredKeys(storedKeys: string): string {
  const derived = derivedFor(storedKeys);
  derived.scopeString ??= scopesForKeys(keysOf(storedKeys)).join(" ");
  return derived.scopeString;
}

const sortedCache = new WeakMap<ReadonlySet<string>, readonly string[]>();
const sortedJsonCache = new WeakMap<ReadonlySet<string>, string>();

/** A permission set's keys in order, remembered for the sets effectivePermissionsOf() hands out. */
export function sortedKeys(keys: ReadonlySet<string>): readonly string[] {
  let sorted = sortedCache.get(keys);
  if (!sorted) {
    sorted = Object.freeze([...keys].sort());
    sortedCache.set(keys, sorted);
  }
  return sorted;
}

/** JSON.stringify(sortedKeys(keys)), remembered likewise: an answer that lists 300 permissions need not write them out each time. */
export function sortedKeysJson(keys: ReadonlySet<string>): string {
  let json = sortedJsonCache.get(keys);
  if (json === undefined) {
    json = JSON.stringify(sortedKeys(keys));
    sortedJsonCache.set(keys, json);
  }
  return json;
}
