import "server-only";
import { randomUUID } from "node:crypto";
import { generateSecret, hashSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
import type { AuthorizationRequest } from "@/lib/oauth/authorization-request";
import { AUTHORIZATION_CODE_TTL, secondsFromNow } from "@/lib/oauth/lifetimes";

/**
 * A single-use authorization code for an owner's Allow: stored by hash,
 * valid 10 minutes, bound to the client, redirect URI, PKCE challenge,
 * resource and scope, and starting a new grant.
 */
export async function createAuthorizationCode(ownerId: string, request: AuthorizationRequest): Promise<string> {
  const code = generateSecret("authorization_code");
  // Codes long past their expiry serve no purpose (not even reuse detection).
  await db().authorizationCode.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 24 * 60 * 60 * 1000) } } });
  await db().authorizationCode.create({
    data: {
      codeHash: hashSecret(code),
      ownerId,
      clientId: request.client.id,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      codeChallengeMethod: request.codeChallenge ? "S256" : null,
      scope: request.scope,
      audience: request.audience,
      grantId: randomUUID(),
      expiresAt: secondsFromNow(AUTHORIZATION_CODE_TTL),
    },
  });
  return code;
}
