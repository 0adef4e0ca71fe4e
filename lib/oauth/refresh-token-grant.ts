import "server-only";
import type { OAuthClient } from "@prisma/client";
import { hashSecret, secretKindOf } from "@/lib/crypto/secrets";
import { issueTokens, type IssueTokensInput, type TokenResponse } from "@/lib/oauth/issue-tokens";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { param } from "@/lib/oauth/request-body";
import { narrowedAudience } from "@/lib/oauth/resources";
import { redeemOnce, refuseReuse } from "@/lib/oauth/redeem-once";
import { deleteExpiredOfGrant, findRefreshToken, rotateRefreshToken } from "@/lib/oauth/refresh-token-store";
import { parseScope } from "@/lib/permissions/scopes";

const BAD_TOKEN = "The refresh token is invalid, expired, revoked, or was issued to another client.";

/** The access token's scope: the request may narrow the grant's scope, never widen it. */
function narrowedScope(requested: string | null, granted: string | null): string | null {
  if (requested === null) return granted;
  const parsed = parseScope(requested);
  if (!parsed.ok) throw new OAuthError("invalid_scope", `Unknown scope: ${parsed.invalid.slice(0, 5).join(" ").slice(0, 200)}.`);
  if (parsed.scopes.length === 0) return granted;
  if (granted !== null) {
    const allowed = new Set(granted.split(" "));
    const wider = parsed.scopes.filter((s) => !allowed.has(s));
    if (wider.length > 0) throw new OAuthError("invalid_scope", `The scope can only narrow the original grant; not granted: ${wider.join(" ")}.`);
  }
  return parsed.scopes.join(" ");
}

/**
 * grant_type=refresh_token (RFC 6749 §6). The refresh token rotates on every
 * use; presenting a spent one revokes the whole grant, and of two requests
 * racing with one token exactly one wins. Latch's own statements do the work
 * (lib/oauth/refresh-token-store.ts), and Prisma when SQLite's direct
 * connection may not write now.
 */
export async function refreshTokenGrant(client: OAuthClient, params: URLSearchParams): Promise<TokenResponse> {
  const token = param(params, "refresh_token");
  if (!token) throw new OAuthError("invalid_request", "The refresh_token parameter is required.");
  if (secretKindOf(token) !== "refresh_token") throw new OAuthError("invalid_grant", BAD_TOKEN);

  const row = await findRefreshToken(hashSecret(token));
  if (!row || row.clientId !== client.id || row.ownerId !== client.ownerId || row.revokedAt) {
    throw new OAuthError("invalid_grant", BAD_TOKEN);
  }
  if (row.usedAt) return refuseReuse(row.grantId, BAD_TOKEN);
  // Written so that an expiry that cannot be read counts as passed.
  if (!(row.expiresAt > new Date())) throw new OAuthError("invalid_grant", BAD_TOKEN);
  const accessScope = narrowedScope(param(params, "scope"), row.scope);
  const audience = narrowedAudience(params.getAll("resource"), row.audience, "The resource differs from the one this grant was issued for.");

  const now = new Date();
  const issue: IssueTokensInput = {
    client,
    ownerId: row.ownerId,
    createdVia: "refresh_token",
    accessScope,
    audience,
    grantId: row.grantId,
    refresh: { scope: row.scope, audience: row.audience },
  };
  const rotated = await rotateRefreshToken(row, issue, now);
  if (rotated === "spent") return refuseReuse(row.grantId, BAD_TOKEN);
  if (rotated !== "busy") return rotated;
  // SQLite's direct connection may not write now: Prisma's path waits its turn.
  return redeemOnce(
    row.grantId,
    BAD_TOKEN,
    async (tx) => {
      const claimed = await tx.refreshToken.updateMany({ where: { id: row.id, usedAt: null, revokedAt: null }, data: { usedAt: now } });
      // Expired tokens of this grant only clutter the owner's token list.
      if (claimed.count === 1) await deleteExpiredOfGrant(tx, row.grantId, now);
      return claimed.count;
    },
    (tx) => issueTokens(issue, tx),
  );
}
