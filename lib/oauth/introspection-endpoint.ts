import "server-only";
import { isPromise } from "@/lib/async/maybe-promise";
import { config } from "@/lib/config/env";
import { JsonText, withJsonMember } from "@/lib/http/json-text";
import { authenticateClient } from "@/lib/oauth/authenticate-client";
import { withCors } from "@/lib/oauth/cors";
import { findIntrospectedToken, readAccessTokenEarly } from "@/lib/oauth/find-introspected-token";
import { grantedScope } from "@/lib/oauth/issue-tokens";
import { oauthEndpoint } from "@/lib/oauth/oauth-endpoint";
import { OAuthError, oauthJson } from "@/lib/oauth/oauth-error";
import { param, readFormBody } from "@/lib/oauth/request-body";
import { allowedResources } from "@/lib/oauth/resources";
import { effectivePermissionsOf, sortedKeysJson } from "@/lib/permissions/scopes";

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
      // Each step is awaited only when it gives a promise (see lib/async/maybe-promise.ts).
      const reading = readFormBody(request);
      const params = isPromise(reading) ? await reading : reading;
      const token = param(params, "token");
      const early = readAccessTokenEarly(token);
      const authenticating = authenticateClient(request.headers.get("authorization"), params, { dataVersion: early?.dataVersion });
      const { client, method } = isPromise(authenticating) ? await authenticating : authenticating;
      if (method === "none") throw new OAuthError("invalid_client", "Introspection needs a confidential client authenticated with its secret.");
      if (!token) throw new OAuthError("invalid_request", "The token parameter is required.");
      const finding = findIntrospectedToken(token, client, early);
      const found = isPromise(finding) ? await finding : finding;
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
