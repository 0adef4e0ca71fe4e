import "server-only";
import type { OAuthClient, Prisma } from "@prisma/client";
import { generateSecret, hashSecret } from "@/lib/crypto/secrets";
import { ACCESS_TOKEN_TTL, REFRESH_TOKEN_TTL, secondsFromNow } from "@/lib/oauth/lifetimes";
import { scopeStringForStoredKeys } from "@/lib/permissions/scopes";
import { mintAccessToken } from "@/lib/tokens/mint-access-token";
import type { CreatedVia } from "@/lib/tokens/token-kinds";

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
  refresh_token?: string;
}

export interface IssueTokensInput {
  client: OAuthClient;
  ownerId: string;
  createdVia: Exclude<CreatedVia, "manual">;
  /** The narrowed scope string, or null for everything the client allows. */
  accessScope: string | null;
  audience: string | null;
  grantId: string | null;
  /** Issue a refresh token for the whole grant: its scope and audience, not the narrowed ones. */
  refresh: { scope: string | null; audience: string | null } | null;
}

/** The scope string a token answer reports: the granted scopes, or those covering the client's permissions. */
export function grantedScope(client: Pick<OAuthClient, "permissions">, scope: string | null): string {
  return scope ?? scopeStringForStoredKeys(client.permissions);
}

/** Mints the access token (and refresh token) of one successful grant, inside the caller's transaction. */
export async function issueTokens(input: IssueTokensInput, tx: Prisma.TransactionClient): Promise<TokenResponse> {
  const now = Date.now();
  const access = await mintAccessToken(
    {
      ownerId: input.ownerId,
      clientId: input.client.id,
      name: `OAuth: ${input.client.name}`.slice(0, 120),
      createdVia: input.createdVia,
      expiresAt: secondsFromNow(ACCESS_TOKEN_TTL, now),
      scope: input.accessScope,
      audience: input.audience,
      grantId: input.grantId,
    },
    tx,
  );
  const body: TokenResponse = {
    access_token: access.token,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL,
    scope: grantedScope(input.client, input.accessScope),
  };
  if (input.refresh && input.grantId) {
    const refreshToken = generateSecret("refresh_token");
    await tx.refreshToken.create({
      data: {
        tokenHash: hashSecret(refreshToken),
        ownerId: input.ownerId,
        clientId: input.client.id,
        grantId: input.grantId,
        scope: input.refresh.scope,
        audience: input.refresh.audience,
        expiresAt: secondsFromNow(REFRESH_TOKEN_TTL, now),
      },
    });
    body.refresh_token = refreshToken;
  }
  return body;
}

