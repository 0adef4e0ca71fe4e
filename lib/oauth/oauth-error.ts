// OAuth errors as the RFCs spell them (RFC 6749 §5.2, RFC 6750, RFC 7009,
// RFC 7591 §3.2.2, RFC 8707). Descriptions are written for the developer of
// the client and never contain a secret, a code or a token.

import { TextResponse } from "@/lib/http/text-response";
import { JsonText } from "@/lib/http/json-text";

export const OAUTH_ERROR_STATUS = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  invalid_scope: 400,
  invalid_target: 400,
  unsupported_token_type: 400,
  invalid_redirect_uri: 400,
  invalid_client_metadata: 400,
  access_denied: 403,
  server_error: 500,
} as const;

export type OAuthErrorCode = keyof typeof OAUTH_ERROR_STATUS;

/** Headers every OAuth JSON answer carries: tokens and errors are never cached. */
export const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" } as const;

export class OAuthError extends Error {
  override name = "OAuthError";
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    /** Extra response headers, e.g. WWW-Authenticate for invalid_client over Basic. */
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }

  get status(): number {
    return OAUTH_ERROR_STATUS[this.code];
  }
}

/** A JSON answer with the no-store headers; a JsonText body is sent as it is written. */
export function oauthJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new TextResponse(body instanceof JsonText ? body.text : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...NO_STORE, ...headers },
  });
}

/**
 * An error_description as RFC 6749 allows it (§5.2, §4.1.2.1: printable
 * ASCII without `"` and `\`). Descriptions may quote what the client sent (an
 * unknown scope, a grant type), so a double quote becomes a single one, a
 * backslash a slash, and anything else outside the set a question mark.
 */
export function errorDescriptionText(text: string): string {
  return text.replace(/"/g, "'").replace(/\\/g, "/").replace(/[^\x20-\x7E]/g, "?");
}

/** `{error, error_description}` with the code's HTTP status. */
export function oauthErrorResponse(error: OAuthError): Response {
  return oauthJson({ error: error.code, error_description: errorDescriptionText(error.description) }, error.status, error.headers);
}

/** The endpoint answers POST only. */
export function methodNotAllowed(): Response {
  return oauthJson({ error: "invalid_request", error_description: "Use POST." }, 405, { Allow: "POST, OPTIONS" });
}
