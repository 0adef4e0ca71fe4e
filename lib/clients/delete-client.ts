import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

/**
 * Deletes a client; its access tokens, refresh tokens and codes go with it
 * (cascade), so nothing issued to it works afterwards, and so do its usage counts.
 */
export async function deleteClient(ownerId: string, id: string): Promise<{ name: string; deletedTokens: number }> {
  return db().$transaction(async (tx) => {
    const client = await tx.oAuthClient.findFirst({ where: { id, ownerId }, select: { name: true } });
    if (!client) throw new AppError("not_found", "This client does not exist.");
    const deletedTokens = await tx.accessToken.count({ where: { clientId: id, ownerId } });
    const { count } = await tx.oAuthClient.deleteMany({ where: { id, ownerId } });
    if (count === 0) throw new AppError("not_found", "This client does not exist.");
    // Usage rows are keyed by client id without a relation (they are written in batches).
    await tx.permissionUsage.deleteMany({ where: { clientId: id, ownerId } });
    await tx.refusedAttempt.deleteMany({ where: { clientId: id, ownerId } });
    await recordAuditEvent(
      { ownerId, action: "client.delete", targetType: "client", targetId: id, details: { name: client.name, deletedTokens } },
      tx,
    );
    return { name: client.name, deletedTokens };
  });
}
