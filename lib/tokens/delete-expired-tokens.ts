import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";
import { statusWhere } from "@/lib/tokens/list-owner-tokens";

/**
 * Deletes the owner's expired access tokens (of one of their clients, or of
 * all): they work for nothing, and a server that gets a client_credentials
 * token every hour leaves thousands behind a year. Unlike deleting a token,
 * this revokes no grant: an app whose access token expired may still hold a
 * good refresh token, and the owner asked only to tidy the list.
 */
export async function deleteExpiredTokens(ownerId: string, clientId: string | null, now = new Date()): Promise<{ count: number }> {
  return db().$transaction(async (tx) => {
    if (clientId !== null) {
      const client = await tx.oAuthClient.findFirst({ where: { id: clientId, ownerId }, select: { id: true } });
      if (!client) throw notFound("Client not found.");
    }
    const { count } = await tx.accessToken.deleteMany({
      // Exactly what the list's Expired filter shows.
      where: { ownerId, ...(clientId === null ? {} : { clientId }), ...statusWhere("expired", now) },
    });
    await recordAuditEvent(
      {
        ownerId,
        action: "token.delete_expired",
        ...(clientId === null ? { targetType: "token" } : { targetType: "client", targetId: clientId }),
        details: { count, clientId },
      },
      tx,
    );
    return { count };
  });
}
