import "server-only";
import { secretKindOf } from "@/lib/crypto/secrets";
import { findBearerToken } from "@/lib/resource/find-bearer-token";
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
 * owner. The lookup is the bearer check's own single indexed query.
 */
export async function findActiveToken(plaintext: string, now = new Date()): Promise<ActiveToken | null> {
  if (typeof plaintext !== "string" || plaintext.length > MAX_TOKEN_LENGTH || secretKindOf(plaintext) !== "access_token") return null;
  const row = await findBearerToken(plaintext);
  if (!row) return null;
  if (row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime()) return null;
  if (row.clientDisabled || row.clientOwnerId === null) return null;
  return {
    id: row.id,
    ownerId: row.ownerId,
    clientId: row.clientId,
    clientPublicId: row.clientPublicId,
    scope: row.scope,
    audience: row.audience,
    expiresAt: row.expiresAt,
    clientPermissions: row.clientPermissions,
    createdVia: row.createdVia as CreatedVia,
    grantId: row.grantId,
    createdAt: row.createdAt,
  };
}
