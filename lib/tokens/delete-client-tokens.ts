import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";

/**
 * Deletes every access token of one of the owner's clients, and revokes the
 * client's refresh tokens too: "delete all" means the client has no way left
 * to call the API until it is authorized again.
 */
export async function deleteClientTokens(ownerId: string, clientId: string): Promise<{ count: number }> {
  return db().$transaction(async (tx) => {
    const client = await tx.oAuthClient.findFirst({ where: { id: clientId, ownerId }, select: { id: true, name: true } });
    if (!client) throw notFound("Client not found.");
    const { count } = await tx.accessToken.deleteMany({ where: { clientId: client.id, ownerId } });
    const revoked = await tx.refreshToken.updateMany({
      where: { clientId: client.id, ownerId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAuditEvent(
      { ownerId, action: "token.delete_all", targetType: "client", targetId: client.id, details: { count, refreshTokensRevoked: revoked.count } },
      tx,
    );
    return { count };
  });
}
