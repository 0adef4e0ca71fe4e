import "server-only";
import type { OAuthClient, Prisma } from "@prisma/client";
import { generateSecret, hashSecret } from "@/lib/crypto/secrets";
import { ACCESS_TOKEN_TTL, REFRESH_TOKEN_TTL, secondsFromNow } from "@/lib/oauth/lifetimes";
import { scopeStringForStoredKeys } from "@/lib/permissions/scopes";
import { accessTokenRow, storeAccessToken, type AccessTokenRow } from "@/lib/tokens/mint-access-token";
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

/** A refresh token made but not yet stored: the plaintext and its row. */
export interface RefreshTokenRow {
  token: string;
  data: {
    tokenHash: string;
    ownerId: string;
    clientId: string;
    grantId: string;
    scope: string | null;
    audience: string | null;
    expiresAt: Date;
  };
}

/** The tokens of one successful grant, made but not yet stored, and the answer that hands them out. */
export interface GrantTokens {
  access: AccessTokenRow;
  refresh: RefreshTokenRow | null;
  body: TokenResponse;
}

/** Makes the access token (and refresh token) of one successful grant; the caller stores them. */
export function grantTokens(input: IssueTokensInput, now = Date.now()): GrantTokens {
  const access = accessTokenRow({
    ownerId: input.ownerId,
    clientId: input.client.id,
    name: `OAuth: ${input.client.name}`.slice(0, 120),
    createdVia: input.createdVia,
    expiresAt: secondsFromNow(ACCESS_TOKEN_TTL, now),
    scope: input.accessScope,
    audience: input.audience,
    grantId: input.grantId,
  });
  const body: TokenResponse = {
    access_token: access.token,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL,
    scope: grantedScope(input.client, input.accessScope),
  };
  if (!input.refresh || !input.grantId) return { access, refresh: null, body };
  const token = generateSecret("refresh_token");
  body.refresh_token = token;
  const data = {
    tokenHash: hashSecret(token),
    ownerId: input.ownerId,
    clientId: input.client.id,
    grantId: input.grantId,
    scope: input.refresh.scope,
    audience: input.refresh.audience,
    expiresAt: secondsFromNow(REFRESH_TOKEN_TTL, now),
  };
  return { access, refresh: { token, data }, body };
}

/** Mints the access token (and refresh token) of one successful grant, inside the caller's transaction. */
export async function issueTokens(input: IssueTokensInput, tx: Prisma.TransactionClient): Promise<TokenResponse> {
  const made = grantTokens(input);
  await storeAccessToken(made.access, tx);
  if (made.refresh) await tx.refreshToken.create({ data: made.refresh.data });
  return made.body;
}
