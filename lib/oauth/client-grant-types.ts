import "server-only";
import type { OAuthClient } from "@prisma/client";
import { OAuthError } from "@/lib/oauth/oauth-error";

export type GrantType = "authorization_code" | "refresh_token" | "client_credentials";

/** RFC 7591 §2: a registration that names no grant types asked for authorization_code only. */
const REGISTERED_BY_DEFAULT: readonly string[] = ["authorization_code"];

/**
 * Whether a client may use a grant type at the token endpoint. A client an
 * owner made in the dashboard may use all three (its owner chose them by
 * choosing its type; a public client still cannot use client_credentials).
 * A dynamically registered or metadata-document client may use only the
 * grant types it registered (RFC 7591 §2), kept in its metadata.
 */
export function clientMayUseGrant(client: Pick<OAuthClient, "registration" | "metadata">, grantType: GrantType): boolean {
  if (client.registration === "dashboard") return true;
  return registeredGrantTypes(client.metadata).includes(grantType);
}

function registeredGrantTypes(metadata: string): readonly string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    return REGISTERED_BY_DEFAULT;
  }
  const listed = typeof parsed === "object" && parsed !== null ? (parsed as { grant_types?: unknown }).grant_types : undefined;
  return Array.isArray(listed) ? listed.filter((g): g is string => typeof g === "string") : REGISTERED_BY_DEFAULT;
}

/** unauthorized_client (RFC 6749 §5.2) for a grant type the client did not register. */
export function requireRegisteredGrant(client: Pick<OAuthClient, "registration" | "metadata">, grantType: GrantType): void {
  if (!clientMayUseGrant(client, grantType)) {
    throw new OAuthError("unauthorized_client", `This client did not register the ${grantType} grant type; register it to use it.`);
  }
}
