// What a client will be able to do, for the consent page. Pure (no server
// import): the consent form recomputes it in the browser as the owner changes
// the choice, and the server recomputes it from the submitted form.
import {
  PERMISSION_GROUPS,
  PERMISSION_KEYS,
  PERMISSIONS_BY_GROUP,
  READ_ONLY_KEYS,
  getPermission,
  type Permission,
  type PermissionGroup,
  type PermissionKind,
} from "@/lib/permissions/catalogue";
import { effectivePermissions } from "@/lib/permissions/scopes";

export const ACCESS_CHOICES = ["read_only", "all", "groups"] as const;
export type AccessChoice = (typeof ACCESS_CHOICES)[number];

export function isAccessChoice(value: unknown): value is AccessChoice {
  return typeof value === "string" && (ACCESS_CHOICES as readonly string[]).includes(value);
}

/** The permission keys a first-consent choice gives the client. */
export function keysForChoice(choice: AccessChoice, groupIds: readonly string[]): string[] {
  if (choice === "all") return [...PERMISSION_KEYS];
  if (choice === "read_only") return [...READ_ONLY_KEYS];
  const wanted = new Set(groupIds);
  return PERMISSION_GROUPS.filter((g) => wanted.has(g.id)).flatMap((g) => (PERMISSIONS_BY_GROUP.get(g.id) ?? []).map((p) => p.key));
}

export interface PermissionSummary {
  total: number;
  counts: Record<PermissionKind, number>;
  destructive: Permission[];
  byGroup: { group: PermissionGroup; permissions: Permission[] }[];
}

/** Counts by kind, destructive permissions by name, and the full list by group. */
export function summarizePermissions(clientKeys: Iterable<string>, scope: string | null): PermissionSummary {
  const effective = effectivePermissions(clientKeys, scope);
  const counts: Record<PermissionKind, number> = { read: 0, write: 0, destructive: 0 };
  const destructive: Permission[] = [];
  const byGroup: PermissionSummary["byGroup"] = [];
  for (const group of PERMISSION_GROUPS) {
    const permissions = (PERMISSIONS_BY_GROUP.get(group.id) ?? []).filter((p) => effective.has(p.key));
    if (permissions.length) byGroup.push({ group, permissions });
  }
  for (const key of effective) {
    const permission = getPermission(key);
    if (!permission) continue;
    counts[permission.kind] += 1;
    if (permission.kind === "destructive") destructive.push(permission);
  }
  destructive.sort((a, b) => a.label.localeCompare(b.label));
  return { total: effective.size, counts, destructive, byGroup };
}
