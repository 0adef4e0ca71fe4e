import "server-only";
import type { OAuthClient } from "@prisma/client";
import { hashSecret, secretKindOf } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
import { clientMayUseGrant } from "@/lib/oauth/client-grant-types";
import { issueTokens, type TokenResponse } from "@/lib/oauth/issue-tokens";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { verifyPkce } from "@/lib/oauth/pkce";
import { param } from "@/lib/oauth/request-body";
import { narrowedAudience } from "@/lib/oauth/resources";
import { redeemOnce, refuseReuse } from "@/lib/oauth/redeem-once";

const BAD_CODE = "The authorization code is invalid, expired, already used, or was issued to another client.";

/**
 * grant_type=authorization_code (RFC 6749 §4.1.3, RFC 7636, RFC 8707). A code
 * is single-use, at most 10 minutes old, and bound to its client, redirect
 * URI, PKCE challenge and resource (which the token request may narrow). A second use revokes every token issued
 * from it; of two requests racing with one code, exactly one wins.
 */
export async function authorizationCodeGrant(client: OAuthClient, params: URLSearchParams): Promise<TokenResponse> {
  const code = param(params, "code");
  if (!code) throw new OAuthError("invalid_request", "The code parameter is required.");
  const redirectUri = param(params, "redirect_uri");
  if (!redirectUri) throw new OAuthError("invalid_request", "The redirect_uri parameter is required.");
  const verifier = param(params, "code_verifier");
  if (secretKindOf(code) !== "authorization_code") throw new OAuthError("invalid_grant", BAD_CODE);

  const row = await db().authorizationCode.findUnique({ where: { codeHash: hashSecret(code) } });
  if (!row || row.clientId !== client.id || row.ownerId !== client.ownerId) throw new OAuthError("invalid_grant", BAD_CODE);
  if (row.usedAt) return refuseReuse(row.grantId, BAD_CODE);
  if (row.expiresAt <= new Date()) throw new OAuthError("invalid_grant", BAD_CODE);
  if (row.redirectUri !== redirectUri) {
    throw new OAuthError("invalid_grant", "The redirect_uri differs from the one in the authorization request.");
  }
  if (row.codeChallenge) {
    if (!verifier) throw new OAuthError("invalid_grant", "The code_verifier parameter is required (PKCE).");
    if (!verifyPkce(verifier, row.codeChallenge)) throw new OAuthError("invalid_grant", "The code_verifier does not match the code_challenge.");
  } else if (verifier) {
    throw new OAuthError("invalid_grant", "A code_verifier was sent, but the authorization request had no code_challenge.");
  }
  const audience = narrowedAudience(params.getAll("resource"), row.audience, "The resource differs from the one in the authorization request.");

  return redeemOnce(
    row.grantId,
    BAD_CODE,
    async (tx) => (await tx.authorizationCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } })).count,
    (tx) =>
      issueTokens(
        {
          client,
          ownerId: row.ownerId,
          createdVia: "authorization_code",
          accessScope: row.scope,
          audience,
          grantId: row.grantId,
          // A refresh token only for a client that registered that grant type (RFC 7591 §2).
          refresh: clientMayUseGrant(client, "refresh_token") ? { scope: row.scope, audience: row.audience } : null,
        },
        tx,
      ),
  );
}
