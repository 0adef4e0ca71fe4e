import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { splitPermissions } from "@/lib/clients/get-client";
import type { PermissionDiff } from "@/lib/clients/permission-schemas";
import { db } from "@/lib/db/prisma";
import { mergeOwnChanges } from "@/lib/forms/own-changes";
import { AppError } from "@/lib/errors";
import { isPermissionKey, PERMISSION_KEYS } from "@/lib/permissions/catalogue";

const CATALOGUE_ORDER: ReadonlyMap<string, number> = new Map(PERMISSION_KEYS.map((key, index) => [key, index]));
// A stored key that has since left the catalogue sorts last.
const rank = (key: string) => CATALOGUE_ORDER.get(key) ?? Number.MAX_SAFE_INTEGER;

/** Keys deduplicated and in catalogue order, so equal sets are stored as equal strings. */
function inCatalogueOrder(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b));
}

/** What a save did: the diff, and every permission the client has on after it. */
export interface PermissionSave {
  diff: PermissionDiff;
  enabled: string[];
}

/**
 * Sets exactly which permissions the owner's client has on, and reports what
 * changed. Tokens read the client's permissions live on every call, so the
 * change applies to every token of the client from its next request.
 */
export async function updateClientPermissions(ownerId: string, clientId: string, keys: readonly string[]): Promise<PermissionDiff> {
  return (await saveClientPermissions(ownerId, clientId, keys)).diff;
}

/**
 * The same, or, with `loaded` (the keys that were on when the owner's page
 * loaded), only the owner's own changes: the keys turned on since, and the
 * keys turned off since, applied to what is stored now. A page opened before
 * another save (another tab, another person) then never turns back on what
 * that save turned off, nor off what it turned on.
 */
export async function saveClientPermissions(
  ownerId: string,
  clientId: string,
  keys: readonly string[],
  loaded?: readonly string[],
): Promise<PermissionSave> {
  const unknown = keys.filter((key) => !isPermissionKey(key));
  if (unknown.length) {
    const message =
      unknown.length === 1
        ? `"${unknown[0]!.slice(0, 60)}" is not a known permission. Nothing was saved.`
        : `${unknown.length} keys are not known permissions. Nothing was saved.`;
    throw new AppError("bad_request", message);
  }

  return db().$transaction(async (tx) => {
    const client = await tx.oAuthClient.findFirst({ where: { id: clientId, ownerId }, select: { permissions: true } });
    if (!client) throw new AppError("not_found", "This client does not exist or is not yours.");

    const before = new Set(splitPermissions(client.permissions));
    // A stored key that left the catalogue is dropped on save, as without `loaded`.
    const next = inCatalogueOrder(loaded ? mergeOwnChanges([...before], loaded, keys).filter(isPermissionKey) : keys);
    const after = new Set(next);
    const diff: PermissionDiff = {
      added: next.filter((key) => !before.has(key)),
      // A stored key that left the catalogue is dropped on save and reported as removed.
      removed: inCatalogueOrder([...before].filter((key) => !after.has(key))),
    };
    if (diff.added.length === 0 && diff.removed.length === 0) return { diff, enabled: next };

    await tx.oAuthClient.updateMany({ where: { id: clientId, ownerId }, data: { permissions: next.join(" ") } });
    await recordAuditEvent(
      { ownerId, action: "client.permissions.update", targetType: "client", targetId: clientId, details: { added: diff.added, removed: diff.removed } },
      tx,
    );
    return { diff, enabled: next };
  });
}
