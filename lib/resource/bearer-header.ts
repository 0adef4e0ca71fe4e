// Reading a bearer token from a request (RFC 6750). Pure functions, so the
// parsing rules are unit-tested without a server.
//
// Only the Authorization header is accepted. RFC 6750 also allows a form body
// parameter and a query parameter; Latch supports neither, and a token in the
// query string is refused outright (it ends up in logs and browser history).
import { queryParams } from "@/lib/http/query-params";

/** RFC 6750 §2.1 `b64token` (token68) characters, with optional `=` padding. */
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

export type BearerHeader =
  /** No Authorization header, or one for another scheme (e.g. Basic). */
  | { kind: "none" }
  /** `Bearer` with no token, several tokens or characters outside token68. */
  | { kind: "malformed" }
  | { kind: "token"; token: string };

export function parseBearerHeader(header: string | null): BearerHeader {
  if (header === null) return { kind: "none" };
  const value = header.trim();
  const space = value.search(/[ \t]/);
  const scheme = space === -1 ? value : value.slice(0, space);
  // The scheme is case-insensitive (RFC 9110 §11.1).
  if (scheme.toLowerCase() !== "bearer") return { kind: "none" };
  if (space === -1) return { kind: "malformed" };
  const credentials = value.slice(space).trim();
  if (!TOKEN68.test(credentials)) return { kind: "malformed" };
  return { kind: "token", token: credentials };
}

/** True when the URL carries an `access_token` query parameter (refused). */
export function hasTokenInQuery(url: string): boolean {
  try {
    return queryParams(url)?.has("access_token") ?? false;
  } catch {
    return false;
  }
}
