// Validation of RFC 7591 client metadata, shared by dynamic registration and
// Client ID Metadata Documents. Errors carry the RFC 7591 §3.2.2 codes.
import { MAX_REDIRECT_URIS, redirectUriProblem } from "@/lib/clients/redirect-uris";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { parseScope } from "@/lib/permissions/scopes";

export const REGISTRABLE_AUTH_METHODS = ["none", "client_secret_basic", "client_secret_post"] as const;
export type RegistrableAuthMethod = (typeof REGISTRABLE_AUTH_METHODS)[number];
const GRANT_TYPES = ["authorization_code", "refresh_token", "client_credentials"] as const;

export interface ClientMetadata {
  redirectUris: string[];
  name: string;
  tokenEndpointAuthMethod: RegistrableAuthMethod;
  /** Everything else worth keeping, echoed back as registered. */
  extra: {
    grant_types: string[];
    response_types: string[];
    client_uri?: string;
    logo_uri?: string;
    tos_uri?: string;
    policy_uri?: string;
    contacts?: string[];
    software_id?: string;
    software_version?: string;
    scope?: string;
  };
}

const bad = (description: string) => new OAuthError("invalid_client_metadata", description);

/** Printable text, control characters removed, trimmed and bounded. */
export function cleanText(value: string, max: number): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim().slice(0, max);
}

function optionalString(input: Record<string, unknown>, key: string, max: number): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw bad(`${key} must be a string.`);
  const text = cleanText(value, max);
  return text || undefined;
}

function optionalUrl(input: Record<string, unknown>, key: string): string | undefined {
  const value = optionalString(input, key, 2000);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw bad(`${key} must be an absolute https URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw bad(`${key} must be an absolute https URL.`);
  return url.href;
}

function stringList(input: Record<string, unknown>, key: string, fallback: string[]): string[] {
  const value = input[key];
  if (value === undefined || value === null) return fallback;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw bad(`${key} must be an array of strings.`);
  return [...new Set(value as string[])];
}

function redirectUris(input: Record<string, unknown>): string[] {
  const value = input.redirect_uris;
  if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== "string")) {
    throw new OAuthError("invalid_redirect_uri", "redirect_uris must be a non-empty array of URIs.");
  }
  const uris = [...new Set(value as string[])];
  if (uris.length > MAX_REDIRECT_URIS) throw new OAuthError("invalid_redirect_uri", `At most ${MAX_REDIRECT_URIS} redirect URIs.`);
  for (const uri of uris) {
    const problem = uri === uri.trim() ? redirectUriProblem(uri) : "A redirect URI cannot start or end with spaces.";
    if (problem) throw new OAuthError("invalid_redirect_uri", problem);
  }
  return uris;
}

function fallbackName(uris: string[]): string {
  try {
    const host = new URL(uris[0]!).hostname;
    return host ? `App at ${host}` : "Unnamed app";
  } catch {
    return "Unnamed app";
  }
}

/** Parses and checks client metadata; unknown fields are ignored (RFC 7591 §2). */
export function parseClientMetadata(input: Record<string, unknown>, defaultAuthMethod: RegistrableAuthMethod): ClientMetadata {
  const uris = redirectUris(input);
  const method = input.token_endpoint_auth_method ?? defaultAuthMethod;
  if (typeof method !== "string" || !(REGISTRABLE_AUTH_METHODS as readonly string[]).includes(method)) {
    throw bad(`token_endpoint_auth_method must be one of: ${REGISTRABLE_AUTH_METHODS.join(", ")}.`);
  }
  const authMethod = method as RegistrableAuthMethod;
  const grantTypes = stringList(input, "grant_types", ["authorization_code"]);
  const unknownGrant = grantTypes.find((g) => !(GRANT_TYPES as readonly string[]).includes(g));
  if (unknownGrant !== undefined) throw bad(`Unsupported grant type ${JSON.stringify(unknownGrant.slice(0, 50))}; use ${GRANT_TYPES.join(", ")}.`);
  if (!grantTypes.includes("authorization_code") && !grantTypes.includes("client_credentials")) {
    throw bad("grant_types must include authorization_code or client_credentials: a client gets its first token with one of them.");
  }
  if (grantTypes.includes("client_credentials") && authMethod === "none") {
    throw bad("client_credentials needs a confidential client (token_endpoint_auth_method client_secret_basic or client_secret_post).");
  }
  const responseTypes = stringList(input, "response_types", ["code"]);
  if (responseTypes.some((r) => r !== "code")) throw bad('Only the "code" response type is supported.');
  const scopeText = optionalString(input, "scope", 2000);
  let scope: string | undefined;
  if (scopeText !== undefined) {
    const parsed = parseScope(scopeText);
    if (!parsed.ok) throw bad(`Unknown scope: ${parsed.invalid.slice(0, 5).join(" ").slice(0, 200)}.`);
    scope = parsed.scopes.join(" ") || undefined;
  }
  const contacts = stringList(input, "contacts", []).map((c) => cleanText(c, 200)).filter(Boolean).slice(0, 5);
  return {
    redirectUris: uris,
    name: optionalString(input, "client_name", 100) ?? fallbackName(uris),
    tokenEndpointAuthMethod: authMethod,
    extra: {
      grant_types: grantTypes,
      response_types: responseTypes,
      client_uri: optionalUrl(input, "client_uri"),
      logo_uri: optionalUrl(input, "logo_uri"),
      tos_uri: optionalUrl(input, "tos_uri"),
      policy_uri: optionalUrl(input, "policy_uri"),
      ...(contacts.length ? { contacts } : {}),
      software_id: optionalString(input, "software_id", 200),
      software_version: optionalString(input, "software_version", 100),
      scope,
    },
  };
}
