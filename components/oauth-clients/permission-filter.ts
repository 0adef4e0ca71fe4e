import type { Permission } from "@/lib/permissions/catalogue";

/** Lower-cased search terms; every term must match the label or the key. */
export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesSearch(permission: Permission, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const label = permission.label.toLowerCase();
  return terms.every((term) => label.includes(term) || permission.key.includes(term));
}

/** "3 on, 40 off", leaving out a side with nothing in it ("40 off"). */
export function formatPermissionDiff(on: number, off: number): string {
  const parts = [on ? `${on} on` : "", off ? `${off} off` : ""].filter(Boolean);
  return parts.length ? parts.join(", ") : "no changes";
}
