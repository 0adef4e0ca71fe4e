import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { displayParts } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors";
import { mintAccessToken } from "@/lib/tokens/mint-access-token";
import type { CreateTokenInput } from "@/lib/tokens/schemas";

export interface CreatedManualToken {
  id: string;
  /** The plaintext token, shown once in the dialog (and revealable later). */
  token: string;
  name: string;
  prefix: string;
  last4: string;
  expiresAt: Date | null;
  createdAt: Date;
}

export const DISABLED_CLIENT_MESSAGE =
  "This client is disabled, and tokens of a disabled client don't work. Enable the client before creating tokens.";

/** A token the owner creates by hand on one of their clients, with everything the client allows. */
export async function createManualToken(ownerId: string, input: CreateTokenInput): Promise<CreatedManualToken> {
  return db().$transaction(async (tx) => {
    const client = await tx.oAuthClient.findFirst({ where: { id: input.clientId, ownerId }, select: { id: true, disabled: true } });
    if (!client) throw notFound("Client not found.");
    if (client.disabled) throw new AppError("conflict", DISABLED_CLIENT_MESSAGE);
    const minted = await mintAccessToken(
      { ownerId, clientId: client.id, name: input.name, createdVia: "manual", expiresAt: input.expiresAt },
      tx,
    );
    await recordAuditEvent(
      {
        ownerId,
        action: "token.create",
        targetType: "token",
        targetId: minted.id,
        details: { name: input.name, clientId: client.id, expiresAt: input.expiresAt?.toISOString() ?? null },
      },
      tx,
    );
    return { id: minted.id, token: minted.token, name: input.name, ...displayParts(minted.token), expiresAt: minted.expiresAt, createdAt: minted.createdAt };
  });
}
