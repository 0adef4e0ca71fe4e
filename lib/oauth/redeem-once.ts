import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/prisma";
import type { TokenResponse } from "@/lib/oauth/issue-tokens";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { revokeGrant } from "@/lib/oauth/revoke-grant";

/** Interactive transactions queue on SQLite; give racing requests room to wait their turn. */
const GRANT_TRANSACTION = { maxWait: 15_000, timeout: 15_000 } as const;

class AlreadyUsed extends Error {
  override name = "AlreadyUsed";
}

/**
 * A single-use credential (an authorization code, a refresh token) presented
 * again: the whole grant is revoked, and the answer is `invalid_grant`.
 */
export async function refuseReuse(grantId: string, message: string): Promise<never> {
  await revokeGrant(grantId);
  throw new OAuthError("invalid_grant", message);
}

/**
 * Spends a single-use credential and issues tokens in one transaction.
 * `claim` marks it used with a conditional update and returns how many rows
 * it changed: of requests racing with one credential exactly one sees 1; the
 * others are treated as reuse.
 */
export async function redeemOnce(
  grantId: string,
  message: string,
  claim: (tx: Prisma.TransactionClient) => Promise<number>,
  issue: (tx: Prisma.TransactionClient) => Promise<TokenResponse>,
): Promise<TokenResponse> {
  try {
    return await db().$transaction(async (tx) => {
      if ((await claim(tx)) !== 1) throw new AlreadyUsed();
      return issue(tx);
    }, GRANT_TRANSACTION);
  } catch (error) {
    if (!(error instanceof AlreadyUsed)) throw error;
    return refuseReuse(grantId, message);
  }
}
