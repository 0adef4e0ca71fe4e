import "server-only";
import { hashSecret, secretKindOf } from "@/lib/crypto/secrets";
import { config } from "@/lib/config/env";
import { JsonText, withJsonMember } from "@/lib/http/json-text";
import { db } from "@/lib/db/prisma";
import { authenticateClient } from "@/lib/oauth/authenticate-client";
import { withCors } from "@/lib/oauth/cors";
import { grantedScope } from "@/lib/oauth/issue-tokens";
import { oauthEndpoint } from "@/lib/oauth/oauth-endpoint";
import { OAuthError, oauthJson } from "@/lib/oauth/oauth-error";
import { param, readFormBody } from "@/lib/oauth/request-body";
import { allowedResources } from "@/lib/oauth/resources";
import { effectivePermissionsOf, sortedKeysJson } from "@/lib/permissions/scopes";
import { findBearerToken, type KnownClient } from "@/lib/resource/find-bearer-token";

const CLIENT_FIELDS = { clientId: true, permissions: true, disabled: true } as const;

interface Introspected {
  ownerId: string;
  client: { clientId: string; permissions: string; disabled: boolean };
  scope: string | null;
  audience: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  tokenType: "Bearer" | "refresh_token";
}

async function findToken(token: string, asking: KnownClient): Promise<Introspected | null> {
  const kind = secretKindOf(token);
  if (kind === "access_token") {
    // The bearer check's own lookup: one indexed query joined with the client
    // (whose permissions, for a token of the asking client, are those of its row).
    const row = await findBearerToken(token, asking);
    return (
      row && {
        ...row,
        client: { clientId: row.clientPublicId, permissions: row.clientPermissions, disabled: row.clientDisabled },
        tokenType: "Bearer",
      }
    );
  }
  if (kind === "refresh_token") {
    const row = await db().refreshToken.findUnique({ where: { tokenHash: hashSecret(token) }, include: { client: { select: CLIENT_FIELDS } } });
    if (!row || row.usedAt || row.revokedAt) return null;
    return { ...row, tokenType: "refresh_token" };
  }
  return null;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * POST /oauth/introspect (RFC 7662). Only confidential clients, authenticated
 * with their secret, may ask, and only about tokens of their own owner: for
 * anything else (unknown, expired, revoked, another owner's, a disabled
 * client's) the answer is just `{"active": false}`. An active answer adds the
 * token's effective permissions at this moment.
 */
export async function handleIntrospectionRequest(request: Request): Promise<Response> {
  return withCors(
    await oauthEndpoint("introspect", async () => {
      const params = await readFormBody(request);
      const { client, method } = await authenticateClient(request.headers.get("authorization"), params);
      if (method === "none") throw new OAuthError("invalid_client", "Introspection needs a confidential client authenticated with its secret.");
      const token = param(params, "token");
      if (!token) throw new OAuthError("invalid_request", "The token parameter is required.");
      const found = await findToken(token, client);
      const active =
        found !== null &&
        client.ownerId !== null &&
        found.ownerId === client.ownerId &&
        !found.client.disabled &&
        (found.expiresAt === null || found.expiresAt > new Date());
      if (!active) return oauthJson({ active: false });
      const answer = JSON.stringify({
        active: true,
        client_id: found.client.clientId,
        scope: grantedScope(found.client, found.scope),
        ...(found.expiresAt ? { exp: seconds(found.expiresAt) } : {}),
        iat: seconds(found.createdAt),
        sub: found.ownerId,
        // No audience means the token works on every resource.
        aud: found.audience ?? allowedResources().slice(0, 2),
        iss: config().publicUrl,
        token_type: found.tokenType,
      });
      // The permission list as written once for this client and scope.
      const permissions = sortedKeysJson(effectivePermissionsOf(found.client.permissions, found.scope));
      return oauthJson(new JsonText(withJsonMember(answer, "permissions", permissions)));
    }),
  );
}
