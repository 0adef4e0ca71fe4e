import "server-only";
import type { OAuthClient } from "@prisma/client";
import { db } from "@/lib/db/prisma";
import { issueTokens, type TokenResponse } from "@/lib/oauth/issue-tokens";
import type { ClientAuthMethod } from "@/lib/oauth/authenticate-client";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { param } from "@/lib/oauth/request-body";
import { audienceFromResources } from "@/lib/oauth/resources";
import { parseScope } from "@/lib/permissions/scopes";

/**
 * grant_type=client_credentials (RFC 6749 §4.4): confidential clients only.
 * The token acts for the client's owner with the client's permissions,
 * narrowed by `scope` when one is asked for. No refresh token (§4.4.3).
 */
export async function clientCredentialsGrant(client: OAuthClient, method: ClientAuthMethod, params: URLSearchParams): Promise<TokenResponse> {
  if (method === "none" || client.type !== "confidential") {
    throw new OAuthError("unauthorized_client", "Only confidential clients, authenticated with their secret, may use client_credentials.");
  }
  if (!client.ownerId) {
    throw new OAuthError("unauthorized_client", "This client is not connected to an account yet: an owner must authorize it first.");
  }
  const parsed = parseScope(param(params, "scope"));
  if (!parsed.ok) throw new OAuthError("invalid_scope", `Unknown scope: ${parsed.invalid.slice(0, 5).join(" ").slice(0, 200)}.`);
  const scope = parsed.scopes.length > 0 ? parsed.scopes.join(" ") : null;
  const audience = audienceFromResources(params.getAll("resource"));
  const ownerId = client.ownerId;
  // One insert and nothing to read back: no interactive transaction, which on
  // SQLite would hold the write lock across round trips and queue every request.
  return issueTokens({ client, ownerId, createdVia: "client_credentials", accessScope: scope, audience, grantId: null, refresh: null }, db());
}
