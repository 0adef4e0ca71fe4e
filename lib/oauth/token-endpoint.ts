import "server-only";
import { isPromise } from "@/lib/async/maybe-promise";
import { authenticateClient } from "@/lib/oauth/authenticate-client";
import { authorizationCodeGrant } from "@/lib/oauth/authorization-code-grant";
import { clientCredentialsGrant } from "@/lib/oauth/client-credentials-grant";
import { requireRegisteredGrant } from "@/lib/oauth/client-grant-types";
import { withCors } from "@/lib/oauth/cors";
import { OAuthError, oauthJson } from "@/lib/oauth/oauth-error";
import { issuedTo } from "@/lib/oauth/issued-to";
import { oauthEndpoint } from "@/lib/oauth/oauth-endpoint";
import { refreshTokenGrant } from "@/lib/oauth/refresh-token-grant";
import { param, readFormBody } from "@/lib/oauth/request-body";

/**
 * POST /oauth/token: parse, authenticate the client, dispatch to the grant.
 * Every answer is JSON with Cache-Control: no-store; errors are RFC 6749
 * §5.2 bodies.
 */
export async function handleTokenRequest(request: Request): Promise<Response> {
  return withCors(await oauthEndpoint("token", async () => {
    // Each step is awaited only when it gives a promise (see lib/async/maybe-promise.ts).
    const reading = readFormBody(request);
    const params = isPromise(reading) ? await reading : reading;
    // A metadata-document client_id has a row per owner: the one the code or refresh token was issued to.
    const presented = params.get(params.get("grant_type") === "refresh_token" ? "refresh_token" : "code");
    const authenticating = authenticateClient(request.headers.get("authorization"), params, { issuedTo: () => issuedTo(presented) });
    const { client, method } = isPromise(authenticating) ? await authenticating : authenticating;
    const grantType = param(params, "grant_type");
    switch (grantType) {
      case "authorization_code":
        requireRegisteredGrant(client, grantType);
        return oauthJson(await authorizationCodeGrant(client, params));
      case "refresh_token":
        requireRegisteredGrant(client, grantType);
        return oauthJson(await refreshTokenGrant(client, params));
      case "client_credentials":
        requireRegisteredGrant(client, grantType);
        return oauthJson(await clientCredentialsGrant(client, method, params));
      case null:
        throw new OAuthError("invalid_request", "The grant_type parameter is required.");
      default:
        throw new OAuthError("unsupported_grant_type", "Supported grant types: authorization_code, refresh_token, client_credentials.");
    }
  }));
}
