import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { newClientSecret } from "@/lib/clients/client-secret";
import { SECRET_GRACE_MS, type SecretGracePeriod } from "@/lib/clients/schemas";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

export interface RotatedSecret {
  /** The new secret, to show the owner once; never log it. */
  secret: string;
  last4: string;
  /** Until when the old secret is still accepted; null when it stopped at once. */
  previousSecretExpiresAt: Date | null;
}

/**
 * Replaces a confidential client's secret. With a grace period the old secret
 * keeps working until it ends (its hash is kept, never the secret itself), so
 * servers can be updated without downtime.
 */
export async function rotateClientSecret(ownerId: string, id: string, grace: SecretGracePeriod): Promise<RotatedSecret> {
  const fresh = newClientSecret();
  const now = new Date();
  const previousSecretExpiresAt = grace === "none" ? null : new Date(now.getTime() + SECRET_GRACE_MS[grace]);
  await db().$transaction(async (tx) => {
    const current = await tx.oAuthClient.findFirst({ where: { id, ownerId }, select: { secretHash: true } });
    if (!current) throw new AppError("not_found", "This client does not exist.");
    if (!current.secretHash) throw new AppError("bad_request", "This client has no secret: public clients use PKCE instead.");
    const { count } = await tx.oAuthClient.updateMany({
      where: { id, ownerId },
      data: {
        secretHash: fresh.secretHash,
        secretEncrypted: fresh.secretEncrypted,
        secretLast4: fresh.secretLast4,
        previousSecretHash: previousSecretExpiresAt ? current.secretHash : null,
        previousSecretExpiresAt,
        secretRotatedAt: now,
      },
    });
    if (count === 0) throw new AppError("not_found", "This client does not exist.");
    await recordAuditEvent(
      { ownerId, action: "client.secret.rotate", targetType: "client", targetId: id, details: { grace } },
      tx,
    );
  });
  return { secret: fresh.secret, last4: fresh.secretLast4, previousSecretExpiresAt };
}
