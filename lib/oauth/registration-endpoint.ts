import "server-only";
import { config } from "@/lib/config/env";
import { parseClientMetadata } from "@/lib/oauth/client-metadata";
import { withCors } from "@/lib/oauth/cors";
import { oauthEndpoint } from "@/lib/oauth/oauth-endpoint";
import { oauthJson } from "@/lib/oauth/oauth-error";
import { registerClient } from "@/lib/oauth/register-client";
import { readJsonObject } from "@/lib/oauth/request-body";

/** POST /oauth/register (RFC 7591): 201 with the registered metadata, the secret only for confidential clients. */
export async function handleRegistrationRequest(request: Request): Promise<Response> {
  return withCors(
    await oauthEndpoint("register", async () => {
      if (!config().dynamicRegistration) {
        return oauthJson(
          { error: "access_denied", error_description: "Dynamic client registration is turned off on this server. Create the client in the dashboard." },
          403,
        );
      }
      const metadata = parseClientMetadata(await readJsonObject(request), "client_secret_basic");
      const registered = await registerClient(metadata);
      return oauthJson(
        {
          client_id: registered.clientId,
          client_id_issued_at: Math.floor(registered.createdAt.getTime() / 1000),
          ...(registered.clientSecret ? { client_secret: registered.clientSecret, client_secret_expires_at: 0 } : {}),
          client_name: metadata.name,
          redirect_uris: metadata.redirectUris,
          token_endpoint_auth_method: metadata.tokenEndpointAuthMethod,
          ...metadata.extra,
        },
        201,
      );
    }),
    "POST, OPTIONS",
  );
}
