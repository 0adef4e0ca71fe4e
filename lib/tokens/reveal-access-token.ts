import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { config } from "@/lib/config/env";
import { decryptSecret } from "@/lib/crypto/encryption";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors";
import { logError } from "@/lib/log";

/** The plaintext of one of the owner's tokens, decrypted on the server; every reveal is audited. */
export async function revealAccessToken(ownerId: string, tokenId: string): Promise<{ token: string }> {
  const row = await db().accessToken.findFirst({
    where: { id: tokenId, ownerId },
    select: { id: true, tokenHash: true, encrypted: true, name: true },
  });
  if (!row) throw notFound("Token not found.");
  if (!row.encrypted) throw new AppError("conflict", "This token was stored without a viewable copy, so it can't be shown again.");
  let token: string;
  try {
    // The hash is the AAD: a ciphertext copied onto another row does not decrypt.
    token = decryptSecret(row.encrypted, config().keyring, row.tokenHash);
  } catch (error) {
    logError("revealAccessToken", error);
    throw new AppError("conflict", "This token can't be decrypted with the server's current keys, so it can't be shown.");
  }
  await recordAuditEvent({ ownerId, action: "token.reveal", targetType: "token", targetId: row.id, details: { name: row.name } });
  return { token };
}
