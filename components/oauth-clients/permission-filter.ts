import { mergeOwnChanges } from "@/lib/forms/own-changes";
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

/**
 * The switches after a save comes back: what is stored now (`stored`, which
 * may hold another tab's changes), with the switches flipped while the save
 * was on its way (`current` against `sent`) flipped on top of it.
 */
export function rebasedOnStored(current: ReadonlySet<string>, sent: ReadonlySet<string>, stored: ReadonlySet<string>): ReadonlySet<string> {
  return current === sent ? stored : new Set(mergeOwnChanges([...stored], [...sent], [...current]));
}
