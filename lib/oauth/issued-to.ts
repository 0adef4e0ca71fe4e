import "server-only";
import { hashSecret, secretKindOf } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";

/**
 * The client row (OAuthClient.id) an authorization code, refresh token or
 * access token was issued to, or null. Used to tell apart the per-owner rows
 * of a metadata-document client, which share one client_id.
 */
export async function issuedTo(value: string | null): Promise<string | null> {
  if (!value) return null;
  const where = { tokenHash: hashSecret(value) };
  const select = { clientId: true } as const;
  switch (secretKindOf(value)) {
    case "authorization_code":
      return (await db().authorizationCode.findUnique({ where: { codeHash: hashSecret(value) }, select }))?.clientId ?? null;
    case "refresh_token":
      return (await db().refreshToken.findUnique({ where, select }))?.clientId ?? null;
    case "access_token":
      return (await db().accessToken.findUnique({ where, select }))?.clientId ?? null;
    default:
      return null;
  }
}
