import "server-only";
import { db } from "@/lib/db/prisma";

/**
 * Revokes everything one authorization produced: its access tokens are
 * deleted (a deleted token is a revoked token everywhere) and its refresh
 * tokens are marked revoked. Used when a code or a refresh token is reused,
 * and when a refresh token is revoked (RFC 7009 §2.1).
 */
export async function revokeGrant(grantId: string): Promise<void> {
  const now = new Date();
  await db().$transaction([
    db().accessToken.deleteMany({ where: { grantId } }),
    db().refreshToken.updateMany({ where: { grantId, revokedAt: null }, data: { revokedAt: now } }),
  ]);
}
