// Reading request bodies for the OAuth endpoints: size-limited, standard
// Request only (no framework helpers), so the same handlers can run anywhere.
import { isPromise, type MaybePromise } from "@/lib/async/maybe-promise";
import { readBodyText, type BodyText } from "@/lib/http/read-body";
import { OAuthError } from "@/lib/oauth/oauth-error";

const MAX_BODY_BYTES = 64 * 1024;

const textOf = (body: BodyText) => (body.ok ? body.text : null);

/** The body as text, refusing anything over the limit without reading it all. At once when the body is in memory. */
export function readLimitedText(request: Request, maxBytes = MAX_BODY_BYTES): MaybePromise<string | null> {
  const body = readBodyText(request, maxBytes);
  return isPromise(body) ? body.then(textOf) : textOf(body);
}

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * A form-encoded POST body (RFC 6749 §3.2). Parameters other than those that
 * may repeat must appear at most once (§3.1, §3.2).
 */
export function readFormBody(request: Request, repeatable: readonly string[] = ["resource"]): MaybePromise<URLSearchParams> {
  if (mediaType(request) !== "application/x-www-form-urlencoded") {
    throw new OAuthError("invalid_request", "Send the parameters form-encoded (Content-Type: application/x-www-form-urlencoded).");
  }
  const text = readLimitedText(request);
  // At once when the body is in memory (see lib/async/maybe-promise.ts).
  return isPromise(text) ? text.then((t) => formParams(t, repeatable)) : formParams(text, repeatable);
}

function formParams(text: string | null, repeatable: readonly string[]): URLSearchParams {
  if (text === null) throw new OAuthError("invalid_request", "The request body is too large.");
  const params = new URLSearchParams(text);
  for (const key of new Set(params.keys())) {
    if (!repeatable.includes(key) && params.getAll(key).length > 1) {
      throw new OAuthError("invalid_request", `The ${key.slice(0, 40)} parameter was sent more than once.`);
    }
  }
  return params;
}

/** A JSON object body (RFC 7591 registration). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  if (mediaType(request) !== "application/json") {
    throw new OAuthError("invalid_client_metadata", "Send the client metadata as JSON (Content-Type: application/json).");
  }
  const text = await readLimitedText(request);
  if (text === null) throw new OAuthError("invalid_client_metadata", "The client metadata is too large.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new OAuthError("invalid_client_metadata", "The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new OAuthError("invalid_client_metadata", "The client metadata must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

/** A non-empty single parameter, or null. */
export function param(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value === null || value === "" ? null : value;
}
