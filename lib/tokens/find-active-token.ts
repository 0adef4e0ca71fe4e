import "server-only";
import { hashSecret, secretKindOf } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
import type { CreatedVia } from "@/lib/tokens/token-kinds";

export interface ActiveToken {
  id: string;
  ownerId: string;
  /** OAuthClient.id (row id). */
  clientId: string;
  /** The public `latch_ci_...` client_id (or metadata document URL). */
  clientPublicId: string;
  scope: string | null;
  audience: string | null;
  expiresAt: Date | null;
  /** The client's enabled permission keys now, space-separated. */
  clientPermissions: string;
  createdVia: CreatedVia;
  grantId: string | null;
  createdAt: Date;
}

const MAX_TOKEN_LENGTH = 200;

/**
 * The token behind a bearer credential, or null when it is unknown, expired,
 * or its client is disabled, deleted (the token went with it) or has no
 * owner. One indexed query (by SHA-256 hash, client included).
 */
export async function findActiveToken(plaintext: string, now = new Date()): Promise<ActiveToken | null> {
  if (typeof plaintext !== "string" || plaintext.length > MAX_TOKEN_LENGTH || secretKindOf(plaintext) !== "access_token") return null;
  const row = await db().accessToken.findUnique({
    where: { tokenHash: hashSecret(plaintext) },
    select: {
      id: true,
      ownerId: true,
      clientId: true,
      scope: true,
      audience: true,
      expiresAt: true,
      createdVia: true,
      grantId: true,
      createdAt: true,
      client: { select: { clientId: true, ownerId: true, disabled: true, permissions: true } },
    },
  });
  if (!row) return null;
  if (row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime()) return null;
  if (row.client.disabled || row.client.ownerId === null) return null;
  return {
    id: row.id,
    ownerId: row.ownerId,
    clientId: row.clientId,
    clientPublicId: row.client.clientId,
    scope: row.scope,
    audience: row.audience,
    expiresAt: row.expiresAt,
    clientPermissions: row.client.permissions,
    createdVia: row.createdVia as CreatedVia,
    grantId: row.grantId,
    createdAt: row.createdAt,
  };
}
