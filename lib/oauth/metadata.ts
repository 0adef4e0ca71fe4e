import "server-only";
import { config } from "@/lib/config/env";
import { SCOPES_SUPPORTED } from "@/lib/permissions/scopes";

export const TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"] as const;

/**
 * RFC 8414 authorization server metadata. `issuer` is exactly the configured
 * public URL, the same string sent as `iss` in every authorization response.
 */
export function authorizationServerMetadata() {
  const { publicUrl: issuer, dynamicRegistration } = config();
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize`,
    token_endpoint: `${issuer}/oauth/token`,
    revocation_endpoint: `${issuer}/oauth/revoke`,
    introspection_endpoint: `${issuer}/oauth/introspect`,
    ...(dynamicRegistration ? { registration_endpoint: `${issuer}/oauth/register` } : {}),
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: [...TOKEN_ENDPOINT_AUTH_METHODS],
    revocation_endpoint_auth_methods_supported: [...TOKEN_ENDPOINT_AUTH_METHODS],
    introspection_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    scopes_supported: SCOPES_SUPPORTED,
    authorization_response_iss_parameter_supported: true,
    client_id_metadata_document_supported: true,
  };
}
