import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { decryptClientSecret } from "@/lib/clients/client-secret";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

/** Decrypts a confidential client's secret for its owner, and records that it was seen. */
export async function revealClientSecret(ownerId: string, id: string): Promise<string> {
  const row = await db().oAuthClient.findFirst({
    where: { id, ownerId },
    select: { secretHash: true, secretEncrypted: true },
  });
  if (!row) throw new AppError("not_found", "This client does not exist.");
  const secret = decryptClientSecret(row);
  if (!secret) throw new AppError("bad_request", "This client has no secret: public clients use PKCE instead.");
  await recordAuditEvent({ ownerId, action: "client.secret.reveal", targetType: "client", targetId: id });
  return secret;
}
