import "server-only";
import { hashSecret, secretKindOf } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
import { authenticateClient } from "@/lib/oauth/authenticate-client";
import { withCors } from "@/lib/oauth/cors";
import { issuedTo } from "@/lib/oauth/issued-to";
import { oauthEndpoint } from "@/lib/oauth/oauth-endpoint";
import { NO_STORE, OAuthError } from "@/lib/oauth/oauth-error";
import { param, readFormBody } from "@/lib/oauth/request-body";
import { revokeGrant } from "@/lib/oauth/revoke-grant";

/**
 * POST /oauth/revoke (RFC 7009). The client authenticates (a public client
 * by its client_id). A token is revoked only when it was issued to that
 * client; the answer is 200 whatever the token was, so the endpoint tells
 * nobody whether a token exists. Revoking a refresh token revokes its whole
 * grant, access tokens included (§2.1).
 */
export async function handleRevocationRequest(request: Request): Promise<Response> {
  return withCors(
    await oauthEndpoint("revoke", async () => {
      const params = await readFormBody(request);
      const { client } = await authenticateClient(request.headers.get("authorization"), params, { issuedTo: () => issuedTo(params.get("token")) });
      const token = param(params, "token");
      if (!token) throw new OAuthError("invalid_request", "The token parameter is required.");
      // The prefix names the kind, so token_type_hint is not needed to find it.
      const kind = secretKindOf(token);
      if (kind === "access_token") {
        await db().accessToken.deleteMany({ where: { tokenHash: hashSecret(token), clientId: client.id } });
      } else if (kind === "refresh_token") {
        const row = await db().refreshToken.findUnique({ where: { tokenHash: hashSecret(token) }, select: { clientId: true, grantId: true } });
        if (row && row.clientId === client.id) await revokeGrant(row.grantId);
      }
      return new Response(null, { status: 200, headers: NO_STORE });
    }),
  );
}
