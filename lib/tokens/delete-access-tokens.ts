import "server-only";
import type { Prisma } from "@prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";

/**
 * Deletes one or several of the owner's tokens; ids of other owners' tokens
 * are ignored, and when none is left it is "not found". A deleted token that
 * came from an OAuth grant also revokes that grant's refresh tokens, so the
 * app cannot quietly mint a new one.
 */
export async function deleteAccessTokens(ownerId: string, ids: string[]): Promise<{ count: number }> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw notFound("Token not found.");
  return db().$transaction(async (tx) => {
    const tokens = await tx.accessToken.findMany({
      where: { id: { in: unique }, ownerId },
      select: { id: true, name: true, clientId: true, grantId: true },
    });
    if (tokens.length === 0) throw notFound(unique.length === 1 ? "Token not found." : "None of these tokens were found.");
    await tx.accessToken.deleteMany({ where: { id: { in: tokens.map((t) => t.id) }, ownerId } });
    await revokeGrants(tx, ownerId, tokens.map((t) => t.grantId));
    for (const token of tokens) {
      await recordAuditEvent(
        { ownerId, action: "token.delete", targetType: "token", targetId: token.id, details: { name: token.name, clientId: token.clientId } },
        tx,
      );
    }
    return { count: tokens.length };
  });
}

export async function revokeGrants(tx: Prisma.TransactionClient, ownerId: string, grantIds: Array<string | null>): Promise<void> {
  const grants = [...new Set(grantIds.filter((g): g is string => g !== null))];
  if (grants.length === 0) return;
  await tx.refreshToken.updateMany({ where: { grantId: { in: grants }, ownerId, revokedAt: null }, data: { revokedAt: new Date() } });
}
