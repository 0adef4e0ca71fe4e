import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/prisma";
import { isPermissionKey } from "@/lib/permissions/catalogue";

/**
 * An owner's first consent to a dynamically registered or metadata-document
 * client makes it theirs, with the permissions they chose. Conditional on the
 * client still having no owner, so two owners racing cannot both get it.
 * Returns false when someone else connected it first.
 */
export async function connectClient(ownerId: string, clientRowId: string, permissions: string[]): Promise<boolean> {
  const keys = permissions.filter(isPermissionKey);
  return db().$transaction(async (tx) => {
    const claimed = await tx.oAuthClient.updateMany({
      where: { id: clientRowId, ownerId: null },
      data: { ownerId, permissions: keys.join(" ") },
    });
    if (claimed.count !== 1) return false;
    const client = await tx.oAuthClient.findUniqueOrThrow({ where: { id: clientRowId }, select: { name: true, registration: true } });
    await recordAuditEvent(
      {
        ownerId,
        action: "client.connect",
        targetType: "client",
        targetId: clientRowId,
        details: { name: client.name, registration: client.registration, permissionCount: keys.length },
      },
      tx,
    );
    return true;
  });
}
