import "server-only";
import type { OAuthClient } from "@prisma/client";
import { redirectUriMatches } from "@/lib/clients/redirect-uris";
import { config } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { isPlausibleClientId } from "@/lib/oauth/client-id";
import { isMetadataDocumentUrl, loadMetadataDocumentClient, MetadataDocumentError } from "@/lib/oauth/client-metadata-document";
import { errorDescriptionText, OAuthError } from "@/lib/oauth/oauth-error";
import { isS256Challenge } from "@/lib/oauth/pkce";
import { audienceFromResources } from "@/lib/oauth/resources";
import { parseScope } from "@/lib/permissions/scopes";

/** The parameters of an authorization request Latch reads; others are ignored. */
export const AUTHORIZATION_PARAMS = [
  "response_type",
  "client_id",
  "redirect_uri",
  "scope",
  "state",
  "code_challenge",
  "code_challenge_method",
  "resource",
  "response_mode",
] as const;

export interface AuthorizationRequest {
  client: OAuthClient;
  /** Exactly as the client sent it; the code is bound to this string. */
  redirectUri: string;
  state: string | null;
  /** Canonical scope string, or null for everything the client allows. */
  scope: string | null;
  codeChallenge: string | null;
  audience: string | null;
  /** The recognised parameters as received, carried by the consent form. */
  params: URLSearchParams;
}

export type AuthorizationCheck =
  | { kind: "ok"; request: AuthorizationRequest }
  /** Unknown client or redirect URI: an error page, never a redirect. */
  | { kind: "fatal"; title: string; message: string }
  /** Any other error, sent back to the client's redirect URI. */
  | { kind: "redirect"; location: string };

/** The redirect back to the client: the given parameters plus `iss` (RFC 9207). */
export function authorizationResponseUrl(redirectUri: string, values: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(values)) if (value !== null) url.searchParams.set(key, value);
  url.searchParams.set("iss", config().publicUrl);
  return url.href;
}

/** Only the recognised parameters, in a stable order, for carrying and signing. */
export function recognisedParams(input: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of AUTHORIZATION_PARAMS) for (const value of input.getAll(key)) out.append(key, value);
  return out;
}

const fatal = (title: string, message: string): AuthorizationCheck => ({ kind: "fatal", title, message });
const UNKNOWN_CLIENT = fatal(
  "Unknown app",
  "The app that sent you here is not registered with Latch, or its link is incomplete. Go back to the app and try connecting again.",
);

/**
 * The client a client_id names. A metadata document URL may have one row per
 * owner: the signed-in owner's, else the ownerless cached copy. Other client
 * ids are random and name one row.
 */
async function findClient(clientId: string, ownerId: string | null): Promise<OAuthClient | MetadataDocumentError | null> {
  if (isMetadataDocumentUrl(clientId)) {
    try {
      return await loadMetadataDocumentClient(clientId, ownerId);
    } catch (error) {
      if (error instanceof MetadataDocumentError) return error;
      throw error;
    }
  }
  return db().oAuthClient.findFirst({ where: { clientId, registration: { not: "metadata_document" } } });
}

function registeredRedirectUris(client: OAuthClient): string[] {
  try {
    const value: unknown = JSON.parse(client.redirectUris);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Checks an authorization request (RFC 6749 §4.1.1, OAuth 2.1). The client
 * and redirect URI come first: until both are known good nothing may be sent
 * to the redirect URI. After that every problem goes back to the client as
 * `error`, `error_description`, `state` and `iss`. `ownerId` is the
 * signed-in owner, if any: it picks their own row of a metadata-document client.
 */
export async function checkAuthorizationRequest(input: URLSearchParams, ownerId: string | null): Promise<AuthorizationCheck> {
  const params = recognisedParams(input);
  const clientIds = params.getAll("client_id");
  if (clientIds.length !== 1 || !isPlausibleClientId(clientIds[0]!)) return UNKNOWN_CLIENT;
  const found = await findClient(clientIds[0]!, ownerId);
  if (found instanceof MetadataDocumentError) return fatal("This app could not be verified", found.message);
  if (!found) return UNKNOWN_CLIENT;
  const client = found;

  const redirectUris = params.getAll("redirect_uri");
  const redirectUri = redirectUris[0];
  if (redirectUris.length !== 1 || !redirectUri || /[\s\u0000-\u001f\u007f]/.test(redirectUri)) {
    return fatal("Missing redirect address", "The app did not say where to send you back (redirect_uri), so Latch cannot continue. Go back to the app and try again.");
  }
  if (!registeredRedirectUris(client).some((registered) => redirectUriMatches(registered, redirectUri))) {
    return fatal(
      "Redirect address not registered",
      "The app asked to send you back to an address it has not registered with Latch, so Latch will not send you there. If you manage this app, add the exact redirect URI to it in Latch.",
    );
  }

  const states = params.getAll("state");
  const state = states.length === 1 && states[0]!.length <= 2000 ? states[0]! : null;
  const fail = (error: string, description: string): AuthorizationCheck => ({
    kind: "redirect",
    location: authorizationResponseUrl(redirectUri, { error, error_description: errorDescriptionText(description), state }),
  });

  for (const key of AUTHORIZATION_PARAMS) {
    if (key !== "resource" && params.getAll(key).length > 1) return fail("invalid_request", `The ${key} parameter was sent more than once.`);
  }
  if (states.length === 1 && state === null) return fail("invalid_request", "The state parameter is too long (at most 2000 characters).");
  if (client.disabled) return fail("unauthorized_client", "This client is disabled.");
  const responseType = params.get("response_type");
  if (!responseType) return fail("invalid_request", "The response_type parameter is required.");
  if (responseType !== "code") return fail("unsupported_response_type", 'Only response_type=code is supported.');
  const responseMode = params.get("response_mode");
  if (responseMode !== null && responseMode !== "query") return fail("invalid_request", "Only response_mode=query is supported.");

  const challenge = params.get("code_challenge");
  const method = params.get("code_challenge_method");
  if (method !== null && method !== "S256") return fail("invalid_request", "Only code_challenge_method=S256 is supported; plain is refused.");
  if (challenge !== null) {
    if (method === null) return fail("invalid_request", "Send code_challenge_method=S256 with the code_challenge (plain is refused).");
    if (!isS256Challenge(challenge)) return fail("invalid_request", "The code_challenge must be a base64url SHA-256 (43 characters).");
  } else if (method !== null) {
    return fail("invalid_request", "code_challenge_method was sent without a code_challenge.");
  } else if (client.type !== "confidential") {
    return fail("invalid_request", "PKCE is required for public clients: send code_challenge and code_challenge_method=S256.");
  }

  const scope = parseScope(params.get("scope"));
  if (!scope.ok) return fail("invalid_scope", `Unknown scope: ${scope.invalid.slice(0, 5).join(" ").slice(0, 200)}.`);
  let audience: string | null;
  try {
    audience = audienceFromResources(params.getAll("resource"));
  } catch (error) {
    if (error instanceof OAuthError) return fail(error.code, error.description);
    throw error;
  }

  return {
    kind: "ok",
    request: {
      client,
      redirectUri,
      state,
      scope: scope.scopes.length > 0 ? scope.scopes.join(" ") : null,
      codeChallenge: challenge,
      audience,
      params,
    },
  };
}

/** Whether an owner may authorize this client: their own, or one nobody has connected yet. */
export function clientAvailableTo(client: OAuthClient, ownerId: string): boolean {
  return client.ownerId === null || client.ownerId === ownerId;
}
